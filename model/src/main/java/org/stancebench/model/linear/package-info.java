/**
 * The {@code tfidf-logreg} classifier: TF-IDF word and char_wb n-grams into a multinomial logistic
 * regression (or a one-vs-rest squared-hinge linear SVM), objective and gradients computed by DJL's
 * PyTorch engine, inference in plain Java over the trained weights.
 */
package org.stancebench.model.linear;
