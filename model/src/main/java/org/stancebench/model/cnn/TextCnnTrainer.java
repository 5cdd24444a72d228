package org.stancebench.model.cnn;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.stancebench.model.TorchThreads;

/**
 * Trains a {@link TextCnnBlock} with DJL's PyTorch engine (softmax cross-entropy, Adam) and returns
 * its weights for plain-Java inference.
 *
 * <p>Deterministic: initial weights, batch order and dropout masks all come from one
 * {@link SplittableRandom} seeded by the caller; nothing uses torch's random generator. With a
 * development set, training stops after {@code patience} epochs without a lower development log-loss
 * and returns the best epoch's weights.
 */
final class TextCnnTrainer {

    private TextCnnTrainer() {
    }

    static TextCnnWeights train(List<int[]> x, int[] y, List<int[]> devX, int[] devY, int vocab, int classes,
                                TextCnnConfig config, long seed, Consumer<String> progress) {
        return train(x, y, devX, devY, vocab, classes, config, null, seed, progress);
    }

    /** As the other {@code train}, each example's loss multiplied by its label's weight (null: all 1). */
    static TextCnnWeights train(List<int[]> x, int[] y, List<int[]> devX, int[] devY, int vocab, int classes,
                                TextCnnConfig config, float[] classWeights, long seed, Consumer<String> progress) {
        try (TorchThreads t = TorchThreads.exclusive(config.trainThreads())) {
            return trainOnCurrentThreads(x, y, devX, devY, vocab, classes, config, classWeights, seed, progress);
        }
    }

