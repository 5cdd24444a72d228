package org.stancebench.dataset.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.stancebench.io.BadInputException;
import org.stancebench.io.ContentHash;
import org.stancebench.io.TextInput;

/**
 * Re-checks a dataset directory against its {@code MANIFEST.json}: every listed file must exist with
 * the listed SHA-256, the fingerprint must match the examples and folds files, and no other file may
 * be present.
 *
 * <p>Reports every problem found, one line each naming the file, rather than stopping at the first.
 */
public final class DatasetVerifier {

    private DatasetVerifier() {
    }

    /**
     * The problems of the dataset in {@code dir}, one line each; empty when everything matches.
     *
     * @throws IOException when the manifest itself is missing or unreadable
     */
    public static List<String> problems(Path dir) throws IOException {
        return findings(dir).stream().map(BadInputException::getMessage).toList();
    }

    /** The problems of the dataset in {@code dir}, as the errors a reader would throw; empty when it matches. */
    public static List<BadInputException> findings(Path dir) throws IOException {
        Manifest manifest = Manifest.read(dir);
        List<BadInputException> problems = new ArrayList<>();
        for (Map.Entry<String, String> f : manifest.files().entrySet()) {
            Path file = dir.resolve(f.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add(BadInputException.in(file, "missing (listed in " + Manifest.FILE + ")"));
                continue;
            }
            String actual = ContentHash.sha256(TextInput.readBytes(file));
            if (!actual.equals(f.getValue())) {
                problems.add(BadInputException.in(file, "changed (SHA-256 " + actual + ", " + Manifest.FILE + " says "
                        + f.getValue() + ")"));
            }
        }
        String examples = manifest.files().get(DatasetWriter.EXAMPLES);
        String folds = manifest.files().get(DatasetWriter.FOLDS);
        if (examples == null || folds == null) {
            problems.add(BadInputException.in(dir.resolve(Manifest.FILE),
                    "does not list " + DatasetWriter.EXAMPLES + " and "
                    + DatasetWriter.FOLDS));
        } else if (!Manifest.fingerprint(examples, folds).equals(manifest.fingerprint())) {
            problems.add(BadInputException.at(dir.resolve(Manifest.FILE), 0, "fingerprint",
                    "does not match the hashes of "
                    + DatasetWriter.EXAMPLES + " and " + DatasetWriter.FOLDS));
        }
        TreeSet<String> present = new TreeSet<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(p -> present.add(p.getFileName().toString()));
        }
        present.remove(Manifest.FILE);
        present.removeAll(manifest.files().keySet());
        for (String extra : present) {
            problems.add(BadInputException.in(dir.resolve(extra), "not listed in " + Manifest.FILE));
        }
        return problems;
    }
}
