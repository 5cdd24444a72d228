package org.stancebench.model.linear;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Limited-memory BFGS with a backtracking Armijo line search, minimising a smooth function whose
 * value and gradient come from elsewhere (here, DJL's autograd).
 *
 * <p>Deterministic: the same function and start give the same iterates. Stops when the largest
 * gradient component falls below {@code gradTol}, when the relative decrease of the objective falls
 * below {@code 1e-10}, or after {@code maxIter} iterations.
 */
final class Lbfgs {
    /** An objective: writes the gradient at {@code x} into {@code grad} and returns the value. */
    interface Objective {
        double evaluate(double[] x, double[] grad);
    }

    /** What a run ended with. */
    record Result(double value, int iterations, int evaluations, double gradInfNorm) {
    }

    private final int memory;
    private final int maxIter;
    private final double gradTol;

    Lbfgs(int memory, int maxIter, double gradTol) {
        this.memory = memory;
        this.maxIter = maxIter;
        this.gradTol = gradTol;
    }

    /** Minimises {@code f} starting from {@code x}, which is overwritten with the minimiser. */
    Result minimize(Objective f, double[] x, Consumer<String> progress) {
        int n = x.length;
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        int evals = 1;
        Deque<double[]> ss = new ArrayDeque<>();
        Deque<double[]> ys = new ArrayDeque<>();
        Deque<Double> rhos = new ArrayDeque<>();
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int iter = 0;
        double gInf = infNorm(g);
        while (iter < maxIter && gInf > gradTol) {
            direction(g, ss, ys, rhos, d);
            double slope = dot(g, d);
            if (slope >= 0) {
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = dot(g, d);
                ss.clear();
                ys.clear();
                rhos.clear();
            }
            double step = ss.isEmpty() ? Math.min(1.0, 1.0 / Math.sqrt(-slope)) : 1.0;
            double fNew;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.evaluate(xNew, gNew);
                evals++;
                if (fNew <= fx + 1e-4 * step * slope || ++tries >= 40) {
                    break;
                }
                step *= 0.5;
            }
            if (!(fNew <= fx)) {
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-12) {
                if (ss.size() == memory) {
                    ss.removeFirst();
                    ys.removeFirst();
                    rhos.removeFirst();
                }
                ss.addLast(s);
                ys.addLast(y);
                rhos.addLast(1.0 / sy);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            double decrease = fx - fNew;
            fx = fNew;
            gInf = infNorm(g);
            iter++;
            if (iter % 25 == 0) {
                progress.accept(String.format(java.util.Locale.ROOT, "  L-BFGS iteration %d: objective %.6f, max |grad| %.2e",
                        iter, fx, gInf));
            }
            if (decrease <= 1e-10 * Math.max(1.0, Math.abs(fx))) {
                break;
            }
        }
        return new Result(fx, iter, evals, gInf);
    }

    private static void direction(double[] g, Deque<double[]> ss, Deque<double[]> ys, Deque<Double> rhos,
                                  double[] d) {
        int n = g.length;
        int k = ss.size();
        double[][] s = ss.toArray(new double[0][]);
        double[][] y = ys.toArray(new double[0][]);
        Double[] rho = rhos.toArray(new Double[0]);
        double[] alpha = new double[k];
        for (int i = 0; i < n; i++) {
            d[i] = -g[i];
        }
        for (int j = k - 1; j >= 0; j--) {
            alpha[j] = rho[j] * dot(s[j], d);
            axpy(-alpha[j], y[j], d);
        }
        if (k > 0) {
            double gamma = dot(s[k - 1], y[k - 1]) / dot(y[k - 1], y[k - 1]);
            for (int i = 0; i < n; i++) {
                d[i] *= gamma;
            }
        }
        for (int j = 0; j < k; j++) {
            double beta = rho[j] * dot(y[j], d);
            axpy(alpha[j] - beta, s[j], d);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double infNorm(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
