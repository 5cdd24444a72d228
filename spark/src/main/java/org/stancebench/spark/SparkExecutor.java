package org.stancebench.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.Job;
import org.stancebench.experiments.Unit;
import scala.Tuple2;

/**
 * Runs an experiment's units as Spark tasks, one task per unit: the job's shared data goes to the
 * executors as a broadcast variable, each task returns its unit's output, and the outputs come back
 * to this (the driver's) JVM in input order. Everything computed from the outputs (intervals,
 * paired tests, reports) happens here, so results equal the local engine's.
 */
public final class SparkExecutor implements Executor {

    private final SparkSession spark;
    private final JavaSparkContext context;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile Consumer<String> progress = m -> { };
    private volatile int total;

    /** An executor on {@code master} with extra Spark settings {@code conf}. */
    public SparkExecutor(String master, Map<String, String> conf) {
        this.spark = SparkSessions.open(master, conf);
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        context.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                int done = finished.incrementAndGet();
                progress.accept("spark: " + done + "/" + total + " tasks done");
            }
        });
    }

    @Override
    public String describe() {
        return "spark (" + spark.sparkContext().master() + ", " + context.defaultParallelism() + " task slots)";
    }

    @Override
    public <S extends Serializable, I extends Serializable, O extends Serializable> List<O> run(Job<S, I, O> job,
                                                                                                Consumer<String> sink) {
        int n = job.inputs().size();
        if (n == 0) {
            return List.of();
        }
        List<Tuple2<Integer, I>> indexed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            indexed.add(new Tuple2<>(i, job.inputs().get(i)));
        }
        finished.set(0);
        total = n;
        progress = sink;
        sink.accept("spark: " + job.name() + ": " + n + " tasks on " + describe());
        Broadcast<S> shared = context.broadcast(job.shared());
        Unit<S, I, O> unit = job.unit();
        try {
            JavaRDD<Tuple2<Integer, I>> rdd = context.parallelize(indexed, n);
            List<Tuple2<Integer, O>> out = rdd.map(t -> new Tuple2<>(t._1(), unit.run(shared.value(), t._2()))).collect();
            List<O> ordered = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ordered.add(null);
            }
            for (Tuple2<Integer, O> t : out) {
                ordered.set(t._1(), t._2());
            }
            return ordered;
        } catch (Exception e) {
            // Spark reports a failed task as a SparkException (checked, though Scala does not declare it).
            throw new IllegalStateException(job.name() + " failed on Spark: " + SparkSessions.rootMessage(e), e);
        } finally {
            progress = m -> { };
            shared.destroy();
        }
    }

    /** The session behind this executor, for jobs that read and write data through Spark. */
    SparkSession session() {
        return spark;
    }

    @Override
    public void close() {
        spark.stop();
    }
}
