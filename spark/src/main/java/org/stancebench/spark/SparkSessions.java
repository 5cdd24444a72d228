package org.stancebench.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * How StanceBench starts Spark: on the given master ({@code local[*]} by default: an embedded Spark,
 * no cluster), servers bound to 127.0.0.1 only, no web UI, a failing task failing the job at once
 * (units are deterministic: a retry fails the same way), and every executor JVM running DJL offline.
 */
final class SparkSessions {
    /** The master when none is given: Spark inside this JVM, one task slot per core. */
    static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {
    }

    /** A session on {@code master} with {@code conf} on top of StanceBench's settings. */
    static SparkSession open(String master, Map<String, String> conf) {
        String m = master == null || master.isBlank() ? DEFAULT_MASTER : master;
        String offline = "-Dai.djl.offline=true -DOPT_OUT_TRACKING=true " + JavaOptions.MODULE_OPTIONS;
        SparkSession.Builder b = SparkSession.builder()
                .appName("stancebench")
                .master(m)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.task.maxFailures", "1")
                .config("spark.executor.extraJavaOptions", offline)
                .config("spark.executorEnv.OPT_OUT_TRACKING", "true");
        for (Map.Entry<String, String> e : conf.entrySet()) {
            b = b.config(e.getKey(), e.getValue());
        }
        return b.getOrCreate();
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
