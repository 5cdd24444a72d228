package org.stancebench.cli;

import org.stancebench.io.Platform;
import picocli.CommandLine;

/** Prints the StanceBench version and the Java runtime it runs on. */
final class Versions implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Platform p = Platform.current();
        return new String[] {
            "stancebench " + p.stancebenchVersion() + (p.gitCommit() == null ? "" : " (commit " + p.gitCommit()
                    + (p.stancebenchVersion().endsWith(".dirty") ? ", built with uncommitted changes" : "") + ")"),
            "Java " + p.javaVersion() + " (" + p.javaVendor() + ")",
        };
    }
}
