package org.stancebench.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.stancebench.api.ClassifierFactory;

/**
 * The registry of classifier families: every {@link ClassifierFactory} listed in a
 * {@code META-INF/services/org.stancebench.api.ClassifierFactory} file on the class path.
 *
 * <p>Built-in classifiers and plug-in jars are found the same way, through
 * {@link ServiceLoader} over the thread's context class loader (falling back to this class's
 * loader), so a plug-in on the class path appears without any change here. The list is sorted by
 * name; two factories with the same name are an error, reported with both class names, rather than
 * one silently shadowing the other.
 */
public final class ClassifierRegistry {

    private ClassifierRegistry() {
    }

    /**
     * Every registered classifier family, sorted by name.
     *
     * @throws IllegalStateException when two factories share a name, a name is malformed, or a
     *     listed factory cannot be instantiated
     */
    public static List<ClassifierFactory> all() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ClassifierRegistry.class.getClassLoader();
        }
        List<ClassifierFactory> found = new ArrayList<>();
        try {
            for (ClassifierFactory factory : ServiceLoader.load(ClassifierFactory.class, loader)) {
                found.add(factory);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load a registered classifier: " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(ClassifierFactory::name));
        for (int i = 0; i < found.size(); i++) {
            ClassifierFactory f = found.get(i);
            String name = f.name();
            if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalStateException("classifier " + f.getClass().getName()
                        + " has the malformed name '" + name + "' (expected lower case words joined by dashes)");
            }
            if (i > 0 && found.get(i - 1).name().equals(name)) {
                throw new IllegalStateException("two classifiers are registered as '" + name + "': "
                        + found.get(i - 1).getClass().getName() + " and " + f.getClass().getName());
            }
        }
        return List.copyOf(found);
    }

    /**
     * The classifier family registered as {@code name}.
     *
     * @throws IllegalArgumentException when no classifier has that name; the message lists the known
     *     names
     */
    public static ClassifierFactory get(String name) {
        List<ClassifierFactory> all = all();
        for (ClassifierFactory f : all) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown classifier '" + name + "'; known: "
                + all.stream().map(ClassifierFactory::name).collect(Collectors.joining(", ")));
    }

    /** The registered names, sorted. */
    public static List<String> names() {
        return all().stream().map(ClassifierFactory::name).toList();
    }
}
