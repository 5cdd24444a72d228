package org.stancebench.model.minilm;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.stancebench.model.TorchThreads;

/**
 * Trains a {@link SoftmaxHead} with DJL's PyTorch engine: a {@link Linear} block, softmax
 * cross-entropy, Adam with weight decay (L2), seeded mini-batch order and seeded initial weights.
 *
 * <p>Deterministic: the same inputs, settings and seed give the same head (one JVM, one engine
 * thread count). When a development set is given, the head of the epoch with the lowest development
 * log-loss is returned (early stopping); otherwise the last epoch's.
 */
final class SoftmaxHeadTrainer {

    /**
     * Hyper-parameters of one training run.
     *
     * @param epochs passes over the training set
     * @param batchSize examples per Adam step
     * @param learningRate Adam's step size
     * @param weightDecay L2 coefficient
     */
    record Hyper(int epochs, int batchSize, float learningRate, float weightDecay) {
        Hyper {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || weightDecay < 0) {
                throw new IllegalArgumentException("epochs, batchSize and learningRate must be positive, "
                        + "weightDecay non-negative");
            }
        }
    }

    /**
     * A trained head and its development log-loss ({@code NaN} without a development set).
     */
    record Result(SoftmaxHead head, double devLogLoss, int bestEpoch) {
    }

    private SoftmaxHeadTrainer() {
    }

    static Result train(float[][] x, int[] y, float[][] devX, int[] devY, int classes, Hyper hyper, long seed,
                        Consumer<String> progress) {
        return train(x, y, devX, devY, classes, hyper, null, seed, progress);
    }

    /**
     * As {@link #train(float[][], int[], float[][], int[], int, Hyper, long, Consumer)}, each example's
     * loss multiplied by its label's weight in {@code classWeights} (null: all 1, the plain loss).
     */
    static Result train(float[][] x, int[] y, float[][] devX, int[] devY, int classes, Hyper hyper,
                        float[] classWeights, long seed, Consumer<String> progress) {
        try (TorchThreads t = TorchThreads.exclusive(1)) {
            return trainOnOneThread(x, y, devX, devY, classes, hyper, classWeights, seed, progress);
        }
    }

    private static Result trainOnOneThread(float[][] x, int[] y, float[][] devX, int[] devY, int classes,
                                           Hyper hyper, float[] classWeights, long seed, Consumer<String> progress) {
        int n = x.length;
        int dim = x[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom initRandom = random.split();
        try (Model model = Model.newInstance("minilm-probe-head", Device.cpu(), "PyTorch")) {
            model.setBlock(Linear.builder().setUnits(classes).build());
            // Glorot-uniform weights from our own seeded generator, so nothing depends on torch's RNG.
            Initializer seeded = (manager, shape, dataType) -> {
                long count = shape.size();
                double limit = Math.sqrt(6.0 / (shape.get(0) + shape.get(shape.dimension() - 1)));
                float[] values = new float[(int) count];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((initRandom.nextDouble() * 2 - 1) * limit);
                }
                return manager.create(values, shape).toType(dataType, false);
            };
            // Weighted: dense targets holding each label's weight, so the summed log-likelihood is weighted
            // (DJL's loss multiplies by one scalar weight only); unweighted keeps the sparse loss.
            Loss lossFunction = classWeights == null ? Loss.softmaxCrossEntropyLoss()
                    : Loss.softmaxCrossEntropyLoss("WeightedSoftmaxCrossEntropyLoss", 1f, -1, false, true);
            DefaultTrainingConfig config = new DefaultTrainingConfig(lossFunction)
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed(hyper.learningRate()))
                            .optWeightDecays(hyper.weightDecay())
                            .build())
                    .optInitializer(seeded, Parameter.Type.WEIGHT)
                    .optInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, dim));
                NDManager manager = trainer.getManager();
                int[] order = new int[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                boolean hasDev = devX != null && devX.length > 0;
                SoftmaxHead best = null;
                double bestLoss = Double.POSITIVE_INFINITY;
                int bestEpoch = -1;
                for (int epoch = 1; epoch <= hyper.epochs(); epoch++) {
                    shuffle(order, random);
                    for (int start = 0; start < n; start += hyper.batchSize()) {
                        int end = Math.min(n, start + hyper.batchSize());
                        try (NDManager step = manager.newSubManager()) {
                            NDArray xb = step.create(rows(x, order, start, end));
                            NDArray yb;
                            if (classWeights == null) {
                                float[] labels = new float[end - start];
                                for (int i = start; i < end; i++) {
                                    labels[i - start] = y[order[i]];
                                }
                                yb = step.create(labels);
                            } else {
                                float[] targets = new float[(end - start) * classes];
                                for (int i = start; i < end; i++) {
                                    targets[(i - start) * classes + y[order[i]]] = classWeights[y[order[i]]];
                                }
                                yb = step.create(targets, new Shape(end - start, classes));
                            }
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(xb)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(yb), new NDList(logits));
                                collector.backward(loss);
                            }
                            trainer.step();
                        }
                    }
                    if (hasDev) {
                        SoftmaxHead head = extract(model, classes, dim);
                        double loss = logLoss(head, devX, devY);
                        if (loss < bestLoss) {
                            bestLoss = loss;
                            best = head;
                            bestEpoch = epoch;
                        }
                    }
                }
                if (!hasDev) {
                    return new Result(extract(model, classes, dim), Double.NaN, hyper.epochs());
                }
                progress.accept(String.format("minilm-probe: weightDecay=%s best epoch %d, dev log-loss %.4f",
                        hyper.weightDecay(), bestEpoch, bestLoss));
                return new Result(best, bestLoss, bestEpoch);
            }
        }
    }

    /** Probabilities from DJL's forward pass (the same {@link Linear} op training used). */
    static double[][] djlProbabilities(SoftmaxHead head, float[][] x) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray w = manager.create(head.weight());
            NDArray b = manager.create(head.bias());
            NDArray logits = Linear.linear(manager.create(x), w, b).singletonOrThrow();
            float[] p = logits.toType(DataType.FLOAT64, false).softmax(-1).toType(DataType.FLOAT32, false).toFloatArray();
            double[][] out = new double[x.length][head.classes()];
            for (int i = 0; i < x.length; i++) {
                for (int c = 0; c < head.classes(); c++) {
                    out[i][c] = p[i * head.classes() + c];
                }
            }
            return out;
        }
    }

    static double logLoss(SoftmaxHead head, float[][] x, int[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum -= Math.log(Math.max(head.probabilities(x[i])[y[i]], 1e-15));
        }
        return sum / x.length;
    }

    private static SoftmaxHead extract(Model model, int classes, int dim) {
        float[] w = model.getBlock().getParameters().get("weight").getArray().toFloatArray();
        float[] b = model.getBlock().getParameters().get("bias").getArray().toFloatArray();
        float[][] rows = new float[classes][dim];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(w, c * dim, rows[c], 0, dim);
        }
        return new SoftmaxHead(rows, b);
    }

    private static float[][] rows(float[][] x, int[] order, int start, int end) {
        float[][] out = new float[end - start][];
        for (int i = start; i < end; i++) {
            out[i - start] = x[order[i]];
        }
        return out;
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
