package org.stancebench.model.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.stancebench.model.FreedNativeMemory;

/**
 * The block's forward pass and gradients against a plain-Java reference, on a batch of 32 with 12
 * filters: the shape whose input gradient PyTorch's oneDNN convolution got wrong (NaN or garbage
 * read from the padding of its 8- or 16-channel blocks), on AVX2 and AVX-512 alike. Nothing here
 * depends on the CPU: the same assertions hold on every x86-64 machine.
 */
class TextCnnBlockTest {

    static final int BATCH = 32;
    static final int TIME = 11;
    static final int VOCAB = 40;
    static final int DIM = 16;
    static final int FILTERS = 12;
    static final int[] WIDTHS = {3, 4, 5};
    static final int CLASSES = 3;

    @Test
    void logitsAndGradientsMatchThePlainJavaReference() throws InterruptedException {
        check(false);
    }

    /**
     * The same with the JVM's garbage collected, and the memory it freed overwritten, between the
     * forward and the backward pass: with ReLU as DJL's {@code maximum(0f)}, the zero autograd keeps
     * for the backward lived in a buffer freed there, and the ReLU's gradient read whatever took its
     * place (training differed from run to run on this machine).
     */
    @Test
    void gradientsDoNotDependOnAGarbageCollectionBeforeTheBackwardPass() throws InterruptedException {
        check(true);
    }

    /**
     * A forward pass leaves nothing in the manager of the parameters: everything it makes belongs to
     * the manager of its input, closed after each training step. (DJL gives an operation's result to
     * its first operand's manager, so a filter re-laid out from a parameter stayed until training
     * ended: about 190 KB per step with the defaults.)
     */
    @Test
    void forwardPassesLeaveNothingInTheParametersManager() {
        try (NDManager params = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            SplittableRandom r = new SplittableRandom(1);
            NDArray e = params.create(uniform(r, VOCAB * DIM), new Shape(VOCAB, DIM));
            NDArray[] c = new NDArray[WIDTHS.length];
            NDArray[] cb = new NDArray[WIDTHS.length];
            for (int g = 0; g < WIDTHS.length; g++) {
                c[g] = params.create(uniform(r, FILTERS * DIM * WIDTHS[g]), new Shape(FILTERS, DIM, WIDTHS[g]));
                cb[g] = params.create(uniform(r, FILTERS));
            }
            NDArray l = params.create(uniform(r, CLASSES * FILTERS * WIDTHS.length), new Shape(CLASSES, FILTERS * WIDTHS.length));
            NDArray lb = params.create(uniform(r, CLASSES));
            int before = params.getManagedArrays().size();
            for (int step = 0; step < 3; step++) {
                try (NDManager s = params.newSubManager()) {
                    TextCnnBlock.logits(s.zeros(new Shape(BATCH, TIME), ai.djl.ndarray.types.DataType.INT64), e, c, cb,
                            l, lb, null, null);
                }
            }
            assertEquals(before, params.getManagedArrays().size(), "arrays left in the parameters' manager");
        }
    }

    private static void check(boolean collectBeforeBackward) throws InterruptedException {
        SplittableRandom r = new SplittableRandom(42);
        float[] emb = uniform(r, VOCAB * DIM);
        float[][] conv = new float[WIDTHS.length][];
        float[][] bias = new float[WIDTHS.length][];
        for (int g = 0; g < WIDTHS.length; g++) {
            conv[g] = uniform(r, FILTERS * DIM * WIDTHS[g]);
            bias[g] = uniform(r, FILTERS);
        }
        int features = FILTERS * WIDTHS.length;
        float[] lin = uniform(r, CLASSES * features);
        float[] linBias = uniform(r, CLASSES);
        long[] ids = new long[BATCH * TIME];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = r.nextInt(VOCAB);
        }
        float[] seed = uniform(r, BATCH * CLASSES); // the loss is sum(seed * logits)

