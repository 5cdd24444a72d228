package org.stancebench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every classifier that DJL trains gives the same probabilities whichever instruction set oneDNN
 * (PyTorch's CPU kernel library) picks: {@link KernelProbeMain} trains them all in two forked JVMs,
 * one with oneDNN held to SSE4.1 ({@code DNNL_MAX_CPU_ISA=SSE41}) and one with the CPU's own (the
 * variable removed), and the probabilities must be finite and identical.
 *
 * <p>Why: PyTorch's convolution went through oneDNN, whose AVX-512 (and AVX2) kernels computed a
 * wrong, sometimes NaN, input gradient for some filter counts; textcnn trained to NaN on AVX-512
 * machines only. On a CPU with AVX2 or AVX-512 the two runs take different kernels wherever oneDNN
 * is used, so a kernel-dependent result shows up here; on a CPU with SSE4.1 only, both runs are the
 * same and the test passes trivially. Measured on an AVX-512 machine: with the convolution of the
 * time, textcnn crashed in the default run (NaN development loss every epoch) and differed by 2.4e-2
 * between SSE4.1 and AVX2; now no oneDNN primitive runs at all in training and every probability is
 * bit-identical, hence the tolerance of zero. What this does not cover: MKL's matrix products and
 * ATen's vectorised kernels choose their code paths by other means (DEVELOPERS.md says what was
 * measured).
 */
class KernelIndependenceTest {

    /** Largest difference allowed between the two runs' probabilities: none (see the class comment). */
    static final double TOLERANCE = 0.0;

    /** Longest either forked run may take (each takes about 6 s on 2 cores). */
    static final long TIMEOUT_SECONDS = 180;

    @Test
    void djlTrainedClassifiersGiveIdenticalProbabilitiesWhateverOneDnnsInstructionSet(@TempDir Path dir)
            throws Exception {
        Run lowest = Run.start(dir, "sse41", "SSE41");
        Run cpu = Run.start(dir, "default", null);
        Map<String, List<double[]>> low = lowest.await();
        Map<String, List<double[]>> def = cpu.await();

        assertEquals(KernelProbeMain.PROBES, List.copyOf(low.keySet()), "probes of the SSE4.1 run");
        assertEquals(KernelProbeMain.PROBES, List.copyOf(def.keySet()), "probes of the default run");
        List<String> report = new ArrayList<>();
        boolean ok = true;
        for (String probe : KernelProbeMain.PROBES) {
            List<double[]> a = low.get(probe);
            List<double[]> b = def.get(probe);
            assertEquals(a.size(), b.size(), probe + ": texts predicted");
            assertTrue(a.size() > 0, probe + ": no probabilities");
            double worst = 0;
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).length, b.get(i).length, probe + " text " + i + ": classes");
                for (int k = 0; k < a.get(i).length; k++) {
                    double x = a.get(i)[k];
                    double y = b.get(i)[k];
                    assertTrue(Double.isFinite(x) && Double.isFinite(y),
                            probe + " text " + i + " class " + k + ": SSE4.1 " + x + ", default " + y);
                    worst = Math.max(worst, Math.abs(x - y));
                }
            }
            ok &= worst <= TOLERANCE;
            report.add(String.format(Locale.ROOT, "%s %.3e", probe, worst));
        }
        assertTrue(ok, "largest probability difference between oneDNN at SSE4.1 and at the CPU's own "
                + "instruction set, per classifier (allowed " + TOLERANCE + "): " + report);
    }

    /** One forked JVM running {@link KernelProbeMain}. */
    private record Run(String name, Process process, Path out, Path err) {

        /** Starts a JVM with this one's class path, offline, and oneDNN capped at {@code isa} (null: not capped). */
        static Run start(Path dir, String name, String isa) throws IOException {
            Path tmp = Files.createDirectories(dir.resolve(name + "-tmp"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // Surefire puts the real class path here when it starts its JVM through a manifest-only jar.
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder pb = new ProcessBuilder(java, "-Dai.djl.offline=true", "-Djava.io.tmpdir=" + tmp,
                    "-cp", classPath, KernelProbeMain.class.getName());
            Map<String, String> env = pb.environment();
            env.put("OPT_OUT_TRACKING", "true");
            // oneDNN reads ONEDNN_MAX_CPU_ISA first, then DNNL_MAX_CPU_ISA; a cap inherited from the
            // environment (say AVX2, as a work-around) must not reach the default run.
            env.remove("ONEDNN_MAX_CPU_ISA");
            env.remove("DNNL_MAX_CPU_ISA");
            if (isa != null) {
                env.put("ONEDNN_MAX_CPU_ISA", isa);
                env.put("DNNL_MAX_CPU_ISA", isa);
            }
            Path out = dir.resolve(name + ".out");
            Path err = dir.resolve(name + ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            return new Run(name, pb.start(), out, err);
        }

        /** Waits for the run and parses its lines; a failed run or a failed probe fails the test. */
        Map<String, List<double[]>> await() throws Exception {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(name + " run: no result after " + TIMEOUT_SECONDS + " s; " + tail());
            }
            Map<String, List<double[]>> out = new LinkedHashMap<>();
            List<String> errors = new ArrayList<>();
            for (String line : Files.readAllLines(this.out, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    continue;
                }
                if (f[1].equals(KernelProbeMain.ERROR)) {
                    errors.add(f[0] + ": " + f[2]);
                    continue;
                }
                String[] v = f[2].split(" ");
                double[] p = new double[v.length];
                for (int k = 0; k < v.length; k++) {
                    p[k] = Double.parseDouble(v[k]);
                }
                out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(p);
            }
            assertTrue(errors.isEmpty(), name + " run: " + errors);
            assertEquals(0, process.exitValue(), name + " run exited with " + process.exitValue() + "; " + tail());
            return out;
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
            return "standard error ends: " + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }
    }
}
