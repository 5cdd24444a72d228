/**
 * Text featurization shared by the sparse classifiers: a deterministic Unicode tokenizer, word and
 * character n-gram extraction without a String per n-gram, 64-bit MurmurHash3 fingerprints, and the
 * mapping of n-grams to feature indices by a learned vocabulary or by hashing.
 */
package org.stancebench.model.text;
