package org.stancebench.model.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stancebench.model.FreedNativeMemory;
import org.stancebench.model.text.SparseVector;

class DjlSparseLinearTest {

    /**
     * The objective and its gradient are the same when the JVM collects garbage (and the freed
     * memory is overwritten) between a forward and a backward pass: with {@code div(n)} and, for the
     * hinge loss, {@code maximum(0.0)} on numbers, autograd read those numbers from buffers freed there.
     */
    @ParameterizedTest
    @EnumSource(LinearLoss.class)
    void gradientDoesNotDependOnAGarbageCollectionBeforeTheBackwardPass(LinearLoss loss) {
        int dim = 50;
        int classes = 3;
        SplittableRandom r = new SplittableRandom(4);
        List<SparseVector> rows = new ArrayList<>();
        int[] labels = new int[300];
        double[] weights = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int[] idx = r.ints(0, dim).distinct().limit(1 + r.nextInt(6)).sorted().toArray();
            float[] val = new float[idx.length];
            for (int j = 0; j < val.length; j++) {
                val[j] = (float) r.nextDouble();
            }
            rows.add(new SparseVector(dim, idx, val));
            labels[i] = r.nextInt(classes);
            weights[i] = 0.5 + r.nextDouble();
        }
        double[] x = new double[dim * classes + classes];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double[] clean = new double[x.length];
        double[] collected = new double[x.length];
        try (DjlSparseLinear objective = new DjlSparseLinear(rows, labels, weights, dim, classes, loss)) {
            objective.setC(1.0);
            double f = objective.evaluate(x, clean);
            double g = objective.evaluate(x, collected, () -> {
                try {
                    // Kept reachable until evaluate returns: the lambda's list outlives the backward pass.
                    FILLER.add(FreedNativeMemory.overwrite());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            FILLER.clear();
            assertEquals(f, g, 0.0);
            assertTrue(Arrays.stream(clean).anyMatch(v -> v != 0), "the gradient is not all zero");
            assertArrayEquals(clean, collected, 0.0);
        }
    }

    private static final List<Object> FILLER = new ArrayList<>();
}
