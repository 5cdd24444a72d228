package org.stancebench.cli;

import org.stancebench.io.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.bench.BenchOptions;
import org.stancebench.bench.BenchRunner;
import org.stancebench.bench.BenchSummary;
import org.stancebench.dataset.Dataset;
import org.stancebench.dataset.DatasetWriter;
import org.stancebench.dataset.SeedDataset;
import org.stancebench.eval.Comparisons;
import org.stancebench.eval.protocol.CrossValidation;
import org.stancebench.eval.protocol.EvalOptions;
import org.stancebench.eval.protocol.Evaluation;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.EnvironmentInfo;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;
import org.stancebench.model.ClassifierRegistry;
import org.stancebench.model.ModelProvenance;
import org.stancebench.model.exported.ExportedClassifier;
import org.stancebench.reports.MarkdownReport;
import org.stancebench.reports.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stancebench reproduce}: the whole pipeline in one command. With {@code --task seed} (the
 * default) it builds the seed dataset, trains
 * and evaluates every registered classifier with cross-validation (the dataset's folds) and on the
 * test split, compares every pair with paired tests and Holm's correction, runs the inference
 * benchmarks, and writes {@code results.json}, {@code report.md} and {@code report.html}.
 *
 * <p>Same build, same options: the same results (benchmark figures aside). A classifier that fails
 * is reported and left out; the report is still written and the command exits 1.
 *
 * <p>With {@code --task tweeteval --corpora DIR} it reproduces the published TweetEval baselines
 * instead (see {@link TweetEvalReproduction}) and writes {@code tweeteval.md} and
 * {@code tweeteval.json}.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {
            "Run a whole reproduction. Two tasks:",
            "--task seed (default): build the seed dataset, train and evaluate every registered classifier "
                    + "(cross-validation on the dataset's folds, and the test split), compare every pair "
                    + "(paired tests, Holm's correction), run the inference benchmarks and write the report: "
                    + "DIR/results.json, DIR/report.md and DIR/report.html, plus DIR/dataset/ (the seed dataset) "
                    + "and DIR/bench/ (benchmark files). DIR defaults to out/reproduce under the current "
                    + "directory and may not lie inside a src/ directory. "
                    + "Default: seeds 13, 14, 15, all cross-validation repeats (5 folds x 3) and the short benchmark "
                    + "(one fork, short iterations, batch 32, one thread): a few minutes on 2 cores. "
                    + "--quick: one training seed and the first repeat only (5 folds x 1). "
                    + "--full-bench: the full benchmark instead (2 forks, every batch size, thread count and text "
                    + "length, the stage and peer benchmarks, and the peers outside the JVM when installed); about "
                    + "40 minutes on 2 cores, the same as 'stancebench bench'.",
            "--task tweeteval --corpora DIR: reproduce the published TweetEval baselines (Barbieri et al. 2020) on "
                    + "stance, irony and emotion. Each classifier (default tfidf-logreg, fasttext, textcnn; compared "
                    + "with the published SVM, FastText and BLSTM rows) trains on the published train split, a grid "
                    + "of settings is tried and the one with the best official metric on val is scored on the "
                    + "official test set (never chosen on test). Stance trains one model per target and pools the "
                    + "five test sets, as published. Default grids: tfidf-logreg min_df=1,2 x "
                    + "sublinear_tf=false,true (logistic loss; C and class weights tuned inside each fit); fasttext wordNgrams=1,2 x "
                    + "char n-grams off or minn=3 maxn=6 (lr and epochs tuned inside each fit); textcnn its defaults; "
                    + "tfidf-logreg and fasttext tune by the task's official metric. Writes DIR/tweeteval.md (ours "
                    + "beside the published rows, with the difference and every setting tried) and "
                    + "DIR/tweeteval.json; DIR defaults to out/reproduce-tweeteval. About half an hour on 2 cores."})
final class ReproduceCommand implements Callable<Integer> {
    private static final int STAGES = 5;
    static final List<String> TASKS = List.of("seed", "tweeteval");

