package org.stancebench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.stancebench.io.Json;

/**
 * What the peer script writes: {@code {"schemaVersion": 1, "peers": [rows], "notes": [lines]}},
 * rows in the summary's row format. Immutable.
 */
public record PeerFile(int schemaVersion, List<BenchResult> peers, List<String> notes) {
    public PeerFile {
        if (schemaVersion != BenchSummary.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion is " + schemaVersion + ", expected "
                    + BenchSummary.SCHEMA_VERSION);
        }
        peers = List.copyOf(peers == null ? List.of() : peers);
        notes = List.copyOf(notes == null ? List.of() : notes);
    }

    /** Reads a peer file, with a message naming it when it is malformed. */
    public static PeerFile read(Path file) throws IOException {
        return Json.readAllowingNewFields(file, PeerFile.class);
    }
}
