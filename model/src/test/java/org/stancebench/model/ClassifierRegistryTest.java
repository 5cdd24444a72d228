package org.stancebench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;

class ClassifierRegistryTest {

    @TempDir
    Path tmp;

    @Test
    void listsTheBuiltInClassifiersSortedByName() {
        List<String> names = ClassifierRegistry.names();
        assertTrue(names.containsAll(List.of("majority", "stratified")), names.toString());
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals("majority", ClassifierRegistry.get("majority").name());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassifierRegistry.get("bert"));
        assertEquals("unknown classifier 'bert'; known: " + String.join(", ", ClassifierRegistry.names()), e.getMessage());
    }

    @Test
    void findsAPluginOnTheContextClassLoader() throws Exception {
        List<String> names = withServices(PluginFactory.class.getName(), ClassifierRegistry::names);
        assertTrue(names.contains("test-plugin"), names.toString());
        assertTrue(!ClassifierRegistry.names().contains("test-plugin"), "only while the plug-in is on the class path");
    }

    @Test
    void refusesTwoClassifiersWithTheSameName() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> withServices(DuplicateMajorityFactory.class.getName(), ClassifierRegistry::all));
        assertTrue(e.getMessage().startsWith("two classifiers are registered as 'majority': "), e.getMessage());
        assertTrue(e.getMessage().contains(DuplicateMajorityFactory.class.getName()), e.getMessage());
    }

    @Test
    void reportsAListedClassThatDoesNotExist() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> withServices("org.example.Missing", ClassifierRegistry::all));
        assertTrue(e.getMessage().contains("org.example.Missing"), e.getMessage());
    }

    /** Runs {@code body} with a context class loader that also sees a services file listing {@code factory}. */
    private <T> T withServices(String factory, Callable<T> body) throws Exception {
        Path services = Files.createDirectories(tmp.resolve("META-INF/services"));
        Files.writeString(services.resolve(ClassifierFactory.class.getName()), factory + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, before)) {
            thread.setContextClassLoader(loader);
            return body.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** A plug-in as a third party would write it. */
    public static final class PluginFactory implements ClassifierFactory {
        @Override
        public String name() {
            return "test-plugin";
        }

        @Override
        public String description() {
            return "a plug-in for tests";
        }

        @Override
        public Classifier train(TrainingData data, TrainingOptions options) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public Classifier load(Path dir) throws IOException {
            throw new IOException("not used");
        }
    }

    /** A plug-in that claims a built-in name. */
    public static final class DuplicateMajorityFactory implements ClassifierFactory {
        @Override
        public String name() {
            return "majority";
        }

        @Override
        public String description() {
            return "an impostor";
        }

        @Override
        public Classifier train(TrainingData data, TrainingOptions options) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public Classifier load(Path dir) throws IOException {
            throw new IOException("not used");
        }
    }
}
