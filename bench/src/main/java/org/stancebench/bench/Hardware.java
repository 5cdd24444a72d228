package org.stancebench.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The machine a benchmark ran on, as far as it changes speed: CPU model, usable cores, physical
 * memory, operating system and Java runtime.
 *
 * <p>Immutable. {@link #fingerprint()} is a SHA-256 over exactly these fields, so two runs on the
 * same machine with the same JVM share a fingerprint, and speed is only compared between runs that
 * do (the regression gate's rule).
 *
 * @param cpuModel the {@code model name} line of {@code /proc/cpuinfo}, or {@code os.arch} when absent
 * @param cores processors available to the JVM
 * @param memory physical memory in bytes ({@code MemTotal} of {@code /proc/meminfo}), 0 when unknown
 * @param os operating system name, version and architecture
 * @param java Java runtime vendor and version
 */
public record Hardware(String cpuModel, int cores, long memory, String os, String java) {
    public Hardware {
        Objects.requireNonNull(cpuModel, "cpuModel");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(java, "java");
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1, got " + cores);
        }
        if (memory < 0) {
            throw new IllegalArgumentException("memory must not be negative, got " + memory);
        }
    }

    /** Describes the machine this JVM runs on. */
    public static Hardware detect() {
        return new Hardware(
                cpuModel(readLines(Path.of("/proc/cpuinfo"))),
                Runtime.getRuntime().availableProcessors(),
                memTotal(readLines(Path.of("/proc/meminfo"))),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    }

    /**
     * SHA-256 (lower-case hex) of the fields, each on its own line in declaration order; the same
     * fields always give the same fingerprint.
     */
    @JsonIgnore
    public String fingerprint() {
        String canonical = String.join("\n",
                "cpuModel=" + cpuModel, "cores=" + cores, "memory=" + memory, "os=" + os, "java=" + java);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String cpuModel(List<String> cpuinfo) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                return line.substring(colon + 1).strip();
            }
        }
        return System.getProperty("os.arch");
    }

    /** {@code MemTotal} in bytes (the file gives kB); falls back to the JVM's view of physical memory. */
    static long memTotal(List<String> meminfo) {
        for (String line : meminfo) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).strip().split("\\s+");
                return Long.parseLong(parts[0]) * 1024L;
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
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
}
