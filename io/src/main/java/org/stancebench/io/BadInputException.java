package org.stancebench.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The one error every reader of user-supplied files throws for bad input: one line,
 * {@code FILE[:LINE][:FIELD]: what is wrong[, what was expected]}, in words a user can act on, without
 * library class names, source excerpts or stack traces. The command line prints the message as it is
 * and exits non-zero.
 *
 * <p>A reader that meets input it cannot use throws this and nothing else (the fuzz tests hold every
 * reader to it); a failure of the machine (disk full, a file vanishing mid-read) may still surface as
 * a plain {@link IOException}.
 */
public final class BadInputException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String field;
    private final String problem;

    private BadInputException(String file, long line, String field, String problem, Throwable cause) {
        super(format(file, line, field, problem), cause);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    /** {@code FILE: problem}. */
    public static BadInputException in(Object file, String problem) {
        return new BadInputException(String.valueOf(file), 0, null, problem, null);
    }

    /** {@code FILE:LINE: problem}; a line below 1 is left out. */
    public static BadInputException at(Object file, long line, String problem) {
        return new BadInputException(String.valueOf(file), line, null, problem, null);
    }

    /** {@code FILE:LINE:FIELD: problem}; a line below 1 or a null field is left out. */
    public static BadInputException at(Object file, long line, String field, String problem) {
        return new BadInputException(String.valueOf(file), line, field, problem, null);
    }

    /** This error with {@code cause} attached (shown only with {@code STANCEBENCH_DEBUG=1}). */
    public BadInputException because(Throwable cause) {
        BadInputException e = new BadInputException(file, line, field, problem, cause);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /**
     * A file-system failure while opening, reading or creating {@code file}, as one line naming the
     * file: a missing file, a directory where a file was expected, a file where a directory was
     * expected, no permission. Anything else keeps the operating system's reason.
     */
    public static BadInputException opening(Object file, IOException e) {
        if (e instanceof BadInputException b) {
            return b;
        }
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NotDirectoryException) {
            reason = "not a directory";
        } else if (e instanceof FileAlreadyExistsException) {
            reason = "a file is in the way (expected a directory, or nothing there)";
        } else if (e instanceof DirectoryNotEmptyException) {
            reason = "directory not empty";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = lowerFirst(f.getReason());
        } else if (e.getMessage() != null && !e.getMessage().isBlank()) {
            reason = lowerFirst(e.getMessage().replace('\n', ' ').strip());
        } else {
            reason = "cannot be read";
        }
        if (reason.equals("is a directory")) {
            reason = "is a directory, expected a file";
        } else if (reason.equals("not a directory")) {
            reason = "not a directory (a file is in the way)";
        }
        return new BadInputException(String.valueOf(file), 0, null, reason, e);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))
                ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String format(String file, long line, String field, String problem) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        if (field != null) {
            b.append(':').append(field);
        }
        return b.append(": ").append(oneLine(problem)).toString();
    }

    /**
     * {@code text} on one line: line breaks become spaces and other control characters (which a
     * message may quote from the input) {@code \\uXXXX}, so a terminal shows them and nothing else.
     */
    static String oneLine(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                b.append(' ');
            } else if (Character.isISOControl(c) && c != '\t') {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    /** The file named, as given. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is not on one line. */
    public long line() {
        return line;
    }

    /** The field or column, or null. */
    public String field() {
        return field;
    }

    /** What is wrong (and what was expected), without the location. */
    public String problem() {
        return problem;
    }
}
