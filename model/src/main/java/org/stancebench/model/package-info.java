/**
 * StanceBench's classifiers and model directories.
 *
 * <p>{@link org.stancebench.model.ClassifierRegistry} finds every classifier family (built-in or
 * plug-in) through {@link java.util.ServiceLoader}; {@link org.stancebench.model.store.ModelStore} saves a
 * trained model with its {@link org.stancebench.model.store.ModelProvenance} and loads it back only after
 * checking every file's SHA-256. Classifier implementations live in sub-packages; DJL types never
 * appear in this package's public API ({@link org.stancebench.model.DjlBacked} reports engine
 * versions as strings).
 */
package org.stancebench.model;
