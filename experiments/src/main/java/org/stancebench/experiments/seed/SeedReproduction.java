package org.stancebench.experiments.seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.bench.BenchFailedException;
import org.stancebench.bench.BenchOptions;
import org.stancebench.bench.BenchRunner;
import org.stancebench.bench.BenchSummary;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.dataset.storage.DatasetWriter;
import org.stancebench.eval.Comparisons;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.EnvironmentInfo;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;
import org.stancebench.experiments.ClassifierSource;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.Progress;
import org.stancebench.experiments.protocol.CrossValidation;
import org.stancebench.experiments.protocol.EvalOptions;
import org.stancebench.experiments.protocol.Evaluation;
import org.stancebench.experiments.protocol.ExportedModel;
import org.stancebench.experiments.protocol.TrainThenTest;
import org.stancebench.io.Platform;
import org.stancebench.model.ClassifierRegistry;
import org.stancebench.model.exported.ExportedClassifier;

/**
 * The seed reproduction, the whole pipeline on the built-in data: build the seed dataset, evaluate
 * every selected classifier (cross-validation on the dataset's folds with every seed, and a model
 * trained on {@code train} tested on {@code test}), compare every pair (paired tests, Holm), run the
 * inference benchmarks, and return the results schema ({@link Results}) for the reports to render.
 *
 * <p>Same options and build, same results (benchmark figures aside), whatever the executor. A
 * classifier that fails is left out and named in {@link Outcome#failures()}; the rest still run.
 */
public final class SeedReproduction {

    /** The stages, in order, as progress names them. */
    public static final List<String> STAGES = List.of("dataset", "evaluate", "compare", "bench", "report");

    private SeedReproduction() {
    }

    /**
     * What a reproduction produced.
     *
     * @param results every run, comparison and the benchmark summary (or none)
     * @param failures one line per classifier (or stage) that failed and is left out
     */
    public record Outcome(Results results, List<String> failures) {
        public Outcome {
            failures = List.copyOf(failures);
        }
    }

