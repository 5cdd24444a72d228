package org.stancebench.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;
import org.stancebench.io.ContentHash;
import org.stancebench.io.Platform;

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
 * @param cpuFlags the SIMD extensions the CPU exposes (they decide which kernels numeric libraries
 *     run, so speed figures are only comparable between machines with the same ones); empty when unknown
 */
public record Hardware(String cpuModel, int cores, long memory, String os, String java, List<String> cpuFlags) {
    public Hardware {
        Objects.requireNonNull(cpuModel, "cpuModel");
        cpuFlags = cpuFlags == null ? List.of() : List.copyOf(cpuFlags);
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
        Platform p = Platform.current();
        return new Hardware(p.cpuModel(), p.processors(), p.memory(), p.osName() + " " + p.osVersion() + " " + p.arch(),
                p.javaRuntime(), p.cpuFlags());
    }

    /**
     * SHA-256 (lower-case hex) of the fields, each on its own line in declaration order; the same
     * fields always give the same fingerprint.
     */
    @JsonIgnore
    public String fingerprint() {
        String canonical = String.join("\n", "cpuModel=" + cpuModel, "cores=" + cores, "memory=" + memory,
                "os=" + os, "java=" + java, "cpuFlags=" + String.join(" ", cpuFlags));
        return ContentHash.sha256(canonical);
    }
}
