package org.stancebench.model;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;

/**
 * A classifier that computes with, or was trained with, a Deep Java Library engine, so its
 * provenance records DJL's version and the engine's name and version.
 *
 * <p>Implemented by the {@link org.stancebench.api.Classifier} of DJL-based classifiers (in this
 * module or in a plug-in), including those that train with DJL and predict in plain Java; the
 * model store asks for it when it writes {@code provenance.json}. Classifiers that do not
 * implement it record no DJL versions.
 */
public interface DjlBacked {

    /** The DJL engine name the model ran or trained on, for example {@code PyTorch} or {@code OnnxRuntime}. */
    String engineName();

    /** The engine's version, for example {@code 2.7.1}: {@link #runningVersion(String)} of {@link #engineName()}. */
    default String engineVersion() {
        return runningVersion(engineName());
    }

    /**
     * The version of the native library that {@code engine} runs on in this JVM (loading the engine
     * if need be). For ONNX Runtime that is the library's own version: DJL's OnnxRuntime engine
     * reports the version it was built against (1.21.1 for DJL 0.36.0), not the ONNX Runtime jar
     * on the class path, which this project pins on its own.
     */
    static String runningVersion(String engine) {
        Engine loaded = Engine.getEngine(engine);
        if ("OnnxRuntime".equals(engine)) {
            return OrtEnvironment.getEnvironment().getVersion();
        }
        return loaded.getVersion();
    }
}
