package org.stancebench.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The invented page of release 1 and its labels, kept as a test fixture in the older layout (number
 * alone on its line, author on the next); its headline repeats as its last body sentence.
 */
public final class SyntheticPage {
    /** The page text. */
    public static final String PAGE = resource("/org/stancebench/dataset/synthetic-page.txt");
    /** Its label file (47 units, one annotator). */
    public static final String LABELS = resource("/org/stancebench/dataset/synthetic-labels.tsv");

    private SyntheticPage() {
    }

    private static String resource(String name) {
        try (InputStream in = SyntheticPage.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
