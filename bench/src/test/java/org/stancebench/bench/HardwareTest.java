package org.stancebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HardwareTest {

    @Test
    void fingerprintIsStableForEqualFieldsAndDetection() {
        Hardware a = new Hardware("cpu", 2, 1024, "Linux", "17", List.of("avx2"));
        assertEquals(a.fingerprint(), new Hardware("cpu", 2, 1024, "Linux", "17", List.of("avx2")).fingerprint());
        assertEquals(Hardware.detect().fingerprint(), Hardware.detect().fingerprint());
        assertTrue(a.fingerprint().matches("[0-9a-f]{64}"), a.fingerprint());
    }

    @Test
    void fingerprintChangesWithEveryField() {
        Hardware a = new Hardware("cpu", 2, 1024, "Linux", "17", List.of("avx2"));
        for (Hardware b : List.of(new Hardware("cpu2", 2, 1024, "Linux", "17", List.of("avx2")),
                new Hardware("cpu", 4, 1024, "Linux", "17", List.of("avx2")), new Hardware("cpu", 2, 2048, "Linux", "17", List.of("avx2")),
                new Hardware("cpu", 2, 1024, "Mac", "17", List.of("avx2")), new Hardware("cpu", 2, 1024, "Linux", "21", List.of("avx2")),
                new Hardware("cpu", 2, 1024, "Linux", "17", List.of("avx2", "avx512f")))) {
            assertNotEquals(a.fingerprint(), b.fingerprint(), b.toString());
        }
    }

    @Test
    void fingerprintKeepsFieldBoundaries() {
        // "cpu 2" + cores 2 must not collide with "cpu" + cores 22 (fields are separated and named).
        assertNotEquals(new Hardware("cpu2", 2, 1, "o", "j", List.of("avx2")).fingerprint(),
                new Hardware("cpu", 22, 1, "o", "j", List.of("avx2")).fingerprint());
    }
}
