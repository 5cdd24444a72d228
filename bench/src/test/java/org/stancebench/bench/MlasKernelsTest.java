package org.stancebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MlasKernelsTest {

    @Test
    void theKernelFollowsTheInstructionSets() {
        List<String> zen5 = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl",
                "avx512_vnni", "avx512_bf16", "avx_vnni");
        assertEquals("MlasGemmFloatKernelAvx512F", MlasKernels.sgemm(zen5));
        assertEquals("MlasGemmU8S8KernelAvx512Vnni", MlasKernels.u8s8(zen5));
        List<String> avx2 = List.of("sse4_2", "avx", "avx2", "fma");
        assertEquals("MlasGemmFloatKernelFma3", MlasKernels.sgemm(avx2));
        assertEquals("MlasGemmU8S8KernelAvx2", MlasKernels.u8s8(avx2));
        List<String> alderLake = List.of("avx", "avx2", "fma", "avx_vnni");
        assertEquals("MlasGemmU8S8KernelAvxVnni", MlasKernels.u8s8(alderLake));
        List<String> skylakeX = List.of("avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl");
        assertEquals("MlasGemmU8S8KernelAvx512Core", MlasKernels.u8s8(skylakeX));
        assertEquals("MlasGemmFloatKernelSse", MlasKernels.sgemm(List.of("sse4_2")));
    }
}
