package org.stancebench.cli;

/** A failure the user can act on, with the exit code the command ends with. */
public final class ExitCodeException extends RuntimeException {
    private final int exitCode;

    public ExitCodeException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
