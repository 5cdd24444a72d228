/** The iSarcasmEval reproduction: cross-validation on the training file and scoring of the official test layout. */
package org.stancebench.experiments.isarcasmeval;