    private static TextCnnWeights trainOnCurrentThreads(List<int[]> x, int[] y, List<int[]> devX, int[] devY,
                                                        int vocab, int classes, TextCnnConfig config,
                                                        float[] classWeights, long seed, Consumer<String> progress) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom order = root.split();
        SplittableRandom dropout = root.split();
        try (Model model = Model.newInstance("textcnn", Device.cpu(), "PyTorch")) {
            TextCnnBlock block = new TextCnnBlock(vocab, config, classes);
            model.setBlock(block);
            int[] widths = config.widths();
            // Weighted: dense targets holding each label's weight (DJL's loss takes one scalar weight only).
            Loss lossFunction = classWeights == null ? Loss.softmaxCrossEntropyLoss()
                    : Loss.softmaxCrossEntropyLoss("WeightedSoftmaxCrossEntropyLoss", 1f, -1, false, true);
            DefaultTrainingConfig training = new DefaultTrainingConfig(lossFunction)
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                            .optWeightDecays((float) config.weightDecay())
                            .build())
                    .optInitializer(uniform(root.split(), 0.25), named("embedding"));
            for (int g = 0; g < widths.length; g++) {
                int fanIn = config.embeddingDim() * widths[g];
                int fanOut = config.filters() * widths[g];
                training.optInitializer(uniform(root.split(), Math.sqrt(6.0 / (fanIn + fanOut))), named("conv" + g + "_weight"))
                        .optInitializer(Initializer.ZEROS, named("conv" + g + "_bias"));
            }
            training.optInitializer(uniform(root.split(), Math.sqrt(6.0 / (classes + config.features()))), named("out_weight"))
                    .optInitializer(Initializer.ZEROS, named("out_bias"));
            try (Trainer trainer = model.newTrainer(training)) {
                trainer.initialize(new Shape(1, config.maxWidth()));
                int n = x.size();
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                boolean hasDev = devX != null && !devX.isEmpty();
                TextCnnWeights best = null;
                double bestLoss = Double.POSITIVE_INFINITY;
                int sinceBest = 0;
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    shuffle(perm, order);
                    double trainLoss = 0;
                    for (int start = 0; start < n; start += config.batchSize()) {
                        int end = Math.min(n, start + config.batchSize());
                        try (NDManager step = trainer.getManager().newSubManager()) {
                            NDList inputs = batch(step, x, perm, start, end, widths, config, dropout);
                            NDArray target;
                            if (classWeights == null) {
                                float[] labels = new float[end - start];
                                for (int i = start; i < end; i++) {
                                    labels[i - start] = y[perm[i]];
                                }
                                target = step.create(labels);
                            } else {
                                float[] dense = new float[(end - start) * classes];
                                for (int i = start; i < end; i++) {
                                    dense[(i - start) * classes + y[perm[i]]] = classWeights[y[perm[i]]];
                                }
                                target = step.create(dense, new Shape(end - start, classes));
                            }
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(inputs).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(target), new NDList(logits));
                                trainLoss += loss.getFloat() * (end - start);
                                collector.backward(loss);
                            }
                            trainer.step();
                        }
                    }
                    if (!Double.isFinite(trainLoss)) {
                        throw new IllegalStateException(String.format("textcnn: training diverged: the training "
                                + "loss of epoch %d is %s; try a smaller learningRate (now %s)", epoch, trainLoss / n,
                                config.learningRate()));
                    }
                    TextCnnWeights weights = weights(block, config, vocab, classes);
                    if (!hasDev) {
                        best = weights;
                        progress.accept(String.format("textcnn: epoch %d train loss %.4f", epoch, trainLoss / n));
                        continue;
                    }
                    double devLoss = logLoss(weights, devX, devY);
                    progress.accept(String.format("textcnn: epoch %d train loss %.4f dev log-loss %.4f", epoch,
                            trainLoss / n, devLoss));
                    if (devLoss < bestLoss) {
                        bestLoss = devLoss;
                        best = weights;
                        sinceBest = 0;
                    } else if (++sinceBest >= config.patience()) {
                        break;
                    }
                }
                return best;
            }
        }
    }

    private static java.util.function.Predicate<Parameter> named(String name) {
        return p -> p.getName().equals(name);
    }

    private static Initializer uniform(SplittableRandom random, double limit) {
        return (manager, shape, dataType) -> {
            float[] v = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
            return manager.create(v, shape).toType(dataType, false);
        };
    }

    /** Ids padded to the batch's longest text, the dropout mask and the per-width window masks. */
    private static NDList batch(NDManager manager, List<int[]> x, int[] perm, int start, int end, int[] widths,
                                TextCnnConfig config, SplittableRandom dropout) {
        int b = end - start;
        int width = 0;
        for (int i = start; i < end; i++) {
            width = Math.max(width, x.get(perm[i]).length);
        }
        long[] ids = new long[b * width];
        for (int i = 0; i < b; i++) {
            int[] t = x.get(perm[start + i]);
            for (int j = 0; j < t.length; j++) {
                ids[i * width + j] = t[j];
            }
        }
        NDList inputs = new NDList(manager.create(ids, new Shape(b, width)));
        int features = config.features();
        float[] mask = new float[b * features];
        float keep = (float) (1 / (1 - config.dropout()));
        for (int i = 0; i < mask.length; i++) {
            mask[i] = dropout.nextDouble() < config.dropout() ? 0f : keep;
        }
        inputs.add(manager.create(mask, new Shape(b, features)));
        for (int k : widths) {
            int windows = width - k + 1;
            float[] m = new float[b * windows];
            for (int i = 0; i < b; i++) {
                int valid = x.get(perm[start + i]).length - k + 1;
                for (int p = valid; p < windows; p++) {
                    m[i * windows + p] = TextCnnBlock.MASKED;
                }
            }
            inputs.add(manager.create(m, new Shape(b, windows)));
        }
        return inputs;
    }

    static TextCnnWeights weights(TextCnnBlock block, TextCnnConfig config, int vocab, int classes) {
        int[] widths = config.widths();
        float[][] conv = new float[widths.length][];
        float[][] convBias = new float[widths.length][];
        for (int g = 0; g < widths.length; g++) {
            conv[g] = block.conv(g).getArray().toFloatArray();
            convBias[g] = block.convBias(g).getArray().toFloatArray();
        }
        return new TextCnnWeights(vocab, config.embeddingDim(), config.filters(), classes, widths,
                block.embedding().getArray().toFloatArray(), conv, convBias,
                block.linear().getArray().toFloatArray(), block.linearBias().getArray().toFloatArray());
    }

    /** Probabilities of one text from DJL's forward pass over {@code w}, for checking the Java path. */
    static double[] djlProbabilities(TextCnnWeights w, int[] ids) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray[] conv = new NDArray[w.widths.length];
            NDArray[] convBias = new NDArray[w.widths.length];
            for (int g = 0; g < conv.length; g++) {
                conv[g] = m.create(w.conv[g], new Shape(w.filters, w.dim, w.widths[g]));
                convBias[g] = m.create(w.convBias[g]);
            }
            long[] longIds = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                longIds[i] = ids[i];
            }
            NDArray logits = TextCnnBlock.logits(m.create(longIds, new Shape(1, ids.length)),
                    m.create(w.embedding, new Shape(w.vocab, w.dim)), conv, convBias,
                    m.create(w.linear, new Shape(w.classes, w.filters * w.widths.length)), m.create(w.linearBias),
                    null, null);
            float[] p = logits.softmax(-1).toFloatArray();
            double[] out = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = p[i];
            }
            return out;
        }
    }

    static double logLoss(TextCnnWeights w, List<int[]> x, int[] y) {
        double sum = 0;
        for (int i = 0; i < x.size(); i++) {
            sum -= Math.log(Math.max(w.probabilities(x.get(i))[y[i]], 1e-15));
        }
        return sum / x.size();
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