    @Spec
    CommandSpec spec;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "seed",
            description = "What to reproduce: seed (the seed dataset pipeline) or tweeteval (the published "
                    + "TweetEval baselines; needs --corpora).")
    String task;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory. Default: out/reproduce (seed) or out/reproduce-tweeteval (tweeteval).")
    Path out;

    @Option(names = "--quick", description = "seed: one seed, one cross-validation repeat.")
    boolean quick;

    @Option(names = "--full-bench", description = "seed: the full benchmark run (about 40 minutes on 2 cores) "
            + "instead of the short one.")
    boolean fullBench;

    @Option(names = "--seed", paramLabel = "N", split = ",",
            description = "Training seed(s), comma-separated or repeated. Default: 13,14,15 (13 with --quick) for "
                    + "seed; 13 for tweeteval, where every seed is a separate run and the mean and standard "
                    + "deviation over seeds are reported as well.")
    List<Long> seeds;

    @Option(names = "--no-bench", description = "seed: skip the inference benchmarks (the report then says it has "
            + "no benchmark data). Used by the tests and by CI's quality gate.")
    boolean noBench;

    @Option(names = {"--only", "--classifiers"}, paramLabel = "NAME", split = ",",
            description = "Only these registered classifiers (comma-separated). Default: all of them (seed); "
                    + "tfidf-logreg, fasttext, textcnn (tweeteval).")
    List<String> only;

    @Option(names = "--corpora", paramLabel = "DIR",
            description = "tweeteval: the folder holding tweeteval/ (for example ../shared/corpora), or the "
                    + "tweeteval folder itself.")
    Path corpora;

    @Option(names = "--tasks", paramLabel = "TASK", split = ",",
            description = "tweeteval: the TweetEval tasks, among stance, irony, emotion. Default: all three.")
    List<String> tweetEvalTasks;

    @Option(names = "--set", paramLabel = "CLASSIFIER:KEY=VALUE",
            description = "tweeteval: a fixed setting for one classifier, added to every setting of its grid "
                    + "(repeatable).")
    List<String> fixed = new ArrayList<>();

    @Option(names = "--grid", paramLabel = "CLASSIFIER:KEY=V1,V2,...",
            description = "tweeteval: values of one setting to choose from on val (repeatable; every combination "
                    + "is tried); replaces that classifier's default grid.")
    List<String> grids = new ArrayList<>();

    @Option(names = "--pooled-stance",
            description = "tweeteval: train one stance model on all five targets instead of one per target.")
    boolean pooledStance;

    @Option(names = "--refit", description = "tweeteval: retrain the setting chosen on val on train plus val (its "
            + "inner choices such as C fixed) and report that model's test score.")
    boolean refit;

    @Option(names = "--model-path", paramLabel = "FILE",
            description = "seed: also a text classifier exported from Python (ONNX or TorchScript, with --tokenizer): "
                    + "evaluated on the test split and compared with the others there (no cross-validation: "
                    + "it is already trained; no benchmark).")
    Path modelPath;

    @Mixin
    ExportedModelOptions exported = new ExportedModelOptions();

    @Option(names = "--from", paramLabel = "RESULTS",
            description = "seed: run nothing; re-render the report of an existing results.json into DIR.")
    Path from;

    /** When the command started, for the elapsed time on progress lines. */
    private long started;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        started = start;
        if (!TASKS.contains(task)) {
            throw new IllegalArgumentException("--task: unknown task '" + task + "'; known: " + String.join(", ", TASKS));
        }
        if (task.equals("tweeteval")) {
            return tweetEval(start);
        }
        List<String> misplaced = new ArrayList<>();
        if (corpora != null) {
            misplaced.add("--corpora");
        }
        if (tweetEvalTasks != null) {
            misplaced.add("--tasks");
        }
        if (!fixed.isEmpty()) {
            misplaced.add("--set");
        }
        if (!grids.isEmpty()) {
            misplaced.add("--grid");
        }
        if (pooledStance) {
            misplaced.add("--pooled-stance");
        }
        if (!misplaced.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", misplaced) + ": only with --task tweeteval");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path dir = checkedOut(out != null ? out : Path.of("out", "reproduce"));
        if (from != null) {
            Results results = ResultsIo.read(from);
            err.println("reproduce: rendering " + from + " into " + dir);
            finish(stdout, results, ReportWriter.write(results, dir), dir, start);
            return 0;
        }
        List<Long> trainingSeeds = seeds != null && !seeds.isEmpty() ? List.copyOf(new LinkedHashSet<>(seeds))
                : quick ? List.of(CrossValidation.DEFAULT_SEEDS.get(0)) : CrossValidation.DEFAULT_SEEDS;
        List<ClassifierFactory> factories = select(ClassifierRegistry.all());
        // Opened once here so that a bad model file fails before the long work, not after it.
        try (ExportedClassifier check = exported.open(modelPath, null)) {
            if (check != null) {
                err.println("reproduce: exported model " + check.name() + " (" + check.format().id() + ", labels "
                        + check.labels() + ")");
            }
        }
        if (noBench && fullBench) {
            throw new IllegalArgumentException("--full-bench and --no-bench exclude each other");
        }
        if (!noBench) {
            // Likewise a benchmark run already going, which stage 4 would otherwise meet.
            BenchRunner.checkJmhLock();
        }
        err.println("reproduce: output directory " + dir);
        err.println("reproduce: " + factories.size() + " classifiers, seeds " + trainingSeeds
                + (quick ? ", quick mode" : "") + (noBench ? ", no benchmarks" : fullBench ? ", full benchmarks"
                        : ", short benchmarks"));
        err.flush();

        stage(err, 1, "dataset", "building the seed dataset");
        Path dataDir = dir.resolve("dataset");
        SeedDataset.build(dataDir, DatasetWriter.DEFAULT_SEED);
        Dataset dataset = Dataset.load(dataDir);
        // Quick mode keeps the dataset (and so its fingerprint) and uses only its first repeat of folds.
        Dataset cvData = quick
                ? new Dataset(dataset.name(), dataset.labels(), dataset.examples(), dataset.folds(0),
                        dataset.fingerprint())
                : dataset;
        err.println("reproduce: dataset " + dataset.name() + ", " + dataset.examples().size() + " examples, "
                + cvData.folds().size() + " folds, fingerprint " + dataset.fingerprint());

        List<RunResult> runs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < factories.size(); i++) {
            ClassifierFactory factory = factories.get(i);
            String who = factory.name() + " (" + (i + 1) + "/" + factories.size() + ")";
            EvalOptions options = EvalOptions.defaults()
                    .withProgress(progress(err, 2, "evaluate", factory.name() + ": ", who + ": "));
            try {
                stage(err, 2, "evaluate", who + ": cross-validation");
                runs.add(CrossValidation.run(factory, cvData, trainingSeeds, Map.of(), options));
                stage(err, 2, "evaluate", who + ": training on train (dev for tuning), seed "
                        + trainingSeeds.get(0) + ", predicting test");
                runs.add(testRun(factory, dataset, trainingSeeds.get(0), options));
            } catch (RuntimeException e) {
                String message = factory.name() + " failed and is left out of the report: " + StanceBench.describe(e);
                failures.add(message);
                err.println("stancebench: " + message);
                if (System.getenv("STANCEBENCH_DEBUG") != null) {
                    e.printStackTrace(err);
                }
            }
        }

        if (modelPath != null) {
            stage(err, 2, "evaluate", "exported model " + modelPath.getFileName() + ": predicting test");
            try (ExportedClassifier model = exported.open(modelPath, null)) {
                runs.add(Evaluation.onSplit(model, dataset, "test", List.of(), ExportedModelOptions.provenance(model),
                        EvalOptions.defaults().withProgress(progress(err, 2, "evaluate", "", model.name() + ": "))));
            } catch (RuntimeException e) {
                String message = modelPath + " failed and is left out of the report: " + StanceBench.describe(e);
                failures.add(message);
                err.println("stancebench: " + message);
            }
        }

        stage(err, 3, "compare", runs.size() + " runs, paired tests with Holm's correction");
        List<Comparison> comparisons = Comparisons.allPairs(runs, dataset.labels(), Comparisons.Options.defaults());

        JsonNode bench = null;
        if (noBench) {
            stage(err, 4, "bench", "skipped (--no-bench)");
        } else {
            stage(err, 4, "bench", (fullBench ? "full" : "short") + " inference benchmarks (JMH reports its "
                    + "estimate of the time left as it goes)");
            List<String> names = runs.stream().map(RunResult::classifier).distinct().toList();
            // Peers outside the JVM (scikit-learn, the fastText CLI) only in a full run: they cost minutes.
            BenchOptions options = BenchOptions.defaults(!fullBench, dir.resolve("bench"))
                    .withInclude(java.util.regex.Pattern.compile(
                            "^(" + String.join("|", names.stream().map(java.util.regex.Pattern::quote).toList()) + ")$"))
                    .withSeed(trainingSeeds.get(0))
                    .withPeersScript(fullBench ? BenchOptions.defaultPeersScript() : null)
                    .withProgress(progress(err, 4, "bench", "bench: ", ""));
            try {
                BenchSummary summary = BenchRunner.run(options);
                bench = ResultsIo.mapper().readTree(summary.toJson());
            } catch (IOException | RuntimeException e) {
                String message = "the benchmarks failed, so the report has no benchmark data: "
                        + StanceBench.describe(e);
                failures.add(message);
                err.println("stancebench: " + message);
            }
        }

        stage(err, 5, "report", "writing " + String.join(", ", ReportWriter.FILES));
        Results results = Results.of("stancebench " + Platform.current().stancebenchVersion(),
                Evaluation.datasetInfo(dataset), EnvironmentInfo.current(Platform.current().gitCommit()), runs,
                comparisons, bench);
        finish(stdout, results, ReportWriter.write(results, dir), dir, start);
        for (String failure : failures) {
            err.println("stancebench: " + failure);
        }
        err.flush();
        return failures.isEmpty() ? 0 : 1;
    }

    private static Path checkedOut(Path out) {
        Path dir = out.toAbsolutePath().normalize();
        for (Path part : dir) {
            if (part.toString().equals("src")) {
                throw new IllegalArgumentException("--out " + dir + " lies inside a src/ directory; choose another");
            }
        }
        return dir;
    }

    /** {@code --task tweeteval}: the published TweetEval baselines, written as tweeteval.md and .json. */
    private int tweetEval(long start) throws IOException {
        List<String> misplaced = new ArrayList<>();
        if (quick) {
            misplaced.add("--quick");
        }
        if (fullBench) {
            misplaced.add("--full-bench");
        }
        if (noBench) {
            misplaced.add("--no-bench");
        }
        if (modelPath != null) {
            misplaced.add("--model-path");
        }
        if (from != null) {
            misplaced.add("--from");
        }
        if (!misplaced.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", misplaced) + ": not with --task tweeteval");
        }
        if (corpora == null) {
            throw new IllegalArgumentException("--task tweeteval needs --corpora DIR (the folder holding tweeteval/, "
                    + "for example ../shared/corpora)");
        }
        Path dir = checkedOut(out != null ? out : Path.of("out", "reproduce-tweeteval"));
        List<String> classifiers = List.copyOf(new LinkedHashSet<>(only != null && !only.isEmpty() ? only
                : TweetEvalReproduction.DEFAULT_CLASSIFIERS));
        List<String> known = ClassifierRegistry.names();
        for (String name : classifiers) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("--classifiers: unknown classifier '" + name + "'; known: "
                        + String.join(", ", known));
            }
        }
        List<String> taskList = tweetEvalTasks != null && !tweetEvalTasks.isEmpty()
                ? List.copyOf(new LinkedHashSet<>(tweetEvalTasks)) : TweetEvalReproduction.TASKS;
        for (String t : taskList) {
            if (!TweetEvalReproduction.TASKS.contains(t)) {
                throw new IllegalArgumentException("--tasks: unknown TweetEval task '" + t + "'; known: "
                        + String.join(", ", TweetEvalReproduction.TASKS));
            }
        }
        List<Long> trainingSeeds = seeds != null && !seeds.isEmpty() ? List.copyOf(new LinkedHashSet<>(seeds))
                : List.of(CrossValidation.DEFAULT_SEEDS.get(0));
        Map<String, Map<String, String>> fixedBy = parseSpecs(fixed, "--set", classifiers, false).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> {
                    Map<String, String> m = new java.util.TreeMap<>();
                    e.getValue().forEach((k, v) -> m.put(k, v.get(0)));
                    return m;
                }));
        Map<String, Map<String, List<String>>> gridBy = parseSpecs(grids, "--grid", classifiers, true);
        java.util.function.BiFunction<String, String, List<Map<String, String>>> gridOf = (name, t) -> {
            List<Map<String, String>> base = gridBy.containsKey(name)
                    ? TweetEvalReproduction.withTuneMetric(name, t, TweetEvalReproduction.grid(gridBy.get(name)))
                    : TweetEvalReproduction.defaultGrid(name, t);
            Set<Map<String, String>> out = new LinkedHashSet<>();
            for (Map<String, String> g : base) {
                Map<String, String> m = new java.util.TreeMap<>(g);
                m.putAll(fixedBy.getOrDefault(name, Map.of()));
                out.add(m);
            }
            return List.copyOf(out);
        };
        Path tweeteval = TweetEvalReproduction.tweetEvalFolder(corpora);

        PrintWriter err = spec.commandLine().getErr();
        err.println("reproduce: TweetEval in " + tweeteval + "; output directory " + dir);
        err.println("reproduce: classifiers " + classifiers + ", tasks " + taskList + ", seeds " + trainingSeeds
                + (pooledStance ? ", one pooled stance model" : ", stance per target"));
        err.flush();
        List<TweetEvalReproduction.TaskResult> results = TweetEvalReproduction.runAll(tweeteval, classifiers, taskList,
                trainingSeeds, gridOf, !pooledStance, refit, ClassifierRegistry::get, message -> {
                    err.printf(Locale.ROOT, "reproduce tweeteval %6.1fs %s%n", (System.nanoTime() - started) / 1e9,
                            message);
                    err.flush();
                });
        // the parse result of a subcommand still holds the whole command line, "reproduce" included
        List<String> command = new ArrayList<>(List.of("stancebench"));
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        if (!original.contains("reproduce")) {
            command.add("reproduce");
        }
        command.addAll(original);
        double wall = (System.nanoTime() - start) / 1e9;
        List<Path> files = TweetEvalReproduction.write(dir, results, command, corpora, wall);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(TweetEvalReproduction.markdown(results));
        String summary = TweetEvalReproduction.seedSummary(results);
        if (!summary.isEmpty()) {
            stdout.println();
            stdout.print(summary);
        }
        stdout.println("Report files (in " + dir + "):");
        for (Path f : files) {
            stdout.println("  " + f);
        }
        stdout.printf(Locale.ROOT, "Finished in %.1f s.%n", wall);
        stdout.flush();
        return 0;
    }

    /**
     * Parses {@code CLASSIFIER:KEY=VALUE} (or {@code =V1,V2,...} when {@code list}) options into
     * classifier -> key -> values, refusing a classifier that is not being run.
     */
    private static Map<String, Map<String, List<String>>> parseSpecs(List<String> specs, String option,
                                                                      List<String> classifiers, boolean list) {
        Map<String, Map<String, List<String>>> out = new java.util.LinkedHashMap<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            int eq = spec.indexOf('=');
            if (colon <= 0 || eq <= colon + 1 || eq == spec.length() - 1) {
                throw new IllegalArgumentException(option + " '" + spec + "': expected CLASSIFIER:KEY="
                        + (list ? "V1,V2,..." : "VALUE"));
            }
            String name = spec.substring(0, colon);
            if (!classifiers.contains(name)) {
                throw new IllegalArgumentException(option + " '" + spec + "': classifier '" + name
                        + "' is not among those run (" + String.join(", ", classifiers) + ")");
            }
            String value = spec.substring(eq + 1);
            out.computeIfAbsent(name, k -> new java.util.TreeMap<>()).put(spec.substring(colon + 1, eq),
                    list ? List.of(value.split(",")) : List.of(value));
        }
        return out;
    }

    /** Prints the leaderboards, where the files are and how long it took. */
    private static void finish(PrintWriter stdout, Results results, List<Path> files, Path dir, long start) {
        stdout.print(MarkdownReport.leaderboards(results));
        stdout.println("Report files (in " + dir + "):");
        for (Path f : files) {
            stdout.println("  " + f);
        }
        stdout.printf(Locale.ROOT, "Finished in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        stdout.flush();
    }

    /** Trains on the train split (dev for tuning) with {@code seed} and evaluates on the test split. */
    private static RunResult testRun(ClassifierFactory factory, Dataset dataset, long seed, EvalOptions options) {
        TrainingData data = dataset.trainingData("train", "dev");
        TrainingOptions training = new TrainingOptions(seed, Map.of(), m -> { });
        try (Classifier model = factory.train(data, training)) {
            JsonNode provenance;
            try {
                provenance = ResultsIo.mapper().readTree(ModelProvenance.describe(model, data, training, Map.of()).toJson());
            } catch (IOException e) {
                throw new IllegalStateException("cannot record the provenance of " + factory.name() + ": " + e.getMessage(), e);
            }
            return Evaluation.onSplit(model, dataset, "test", List.of(seed), provenance, options);
        }
    }

    private List<ClassifierFactory> select(List<ClassifierFactory> all) {
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

    private void stage(PrintWriter err, int stage, String name, String what) {
        err.printf(Locale.ROOT, "reproduce [%d/%d %s] %5.1fs %s%n", stage, STAGES, name,
                (System.nanoTime() - started) / 1e9, what);
        err.flush();
    }

    /** Progress lines of one stage: {@code prefix} is dropped from a message and {@code who} put before it. */
    private Consumer<String> progress(PrintWriter err, int stage, String name, String prefix, String who) {
        return message -> stage(err, stage, name,
                who + (message.startsWith(prefix) ? message.substring(prefix.length()) : message));
    }
}
