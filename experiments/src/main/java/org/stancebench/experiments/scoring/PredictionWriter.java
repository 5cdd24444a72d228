package org.stancebench.experiments.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancebench.api.Probabilities;
import org.stancebench.io.Json;

/**
 * The one format of a scoring output line: {@code {"id": ..., "label": ..., "probs": {LABEL: p, ...}}}
 * (keys sorted, as in every StanceBench JSON file), exactly as {@code evaluate --predictions} reads it.
 * Both engines format lines here, so their outputs are the same bytes.
 */
public final class PredictionWriter {

    private PredictionWriter() {
    }

    /** The output line of one prediction, without a newline. */
    public static String line(String id, List<String> labels, double[] probs) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("label", labels.get(Probabilities.argmax(probs)));
        Map<String, Double> p = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            p.put(labels.get(i), probs[i]);
        }
        row.put("probs", p);
        return Json.compact(row);
    }
}