        Reference ref = new Reference(emb, conv, bias, lin, linBias, ids, seed);
        Engine.getEngine("PyTorch");
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray e = m.create(emb, new Shape(VOCAB, DIM));
            NDArray[] c = new NDArray[WIDTHS.length];
            NDArray[] cb = new NDArray[WIDTHS.length];
            for (int g = 0; g < WIDTHS.length; g++) {
                c[g] = m.create(conv[g], new Shape(FILTERS, DIM, WIDTHS[g]));
                cb[g] = m.create(bias[g]);
                c[g].setRequiresGradient(true);
                cb[g].setRequiresGradient(true);
            }
            NDArray l = m.create(lin, new Shape(CLASSES, features));
            NDArray lb = m.create(linBias);
            e.setRequiresGradient(true);
            l.setRequiresGradient(true);
            float[] logits;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray out = TextCnnBlock.logits(m.create(ids, new Shape(BATCH, TIME)), e, c, cb, l, lb, null, null);
                logits = out.toFloatArray();
                NDArray loss = out.mul(m.create(seed, new Shape(BATCH, CLASSES))).sum();
                Object filler = collectBeforeBackward ? FreedNativeMemory.overwrite() : null;
                gc.backward(loss);
                java.lang.ref.Reference.reachabilityFence(filler);
            }
            assertClose("logits", ref.logits, logits, 1e-5);
            assertClose("embedding gradient", ref.gradEmbedding, e.getGradient().toFloatArray(), 1e-5);
            for (int g = 0; g < WIDTHS.length; g++) {
                assertClose("conv" + g + " gradient", ref.gradConv[g], c[g].getGradient().toFloatArray(), 1e-4);
                assertClose("conv" + g + " bias gradient", ref.gradBias[g], cb[g].getGradient().toFloatArray(), 1e-5);
            }
            assertClose("output gradient", ref.gradLinear, l.getGradient().toFloatArray(), 1e-4);
        }
    }

    private static void assertClose(String what, double[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, what);
        double worst = 0;
        double scale = 1e-3;
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Float.isFinite(actual[i]), what + "[" + i + "] is " + actual[i]);
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        assertTrue(worst <= tolerance * scale, what + ": largest difference " + worst + " (scale " + scale + ")");
    }

    private static float[] uniform(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return a;
    }

    /** The network and the gradients of {@code sum(seed * logits)}, in double precision. */
    private static final class Reference {
        final double[] logits = new double[BATCH * CLASSES];
        final double[] gradEmbedding = new double[VOCAB * DIM];
        final double[][] gradConv = new double[WIDTHS.length][];
        final double[][] gradBias = new double[WIDTHS.length][];
        final double[] gradLinear;

        Reference(float[] emb, float[][] conv, float[][] bias, float[] lin, float[] linBias, long[] ids, float[] seed) {
            int features = FILTERS * WIDTHS.length;
            gradLinear = new double[CLASSES * features];
            for (int g = 0; g < WIDTHS.length; g++) {
                gradConv[g] = new double[conv[g].length];
                gradBias[g] = new double[FILTERS];
            }
            for (int b = 0; b < BATCH; b++) {
                double[] h = new double[features];
                int[][] argmax = new int[WIDTHS.length][FILTERS];
                for (int g = 0; g < WIDTHS.length; g++) {
                    int k = WIDTHS[g];
                    for (int f = 0; f < FILTERS; f++) {
                        double best = Double.NEGATIVE_INFINITY;
                        for (int p = 0; p + k <= TIME; p++) {
                            double s = bias[g][f];
                            for (int j = 0; j < k; j++) {
                                int word = (int) ids[b * TIME + p + j];
                                for (int d = 0; d < DIM; d++) {
                                    s += (double) conv[g][(f * DIM + d) * k + j] * emb[word * DIM + d];
                                }
                            }
                            if (s > best) {
                                best = s;
                                argmax[g][f] = p;
                            }
                        }
                        h[g * FILTERS + f] = Math.max(0, best);
                    }
                }
                double[] dh = new double[features];
                for (int c = 0; c < CLASSES; c++) {
                    double z = linBias[c];
                    for (int i = 0; i < features; i++) {
                        z += (double) lin[c * features + i] * h[i];
                        gradLinear[c * features + i] += seed[b * CLASSES + c] * h[i];
                        dh[i] += (double) seed[b * CLASSES + c] * lin[c * features + i];
                    }
                    logits[b * CLASSES + c] = z;
                }
                for (int g = 0; g < WIDTHS.length; g++) {
                    int k = WIDTHS[g];
                    for (int f = 0; f < FILTERS; f++) {
                        int i = g * FILTERS + f;
                        if (h[i] <= 0) {
                            continue;
                        }
                        int p = argmax[g][f];
                        gradBias[g][f] += dh[i];
                        for (int j = 0; j < k; j++) {
                            int word = (int) ids[b * TIME + p + j];
                            for (int d = 0; d < DIM; d++) {
                                gradEmbedding[word * DIM + d] += dh[i] * conv[g][(f * DIM + d) * k + j];
                                gradConv[g][(f * DIM + d) * k + j] += dh[i] * emb[word * DIM + d];
                            }
                        }
                    }
                }
            }
        }
    }
}
