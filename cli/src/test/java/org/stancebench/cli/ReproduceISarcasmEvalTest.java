package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancebench.io.Schemas;

/**
 * {@code reproduce --task isarcasmeval} end to end: a small training file in iSarcasmEval's layout
 * (written here) and the hand-made file in the official test layout (test resource
 * {@code isarcasmeval-test-layout.csv}: 20 tweets, 9 sarcastic, one record over two lines).
 */
class ReproduceISarcasmEvalTest {
    private static final String[] SARCASTIC = {
        "Oh great, another delay, just what I needed", "Love it when the train is late again, best day ever",
        "Sure, because meetings at 7am are so much fun", "Wow, thanks for the reply-all, so helpful",
        "Oh wonderful, it's raining on my day off", "Totally love doing taxes on a sunday",
        "Oh great, my laptop updated in the middle of my talk", "Yeah sure, printers always work when you're late",
        "Best part of my day: waiting on hold for an hour", "Oh good, another password rule to remember",
        "Love how the bus skips my stop, great service", "Sure, I'd love to work the weekend again",
    };
    private static final String[] PLAIN = {
        "The library opens at nine tomorrow", "I finished my first marathon today", "Our team meets on thursday",
        "Had soup for lunch with my sister", "The new park has a small pond", "Registration for courses opens monday",
        "My cat slept all afternoon", "We planted tomatoes in the garden", "The museum is free on sundays",
        "I read two chapters before bed", "The bakery on main street opened", "Our flight lands at six",
        "The concert last night was lovely", "My grandmother turned ninety", "I walked to work this morning",
        "The report is due next week", "We painted the kitchen blue", "The match starts at eight",
        "I bought new running shoes", "The river was calm this evening", "My brother moved to a new flat",
        "The shop closes early on fridays", "I cooked pasta for dinner", "The school play is on saturday",
    };

    @TempDir
    Path root;

    /** 36 training tweets in the layout of {@code train.En.csv}, a third sarcastic, each with its rephrase. */
    private Path trainFile() throws IOException {
        Path dir = Files.createDirectories(root.resolve("corpora/isarcasmeval/train"));
        StringBuilder csv = new StringBuilder(",tweet,sarcastic,rephrase,sarcasm,irony,satire,understatement,"
                + "overstatement,rhetorical_question\n");
        int i = 0;
        for (int k = 0; k < PLAIN.length; k++) {
            if (k % 2 == 0 && k / 2 < SARCASTIC.length) {
                csv.append(i++).append(",\"").append(SARCASTIC[k / 2]).append("\",1,\"I did not enjoy this at all\","
                        + "1,0,0,0,0,0\n");
            }
            csv.append(i++).append(",\"").append(PLAIN[k]).append("\",0,,,,,,,\n");
        }
        Files.writeString(dir.resolve("train.En.csv"), csv);
        return root.resolve("corpora");
    }

