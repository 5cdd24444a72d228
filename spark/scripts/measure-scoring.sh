#!/usr/bin/env bash
# Scoring throughput and the quick reproduction's wall time on the local engine, Spark local[2] and a
# standalone cluster of two 1-core workers on this machine (the numbers in docs/spark.md).
#
# Usage: spark/scripts/measure-scoring.sh CORPORA_DIR ROWS_TFIDF ROWS_MINILM [WORK_DIR]
# Texts are TweetEval irony's training tweets, repeated to the row count, ids made unique.
# MEASURE_ENGINES="local2 cluster" measures only those (default: local local2 cluster); outputs are
# compared with WORK_DIR's local-engine outputs when they exist.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpora="$1"
rows_tfidf="$2"
rows_minilm="$3"
work="${4:-$(mktemp -d)}"
mkdir -p "$work"
# shellcheck source=cluster-lib.sh
. "$root/spark/scripts/cluster-lib.sh"
build_cluster_jars
sb() { "$root/stancebench" "$@"; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

python3 - "$corpora/tweeteval/irony/train_text.txt" "$work" "$rows_tfidf" "$rows_minilm" <<'PY'
import json, sys
texts = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
for name, n in (("tfidf", int(sys.argv[3])), ("minilm", int(sys.argv[4]))):
    with open(f"{sys.argv[2]}/rows-{name}.jsonl", "w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"irony-{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
PY
sb dataset import tweeteval --from "$corpora/tweeteval/irony" --out "$work/irony" > /dev/null 2>&1
sb train --model tfidf-logreg --data "$work/irony" --out "$work/model-tfidf" > /dev/null 2>&1
sb train --model minilm-probe --data "$work/irony" --out "$work/model-minilm" > /dev/null 2>&1
log "inputs ready: $(wc -l < "$work/rows-tfidf.jsonl") rows (tfidf-logreg), $(wc -l < "$work/rows-minilm.jsonl") rows (minilm-probe)"

# sample_rss PATTERN FILE: every second, the largest resident set (KiB) of one process whose command
# line holds PATTERN, kept in FILE as the peak so far; runs until killed.
sample_rss() {
    local peak=0 r
    echo 0 > "$2"
    while sleep 1; do
        # (|| true: no such process yet is not an error, and this function runs under set -e.)
        r="$(ps -eo rss=,args= | grep -F -- "$1" | grep -v -e grep -e sample_rss | awk '{print $1}' | sort -n | tail -1 || true)"
        if [ -n "$r" ] && [ "$r" -gt "$peak" ]; then
            peak="$r"
            echo "$peak" > "$2"
        fi
    done
}

run_engine() {
    local label="$1"; shift
    for model in tfidf minilm; do
        local start samplers=()
        sample_rss "org.stancebench.cli.StanceBench score" "$work/rss-driver-$model-$label" & samplers+=($!)
        sample_rss "CoarseGrainedExecutorBackend" "$work/rss-executor-$model-$label" & samplers+=($!)
        start=$(date +%s%N)
        sb score --model "$work/model-$model" --input "$work/rows-$model.jsonl" --out "$work/out-$model-$label.jsonl" "$@" \
            > "$work/score-$model-$label.txt" 2> "$work/score-$model-$label.err"
        echo "score $model $label: $(ms "$start") ms wall; $(cat "$work/score-$model-$label.txt")"
        kill "${samplers[@]}" 2>/dev/null; wait "${samplers[@]}" 2>/dev/null || true
        echo "  peak resident set: scoring JVM $(( $(cat "$work/rss-driver-$model-$label") / 1024 )) MiB, largest executor" \
            "$(( $(cat "$work/rss-executor-$model-$label") / 1024 )) MiB"
        if [ -f "$work/out-$model-local.jsonl" ]; then
            cmp "$work/out-$model-local.jsonl" "$work/out-$model-$label.jsonl" && echo "  identical to the local engine"
        fi
    done
    local start
    start=$(date +%s%N)
    sb reproduce --quick --no-bench --out "$work/reproduce-$label" "$@" > /dev/null 2> "$work/reproduce-$label.err"
    echo "reproduce --quick --no-bench $label: $(ms "$start") ms wall"
}
engines=" ${MEASURE_ENGINES:-local local2 cluster} "
[[ "$engines" == *" local "* ]] && run_engine local
[[ "$engines" == *" local2 "* ]] && run_engine local2 --engine spark --master 'local[2]'
[[ "$engines" == *" cluster "* ]] || exit 0
start_cluster 2
# One core per executor, and each executor's JVM told so (its encoder sizes its thread pool from it).
run_engine cluster --engine spark --master "$master" --spark-conf spark.executor.memory=5g --spark-conf spark.executor.cores=1 \
    --spark-conf spark.executor.extraJavaOptions=-XX:ActiveProcessorCount=1
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs); flags: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx|fma|f16c|sse)' | sort -u | xargs)"
