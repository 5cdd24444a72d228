package org.stancebench.bench;

/**
 * One stage of an inference pipeline at a time, so that a slowdown can be located: tokenizing,
 * featurizing and scoring for the sparse classifiers, tokenizing and the forward pass for MiniLM.
 */
public class StageBench {

    /** Texts per call of a stage benchmark method. */
    static int batchOf(String method) {
        return method.endsWith("32") ? 32 : 1;
    }
}
