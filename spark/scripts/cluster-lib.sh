# Functions shared by the scripts that start a Spark standalone cluster on this machine from the
# Maven jars (no downloaded Spark distribution). Source it with $root (the checkout) and $work (a
# directory for logs) set; start_cluster sets $master; the EXIT trap stops what was started.
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

build_cluster_jars() {
    log "building the command line and the spark module"
    (cd "$root" && ./mvnw -B -q -DskipTests package -pl cli,spark -am)
}

# start_cluster WORKERS: a master and WORKERS workers of 1 core each on 127.0.0.1; sets $master.
start_cluster() {
    local workers="${1:-2}"
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
    for i in $(seq "$workers"); do
        mkdir -p "$work/worker-$i"
        # shellcheck disable=SC2086
        java $opts -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 6g \
            --webui-port 0 --work-dir "$work/worker-$i" "$master" > "$work/worker-$i.log" 2>&1 &
        pids+=($!)
    done
    for _ in $(seq 60); do
        [ "$(grep -c "Registering worker" "$work/master.log" 2>/dev/null || true)" -ge "$workers" ] && break
        sleep 1
    done
    [ "$(grep -c "Registering worker" "$work/master.log")" -ge "$workers" ] || { log "workers did not register"; cat "$work"/*.log >&2; exit 1; }
    log "master and $workers workers up"
}
