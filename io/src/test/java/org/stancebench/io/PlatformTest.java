package org.stancebench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {

    @Test
    void parsesProcFiles() {
        // Lines in the format of Linux /proc/cpuinfo and /proc/meminfo (tab before the colon, kB units).
        List<String> cpuinfo = List.of("processor\t: 0", "model name\t: AMD EPYC 9R14", "cpu MHz\t\t: 3700.0",
                "flags\t\t: fpu sse sse2 ssse3 fma sse4_1 avx f16c avx2 avx512f avx512_vnni avx512_bf16 aes");
        assertEquals("AMD EPYC 9R14", Platform.cpuModel(cpuinfo));
        assertEquals(List.of("avx", "avx2", "avx512_bf16", "avx512_vnni", "avx512f", "f16c", "fma", "sse", "sse2",
                "sse4_1"), Platform.simdFlags(cpuinfo));
        assertEquals(List.of(), Platform.simdFlags(List.of()));
        assertEquals(24_000_000L * 1024, Platform.memTotal(List.of("MemTotal:       24000000 kB", "MemFree: 1 kB")));
    }

    @Test
    void theVersionCarriesTheBuildStamp() {
        String commit = "c328eaf6ce55e4e69723f71cce8fe0381ec52bcd";
        assertEquals("0.1.0-SNAPSHOT+c328eaf6ce55", Platform.stamped("0.1.0-SNAPSHOT", commit, false));
        assertEquals("0.1.0-SNAPSHOT+c328eaf6ce55.dirty", Platform.stamped("0.1.0-SNAPSHOT", commit, true));
        assertEquals("0.1.0-SNAPSHOT", Platform.stamped("0.1.0-SNAPSHOT", null, true), "no git, no stamp");
        // This build's own stamp, when Maven wrote one (the io module's git-commit-id execution).
        if (Platform.class.getResource("/org/stancebench/io/git.properties") != null) {
            assertTrue(Platform.current().stancebenchVersion().matches(".+\\+[0-9a-f]{12}(\\.dirty)?"),
                    Platform.current().stancebenchVersion());
            assertTrue(Platform.current().gitCommit().matches("[0-9a-f]{40}"), Platform.current().gitCommit());
        }
    }

    @Test
    void capturedOnce() {
        assertSame(Platform.current(), Platform.current());
        assertTrue(Platform.current().processors() >= 1);
    }

    @Test
    void gitCommitOnlyWhenTheHomeIsACheckout(@TempDir Path tmp) {
        assertNull(Platform.gitCommit(null));
        assertNull(Platform.gitCommit(tmp.toString()), "not a checkout");
        Path root = Path.of("").toAbsolutePath().getParent();
        if (Files.exists(root.resolve(".git"))) {
            String commit = Platform.gitCommit(root.toString());
            assertTrue(commit == null || commit.matches("[0-9a-f]{40}"), commit);
        }
    }
}
