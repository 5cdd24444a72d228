package org.stancebench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which jars travel to a cluster's executors. */
class ShippedJarsTest {

    @TempDir
    Path dir;

    @Test
    void followsManifestClassPathsAndLeavesSparksOwnJarsAndDirectoriesOut() throws IOException {
        Path app = jar(dir.resolve("app/stancebench.jar"), "lib/model.jar lib/djl.jar lib/missing.jar");
        Path model = jar(dir.resolve("app/lib/model.jar"), "djl.jar");
        Path djl = jar(dir.resolve("app/lib/djl.jar"), null);
        Path plugin = jar(dir.resolve("plugins/plugin.jar"), null);
        Path sparkCore = jar(dir.resolve("spark/jars/spark-core.jar"), null);
        Path classes = Files.createDirectories(dir.resolve("target/classes"));

        List<Path> shipped = ShippedJars.closure(new LinkedHashSet<>(List.of(app, classes, sparkCore, plugin)),
                dir.resolve("spark/jars"));

        assertEquals(List.of(app, plugin, model, djl), shipped);
    }

    @Test
    void aJarNamedTwiceTravelsOnce() throws IOException {
        Path a = jar(dir.resolve("a.jar"), "b.jar");
        Path b = jar(dir.resolve("b.jar"), "a.jar");
        assertEquals(List.of(a, b), ShippedJars.closure(new LinkedHashSet<>(List.of(a, b, dir.resolve("./a.jar"))), null));
    }

    @Test
    void aSparkJarLinkedIntoASparkHomeIsStillSparks() throws IOException {
        // The JVM canonicalizes its class path: SparkContext's jar is found at its real location.
        Path real = jar(dir.resolve("maven/lib/spark-core.jar"), null);
        Path home = Files.createDirectories(dir.resolve("spark-home/jars"));
        Path link = Files.createSymbolicLink(home.resolve("spark-core.jar"), real);
        Path app = jar(dir.resolve("app/stancebench.jar"), null);
        assertEquals(List.of(app), ShippedJars.closure(new LinkedHashSet<>(List.of(link, app)), dir.resolve("maven/lib")));
    }

    private static Path jar(Path path, String classPath) throws IOException {
        Files.createDirectories(path.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return path.toAbsolutePath().normalize();
    }
}
