package org.stancebench.cli;

import java.nio.file.Path;

/** Where commands may write: never inside a source tree, where outputs would end up committed by accident. */
final class OutputPaths {

    private OutputPaths() {
    }

    /** Refuses {@code target} when any part of its absolute path is a {@code src} directory. */
    static void refuseSourceTree(Path target) {
        if (insideSrc(target)) {
            throw new IllegalArgumentException(target + ": results must not be written under a src/ directory");
        }
    }

    /** The absolute, normalised output directory {@code out}, refused inside a {@code src/} directory. */
    static Path checkedOut(Path out) {
        Path dir = out.toAbsolutePath().normalize();
        if (insideSrc(dir)) {
            throw new IllegalArgumentException("--out " + dir + " lies inside a src/ directory; choose another");
        }
        return dir;
    }

    private static boolean insideSrc(Path path) {
        for (Path part : path.toAbsolutePath().normalize()) {
            if (part.toString().equals("src")) {
                return true;
            }
        }
        return false;
    }
}
