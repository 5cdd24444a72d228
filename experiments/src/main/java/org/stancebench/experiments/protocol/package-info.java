/** Evaluation protocols: a trained classifier on a fixed split, and repeated k-fold cross-validation. */
package org.stancebench.experiments.protocol;
