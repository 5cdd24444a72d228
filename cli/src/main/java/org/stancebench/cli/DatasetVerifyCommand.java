package org.stancebench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.stancebench.dataset.storage.DatasetVerifier;
import org.stancebench.dataset.storage.Manifest;
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

    @Override
    public Integer call() throws IOException {
        List<String> problems = DatasetVerifier.problems(dir);
        PrintWriter out = spec.commandLine().getOut();
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
