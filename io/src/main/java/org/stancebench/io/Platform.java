package org.stancebench.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What StanceBench records about the build and machine it runs on, captured in one place: every
 * provenance record, results file, benchmark summary and {@code --version} line reads it from here.
 *
 * <p>Immutable. Captured once per JVM ({@link #current()}); nothing in it changes while the JVM runs.
 *
 * @param stancebenchVersion the StanceBench version of this build
 * @param gitCommit the commit of the StanceBench checkout the launcher names, or null when unknown
 * @param javaVersion {@code java.version}
 * @param javaVendor {@code java.vendor}
 * @param javaRuntime {@code java.vm.vendor} and {@code java.runtime.version}
 * @param osName {@code os.name}
 * @param osVersion {@code os.version}
 * @param arch {@code os.arch}
 * @param processors processors available to this JVM
 * @param cpuModel the {@code model name} of {@code /proc/cpuinfo}, or {@code os.arch} when absent
 * @param cpuFlags the SIMD extensions the CPU exposes ({@code avx2}, {@code avx512f}, ... from the
 *     {@code flags} of {@code /proc/cpuinfo}), sorted; empty when unknown
 * @param memory physical memory in bytes, 0 when unknown
 */
public record Platform(String stancebenchVersion, String gitCommit, String javaVersion, String javaVendor,
                       String javaRuntime, String osName, String osVersion, String arch, int processors,
                       String cpuModel, List<String> cpuFlags, long memory) {

    /** The version printed by development builds whose version resource was not filtered. */
    public static final String DEVELOPMENT = "development build";

    private static volatile Platform current;

    public Platform {
        Objects.requireNonNull(stancebenchVersion, "stancebenchVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(cpuModel, "cpuModel");
        cpuFlags = List.copyOf(cpuFlags);
        if (processors < 1) {
            throw new IllegalArgumentException("processors must be at least 1, got " + processors);
        }
    }

    /** This JVM's platform, captured on first use. */
    public static Platform current() {
        Platform p = current;
        if (p == null) {
            List<String> cpuinfo = readLines(Path.of("/proc/cpuinfo"));
            Properties stamp = resource("/org/stancebench/io/git.properties");
            String built = stamp.getProperty("git.commit.id.full");
            boolean dirty = Boolean.parseBoolean(stamp.getProperty("git.dirty", "false"));
            String commit = built != null && built.matches("[0-9a-f]{40,64}") ? built
                    : gitCommit(System.getProperty("stancebench.home"));
            p = new Platform(stamped(version(), built, dirty), commit, System.getProperty("java.version"),
                    System.getProperty("java.vendor"),
                    System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                    System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                    Runtime.getRuntime().availableProcessors(), cpuModel(cpuinfo), simdFlags(cpuinfo),
                    memTotal(readLines(Path.of("/proc/meminfo"))));
            current = p;
        }
        return p;
    }

    /** The SIMD flags as one line, for example {@code avx2 avx512f avx512_vnni}, or {@code unknown}. */
    public String cpuFlagsLine() {
        return cpuFlags.isEmpty() ? "unknown" : String.join(" ", cpuFlags);
    }

    static String cpuModel(List<String> cpuinfo) {
        String model = field(cpuinfo, "model name");
        return model == null ? System.getProperty("os.arch") : model;
    }

    /** The vector-instruction flags that decide which kernels numeric libraries pick. */
    static List<String> simdFlags(List<String> cpuinfo) {
        String flags = field(cpuinfo, "flags");
        if (flags == null) {
            return List.of();
        }
        return Arrays.stream(flags.split("\\s+"))
                .filter(f -> f.startsWith("avx") || f.startsWith("sse") || f.equals("fma") || f.equals("f16c")
                        || f.startsWith("amx"))
                .distinct().sorted().toList();
    }

    private static String field(List<String> cpuinfo, String name) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** {@code MemTotal} in bytes (the file gives kB); falls back to the JVM's view of physical memory. */
    static long memTotal(List<String> meminfo) {
        for (String line : meminfo) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).strip().split("\\s+");
                return Long.parseLong(parts[0]) * 1024L;
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            // Not Linux, or no /proc: the callers fall back to what the JVM knows.
            return List.of();
        }
    }

    /** The StanceBench version of this build, from a resource Maven fills in. */
    private static String version() {
        String value = resource("/org/stancebench/io/stancebench.properties").getProperty("version");
        return value == null || value.isBlank() || value.startsWith("${") ? DEVELOPMENT : value.strip();
    }

    /**
     * The version with the build stamp as semantic-versioning build metadata: {@code 0.1.0+c328eaf6ce55}
     * for a jar built from that commit, {@code 0.1.0+c328eaf6ce55.dirty} when the tree had uncommitted
     * changes, the bare version when the build had no git (a source archive).
     */
    static String stamped(String version, String commit, boolean dirty) {
        if (commit == null || !commit.matches("[0-9a-f]{40,64}")) {
            return version;
        }
        return version + "+" + commit.substring(0, 12) + (dirty ? ".dirty" : "");
    }

    private static Properties resource(String name) {
        Properties p = new Properties();
        try (InputStream in = Platform.class.getResourceAsStream(name)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no stamp: the callers fall back
        }
        return p;
    }

    /**
     * The commit of the StanceBench checkout at {@code home} (the launcher passes it as the
     * {@code stancebench.home} system property), or null when it is unset, not a git checkout, or git
     * is unavailable. Never throws: provenance is best effort here.
     */
    static String gitCommit(String home) {
        if (home == null || home.isBlank()) {
            return null;
        }
        try {
            Path dir = Path.of(home);
            if (!Files.exists(dir.resolve(".git"))) {
                return null;
            }
            Process p = new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(200);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String commit = new String(out, StandardCharsets.US_ASCII).strip();
            return p.exitValue() == 0 && commit.matches("[0-9a-f]{40,64}") ? commit : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
