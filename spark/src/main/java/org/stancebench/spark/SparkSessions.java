package org.stancebench.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * How StanceBench starts Spark: on the given master (else the one {@code spark-submit} was given,
 * else {@code local[*]}: an embedded Spark, no cluster), no web UI, a failing task failing the job at
 * once (units are deterministic: a retry fails the same way), and every executor JVM running DJL
 * offline. On a local master or a master on this machine's loopback address the driver's servers bind
 * to 127.0.0.1 only; on a remote cluster Spark's own choice applies ({@code SPARK_LOCAL_IP},
 * {@code spark.driver.host}). Off local mode the driver ships the jars executors need beyond Spark's
 * own ({@link ShippedJars}), so a stock Spark cluster of the same version runs StanceBench's units.
 */
final class SparkSessions {
    /** The master when none is given: Spark inside this JVM, one task slot per core. */
    static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {
    }

    /** A session on {@code master} with {@code conf} on top of StanceBench's settings. */
    static SparkSession open(String master, Map<String, String> conf) {
        String m = master(master);
        String executorOptions = "-Dai.djl.offline=true -DOPT_OUT_TRACKING=true " + JavaOptions.MODULE_OPTIONS;
        SparkSession.Builder b = SparkSession.builder()
                .appName("stancebench")
                .master(m)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.task.maxFailures", "1")
                .config("spark.executorEnv.OPT_OUT_TRACKING", "true");
        if (onThisMachine(m)) {
            b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        String jars = System.getProperty("spark.jars", "");
        for (Map.Entry<String, String> e : conf.entrySet()) {
            switch (e.getKey()) {
                // added to, never replacing, the offline switch and the jars executors need
                case "spark.executor.extraJavaOptions" -> executorOptions = executorOptions + " " + e.getValue();
                case "spark.jars" -> jars = jars.isBlank() ? e.getValue() : jars + "," + e.getValue();
                default -> b = b.config(e.getKey(), e.getValue());
            }
        }
        if (!m.startsWith("local")) {
            jars = ShippedJars.forExecutors(jars); // executors elsewhere get StanceBench and its natives from the driver
        }
        if (!jars.isBlank()) {
            b = b.config("spark.jars", jars);
        }
        return b.config("spark.executor.extraJavaOptions", executorOptions).getOrCreate();
    }

    /** The master to use: the one given, else {@code spark-submit}'s ({@code spark.master}), else {@code local[*]}. */
    static String master(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String submitted = System.getProperty("spark.master");
        return submitted == null || submitted.isBlank() ? DEFAULT_MASTER : submitted;
    }

    /** Whether {@code master} runs on this machine only: local mode, or a master on a loopback address. */
    static boolean onThisMachine(String master) {
        if (master.startsWith("local")) {
            return true;
        }
        int scheme = master.indexOf("://");
        if (scheme < 0) {
            return false;
        }
        String rest = master.substring(scheme + 3);
        String host = rest.startsWith("[") ? rest.substring(0,
                rest.indexOf(']') + 1) : rest.replaceFirst("[:/,].*$", "");
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
    }

    /** The innermost cause's message of a failed Spark job: what went wrong in the unit itself. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
