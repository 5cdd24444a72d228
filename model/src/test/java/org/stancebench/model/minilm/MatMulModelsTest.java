package org.stancebench.model.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ceiling benchmark's one-operator models compute the matrix products they claim to. */
class MatMulModelsTest {

    static final int N = 16;

    @Test
    void float32ModelMultipliesByItsConstantMatrix() throws Exception {
        Engine.getEngine("OnnxRuntime");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        assertArrayEquals(MatMulModels.float32(N), MatMulModels.float32(N), "the same bytes every time");
        try (OrtSession session = env.createSession(MatMulModels.float32(N), new OrtSession.SessionOptions())) {
            float[] identity = new float[N * N];
            for (int i = 0; i < N; i++) {
                identity[i * N + i] = 1;
            }
            float[] b = run(env, session, identity);
            float[] a = new float[N * N];
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextDouble();
            }
            float[] y = run(env, session, a);
            for (int r = 0; r < N; r++) {
                for (int c = 0; c < N; c++) {
                    double expected = 0;
                    for (int k = 0; k < N; k++) {
                        expected += a[r * N + k] * b[k * N + c];
                    }
                    assertEquals(expected, y[r * N + c], 1e-4, r + "," + c);
                }
            }
        }
    }

    private static float[] run(OrtEnvironment env, OrtSession session, float[] a) throws Exception {
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(a), new long[] {N, N});
             OrtSession.Result r = session.run(Map.of("a", t))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] y = new float[N * N];
            out.get(y);
            return y;
        }
    }

    @Test
    void int8ModelMultipliesUnsignedBytesBySevenBitWeightsExactly() throws Exception {
        Engine.getEngine("OnnxRuntime");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(MatMulModels.int8(N), new OrtSession.SessionOptions())) {
            byte[] identity = new byte[N * N];
            for (int i = 0; i < N; i++) {
                identity[i * N + i] = 1;
            }
            int[] b = run(env, session, identity);
            for (int v : b) {
                assertTrue(Math.abs(v) <= MiniLmGraph.WEIGHT_LIMIT, "weight " + v);
            }
            byte[] a = new byte[N * N];
            SplittableRandom random = new SplittableRandom(2);
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) random.nextInt(256);
            }
            int[] y = run(env, session, a);
            for (int r = 0; r < N; r++) {
                for (int c = 0; c < N; c++) {
                    long expected = 0;
                    for (int k = 0; k < N; k++) {
                        expected += (a[r * N + k] & 0xff) * (long) b[k * N + c];
                    }
                    assertEquals(expected, y[r * N + c], r + "," + c);
                }
            }
        }
    }

    private static int[] run(OrtEnvironment env, OrtSession session, byte[] a) throws Exception {
        try (OnnxTensor t = OnnxTensor.createTensor(env, ByteBuffer.wrap(a), new long[] {N, N}, OnnxJavaType.UINT8);
             OrtSession.Result r = session.run(Map.of("a", t))) {
            IntBuffer out = ((OnnxTensor) r.get(0)).getIntBuffer();
            int[] y = new int[N * N];
            out.get(y);
            return y;
        }
    }
}
