/**
 * The {@code fasttext} classifier: the fastText architecture (Joulin et al. 2017) built in DJL,
 * averaged word and hashed n-gram embeddings into a linear softmax, with a plain-Java inference path.
 */
package org.stancebench.model.fasttext;
