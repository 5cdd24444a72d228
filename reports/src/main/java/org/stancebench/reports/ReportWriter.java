package org.stancebench.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;

/**
 * Writes the three forms of a report into a directory: {@code results.json} (the data model),
 * {@code report.md} and {@code report.html} (both rendered from it alone).
 *
 * <p>Each file is written to a temporary file in the same directory and moved into place, so a
 * reader never sees a half-written file. The rendered files are a function of the results only.
 */
public final class ReportWriter {
    /** The file names written, in order. */
    public static final List<String> FILES = List.of("results.json", "report.md", "report.html");

    private ReportWriter() {
    }

    /** Writes the three files into {@code dir} (created if needed) and returns their paths in {@link #FILES} order. */
    public static List<Path> write(Results results, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(FILES.get(0));
        Path md = dir.resolve(FILES.get(1));
        Path html = dir.resolve(FILES.get(2));
        ResultsIo.write(results, json);
        shareable(json);
        writeAtomically(md, MarkdownReport.render(results));
        writeAtomically(html, HtmlReport.render(results));
        return List.of(json, md, html);
    }

    /** Temporary files are created owner-only; a report is meant to be shared, so it gets rw-r--r--. */
    private static void shareable(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes {@code text} as UTF-8 to a temporary file beside {@code target}, then moves it into place. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            shareable(tmp);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