    private Path testFile() throws IOException {
        Path file = root.resolve("test-layout.csv");
        try (InputStream in = getClass().getResourceAsStream("isarcasmeval-test-layout.csv")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private CliRun reproduce(Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("reproduce", "--task", "isarcasmeval", "--corpora",
                trainFile().toString(), "--test", testFile().toString(), "--classifiers", "naive-bayes,tfidf-logreg",
                "--folds", "2", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void scoresTheOfficialTestLayoutByF1Sarcastic() throws IOException {
        Path out = root.resolve("out");
        CliRun r = reproduce(out);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("| classifier | CV F1-sarcastic [95% CI] | fold mean +- sd | test F1-sarcastic"), r.out());
        assertTrue(r.out().contains("| 0.6052 |"), r.out());
        String md = Files.readString(out.resolve("isarcasmeval.md"));
        assertTrue(md.contains("## What was chosen on dev") && md.contains("#### naive-bayes")
                && md.contains("| whole file | `rephrase=false`: "), md);
        String json = Files.readString(out.resolve("results.json"));
        assertEquals(List.of(), SchemaValidationTest.errors(Schemas.RESULTS, json));
        JsonNode results = new ObjectMapper().readTree(json);
        List<String> names = new ArrayList<>();
        results.path("runs").forEach(run -> names.add(run.path("name").asText()));
        assertEquals(List.of("naive-bayes@cv", "tfidf-logreg@cv", "naive-bayes@test", "tfidf-logreg@test"), names);
        for (JsonNode run : results.path("runs")) {
            JsonNode predictions = run.path("predictions");
            boolean test = run.path("name").asText().endsWith("@test");
            assertEquals(test ? 20 : 36, predictions.size(), run.path("name").asText());
            // the official metric recomputed by hand from the run's own predictions: 2tp / (2tp + fp + fn)
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int sarcastic = 0;
            for (JsonNode p : predictions) {
                boolean gold = p.path("gold").asText().equals("sarcastic");
                boolean predicted = p.path("predicted").asText().equals("sarcastic");
                sarcastic += gold ? 1 : 0;
                tp += gold && predicted ? 1 : 0;
                fp += !gold && predicted ? 1 : 0;
                fn += gold && !predicted ? 1 : 0;
            }
            assertEquals(test ? 9 : 12, sarcastic, "gold labels of the file");
            double f1 = 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            assertEquals("f1:sarcastic", run.path("official").path("name").asText());
            assertEquals(f1, run.path("official").path("value").asDouble(), 1e-12, run.path("name").asText());
            assertTrue(run.path("official").path("low").asDouble() <= f1 && f1 <= run.path("official").path("high").asDouble());
            // what dev chose is in the run's settings
            assertTrue(run.path("settings").has("rephrase") && run.path("settings").has("class_weight"), run.toString());
        }
        try (var files = Files.list(out)) {
            assertEquals(List.of("isarcasmeval.md", "report.html", "report.md", "results.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void sameInputsAndSeedGiveTheSameRuns() throws IOException {
        CliRun a = reproduce(root.resolve("a"), "--classifiers", "naive-bayes");
        CliRun b = reproduce(root.resolve("b"), "--classifiers", "naive-bayes");
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode ra = mapper.readTree(root.resolve("a/results.json").toFile());
        JsonNode rb = mapper.readTree(root.resolve("b/results.json").toFile());
        assertEquals(ra.path("runs"), rb.path("runs"));
        assertEquals(ra.path("comparisons"), rb.path("comparisons"));
    }

    @Test
    void aBrokenTestFileIsOneLineNamingFileAndLine() throws IOException {
        Path bad = root.resolve("bad.csv");
        Files.writeString(bad, "text,sarcastic\nfine tweet,0\nanother tweet,2\n");
        CliRun r = CliRun.run("reproduce", "--task", "isarcasmeval", "--corpora", trainFile().toString(), "--test",
                bad.toString(), "--classifiers", "naive-bayes", "--folds", "2", "--out", root.resolve("o").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("stancebench: " + bad + ":3: column 'sarcastic' must be 0 or 1, got '2'", r.err().strip()
                .lines().reduce((x, y) -> y).orElseThrow());
        Files.writeString(bad, "tweet,sarcastic\nfine tweet,0\n");
        r = CliRun.run("reproduce", "--task", "isarcasmeval", "--corpora", trainFile().toString(), "--test",
                bad.toString(), "--classifiers", "naive-bayes", "--folds", "2", "--out", root.resolve("o").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().strip().endsWith(bad + ":1: missing column 'text' (the header has 'tweet', 'sarcastic')"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--task isarcasmeval --engine spark | --engine spark: --task isarcasmeval runs on the local engine only",
        "--task isarcasmeval --quick | --quick: not with --task isarcasmeval",
        "--task isarcasmeval --rephrase maybe | --rephrase must be auto, on or off, got 'maybe'",
        "--task seed --test x.csv | --test: only with --task isarcasmeval",
        "--task isarcasmeval --seed 1,2 | --seed: --task isarcasmeval takes one seed, got [1, 2]",
    })
    void badOptionsAreOneLineErrors(String args, String message) throws IOException {
        List<String> all = new ArrayList<>(List.of("reproduce", "--corpora", trainFile().toString(), "--out",
                root.resolve("o").toString()));
        all.addAll(List.of(args.split(" ")));
        CliRun r = CliRun.run(all.toArray(String[]::new));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("stancebench: " + message), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(root.resolve("o")));
    }
}
