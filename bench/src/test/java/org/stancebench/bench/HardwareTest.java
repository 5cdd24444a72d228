package org.stancebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HardwareTest {

    @Test
    void fingerprintIsStableForEqualFieldsAndDetection() {
        Hardware a = new Hardware("cpu", 2, 1024, "Linux", "17");
        assertEquals(a.fingerprint(), new Hardware("cpu", 2, 1024, "Linux", "17").fingerprint());
        assertEquals(Hardware.detect().fingerprint(), Hardware.detect().fingerprint());
        assertTrue(a.fingerprint().matches("[0-9a-f]{64}"), a.fingerprint());
    }

    @Test
    void fingerprintChangesWithEveryField() {
        Hardware a = new Hardware("cpu", 2, 1024, "Linux", "17");
        for (Hardware b : List.of(new Hardware("cpu2", 2, 1024, "Linux", "17"),
                new Hardware("cpu", 4, 1024, "Linux", "17"), new Hardware("cpu", 2, 2048, "Linux", "17"),
                new Hardware("cpu", 2, 1024, "Mac", "17"), new Hardware("cpu", 2, 1024, "Linux", "21"))) {
            assertNotEquals(a.fingerprint(), b.fingerprint(), b.toString());
        }
    }

    @Test
    void fingerprintKeepsFieldBoundaries() {
        // "cpu 2" + cores 2 must not collide with "cpu" + cores 22 (fields are separated and named).
        assertNotEquals(new Hardware("cpu2", 2, 1, "o", "j").fingerprint(),
                new Hardware("cpu", 22, 1, "o", "j").fingerprint());
    }

    @Test
    void parsesProcFiles() {
        // Lines in the format of Linux /proc/cpuinfo and /proc/meminfo (tab before the colon, kB units).
        assertEquals("AMD EPYC 9R14", Hardware.cpuModel(List.of("processor\t: 0", "model name\t: AMD EPYC 9R14",
                "cpu MHz\t\t: 3700.0")));
        assertEquals(24_000_000L * 1024, Hardware.memTotal(List.of("MemTotal:       24000000 kB", "MemFree: 1 kB")));
    }
}
