package org.stancebench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.dataset.corpus.ISarcasmEvalImporter;
import org.stancebench.dataset.corpus.ImportOptions;
import org.stancebench.dataset.corpus.TabularColumns;
import org.stancebench.dataset.corpus.TabularImporter;
import org.stancebench.dataset.corpus.TweetEvalImporter;
import org.stancebench.dataset.corpus.VastImporter;
import org.stancebench.dataset.labels.LabelFile;
import org.stancebench.dataset.page.PageParser;
import org.stancebench.eval.PredictionsFile;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.io.ContentHash;
import org.stancebench.io.Json;
import org.stancebench.model.store.ModelProvenance;
import org.stancebench.model.store.ModelStore;

/**
 * Every reader of user-supplied files, fuzzed: any input either parses or fails with
 * {@link org.stancebench.io.BadInputException} and a one-line message, never another exception, a
 * hang (10 s per input when fuzzing) or memory out of proportion to the input ({@link Property}).
 *
 * <p>In {@code ./mvnw verify} each target runs over its committed inputs (regression mode):
 * {@code src/test/resources/org/stancebench/fuzz/ReadersFuzzTestInputs/<target>/}, seeds and every
 * finding. {@code scripts/fuzz.sh TARGET SECONDS} fuzzes one target for real (docs/bad-input.md).
 *
 * <p>Where a reader takes several files (a TweetEval folder, a VAST folder, a model directory), the
 * first byte of the input chooses the file it replaces in a valid fixture; for a model, the replaced
 * file's hash is written into its provenance, so that the classifier's own reader sees the bytes
 * (a model edited by hand, or written damaged), not only the hash check.
 */
class ReadersFuzzTest {

    @FuzzTest
    void page(byte[] input) throws Exception {
        Property.parsesOrRefuses(input.length, () -> PageParser.parse(input, "page.txt"));
    }

    @FuzzTest
    void labelFile(byte[] input) throws Exception {
        var units = Fixtures.seedUnits();
        Property.parsesOrRefuses(input.length, () -> LabelFile.parse(input, "labels.tsv", units, SeedDataset.LABELS));
    }

    @FuzzTest
    void csvImport(byte[] input) throws Exception {
        byte options = input.length == 0 ? 0 : input[0];
        Path file = Fixtures.write("import.csv", rest(input));
        char delimiter = (options & 4) == 0 ? ',' : '\t';
        Property.parsesOrRefuses(input.length,
                () -> TabularImporter.importCsv(file, delimiter, columns(options), ImportOptions.defaults()));
    }

    @FuzzTest
    void jsonlImport(byte[] input) throws Exception {
        byte options = input.length == 0 ? 0 : input[0];
        Path file = Fixtures.write("import.jsonl", rest(input));
        Property.parsesOrRefuses(input.length,
                () -> TabularImporter.importJsonl(file, columns(options), ImportOptions.defaults()));
    }

    @FuzzTest
    void tweetEval(byte[] input) throws Exception {
        Path dir = Fixtures.tweetEval(input);
        Property.parsesOrRefuses(input.length, () -> TweetEvalImporter.importTask(dir, null, ImportOptions.defaults()));
    }

    @FuzzTest
    void iSarcasmEval(byte[] input) throws Exception {
        Path file = Fixtures.write("train.En.csv", input);
        Property.parsesOrRefuses(input.length, () -> ISarcasmEvalImporter.importFile(file, ImportOptions.defaults()));
    }

    @FuzzTest
    void iSarcasmEvalTestLayout(byte[] input) throws Exception {
        Path file = Fixtures.write("task_A_En_test.csv", input);
        Property.parsesOrRefuses(input.length, () -> ISarcasmEvalImporter.readTest(file));
    }

    @FuzzTest
    void vast(byte[] input) throws Exception {
        Path dir = Fixtures.vast(input);
        Property.parsesOrRefuses(input.length, () -> {
            VastImporter.importFolder(dir, VastImporter.DEFAULT_SEPARATOR, ImportOptions.defaults());
            return VastImporter.fewShot(dir.resolve("vast_test.csv"));
        });
    }

    @FuzzTest
    void predictionsFile(byte[] input) throws Exception {
        boolean allowMismatch = input.length > 0 && (input[0] & 1) == 1;
        Path file = Fixtures.write("predictions.jsonl", rest(input));
        Dataset seed = Fixtures.seedDataset();
        Property.parsesOrRefuses(input.length, () -> PredictionsFile.read(file, seed, "test", allowMismatch));
    }

    @FuzzTest
    void resultsFile(byte[] input) throws Exception {
        Path file = Fixtures.write("results.json", input);
        Property.parsesOrRefuses(input.length, () -> ResultsIo.read(file));
    }

    @FuzzTest
    void modelDirectory(byte[] input) throws Exception {
        Path dir = Fixtures.model(input.length == 0 ? 0 : input[0] & 0xFF);
        List<String> files = Fixtures.modelFiles(dir);
        String target = files.get(input.length < 2 ? 0 : (input[1] & 0xFF) % files.size());
        byte[] content = input.length < 2 ? new byte[0] : Arrays.copyOfRange(input, 2, input.length);
        Files.write(dir.resolve(target), content);
        if (!target.equals(ModelProvenance.FILE_NAME)) {
            // The replaced file's hash goes into the provenance, so the classifier's reader sees it.
            Path provenance = dir.resolve(ModelProvenance.FILE_NAME);
            ObjectNode root = (ObjectNode) Json.MAPPER.readTree(Files.readString(provenance, StandardCharsets.UTF_8));
            ((ObjectNode) root.get("files")).put(target, ContentHash.sha256(content));
            Files.writeString(provenance, Json.pretty(root));
        }
        Property.parsesOrRefuses(input.length, () -> ModelStore.load(dir));
    }

    private static TabularColumns columns(byte options) {
        return new TabularColumns("text", "label", (options & 1) == 0 ? null : "split",
                (options & 2) == 0 ? null : "id", (options & 8) == 0 ? null : "group", List.of());
    }

    private static byte[] rest(byte[] input) {
        return input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    }
}
