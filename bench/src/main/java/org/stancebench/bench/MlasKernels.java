package org.stancebench.bench;

import java.util.List;

/**
 * Which matrix-product kernels ONNX Runtime's MLAS runs on a CPU with given instruction-set flags
 * (as {@code /proc/cpuinfo} names them), following MLAS's own start-up dispatch on x86-64
 * ({@code onnxruntime/core/mlas/lib/platform.cpp}): recorded beside the ceilings, so that a ceiling
 * says which kernel it measured. The CPU, not a setting, decides: MLAS reads no environment variable
 * for this.
 */
final class MlasKernels {

    private MlasKernels() {
    }

    /** The float32 GEMM kernel for {@code flags}. */
    static String sgemm(List<String> flags) {
        if (flags.contains("avx512f")) {
            return "MlasGemmFloatKernelAvx512F";
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return "MlasGemmFloatKernelFma3";
        }
        return flags.contains("avx") ? "MlasGemmFloatKernelAvx" : "MlasGemmFloatKernelSse";
    }

    /** The uint8 x int8 GEMM kernel for {@code flags}. */
    static String u8s8(List<String> flags) {
        if (flags.contains("amx_tile") && flags.contains("amx_int8")) {
            return "MlasGemmU8S8DispatchAmx";
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            boolean avx512Core = flags.contains("avx512f") && flags.contains("avx512bw") && flags.contains("avx512dq")
                    && flags.contains("avx512vl");
            if (avx512Core) {
                return flags.contains("avx512_vnni") ? "MlasGemmU8S8KernelAvx512Vnni" : "MlasGemmU8S8KernelAvx512Core";
            }
            return flags.contains("avx_vnni") ? "MlasGemmU8S8KernelAvxVnni" : "MlasGemmU8S8KernelAvx2";
        }
        return "MlasGemmU8X8KernelSse";
    }

    /** One line naming both kernels. */
    static String note(List<String> flags) {
        return "ceiling kernels (ONNX Runtime's MLAS picks them from the CPU's flags): float32 " + sgemm(flags)
                + ", int8 " + u8s8(flags);
    }
}
