package org.stancebench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver's JVM options (pom, launcher) are the list Spark's own launcher uses. */
class JavaOptionsTest {

    @Test
    void theLaunchersListIsSparksList() throws IOException {
        String launcher;
        try (InputStream in = JavaOptionsTest.class.getResourceAsStream("/org/stancebench/spark/java-options.txt")) {
            launcher = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertEquals(JavaOptions.MODULE_OPTIONS, launcher, "update spark.java.options in spark/pom.xml");
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String option : JavaOptions.MODULE_OPTIONS.split(" ")) {
            assertTrue(jvm.contains(option), option + " missing from this JVM's options " + jvm);
        }
    }
}
