/**
 * The floor classifiers every report needs: {@code majority} (the training class prior) and
 * {@code stratified} (a label drawn at random by the class prior). They ignore the text's content,
 * so any classifier worth reporting must beat them.
 */
package org.stancebench.model.floor;
