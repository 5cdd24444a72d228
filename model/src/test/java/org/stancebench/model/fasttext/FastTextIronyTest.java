package org.stancebench.model.fasttext;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.stancebench.api.Classifier;
import org.stancebench.model.text.IronyCorpus;

class FastTextIronyTest {

    @Test
    void trainsOnTweetEvalIronyAndReportsTestF1() throws Exception {
        IronyCorpus.Splits splits = IronyCorpus.load();
        Assumptions.assumeTrue(splits != null, "../shared/corpora/tweeteval/irony is absent: skipped");
        long t0 = System.nanoTime();
        Classifier model = new FastTextFactory().train(splits.data(), IronyCorpus.options("fasttext.settings"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double f1 = IronyCorpus.ironyF1(model, splits.test());
        System.err.printf(Locale.ROOT, "fasttext irony: test F1(irony) = %.1f, trained in %.1f s, settings %s%n",
                100 * f1, seconds, model.settings());
        // Published TweetEval FastText row: 63.1; fastText 0.9.2 tuned here: 57.7; floor (all irony) ~0.56.
        assertTrue(f1 > 0.5, "irony F1 " + f1);
    }
}
