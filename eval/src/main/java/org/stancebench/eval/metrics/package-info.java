/** Metric definitions: confusion-matrix metrics, probability metrics, official task metrics. */
package org.stancebench.eval.metrics;
