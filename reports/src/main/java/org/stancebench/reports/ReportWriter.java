package org.stancebench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.io.AtomicFiles;

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
        AtomicFiles.writeString(md, MarkdownReport.render(results));
        AtomicFiles.writeString(html, HtmlReport.render(results));
        return List.of(json, md, html);
    }
}
