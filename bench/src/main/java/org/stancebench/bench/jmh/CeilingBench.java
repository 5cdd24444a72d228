package org.stancebench.bench.jmh;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.stancebench.model.minilm.MatMulModels;

/**
 * The machine's matrix-product ceilings, measured with the kernels the MiniLM encoder itself runs
 * on: ONNX Runtime's MLAS, which picks its kernel from the CPU's instruction sets at start-up (see
 * {@code Hardware.mlasKernels()} for which). One square product of {@link #N} x {@link #N} per
 * operation, on every core (one intra-op thread per available processor, as the encoder's passes
 * side by side use them): {@code sgemm} in float32, {@code u8s8} with uint8 activations and int8
 * weights (int32 results), the arithmetic of the int8 encoder.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@Threads(1)
public class CeilingBench {

    /** Rows, columns and inner dimension of every product. */
    public static final int N = 2048;

    /** Arithmetic operations of one product: a multiply and an add per inner step. */
    public static final double OPS = 2.0 * N * N * N;

    /** One session per precision and its constant input. */
    @State(Scope.Benchmark)
    public static class Products {
        OrtEnvironment env;
        OrtSession sgemm;
        OrtSession u8s8;
        OnnxTensor floatInput;
        OnnxTensor byteInput;

        @Setup(Level.Trial)
        public void setUp() throws OrtException {
            Engine.getEngine("OnnxRuntime");
            env = OrtEnvironment.getEnvironment();
            int cores = Runtime.getRuntime().availableProcessors();
            sgemm = session(MatMulModels.float32(N), cores);
            u8s8 = session(MatMulModels.int8(N), cores);
            SplittableRandom random = new SplittableRandom(23);
            FloatBuffer floats = ByteBuffer.allocateDirect(N * N * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            ByteBuffer bytes = ByteBuffer.allocateDirect(N * N).order(ByteOrder.nativeOrder());
            for (int i = 0; i < N * N; i++) {
                floats.put((float) (random.nextDouble() * 2 - 1));
                bytes.put((byte) random.nextInt(256));
            }
            floats.rewind();
            bytes.rewind();
            floatInput = OnnxTensor.createTensor(env, floats, new long[] {N, N});
            byteInput = OnnxTensor.createTensor(env, bytes, new long[] {N, N}, OnnxJavaType.UINT8);
        }

        private OrtSession session(byte[] model, int threads) throws OrtException {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT);
            return env.createSession(model, options);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws OrtException {
            floatInput.close();
            byteInput.close();
            sgemm.close();
            u8s8.close();
        }
    }

    @Benchmark
    public int sgemm(Products p) throws OrtException {
        try (OrtSession.Result r = p.sgemm.run(Map.of("a", p.floatInput))) {
            return r.size();
        }
    }

    @Benchmark
    public int u8s8(Products p) throws OrtException {
        try (OrtSession.Result r = p.u8s8.run(Map.of("a", p.byteInput))) {
            return r.size();
        }
    }
}
