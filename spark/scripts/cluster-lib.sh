# Functions shared by the scripts that start a Spark standalone cluster on this machine from the
# Maven jars (no downloaded Spark distribution). Source it with $root (the checkout) and $work (a
# directory for logs) set; start_cluster sets $master, $home (the SPARK_HOME it made) and $opts (the
# JVM options Spark needs on Java 17); the EXIT trap stops what was started.
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

# spark_submit ARGS...: what a Spark distribution's bin/spark-submit runs (spark-class starts
# org.apache.spark.deploy.SparkSubmit with SPARK_HOME/jars and Spark's Java 17 options), with DJL
# offline in the driver JVM as the guide's --driver-java-options asks.
spark_submit() {
    # shellcheck disable=SC2086
    java $opts -Dai.djl.offline=true -cp "$home/jars/*" org.apache.spark.deploy.SparkSubmit "$@"
}
start_cluster() {
    local workers="${1:-2}"
    # A stock Spark installation: SPARK_HOME/jars holds what Spark's Maven artifact brings (the spark
    # module's dependencies without StanceBench, DJL, ONNX Runtime, LangChain4j, picocli and JMH), linked
    # rather than copied. StanceBench reaches the executors the way it reaches a real cluster: shipped
    # by the driver (spark.jars; see docs/spark.md).
    home="$work/spark-home"
    rm -rf "$home" && mkdir -p "$home/jars" "$home/conf"
    for jar in "$root"/spark/target/lib/*.jar; do
        case "$(basename "$jar")" in
            stancebench-*|api-[0-9]*|pytorch-*|onnxruntime*|tokenizers-*|langchain4j-*|jmh-*|jopt-simple-*|picocli-*) ;;
            *) ln -sf "$jar" "$home/jars/$(basename "$jar")" ;;
        esac
    done
    # A worker builds its executors' class path from SPARK_HOME/jars; without a Spark build tree it must
    # be told the Scala version (Spark's AbstractCommandBuilder.getScalaVersion).
    export SPARK_SCALA_VERSION=2.13
    export SPARK_HOME="$home"
    opts="$(cat "$root/spark/target/classes/org/stancebench/spark/java-options.txt")"
    cp="$home/jars/*"

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
