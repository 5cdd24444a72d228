package org.stancebench.experiments;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Objects;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.model.ClassifierRegistry;

/**
 * How a unit finds its classifier family wherever it runs. A registered classifier (built in, or a
 * plug-in found through {@code ServiceLoader}) travels as its name and is looked up in the registry
 * of the JVM that runs the unit; any other factory object can only run in the JVM that holds it.
 */
public interface ClassifierSource extends Serializable {

    /** The classifier family's name. */
    String name();

    /** The factory, looked up where the unit runs. */
    ClassifierFactory factory();

    /** The registered classifier {@code name}. */
    static ClassifierSource registered(String name) {
        ClassifierRegistry.get(name);
        return new Registered(name);
    }

    /**
     * {@code factory} by its registered name when the registry holds the same class under that name,
     * else the object itself, which only a local executor can use.
     */
    static ClassifierSource of(ClassifierFactory factory) {
        Objects.requireNonNull(factory, "factory");
        if (ClassifierRegistry.names().contains(factory.name())
                && ClassifierRegistry.get(factory.name()).getClass() == factory.getClass()) {
            return new Registered(factory.name());
        }
        return new InThisJvm(factory);
    }

    /** A registered classifier, by name. */
    record Registered(String name) implements ClassifierSource {
        public Registered {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public ClassifierFactory factory() {
            return ClassifierRegistry.get(name);
        }
    }

    /** A factory object that is not registered: usable only where it was created. */
    final class InThisJvm implements ClassifierSource {
        private static final long serialVersionUID = 1L;
        private final transient ClassifierFactory factory;

        InThisJvm(ClassifierFactory factory) {
            this.factory = factory;
        }

        @Override
        public String name() {
            return factory.name();
        }

        @Override
        public ClassifierFactory factory() {
            return factory;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            throw new NotSerializableException("classifier '" + factory.name() + "' is not registered, so it can "
                    + "only run in this JVM; register it through ServiceLoader (see docs/bring-your-own.md) to run "
                    + "it on another executor");
        }
    }
}
