#!/usr/bin/env bash
# Runs the peers outside the JVM on the texts a bench run prepared, and writes their figures in the
# bench summary's row format (docs/bench-summary.md):
#   bench/scripts/peers.sh WORKDIR OUT.json [quick|full]
# WORKDIR is the work/ directory of a `stancebench bench` run (texts.txt, lines.txt, train.tsv,
# settings.json). Peers: scikit-learn TF-IDF + logistic regression (Debian python3-sklearn) and the
# fastText command line (Debian fasttext). A missing tool is reported and skipped, never an error.
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 WORKDIR OUT.json [quick|full]" >&2
    exit 2
fi
work="$1"
out="$2"
mode="${3:-full}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for f in texts.txt lines.txt train.tsv; do
    if [ ! -f "$work/$f" ]; then
        echo "peers.sh: $work/$f: no such file (run 'stancebench bench' first)" >&2
        exit 2
    fi
done
# Single-threaded numerics, as the comparison is one thread against one thread.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
# Debian's interpreter, where python3-sklearn installs (a pyenv or venv python would not see it).
python=""
for p in /usr/bin/python3 "$(command -v python3 || true)"; do
    if [ -n "$p" ] && [ -x "$p" ]; then python="$p"; break; fi
done
if [ -z "$python" ]; then
    echo "peers.sh: python3 is missing: all peers skipped" >&2
    printf '{"schemaVersion": 1, "peers": [], "notes": ["python3 missing: scikit-learn and fastText peers skipped"]}\n' > "$out.tmp"
    mv "$out.tmp" "$out"
    exit 0
fi
fasttext_bin="$(command -v fasttext || true)"
exec "$python" "$here/peers.py" --work "$work" --out "$out" --mode "$mode" --fasttext "${fasttext_bin:-}"