    /**
     * Checks what can fail before the long work: unknown classifier names, an exported model that does
     * not open, a benchmark run already holding the JMH lock.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static void check(SeedReproductionOptions options) throws IOException {
        select(options.classifiers());
        if (options.exported() != null) {
            try (ExportedClassifier model = options.exported().open()) {
                model.labels();
            }
        }
        if (options.bench() != SeedReproductionOptions.Bench.NONE) {
            BenchRunner.checkJmhLock();
        }
    }

    /** Runs the reproduction; its units run on {@code executor}. */
    public static Outcome run(SeedReproductionOptions options, Executor executor, Progress progress) throws IOException {
        List<ClassifierFactory> factories = select(options.classifiers());
        int stages = STAGES.size();
        List<String> failures = new ArrayList<>();

        progress.report(1, stages, "dataset", "building the seed dataset");
        Path dataDir = options.out().resolve("dataset");
        SeedDataset.build(dataDir, DatasetWriter.DEFAULT_SEED);
        Dataset dataset = Dataset.load(dataDir);
        // Quick mode keeps the dataset (and so its fingerprint) and uses only its first repeat of folds.
        Dataset cvData = options.firstRepeatOnly()
                ? new Dataset(dataset.name(), dataset.labels(), dataset.examples(), dataset.folds(0), dataset.fingerprint())
                : dataset;
        progress.report(1, stages, "dataset", dataset.name() + ", " + dataset.examples().size() + " examples, "
                + cvData.folds().size() + " folds, fingerprint " + dataset.fingerprint());

        List<RunResult> runs = new ArrayList<>();
        long firstSeed = options.seeds().get(0);
        for (int i = 0; i < factories.size(); i++) {
            ClassifierFactory factory = factories.get(i);
            String who = factory.name() + " (" + (i + 1) + "/" + factories.size() + ")";
            EvalOptions eval = EvalOptions.defaults().withProgress(m -> progress.report(2, stages, "evaluate",
                    who + ": " + (m.startsWith(factory.name() + ": ") ? m.substring(factory.name().length() + 2) : m)));
            try {
                progress.report(2, stages, "evaluate", who + ": cross-validation on " + executor.describe());
                runs.add(CrossValidation.run(ClassifierSource.of(factory), cvData, options.seeds(), Map.of(), eval,
                        executor));
                runs.add(TrainThenTest.run(factory, dataset, "test", firstSeed, Map.of(), eval));
            } catch (RuntimeException e) {
                String message = factory.name() + " failed and is left out of the report: " + describe(e);
                failures.add(message);
                progress.report(2, stages, "evaluate", message);
            }
        }
        if (options.exported() != null) {
            ExportedModel exported = options.exported();
            progress.report(2, stages, "evaluate", "exported model " + exported.model().getFileName() + ": predicting test");
            try (ExportedClassifier model = exported.open()) {
                runs.add(Evaluation.onSplit(model, dataset, "test", List.of(), ExportedModel.provenance(model),
                        EvalOptions.defaults().withProgress(m -> progress.report(2, stages, "evaluate", m))));
            } catch (IOException | RuntimeException e) {
                String message = exported.model() + " failed and is left out of the report: " + describe(e);
                failures.add(message);
                progress.report(2, stages, "evaluate", message);
            }
        }

        progress.report(3, stages, "compare", runs.size() + " runs, paired tests with Holm's correction");
        List<Comparison> comparisons = Comparisons.allPairs(runs, dataset.labels(), Comparisons.Options.defaults());

        JsonNode bench = null;
        if (options.bench() == SeedReproductionOptions.Bench.NONE) {
            progress.report(4, stages, "bench", "skipped");
        } else {
            boolean full = options.bench() == SeedReproductionOptions.Bench.FULL;
            progress.report(4, stages, "bench", (full ? "full" : "short") + " inference benchmarks (JMH reports its "
                    + "estimate of the time left as it goes)");
            List<String> names = runs.stream().map(RunResult::classifier).distinct().toList();
            // Peers outside the JVM (scikit-learn, the fastText CLI) only in a full run: they cost minutes.
            BenchOptions benchOptions = BenchOptions.defaults(!full, options.out().resolve("bench"))
                    .withInclude(Pattern.compile("^(" + String.join("|", names.stream().map(Pattern::quote).toList()) + ")$"))
                    .withSeed(firstSeed)
                    .withPeersScript(full ? BenchOptions.defaultPeersScript() : null)
                    .withProgress(m -> progress.report(4, stages, "bench", m.startsWith("bench: ") ? m.substring(7) : m));
            try {
                BenchSummary summary = BenchRunner.run(benchOptions);
                bench = ResultsIo.mapper().readTree(summary.toJson());
            } catch (BenchFailedException e) {
                // Some benchmarks produced nothing: the report keeps what did run, and the run fails.
                bench = ResultsIo.mapper().readTree(e.summary().toJson());
                String message = "benchmarks failed: " + describe(e);
                failures.add(message);
                progress.report(4, stages, "bench", message);
            } catch (IOException | RuntimeException e) {
                String message = "the benchmarks failed, so the report has no benchmark data: " + describe(e);
                failures.add(message);
                progress.report(4, stages, "bench", message);
            }
        }

        Platform platform = Platform.current();
        Results results = Results.of("stancebench " + platform.stancebenchVersion(), Evaluation.datasetInfo(dataset),
                EnvironmentInfo.current(platform.gitCommit()), runs, comparisons, bench);
        return new Outcome(results, failures);
    }

    /** The registered classifiers named, in the registry's order, or all of them for null or none. */
    static List<ClassifierFactory> select(List<String> only) {
        List<ClassifierFactory> all = ClassifierRegistry.all();
        if (only == null || only.isEmpty()) {
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>(only);
        List<String> known = all.stream().map(ClassifierFactory::name).toList();
        for (String name : wanted) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("--only: unknown classifier '" + name + "'; known: "
                        + String.join(", ", known));
            }
        }
        return all.stream().filter(f -> wanted.contains(f.name())).toList();
    }

    private static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
