package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.model.ClassifierRegistry;
import picocli.CommandLine;

class TweetEvalReproductionTest {
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
    void stancePoolsPerTargetPredictionsForTheOfficialMetric() throws IOException {
        Path tweeteval = stanceExcerpt();
        TweetEvalReproduction.TaskResult perTarget = TweetEvalReproduction.run(tweeteval, "stance",
                ClassifierRegistry.get("majority"), List.of(Map.of()), 1, true, m -> { });
        // hand computation: a predicts against, b favor; pooled gold [ag, fa, fa, ag, no], predicted
        // [ag, ag, fa, fa, fa]: F1(against) = 0.5, F1(favor) = 2(1/3)(1/2)/(1/3+1/2) = 0.4, mean 45.0
        assertEquals(45.0, perTarget.test(), 1e-9);
        assertEquals(5, perTarget.testSize());
        assertEquals(6, perTarget.trainSize());
        TweetEvalReproduction.TaskResult pooled = TweetEvalReproduction.run(tweeteval, "stance",
                ClassifierRegistry.get("majority"), List.of(Map.of()), 1, false, m -> { });
        // one model, majority favor (3 of 6): F1(against) = 0, F1(favor) = 2(0.4)(1)/1.4 = 0.5714; mean 28.57
        assertEquals(100 * (0 + 0.8 / 1.4) / 2, pooled.test(), 1e-9);
        assertEquals(-22.3, perTarget.test() - perTarget.published(), 1e-9); // 45.0 - 67.3 (SVM row)
    }

    @Test
    void gridIsEveryCombination() {
        assertEquals(List.of(Map.of("a", "1", "b", "x"), Map.of("a", "1", "b", "y"), Map.of("a", "2", "b", "x"),
                        Map.of("a", "2", "b", "y")),
                TweetEvalReproduction.grid(Map.of("b", List.of("x", "y"), "a", List.of("1", "2"))));
        assertEquals(List.of(Map.of()), TweetEvalReproduction.grid(Map.of()));
    }

    @Test
    void commandPrintsTheTableBesideThePublishedRow() throws IOException {
        Path tweeteval = stanceExcerpt();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TweetEvalCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler(StanceBench::handle);
        int exit = cl.execute("--corpora", root.toString(), "--classifiers", "majority", "--tasks", "stance",
                "--out", root.resolve("table.md").toString());
        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("| stance (per target) | tweeteval-stance | majority | "), out.toString());
        assertTrue(out.toString().contains("| 45.0 | 67.3 | SVM | -22.3 | defaults |"), out.toString());
        assertTrue(Files.readString(root.resolve("table.md")).startsWith("| task | metric |"));
        assertTrue(tweeteval.toFile().isDirectory());
    }

    @Test
    void unknownTaskIsAOneLineError() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TweetEvalCommand());
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setExecutionExceptionHandler(StanceBench::handle);
        assertEquals(1, cl.execute("--corpora", root.toString(), "--tasks", "sentiment"));
        assertEquals("stancebench: unknown TweetEval task 'sentiment'; known: [stance, irony, emotion]",
                err.toString().strip());
    }
}
