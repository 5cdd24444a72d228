#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, from the Maven jars (no downloaded Spark
# distribution): one master and two workers (1 core each) on 127.0.0.1. Submits the quick seed
# reproduction and a scoring job to it, checks both against the local engine (the same runs,
# predictions, intervals and tests; the same scoring bytes), and stops everything it started.
#
# Usage: spark/scripts/standalone-cluster.sh [WORK_DIR]     (default: a new temporary directory)
# Exit 0 when the cluster's results equal the local engine's, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
export OPT_OUT_TRACKING=true SPARK_LOCAL_IP=127.0.0.1
pids=()
stop() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
}
trap stop EXIT
log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }

log "building the command line and the spark module"
(cd "$root" && ./mvnw -B -q -DskipTests package -pl cli,spark -am)

# SPARK_HOME/jars is where a standalone worker takes the executors' class path from: the Maven jars
# of Spark and of StanceBench, linked rather than copied.
home="$work/spark-home"
rm -rf "$home" && mkdir -p "$home/jars" "$home/conf"
for jar in "$root"/cli/target/stancebench.jar "$root"/cli/target/lib/*.jar \
           "$root"/spark/target/stancebench-spark.jar "$root"/spark/target/lib/*.jar; do
    ln -sf "$jar" "$home/jars/$(basename "$jar")"
done
# One SLF4J provider on the executors too: StanceBench's (none), not Spark's log4j.
rm -f "$home"/jars/log4j-slf4j2-impl-*.jar
# A worker builds its executors' class path from SPARK_HOME/jars; without a Spark build tree it must
# be told the Scala version (Spark's AbstractCommandBuilder.getScalaVersion).
export SPARK_SCALA_VERSION=2.13
export SPARK_HOME="$home"
opts="$(cat "$root/spark/target/classes/org/stancebench/spark/java-options.txt") -Dai.djl.offline=true"
# The master and the workers themselves need only Spark, and keep its logging (how this script sees
# the workers register).
cp="$root/spark/target/lib/*"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
master="spark://127.0.0.1:$port"
log "starting the master on $master"
# shellcheck disable=SC2086
java $opts -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
    > "$work/master.log" 2>&1 &
pids+=($!)
for i in 1 2; do
    mkdir -p "$work/worker-$i"
    # shellcheck disable=SC2086
    java $opts -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 6g \
        --webui-port 0 --work-dir "$work/worker-$i" "$master" > "$work/worker-$i.log" 2>&1 &
    pids+=($!)
done
for _ in $(seq 60); do
    [ "$(grep -c "Registering worker" "$work/master.log" 2>/dev/null || true)" -ge 2 ] && break
    sleep 1
done
[ "$(grep -c "Registering worker" "$work/master.log")" -ge 2 ] || { log "workers did not register"; cat "$work"/*.log >&2; exit 1; }
log "master and 2 workers up"

sb() { "$root/stancebench" "$@"; }
cluster=(--engine spark --master "$master" --spark-conf spark.executor.memory=5g --spark-conf spark.executor.cores=1)

log "quick seed reproduction, local engine"
start=$(date +%s%N)
sb reproduce --quick --no-bench --out "$work/local" > "$work/local.out" 2> "$work/local.err"
log "  $(( ($(date +%s%N) - start) / 1000000 )) ms"
log "quick seed reproduction on the cluster"
start=$(date +%s%N)
sb reproduce --quick --no-bench "${cluster[@]}" --out "$work/cluster" > "$work/cluster.out" 2> "$work/cluster.err"
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
    2> "$work/score-cluster.err"

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
