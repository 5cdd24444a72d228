package org.stancebench.model.cnn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stancebench.api.Probabilities;
import org.stancebench.io.AtomicFiles;

/**
 * The trained parameters of a {@code textcnn} network and its forward pass in plain Java.
 *
 * <p>Layouts are PyTorch's: embedding {@code [vocab, dim]}, each convolution {@code [filters, dim,
 * width]} with one bias per filter, the output layer {@code [classes, filters * widths]}. The forward
 * pass of one text (ids padded to at least the widest filter) matches DJL's within float rounding
 * and does not depend on any other text. Immutable by convention; thread-safe.
 */
final class TextCnnWeights {

    private static final int MAGIC = 0x53424331; // "SBC1"

    final int vocab;
    final int dim;
    final int filters;
    final int classes;
    final int[] widths;
    final float[] embedding;
    final float[][] conv;
    final float[][] convBias;
    final float[] linear;
    final float[] linearBias;
    /** Convolutions re-laid out as {@code [filters][width][dim]} so the inner loop runs over dim. */
    private final float[][] convByPosition;
    /**
     * When small enough, every vocabulary word already passed through every filter position:
     * {@code [width group][position in window][word * filters + filter]}. A convolution window then
     * costs additions only, instead of {@code dim} multiply-adds per filter and position.
     */
    private final float[][][] projected;

    /** Largest projection table, in floats (64 MB), built at load time. */
    static final long MAX_PROJECTED_FLOATS = 16L << 20;

    TextCnnWeights(int vocab, int dim, int filters, int classes, int[] widths, float[] embedding, float[][] conv,
                   float[][] convBias, float[] linear, float[] linearBias) {
        this.vocab = vocab;
        this.dim = dim;
        this.filters = filters;
        this.classes = classes;
        this.widths = widths.clone();
        this.embedding = embedding;
        this.conv = conv;
        this.convBias = convBias;
        this.linear = linear;
        this.linearBias = linearBias;
        check(embedding.length == (long) vocab * dim, "embedding");
        check(conv.length == widths.length && convBias.length == widths.length, "convolutions");
        for (int g = 0; g < widths.length; g++) {
            check(conv[g].length == filters * dim * widths[g] && convBias[g].length == filters, "convolution " + g);
        }
        check(linear.length == classes * filters * widths.length && linearBias.length == classes, "output layer");
        convByPosition = new float[widths.length][];
        for (int g = 0; g < widths.length; g++) {
            int k = widths[g];
            float[] r = new float[filters * k * dim];
            for (int f = 0; f < filters; f++) {
                for (int d = 0; d < dim; d++) {
                    for (int j = 0; j < k; j++) {
                        r[(f * k + j) * dim + d] = conv[g][(f * dim + d) * k + j];
                    }
                }
            }
            convByPosition[g] = r;
        }
        long tableFloats = (long) vocab * filters * java.util.Arrays.stream(widths).sum();
        projected = tableFloats <= MAX_PROJECTED_FLOATS ? project() : null;
    }

    private float[][][] project() {
        float[][][] table = new float[widths.length][][];
        for (int g = 0; g < widths.length; g++) {
            int k = widths[g];
            float[] w = convByPosition[g];
            table[g] = new float[k][vocab * filters];
            for (int j = 0; j < k; j++) {
                float[] t = table[g][j];
                for (int v = 0; v < vocab; v++) {
                    int e = v * dim;
                    for (int f = 0; f < filters; f++) {
                        int o = (f * k + j) * dim;
                        double s = 0;
                        for (int d = 0; d < dim; d++) {
                            s += w[o + d] * embedding[e + d];
                        }
                        t[v * filters + f] = (float) s;
                    }
                }
            }
        }
        return table;
    }

