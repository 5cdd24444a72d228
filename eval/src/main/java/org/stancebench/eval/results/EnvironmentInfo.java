package org.stancebench.eval.results;

import java.util.Objects;
import org.stancebench.io.Platform;

/**
 * Where a results file was computed: Java version, operating system, CPU architecture, number of
 * processors and, when known, the git commit of StanceBench.
 *
 * @param commit the git commit hash, or null when unknown
 */
public record EnvironmentInfo(String java, String os, String arch, int cpus, String commit) {
    public EnvironmentInfo {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be positive: " + cpus);
        }
    }

    /** The environment of this JVM, with the given commit (or null). */
    public static EnvironmentInfo current(String commit) {
        Platform p = Platform.current();
        return new EnvironmentInfo(p.javaVersion(), p.osName() + " " + p.osVersion(), p.arch(), p.processors(), commit);
    }
}
