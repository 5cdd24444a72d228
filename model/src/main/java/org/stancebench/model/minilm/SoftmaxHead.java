package org.stancebench.model.minilm;

import org.stancebench.api.Probabilities;

/**
 * A multinomial logistic-regression head, evaluated in plain Java: {@code softmax(W x + b)}.
 *
 * <p>Immutable by convention (the arrays are not copied, nobody writes them after training).
 *
 * @param weight one row of {@code dimension} weights per class
 * @param bias one bias per class
 */
record SoftmaxHead(float[][] weight, float[] bias) {

    SoftmaxHead {
        if (weight.length == 0 || weight.length != bias.length) {
            throw new IllegalArgumentException("head needs one weight row and one bias per class");
        }
        for (float[] row : weight) {
            if (row.length != weight[0].length) {
                throw new IllegalArgumentException("head weight rows differ in length");
            }
        }
    }

    int classes() {
        return bias.length;
    }

    int dimension() {
        return weight[0].length;
    }

    /** Class probabilities of one input; accumulates in double, so it never overflows. */
    double[] probabilities(float[] x) {
        int k = bias.length;
        double[] z = new double[k];
        for (int c = 0; c < k; c++) {
            float[] w = weight[c];
            double s = bias[c];
            for (int i = 0; i < w.length; i++) {
                s += (double) w[i] * x[i];
            }
            z[c] = s;
        }
        Probabilities.softmaxInPlace(z);
        return z;
    }
}
