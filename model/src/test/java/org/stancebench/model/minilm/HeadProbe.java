package org.stancebench.model.minilm;

import java.util.SplittableRandom;

/**
 * Trains a minilm-probe head ({@link SoftmaxHeadTrainer}, the part of minilm-probe that DJL trains)
 * on fixed sentence-embedding-sized vectors and returns its probabilities: the head alone, so that
 * what is compared depends on PyTorch only, not on the ONNX Runtime encoder.
 */
public final class HeadProbe {

    private HeadProbe() {
    }

    /**
     * Probabilities on 12 held-out vectors of a head trained (with a development set, so with early
     * stopping) on 64 noisy vectors around 4 class centres in {@link MiniLmEncoder#DIMENSION} dimensions.
     */
    public static double[][] probabilities(long seed) {
        int dim = MiniLmEncoder.DIMENSION;
        int classes = 4;
        SplittableRandom r = new SplittableRandom(seed);
        float[][] centres = new float[classes][dim];
        for (float[] c : centres) {
            for (int d = 0; d < dim; d++) {
                c[d] = (float) (r.nextGaussian() * 0.05);
            }
        }
        float[][] x = new float[64][];
        int[] y = new int[x.length];
        float[][] devX = new float[16][];
        int[] devY = new int[devX.length];
        float[][] test = new float[12][];
        fill(x, y, centres, r);
        fill(devX, devY, centres, r);
        fill(test, new int[test.length], centres, r);
        SoftmaxHeadTrainer.Result result = SoftmaxHeadTrainer.train(x, y, devX, devY, classes,
                new SoftmaxHeadTrainer.Hyper(20, 16, 0.01f, 1e-4f), seed, message -> { });
        double[][] out = new double[test.length][];
        for (int i = 0; i < test.length; i++) {
            out[i] = result.head().probabilities(test[i]);
        }
        return out;
    }

    private static void fill(float[][] x, int[] y, float[][] centres, SplittableRandom r) {
        for (int i = 0; i < x.length; i++) {
            y[i] = i % centres.length;
            x[i] = new float[centres[0].length];
            for (int d = 0; d < x[i].length; d++) {
                x[i][d] = centres[y[i]][d] + (float) (r.nextGaussian() * 0.05);
            }
        }
    }
}
