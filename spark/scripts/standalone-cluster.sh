#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, from the Maven jars (no downloaded Spark
# distribution): one master and two workers (1 core each) on 127.0.0.1, whose SPARK_HOME holds only
# Spark's own jars. Submits the quick seed reproduction with spark-submit (as docs/spark.md tells a
# cluster's users to) and a scoring job with ./stancebench --master, checks both against the local
# engine (the same runs, predictions, intervals and tests; the same scoring bytes), and stops
# everything it started.
#
# Usage: spark/scripts/standalone-cluster.sh [WORK_DIR]     (default: a new temporary directory)
# Exit 0 when the cluster's results equal the local engine's, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
# shellcheck source=cluster-lib.sh
. "$root/spark/scripts/cluster-lib.sh"
build_cluster_jars
start_cluster 2

sb() { "$root/stancebench" "$@"; }
cluster=(--engine spark --master "$master" --spark-conf spark.executor.memory=5g --spark-conf spark.executor.cores=1)

log "quick seed reproduction, local engine"
start=$(date +%s%N)
sb reproduce --quick --no-bench --out "$work/local" > "$work/local.out" 2> "$work/local.err"
log "  $(( ($(date +%s%N) - start) / 1000000 )) ms"
log "quick seed reproduction on the cluster, through spark-submit"
start=$(date +%s%N)
spark_submit --master "$master" --class org.stancebench.cli.StanceBench \
    --jars "$root/spark/target/stancebench-spark.jar" \
    --conf spark.executor.memory=5g --conf spark.executor.cores=1 \
    "$root/cli/target/stancebench.jar" reproduce --quick --no-bench --engine spark --out "$work/cluster" \
    > "$work/cluster.out" 2> "$work/cluster.err" || { tail -20 "$work/cluster.err" >&2; exit 1; }
log "  $(( ($(date +%s%N) - start) / 1000000 )) ms"

log "scoring, local engine and cluster"
sb train --model tfidf-logreg --data "$work/local/dataset" --out "$work/model" > /dev/null 2>&1
python3 - "$work/local/dataset/examples.jsonl" "$work/rows.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(20000):
        r = rows[i % len(rows)]
        out.write(json.dumps({"id": f"{r['id']}#{i}", "text": r["text"]}, ensure_ascii=False) + "\n")
PY
sb score --model "$work/model" --input "$work/rows.jsonl" --out "$work/scored-local.jsonl"
sb score --model "$work/model" --input "$work/rows.jsonl" --out "$work/scored-cluster.jsonl" "${cluster[@]}" \
    2> "$work/score-cluster.err" || { tail -20 "$work/score-cluster.err" >&2; exit 1; }

python3 - "$work/local/results.json" "$work/cluster/results.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
def strip(results):
    results.pop("environment", None)
    for run in results["runs"]:
        if run.get("provenance"):
            run["provenance"].pop("gitCommit", None)
    return results
same = strip(a) == strip(b)
print("results: the cluster's equal the local engine's" if same else "results: DIFFERENT")
sys.exit(0 if same else 1)
PY
cmp "$work/scored-local.jsonl" "$work/scored-cluster.jsonl"
echo "scoring: the cluster's 20,000 lines equal the local engine's, byte for byte"
log "done; logs and outputs in $work"
