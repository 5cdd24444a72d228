package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReproduceTweetEvalTest {
    @TempDir
    Path root;

    /** Two stance targets: a (train mostly against), b (train mostly favor). */
    private Path stanceExcerpt() throws IOException {
        Path stance = Files.createDirectories(root.resolve("tweeteval/stance"));
        Files.writeString(stance.resolve("mapping.txt"), "0\tnone\n1\tagainst\n2\tfavor");
        target(stance.resolve("a"), "1\n1\n2\n", "1\n", "1\n2\n");
        target(stance.resolve("b"), "2\n2\n0\n", "2\n", "2\n1\n0\n");
        return root.resolve("tweeteval");
    }

    private static void target(Path dir, String train, String val, String test) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> split : Map.of("train", train, "val", val, "test", test).entrySet()) {
            Files.writeString(dir.resolve(split.getKey() + "_labels.txt"), split.getValue());
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < split.getValue().lines().count(); i++) {
                text.append(dir.getFileName()).append(' ').append(split.getKey()).append(" tweet ").append(i).append('\n');
            }
            Files.writeString(dir.resolve(split.getKey() + "_text.txt"), text);
        }
    }

    @Test
    void reproduceTweetEvalWritesTheTableAndJson() throws IOException {
        stanceExcerpt();
        Path out = root.resolve("out");
        CliRun r = CliRun.run("reproduce", "--task", "tweeteval", "--corpora", root.toString(), "--classifiers",
                "majority", "--tasks", "stance", "--seed", "1,2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("| stance (per target) | tweeteval-stance | majority | 1 | "), r.out());
        assertTrue(r.out().contains("| 45.0 | 67.3 | SVM | -22.3 | defaults |"), r.out());
        assertTrue(r.err().contains("reproduce tweeteval") && r.err().contains("stance majority tweeteval-stance-a defaults, "
                + "seed 1 (1/4)") && r.err().contains("stance majority {}, seed 2: val tweeteval-stance = "), r.err());
        String md = Files.readString(out.resolve("tweeteval.md"));
        assertTrue(md.startsWith("# TweetEval baselines reproduced"), md);
        assertTrue(md.contains("## How the settings were chosen"), md);
        assertTrue(md.contains("| stance | majority | 2 | 45.0 | 0.0 |"), md); // same result for both seeds
        JsonNode json = new ObjectMapper().readTree(out.resolve("tweeteval.json").toFile());
        assertEquals(2, json.path("results").size());
        assertEquals(45.0, json.path("results").get(0).path("test").asDouble(), 1e-9);
        assertEquals(-22.3, json.path("results").get(0).path("difference").asDouble(), 1e-9);
        assertEquals(List.of("stancebench", "reproduce", "--task", "tweeteval"), List.of(json.path("command").get(0)
                .asText(), json.path("command").get(1).asText(), json.path("command").get(2).asText(),
                json.path("command").get(3).asText()));
        try (var files = Files.list(out)) {
            assertEquals(List.of("tweeteval.json", "tweeteval.md"), files.map(p -> p.getFileName().toString())
                    .sorted().toList(), "no temporary files left");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--task tweeteval --tasks sentiment | --tasks: unknown TweetEval task 'sentiment'; known: stance, irony, emotion",
        "--task tweeteval --classifiers nope | --classifiers: unknown classifier 'nope'; known: ",
        "--task tweets | --task: unknown task 'tweets'; known: seed, tweeteval, vast, isarcasmeval",
        "--task tweeteval --quick | --quick: not with --task tweeteval",
        "--tasks irony | --corpora, --tasks: only with --task tweeteval, vast or isarcasmeval",
        "--task tweeteval --classifiers majority --set fasttext:dim=5 | --set 'fasttext:dim=5': classifier 'fasttext' "
                + "is not among those run (majority)",
        "--task tweeteval --classifiers majority --grid majority | --grid 'majority': expected CLASSIFIER:KEY=V1,V2,...",
    })
    void badOptionsAreOneLineErrors(String args, String message) throws IOException {
        stanceExcerpt();
        List<String> all = new java.util.ArrayList<>(List.of("reproduce", "--corpora", root.toString(), "--out",
                root.resolve("o").toString()));
        all.addAll(List.of(args.split(" ")));
        CliRun r = CliRun.run(all.toArray(String[]::new));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("stancebench: " + message), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(root.resolve("o")));
    }

    @Test
    void missingCorporaIsOneLine() {
        CliRun r = CliRun.run("reproduce", "--task", "tweeteval", "--corpora", root.resolve("nowhere").toString());
        assertEquals(1, r.exitCode());
        assertEquals("stancebench: " + root.resolve("nowhere") + ": no TweetEval corpus there (expected DIR/tweeteval/ "
                + "or DIR itself to hold stance/, irony/ and emotion/)", r.err().strip());
        CliRun none = CliRun.run("reproduce", "--task", "tweeteval");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().startsWith("stancebench: --task tweeteval needs --corpora DIR"), none.err());
    }

    @Test
    void helpDescribesTheTweetEvalTask() {
        CliRun r = CliRun.run("reproduce", "--help");
        assertEquals(0, r.exitCode());
        for (String s : List.of("--task", "--corpora", "--classifiers", "--tasks", "--grid", "--set", "--pooled-stance",
                "out/reproduce-tweeteval", "tweeteval.md", "sublinear_tf", "minn=3")) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
    }

    /**
     * The real corpora end to end, with the majority baseline so that it stays fast; skipped when
     * {@code ../shared/corpora} (or {@code $STANCEBENCH_CORPORA}) is absent.
     */
    @Test
    void realTweetEvalWithTheMajorityBaseline() throws IOException {
        String override = System.getenv("STANCEBENCH_CORPORA");
        Path corpora = override != null && !override.isBlank() ? Path.of(override)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/corpora").normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpora.resolve("tweeteval")),
                "public corpora not found at " + corpora + ": skipping");
        CliRun r = CliRun.run("reproduce", "--task", "tweeteval", "--corpora", corpora.toString(), "--classifiers",
                "majority", "--out", root.resolve("real").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode results = new ObjectMapper().readTree(root.resolve("real/tweeteval.json").toFile()).path("results");
        assertEquals(3, results.size());
        // hand computation from the label files: irony train is 1,445 irony of 2,862, so every test
        // tweet is called irony: F1 = 2 x 311 / (784 + 311); emotion train's majority is anger (1,400 of
        // 3,257): F1(anger) = 2 x 558 / (1,421 + 558), the other three F1s are 0, macro-F1 = F1(anger) / 4
        assertEquals(100.0 * 622 / 1095, results.get(1).path("test").asDouble(), 1e-3);
        assertEquals(100.0 * 1116 / 1979 / 4, results.get(2).path("test").asDouble(), 1e-3);
        assertEquals(1249, results.get(0).path("test_size").asInt());
        assertEquals(784, results.get(1).path("test_size").asInt());
        assertEquals(1421, results.get(2).path("test_size").asInt());
    }
}
