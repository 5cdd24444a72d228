package org.stancebench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stancebench.eval.results.Protocol;

/**
 * What identifies a run in a results file, apart from its scores: its unique name, the classifier's
 * name, the protocol, training seeds, settings and the model's provenance (or null).
 */
public record RunSpec(String name, String classifier, Protocol protocol, List<Long> seeds,
                      Map<String, String> settings, JsonNode provenance) {
    public RunSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(protocol, "protocol");
        seeds = List.copyOf(seeds);
        settings = Map.copyOf(settings);
    }
}
