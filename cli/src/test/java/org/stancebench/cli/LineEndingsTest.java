package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files are byte-identical across operating systems: a JVM whose line separator is Windows' CRLF
 * writes the same dataset, model and report files as any other, with {@code \n} only.
 */
class LineEndingsTest {

    @TempDir
    Path dir;

    @Test
    void aWindowsLineSeparatorChangesNoWrittenFile() throws Exception {
        Path out = dir.resolve("out");
        Process p = fork(List.of("reproduce", "--quick", "--no-bench", "--only", "majority,naive-bayes,tfidf-logreg",
                "--out", out.toString()));
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the forked reproduce run finishes");
        String log = Files.readString(dir.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);
        Path model = dir.resolve("model");
        Process train = fork(List.of("train", "--model", "tfidf-logreg", "--data", out.resolve("dataset").toString(),
                "--out", model.toString()));
        assertTrue(train.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, train.exitValue(), Files.readString(dir.resolve("log.txt")));
        int checked = 0;
        for (Path root : List.of(out, model)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).filter(LineEndingsTest::isText).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                    assertFalse(text.contains("\r"), f + " has a carriage return");
                    checked++;
                }
            }
        }
        // results.json, report.md, report.html, five dataset files, the model's JSON and text files.
        assertTrue(checked >= 10, "checked " + checked + " files");
    }

    private static boolean isText(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".md") || name.endsWith(".html")
                || name.endsWith(".txt") || name.endsWith(".tsv");
    }

    private Process fork(List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire puts the real class path here when it starts its JVM through a manifest-only jar.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Dline.separator=\r\n",
                "-Dai.djl.offline=true", "-Djava.io.tmpdir=" + tmp, "-cp", classPath, StanceBench.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        return pb.start();
    }
}
