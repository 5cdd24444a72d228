/**
 * The {@code lexicon} classifier: transparent cue words, phrases and emoji per label, read from a
 * reviewable tab-separated file ({@code cues.tsv} in this package's resources), on top of the
 * training class prior.
 */
package org.stancebench.model.lexicon;
