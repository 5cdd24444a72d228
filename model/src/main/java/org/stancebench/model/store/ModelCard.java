package org.stancebench.model.store;

import java.util.Map;

/**
 * {@code MODEL_CARD.md}, written beside every saved model: Hugging Face-style YAML front matter
 * (library, pipeline tag, tags, the StanceBench details) and a short card saying what the model is,
 * how it was trained and how to use it. Deterministic: the same provenance gives the same bytes.
 */
public final class ModelCard {
    /** The card's file name inside a model directory. */
    public static final String FILE_NAME = "MODEL_CARD.md";

    private ModelCard() {
    }

    /** The card of a model described by {@code p} (its {@code files} are not used). */
    public static String markdown(ModelProvenance p) {
        StringBuilder b = new StringBuilder();
        b.append("---\n");
        b.append("library_name: stancebench\n");
        b.append("pipeline_tag: text-classification\n");
        b.append("tags:\n  - stance-detection\n  - text-classification\n  - stancebench\n  - ")
                .append(yaml(p.classifier())).append('\n');
        b.append("stancebench:\n");
        b.append("  classifier: ").append(yaml(p.classifier())).append('\n');
        b.append("  labels: [").append(String.join(", ", p.labels().stream().map(ModelCard::yaml).toList())).append("]\n");
        b.append("  seed: ").append(p.seed()).append('\n');
        b.append("  training_fingerprint: ").append(yaml(p.trainingFingerprint())).append('\n');
        b.append("  version: ").append(yaml(p.stancebenchVersion())).append('\n');
        b.append("---\n\n");
        b.append("# ").append(p.classifier()).append(" (StanceBench)\n\n");
        b.append("A `").append(p.classifier()).append("` stance classifier trained by StanceBench ")
                .append(p.stancebenchVersion()).append(" with seed ").append(p.seed()).append(" on ")
                .append(p.trainSize()).append(" training examples")
                .append(p.devSize() > 0 ? " (and " + p.devSize() + " for tuning)" : "")
                .append(" of the data with fingerprint `").append(p.trainingFingerprint()).append("`.\n\n");
        b.append("Labels: ").append(String.join(", ", p.labels().stream().map(l -> "`" + l + "`").toList()))
                .append(".\n\n");
        if (!p.settings().isEmpty()) {
            b.append("Settings:\n\n");
            for (Map.Entry<String, String> e : p.settings().entrySet()) {
                b.append("- `").append(e.getKey()).append("` = `").append(e.getValue()).append("`\n");
            }
            b.append('\n');
        }
        if (p.djlEngine() != null) {
            b.append("Runs on DJL ").append(p.djlVersion()).append(" with ").append(p.djlEngine())
                    .append(p.djlEngineVersion() == null ? "" : " " + p.djlEngineVersion()).append(".\n\n");
        }
        b.append("## Use\n\n```\n./stancebench predict --model DIR                       # one text per line on stdin\n")
                .append("./stancebench predict --model DIR --data DATASET --split test --out preds.jsonl\n")
                .append("./stancebench score --model DIR --input posts.jsonl --out scored.jsonl\n```\n\n");
        b.append("## Provenance and limits\n\n");
        b.append("`provenance.json` records the settings, seed, training data fingerprint, versions, machine and the "
                + "SHA-256 of every file; StanceBench refuses to load the directory if a file changed. How well the "
                + "model does is measured with `stancebench evaluate` on held-out data, never assumed from this card; "
                + "it knows only the labels and texts it was trained on.\n");
        return b.toString();
    }

    /** A YAML plain scalar when safe, otherwise a double-quoted one. */
    static String yaml(String s) {
        if (s.matches("[A-Za-z0-9][A-Za-z0-9._/+-]*") && !s.matches("(?i)true|false|yes|no|on|off|null|~")
                && !s.matches("[0-9.+-]+")) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
