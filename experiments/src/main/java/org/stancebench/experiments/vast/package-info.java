/**
 * The VAST reproduction (Allaway and McKeown, EMNLP 2020): topic-conditioned stance on the official
 * test set, macro-F1 over con, pro and neutral, overall and on the zero-shot and few-shot topics.
 */
package org.stancebench.experiments.vast;
