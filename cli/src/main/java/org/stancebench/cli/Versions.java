package org.stancebench.cli;

import picocli.CommandLine;

/** Prints the StanceBench version and the Java runtime it runs on. */
final class Versions implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = StanceBench.class.getPackage().getImplementationVersion();
        return new String[] {
            "stancebench " + (version == null ? "development build" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
