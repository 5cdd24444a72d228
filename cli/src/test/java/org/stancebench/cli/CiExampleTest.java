package org.stancebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancebench.bench.ActionBenchmarkExport;

/** The GitHub Actions example parses and points at files that exist or that the commands write. */
class CiExampleTest {

    @Test
    void theWorkflowParsesAndItsPathsAreReal() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        JsonNode workflow = new YAMLMapper().readTree(Files.readString(root.resolve("examples/ci/github-actions.yml")));
        JsonNode steps = workflow.get("jobs").get("stancebench").get("steps");
        List<String> runs = new ArrayList<>();
        JsonNode action = null;
        for (JsonNode step : steps) {
            if (step.has("run")) {
                runs.add(step.get("run").asText());
            }
            if (step.has("uses") && step.get("uses").asText().startsWith("benchmark-action/github-action-benchmark")) {
                action = step;
            }
        }
        String all = String.join("\n", runs);
        assertTrue(all.contains("./mvnw -B verify"), all);
        assertTrue(all.contains("./stancebench reproduce --quick --out out/ci"), all);
        assertTrue(Files.isRegularFile(root.resolve("reports/reference/seed-quick.results.json")));
        assertTrue(all.contains("compare --no-speed reports/reference/seed-quick.results.json out/ci/results.json"), all);
        assertEquals("customBiggerIsBetter", action.get("with").get("tool").asText());
        // reproduce --out DIR runs the benchmarks into DIR/bench, where bench writes the export.
        assertEquals("out/ci/bench/" + ActionBenchmarkExport.BIGGER, action.get("with").get("output-file-path").asText());
        assertEquals("true", workflow.get("jobs").get("stancebench").get("env").get("OPT_OUT_TRACKING").asText());
    }
}
