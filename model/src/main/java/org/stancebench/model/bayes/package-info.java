/**
 * The {@code naive-bayes} classifier: multinomial naive Bayes over word and character n-gram
 * counts from the shared featurizer in {@link org.stancebench.model.text}.
 */
package org.stancebench.model.bayes;
