package org.stancebench.model.minilm;

import java.io.IOException;
import java.nio.file.Path;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;

/**
 * A MiniLM classifier family with the int8 encoder ({@code precision=int8}) registered under its own
 * name, {@code <family>-int8}, so that every command, report and benchmark that lists registered
 * classifiers sets it beside its float32 twin. Training with {@code --set precision=int8} under
 * the family's own name gives the same model.
 */
abstract class Int8Variant implements ClassifierFactory {
    /** Suffix of a variant's name. */
    static final String SUFFIX = "-int8";

    private final ClassifierFactory base;

    Int8Variant(ClassifierFactory base) {
        this.base = base;
    }

    /** The registered name of a {@code family} model running on {@code encoder}: with the suffix in int8. */
    static String nameOf(String family, MiniLmEncoder encoder) {
        return encoder.settings().precision() == MiniLmEncoder.Precision.INT8 ? family + SUFFIX : family;
    }

    @Override
    public String name() {
        return base.name() + SUFFIX;
    }

    @Override
    public String description() {
        return base.description() + "; int8 encoder (precision=int8)";
    }

    @Override
    public Classifier train(TrainingData data, TrainingOptions options) {
        String precision = options.get("precision", MiniLmEncoder.Precision.INT8.id());
        if (!precision.equals(MiniLmEncoder.Precision.INT8.id())) {
            throw new IllegalArgumentException(name() + ": setting 'precision' is int8 for this classifier; for "
                    + precision + " use " + base.name());
        }
        return base.train(data, options.with("precision", MiniLmEncoder.Precision.INT8.id()));
    }

    @Override
    public Classifier load(Path dir) throws IOException {
        return base.load(dir);
    }

    /** {@code minilm-probe-int8}. */
    public static final class Probe extends Int8Variant {
        /** Stateless; found by {@link java.util.ServiceLoader}. */
        public Probe() {
            super(new MiniLmProbeFactory());
        }
    }

    /** {@code minilm-zeroshot-int8}. */
    public static final class ZeroShot extends Int8Variant {
        /** Stateless; found by {@link java.util.ServiceLoader}. */
        public ZeroShot() {
            super(new MiniLmZeroShotFactory());
        }
    }
}
