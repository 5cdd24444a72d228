package org.stancebench.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a reader never sees one half-written: the bytes go to a hidden temporary file
 * in the same directory ({@code .NAME.*.tmp}), which is then moved over the target in one step.
 *
 * <p>Guarantees: after {@code write} returns, the target holds exactly the given bytes; if it throws,
 * the target is unchanged (the old file, or none) and the temporary file is gone. The file gets
 * {@code rw-r--r--} where the file system has POSIX permissions, like a file written directly
 * (a temporary file would otherwise keep its private {@code rw-------}). Missing parent directories
 * are created.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = temporaryFor(target);
        try {
            Files.write(tmp, bytes);
            commit(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new hidden temporary file beside {@code target} (parent directories created), for a writer
     * that streams more than fits in memory; finish with {@link #commit} or delete it on failure.
     */
    public static Path temporaryFor(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        return Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    }

    /** Gives the completely written {@code tmp} ordinary permissions and moves it over {@code target}. */
    public static void commit(Path tmp, Path target) throws IOException {
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        move(tmp, target.toAbsolutePath());
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Puts the completely written directory {@code built} (a sibling of {@code target}) in place of
     * {@code target}: an existing target is first moved aside, then {@code built} moved in; if that
     * fails, the old target is moved back, so {@code target} is always either the old directory or
     * the new one, never a mixture or nothing. The old directory is deleted afterwards.
     */
    public static void replaceDirectory(Path built, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            moveDirectory(target, old);
        }
        try {
            moveDirectory(built, target);
        } catch (IOException | RuntimeException e) {
            if (old != null && !Files.exists(target)) {
                moveDirectory(old, target);
                old = null;
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes {@code dir} and everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void moveDirectory(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Moves {@code from} over {@code to} in one step where the file system can (the same directory
     * always can on Linux, macOS and Windows), else with a plain replacing move.
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
