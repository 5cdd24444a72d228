package org.stancebench.spark;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;

/**
 * The jars executors on a cluster need beyond Spark's own: StanceBench's, DJL's with its native
 * libraries, ONNX Runtime, the MiniLM model jar and any classifier plug-in. They are the driver's
 * class path and the jars already named in {@code spark.jars} (under {@code spark-submit}: the
 * application jar and {@code --jars}), followed through their manifests' {@code Class-Path}, less
 * the jars in Spark's own directory, which every executor already has. Directories are left out:
 * only jars travel.
 */
final class ShippedJars {
    private ShippedJars() {
    }

    /** The jars to ship, as {@code spark.jars} takes them: {@code alreadyNamed} first, then the rest. */
    static String forExecutors(String alreadyNamed) {
        Set<Path> roots = new LinkedHashSet<>();
        for (String named : split(alreadyNamed, ",")) {
            roots.add(Path.of(named.replaceFirst("^file:(//)?", "")));
        }
        for (String entry : split(System.getProperty("java.class.path", ""), File.pathSeparator)) {
            roots.add(Path.of(entry));
        }
        return String.join(",", closure(roots, sparksDirectory()).stream().map(Path::toString).toList());
    }

    /** {@code roots} and every jar their manifests' {@code Class-Path} reaches, less those under {@code skip}. */
    static List<Path> closure(Set<Path> roots, Path skip) {
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> queue = new ArrayDeque<>(roots);
        Path skipReal = skip == null ? null : real(skip);
        while (!queue.isEmpty()) {
            Path jar = queue.removeFirst().toAbsolutePath().normalize();
            if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
                continue;
            }
            // Real paths: the JVM canonicalizes its class path, so a jar linked into a Spark home is
            // Spark's own whichever name reaches it.
            Path realJar = real(jar);
            if (!seen.add(realJar)) {
                continue;
            }
            queue.addAll(manifestClassPath(jar));
        }
        return seen.stream().filter(jar -> skipReal == null || !jar.getParent().equals(skipReal)).toList();
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static List<Path> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            return split(classPath, " ").stream().map(entry -> jar.getParent().resolve(entry)).toList();
        } catch (IOException e) {
            return List.of(); // not a readable jar: Spark reports it when it adds the file
        }
    }

    /** The directory holding Spark's core jar (a distribution's {@code jars/}), or null when unknown. */
    private static Path sparksDirectory() {
        try {
            var source = SparkContext.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath().normalize().getParent();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> split(String s, String separator) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return List.of(s.trim().split(separator.equals(" ") ? "\\s+" : Pattern.quote(separator)))
                .stream().filter(p -> !p.isBlank()).toList();
    }
}
