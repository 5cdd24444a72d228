package org.stancebench.model.minilm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * One-operator ONNX models of a square matrix product, {@code Y = A x B} with {@code B} a constant,
 * for measuring the rate at which ONNX Runtime's own kernels (MLAS, the library the encoder runs on)
 * multiply matrices on this CPU: the ceiling the encoder's achieved rate is compared with.
 *
 * <p>{@link #float32(int)}: float A and B, {@code MatMul} (MLAS's SGEMM). {@link #int8(int)}: uint8 A,
 * int8 B, int32 Y, {@code MatMulInteger} (MLAS's U8S8 GEMM, the kernel the int8 encoder's
 * {@code DynamicQuantizeMatMul} and {@code QAttention} use). B's values come from a fixed seed, so
 * the file is the same every time.
 */
public final class MatMulModels {

    private MatMulModels() {
    }

    /** A float32 {@code n x n} matrix product: input {@code a} (float, n x n), output {@code y}. */
    public static byte[] float32(int n) {
        byte[] b = new byte[n * n * Float.BYTES];
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < n * n; i++) {
            buf.putFloat((float) (random.nextDouble() * 2 - 1));
        }
        return model("MatMul", n, FLOAT, FLOAT, b, FLOAT);
    }

    /** A uint8 x int8 {@code n x n} matrix product: input {@code a} (uint8, n x n), output {@code y} (int32). */
    public static byte[] int8(int n) {
        byte[] b = new byte[n * n];
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (random.nextInt(2 * MiniLmGraph.WEIGHT_LIMIT + 1) - MiniLmGraph.WEIGHT_LIMIT);
        }
        return model("MatMulInteger", n, UINT8, INT8, b, INT32);
    }

    private static final int FLOAT = 1;
    private static final int UINT8 = 2;
    private static final int INT8 = 3;
    private static final int INT32 = 6;

    private static byte[] model(String op, int n, int aType, int bType, byte[] b, int yType) {
        MiniLmGraph.Message node = new MiniLmGraph.Message().string(1, "a").string(1, "b").string(2, "y")
                .string(3, op + "_0").string(4, op);
        MiniLmGraph.Message weight = new MiniLmGraph.Message().varint(1, n).varint(1, n).varint(2, bType)
                .string(8, "b").bytes(9, b);
        MiniLmGraph.Message graph = new MiniLmGraph.Message()
                .message(1, node)
                .string(2, op.toLowerCase(java.util.Locale.ROOT) + "-" + n)
                .message(5, weight)
                .message(11, valueInfo("a", aType, n))
                .message(12, valueInfo("y", yType, n));
        MiniLmGraph.Message model = new MiniLmGraph.Message()
                .varint(1, 7) // IR version 7
                .string(2, "stancebench")
                .message(7, graph)
                .message(8, new MiniLmGraph.Message().string(1, "").varint(2, 13));
        return model.out.toByteArray();
    }

    private static MiniLmGraph.Message valueInfo(String name, int type, int n) {
        MiniLmGraph.Message dim = new MiniLmGraph.Message().varint(1, n);
        MiniLmGraph.Message shape = new MiniLmGraph.Message().message(1, dim).message(1, dim);
        MiniLmGraph.Message tensor = new MiniLmGraph.Message().varint(1, type).message(2, shape);
        return new MiniLmGraph.Message().string(1, name).message(2, new MiniLmGraph.Message().message(1, tensor));
    }
}