    /** Whether predictions use the precomputed word-by-filter table. */
    boolean usesProjectionTable() {
        return projected != null;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("textcnn weights: " + what + " has the wrong size");
        }
    }

    /** Class probabilities of one text given as ids, padded to at least the widest filter. */
    double[] probabilities(int[] ids) {
        return output(projected != null ? pooledFromTable(ids) : pooledDirect(ids));
    }

    /** Like {@link #probabilities(int[])} but never through the projection table (for tests). */
    double[] probabilitiesDirect(int[] ids) {
        return output(pooledDirect(ids));
    }

    private double[] output(double[] h) {
        int features = h.length;
        double[] z = new double[classes];
        for (int c = 0; c < classes; c++) {
            double s = linearBias[c];
            for (int i = 0; i < features; i++) {
                s += linear[c * features + i] * h[i];
            }
            z[c] = s;
        }
        Probabilities.softmaxInPlace(z);
        return z;
    }

    private double[] pooledDirect(int[] ids) {
        double[] h = new double[filters * widths.length];
        for (int g = 0; g < widths.length; g++) {
            int k = widths[g];
            float[] w = convByPosition[g];
            for (int f = 0; f < filters; f++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int p = 0; p + k <= ids.length; p++) {
                    double s = convBias[g][f];
                    for (int j = 0; j < k; j++) {
                        int e = ids[p + j] * dim;
                        int o = (f * k + j) * dim;
                        for (int d = 0; d < dim; d++) {
                            s += w[o + d] * embedding[e + d];
                        }
                    }
                    best = Math.max(best, s);
                }
                h[g * filters + f] = Math.max(0, best);
            }
        }
        return h;
    }

    private double[] pooledFromTable(int[] ids) {
        double[] h = new double[filters * widths.length];
        double[] acc = new double[filters];
        double[] best = new double[filters];
        for (int g = 0; g < widths.length; g++) {
            int k = widths[g];
            java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
            for (int p = 0; p + k <= ids.length; p++) {
                for (int f = 0; f < filters; f++) {
                    acc[f] = convBias[g][f];
                }
                for (int j = 0; j < k; j++) {
                    float[] t = projected[g][j];
                    int o = ids[p + j] * filters;
                    for (int f = 0; f < filters; f++) {
                        acc[f] += t[o + f];
                    }
                }
                for (int f = 0; f < filters; f++) {
                    best[f] = Math.max(best[f], acc[f]);
                }
            }
            for (int f = 0; f < filters; f++) {
                h[g * filters + f] = Math.max(0, best[f]);
            }
        }
        return h;
    }

    /** Writes a binary file atomically (temporary file beside it, then a move). */
    void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(vocab);
            out.writeInt(dim);
            out.writeInt(filters);
            out.writeInt(classes);
            out.writeInt(widths.length);
            for (int w : widths) {
                out.writeInt(w);
            }
            writeFloats(out, embedding);
            for (int g = 0; g < widths.length; g++) {
                writeFloats(out, conv[g]);
                writeFloats(out, convBias[g]);
            }
            writeFloats(out, linear);
            writeFloats(out, linearBias);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    /** Reads what {@link #write(Path)} wrote; anything else is an IOException naming the file. */
    static TextCnnWeights read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not a textcnn weights file (bad magic number)");
            }
            int vocab = positive(in.readInt(), file, "vocabulary size");
            int dim = positive(in.readInt(), file, "embedding size");
            int filters = positive(in.readInt(), file, "filters");
            int classes = positive(in.readInt(), file, "classes");
            int groups = positive(in.readInt(), file, "filter widths");
            if (groups > 64) {
                throw new IOException(file + ": implausible number of filter widths " + groups);
            }
            int[] widths = new int[groups];
            for (int g = 0; g < groups; g++) {
                widths[g] = positive(in.readInt(), file, "filter width");
            }
            float[] embedding = readFloats(in, (long) vocab * dim, file, "embedding");
            float[][] conv = new float[groups][];
            float[][] convBias = new float[groups][];
            for (int g = 0; g < groups; g++) {
                conv[g] = readFloats(in, (long) filters * dim * widths[g], file, "convolution " + widths[g]);
                convBias[g] = readFloats(in, filters, file, "convolution bias " + widths[g]);
            }
            float[] linear = readFloats(in, (long) classes * filters * groups, file, "output weights");
            float[] linearBias = readFloats(in, classes, file, "output bias");
            if (in.read() != -1) {
                throw new IOException(file + ": trailing bytes after the output bias");
            }
            return new TextCnnWeights(vocab, dim, filters, classes, widths, embedding, conv, convBias, linear,
                    linearBias);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated", e);
        }
    }

    private static int positive(int v, Path file, String what) throws IOException {
        if (v <= 0) {
            throw new IOException(file + ": " + what + " must be positive, got " + v);
        }
        return v;
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float v : a) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in, long expected, Path file, String what) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new IOException(file + ": " + what + " has " + n + " values, expected " + expected);
        }
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
            if (!Float.isFinite(a[i])) {
                throw new IOException(file + ": " + what + " value " + i + " is not finite");
            }
        }
        return a;
    }
}
