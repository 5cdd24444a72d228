/**
 * StanceBench eval: scoring predictions ({@link org.stancebench.eval.RunScorer}), comparing runs
 * ({@link org.stancebench.eval.Comparisons}) and reading predictions files from other tools
 * ({@link org.stancebench.eval.PredictionsFile}). Subpackages: {@code metrics} (metric definitions),
 * {@code stats} (bootstrap and significance tests), {@code protocol} (split evaluation and
 * cross-validation), {@code results} (the versioned results schema, see docs/results-schema.md).
 */
package org.stancebench.eval;
