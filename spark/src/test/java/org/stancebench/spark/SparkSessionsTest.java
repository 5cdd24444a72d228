package org.stancebench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which master a session uses, and when the driver is kept on the loopback address. */
class SparkSessionsTest {

    @Test
    void theGivenMasterWinsThenSparkSubmitsThenLocal() {
        String before = System.getProperty("spark.master");
        try {
            System.clearProperty("spark.master");
            assertEquals("local[*]", SparkSessions.master(null));
            assertEquals("local[*]", SparkSessions.master(" "));
            System.setProperty("spark.master", "spark://cluster.example:7077");
            assertEquals("spark://cluster.example:7077", SparkSessions.master(null));
            assertEquals("local[2]", SparkSessions.master("local[2]"));
        } finally {
            if (before == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", before);
            }
        }
    }

    @Test
    void onlyLocalAndLoopbackMastersKeepTheDriverOnLoopback() {
        assertTrue(SparkSessions.onThisMachine("local[*]"));
        assertTrue(SparkSessions.onThisMachine("local[2,3]"));
        assertTrue(SparkSessions.onThisMachine("spark://127.0.0.1:7077"));
        assertTrue(SparkSessions.onThisMachine("spark://localhost:7077"));
        assertTrue(SparkSessions.onThisMachine("spark://[::1]:7077"));
        assertFalse(SparkSessions.onThisMachine("spark://10.0.0.5:7077"));
        assertFalse(SparkSessions.onThisMachine("spark://127.0.0.10.example:7077"));
        assertFalse(SparkSessions.onThisMachine("yarn"));
        assertFalse(SparkSessions.onThisMachine("k8s://https://kube.example:6443"));
    }
}
