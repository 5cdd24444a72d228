package org.stancebench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancebench.dataset.storage.DatasetVerifier;
import org.stancebench.dataset.storage.Manifest;
import org.stancebench.io.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code stancebench dataset verify DIR}: re-checks every hash in the manifest; prints {@code OK} and
 * exits 0, or prints one line per changed, missing or unlisted file and exits 1.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Re-check a dataset directory against its MANIFEST.json.",
            "Prints OK (exit 0) or one line per changed, missing or unlisted file (exit 1)."})
final class DatasetVerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The dataset directory.")
    Path dir;

    @CommandLine.Mixin
    FormatOption format = new FormatOption();

    @Override
    public Integer call() throws IOException {
        boolean json = format.resolve(List.of("text", "json")).equals("json");
        List<String> problems = DatasetVerifier.problems(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Manifest m = Manifest.read(dir);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dir", dir.toString());
            doc.put("ok", problems.isEmpty());
            doc.put("name", m.name());
            doc.put("fingerprint", m.fingerprint());
            doc.put("files", m.files().size());
            doc.put("problems", problems);
            out.print(Json.pretty(doc));
            out.flush();
            return problems.isEmpty() ? 0 : 1;
        }
        if (problems.isEmpty()) {
            Manifest m = Manifest.read(dir);
            out.println("OK: " + dir + " matches " + Manifest.FILE + " (" + m.files().size() + " files, fingerprint "
                    + m.fingerprint() + ")");
            out.flush();
            return 0;
        }
        problems.forEach(out::println);
        out.flush();
        spec.commandLine().getErr().println("stancebench: " + dir + ": " + problems.size()
                + " problem(s); the directory does not match its manifest");
        spec.commandLine().getErr().flush();
        return 1;
    }
}
