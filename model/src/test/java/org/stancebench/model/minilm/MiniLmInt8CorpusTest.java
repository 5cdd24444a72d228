package org.stancebench.model.minilm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.stancebench.model.text.IronyCorpus;

/**
 * What int8 costs the embeddings on real texts: the cosine similarity of every TweetEval test text's
 * int8 embedding (the default, one text per pass) to its float32 embedding, per task (stance: the
 * five targets' test sets together). The measured means are printed (docs/int8.md quotes them) and
 * must stay above 0.98, each text above 0.9. Skipped without {@code ../shared/corpora}.
 */
class MiniLmInt8CorpusTest {

    @Test
    void int8EmbeddingsOfTweetEvalTestTextsStayCloseToFloat32() throws IOException {
        Path irony = IronyCorpus.folder();
        Assumptions.assumeTrue(irony != null, "../shared/corpora/tweeteval is absent: skipped");
        Path tweeteval = irony.getParent();
        MiniLmEncoder f = MiniLmEncoder.shared();
        MiniLmEncoder q = MiniLmEncoder.sharedOrOpen(MiniLmEncoder.Settings.defaults(MiniLmEncoder.Precision.INT8));
        for (String task : List.of("stance", "irony", "emotion")) {
            List<String> texts = new ArrayList<>();
            try (Stream<Path> files = Files.walk(tweeteval.resolve(task))) {
                for (Path file : files.filter(p -> p.getFileName().toString().equals("test_text.txt")).sorted().toList()) {
                    texts.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            }
            float[][] a = f.encode(texts);
            float[][] b = q.encode(texts);
            double sum = 0;
            double worst = 1;
            for (int i = 0; i < texts.size(); i++) {
                double cosine = 0;
                for (int d = 0; d < MiniLmEncoder.DIMENSION; d++) {
                    cosine += a[i][d] * b[i][d];
                }
                sum += cosine;
                worst = Math.min(worst, cosine);
            }
            double mean = sum / texts.size();
            System.out.printf(Locale.ROOT, "int8 vs float32 cosine, TweetEval %s test (%d texts): mean %.4f, min %.4f%n",
                    task, texts.size(), mean, worst);
            assertTrue(mean > 0.98, task + ": mean cosine " + mean);
            assertTrue(worst > 0.9, task + ": worst cosine " + worst);
        }
    }
}
