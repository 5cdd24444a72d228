package org.stancebench.model;

/**
 * A classifier that computes with a Deep Java Library engine, so its provenance records DJL's
 * version and the engine's name and version.
 *
 * <p>Implemented by the {@link org.stancebench.api.Classifier} of DJL-based classifiers (in this
 * module or in a plug-in); the model store asks for it when it writes {@code provenance.json}.
 * Classifiers that do not implement it record no DJL versions.
 */
public interface DjlBacked {

    /** The DJL engine name the model ran on, for example {@code PyTorch} or {@code OnnxRuntime}. */
    String engineName();

    /** The engine's version, for example {@code 2.7.1}; typically {@code Engine.getEngine(name).getVersion()}. */
    String engineVersion();
}
