package org.stancebench.model.fasttext;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.stancebench.api.Classifier;
import org.stancebench.model.text.IronyCorpus;

/**
 * Trains on TweetEval irony (train, val for tuning) and prints the test F1 of the irony class.
 * Default settings keep it within about a minute; {@code -Dfasttext.settings='k=v;k=v|k=v...'}
 * runs other configurations, e.g. the full default grid with {@code -Dfasttext.settings=lr=auto}.
 */
class FastTextIronyTest {

    @Test
    void trainsOnTweetEvalIronyAndReportsTestF1() throws Exception {
        IronyCorpus.Splits splits = IronyCorpus.load();
        Assumptions.assumeTrue(splits != null, "../shared/corpora/tweeteval/irony is absent: skipped");
        String runs = System.getProperty("fasttext.settings", "lr_grid=0.5,1.0;epoch_grid=25");
        for (String run : runs.split("\\|")) {
            System.setProperty("fasttext.run", run);
            long t0 = System.nanoTime();
            Classifier model = new FastTextFactory().train(splits.data(), IronyCorpus.options("fasttext.run"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double f1 = IronyCorpus.ironyF1(model, splits.test());
            System.err.printf(Locale.ROOT, "fasttext irony [%s]: test F1(irony) = %.1f, trained in %.1f s, settings %s%n",
                    run, 100 * f1, seconds, model.settings());
            // Published TweetEval FastText row: 63.1; fastText 0.9.2 tuned here: 57.7; all-irony floor about 56.
            assertTrue(f1 > 0.5, "irony F1 " + f1);
            System.err.println("fasttext predict, one text per call: " + IronyCorpus.throughput(model, splits.test(), 5));
        }
    }
}
