package org.stancebench.model.minilm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.stancebench.model.Settings;

/**
 * The encoder settings that MiniLM classifiers accept as training settings:
 * {@code maxTokens} (truncation, default 256, at most 512), {@code encodeBatch} (texts per forward
 * pass, default 32; 1 in int8), {@code threads} (forward passes run side by side, one core each, default: available
 * processors) and {@code precision} ({@code float32}, the default, or {@code int8}: see
 * {@link MiniLmEncoder.Precision}). {@code maxTokens} and {@code precision} change predictions, so
 * they are saved with a model (and, in int8, {@code encodeBatch}, which then changes them too); an int8 model also records how it was quantized and the SHA-256 of
 * the int8 graph it ran.
 */
final class EncoderOptions {

    private EncoderOptions() {
    }

    /** Encoder settings read from {@code s}, defaults for missing keys. */
    static MiniLmEncoder.Settings from(Settings s) {
        MiniLmEncoder.Precision precision = MiniLmEncoder.Precision.of(s.choice("precision",
                MiniLmEncoder.Precision.FLOAT32.id(),
                Set.of(MiniLmEncoder.Precision.FLOAT32.id(), MiniLmEncoder.Precision.INT8.id())));
        MiniLmEncoder.Settings d = MiniLmEncoder.Settings.defaults(precision);
        int any = Integer.MAX_VALUE;
        return new MiniLmEncoder.Settings(s.integer("maxTokens", d.maxTokens(), 1, any),
                s.integer("encodeBatch", d.batchSize(), 1, any), s.integer("threads", d.threads(), 1, any))
                .withPrecision(precision);
    }

    /** The encoder settings a saved model was trained with: its {@code maxTokens} and precision. */
    static MiniLmEncoder.Settings saved(JsonNode config, Path file) throws IOException {
        int maxTokens = JsonFiles.field(config, "maxTokens", file).asInt();
        JsonNode precision = config.get("precision");
        MiniLmEncoder.Precision p;
        try {
            p = precision == null ? MiniLmEncoder.Precision.FLOAT32 : MiniLmEncoder.Precision.of(precision.asText());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": field 'precision': " + e.getMessage());
        }
        MiniLmEncoder.Settings settings = MiniLmEncoder.Settings.defaults(p).withMaxTokens(maxTokens);
        JsonNode batch = config.get("encodeBatch");
        if (p == MiniLmEncoder.Precision.INT8 && batch != null) {
            if (!batch.canConvertToInt() || batch.asInt() < 1) {
                throw new IOException(file + ": field 'encodeBatch' must be a positive integer");
            }
            settings = settings.withBatchSize(batch.asInt());
        }
        return settings;
    }

    /** What a saved model's JSON file records about its encoder. */
    static void save(Map<String, Object> config, MiniLmEncoder encoder) {
        config.put("maxTokens", encoder.settings().maxTokens());
        config.put("precision", encoder.settings().precision().id());
        if (encoder.settings().precision() == MiniLmEncoder.Precision.INT8) {
            // int8 embeddings depend on the batch size (see MiniLmEncoder.Precision), float32 ones do not.
            config.put("encodeBatch", encoder.settings().batchSize());
        }
        config.put("encoder", encoder.files().fingerprint());
    }

    /** Sorted copy of {@code settings} with the encoder's effective values filled in. */
    static Map<String, String> effective(Map<String, String> settings, MiniLmEncoder.Settings encoder) {
        Map<String, String> out = new TreeMap<>(settings);
        out.put("maxTokens", Integer.toString(encoder.maxTokens()));
        out.put("encodeBatch", Integer.toString(encoder.batchSize()));
        out.put("threads", Integer.toString(encoder.threads()));
        out.put("precision", encoder.precision().id());
        if (encoder.precision() == MiniLmEncoder.Precision.INT8) {
            out.put("quantization", MiniLmGraph.INT8_METHOD);
            out.put("int8GraphSha256", MiniLmGraph.int8Sha256(MiniLmFiles.extract()));
        }
        return out;
    }
}
