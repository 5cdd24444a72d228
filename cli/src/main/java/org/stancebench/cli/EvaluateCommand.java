package org.stancebench.cli;

import org.stancebench.io.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancebench.api.Classifier;
import org.stancebench.api.ClassifierFactory;
import org.stancebench.api.TrainingData;
import org.stancebench.api.TrainingOptions;
import org.stancebench.dataset.Dataset;
import org.stancebench.eval.Comparisons;
import org.stancebench.eval.PredictionsFile;
import org.stancebench.eval.metrics.MetricSuite;
import org.stancebench.eval.protocol.CrossValidation;
import org.stancebench.eval.protocol.EvalOptions;
import org.stancebench.eval.protocol.Evaluation;
import org.stancebench.eval.results.BootstrapInfo;
import org.stancebench.eval.results.ClassMetrics;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;
import org.stancebench.model.ClassifierRegistry;
import org.stancebench.model.ModelProvenance;
import org.stancebench.model.ModelStore;
import org.stancebench.model.StoredModel;
import org.stancebench.model.exported.ExportedClassifier;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stancebench evaluate}: scores a saved model, a classifier under cross-validation (or
 * trained on the train split), or a predictions file, and writes a results file (schema in
 * {@code docs/results-schema.md}) plus a summary table with 95% bootstrap intervals on stdout.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {
            "Evaluate a classifier, with 95%% bootstrap confidence intervals, and write a results JSON.",
            "  evaluate --model MODEL_DIR --data DATASET_DIR [--split test]",
            "  evaluate --classifier NAME[,NAME...] --data DATASET_DIR --cv [--seeds 13,14,15] [--set k=v]",
            "  evaluate --classifier NAME --data DATASET_DIR [--split test]   (trains on train, tunes on dev)",
            "  evaluate --predictions FILE.jsonl[,FILE...] --data DATASET_DIR [--split test] [--allow-mismatch]",
            "  evaluate --model-path FILE.onnx|FILE.pt --tokenizer tokenizer.json [--labels labels.txt] --data DATASET_DIR",
            "The results go to --out (default: " + EvaluateCommand.DEFAULT_OUT_DIR + "/NAME-SPLIT.json or NAME-cv.json,"
                    + " relative to the working directory; results-cv.json or results-SPLIT.json for several"
                    + " classifiers)."})
final class EvaluateCommand implements Callable<Integer> {
    static final String DEFAULT_OUT_DIR = "out/evaluate";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Source {
        @Option(names = "--model", paramLabel = "MODEL_DIR", description = "A saved model directory (from 'train').")
        Path model;

        @Option(names = "--classifier", paramLabel = "NAME", split = ",",
                description = "Registered classifier(s) to train and evaluate; several are compared pairwise.")
        List<String> classifiers;

        @Option(names = "--predictions", paramLabel = "FILE", split = ",",
                description = "JSON Lines of {\"id\",\"label\"} or {\"id\",\"probs\":{LABEL:p}} from any tool;"
                        + " several files are compared pairwise.")
        List<Path> predictions;

        @Option(names = "--model-path", paramLabel = "FILE",
                description = "A text classifier exported from Python (ONNX or TorchScript), with --tokenizer.")
        Path modelPath;
    }

    @CommandLine.Mixin
    ExportedModelOptions exported = new ExportedModelOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--data", paramLabel = "DATASET_DIR", required = true, description = "The dataset directory.")
    Path data;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test", description = "Split to evaluate on (not with --cv).")
    String split;

    @Option(names = "--cv", description = "Cross-validate over the dataset's folds (with --classifier).")
    boolean cv;

    @Option(names = "--seeds", split = ",", paramLabel = "N", defaultValue = "13,14,15",
            description = "Training seeds; with --cv every fold is trained once per seed, otherwise the first is used.")
    List<Long> seeds;

    @Option(names = "--set", paramLabel = "KEY=VALUE", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "A classifier setting (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--name", paramLabel = "NAME",
            description = "Name of the run for --predictions or --model-path (default: the file name).")
    String name;

    @Option(names = "--allow-mismatch",
            description = "Evaluate a predictions file even when ids, labels or probabilities do not match the split.")
    boolean allowMismatch;

    @Option(names = "--official", paramLabel = "METRIC",
            description = "Official metric: tweeteval-stance, f1-irony, f1:LABEL or macro-f1 (default: from the dataset).")
    String official;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples.")
    int resamples;

    @Option(names = "--bootstrap-seed", paramLabel = "SEED", defaultValue = "20260101", description = "Bootstrap seed.")
    long bootstrapSeed;

    @Option(names = "--stratified", description = "Resample within each gold class (keeps class sizes fixed).")
    boolean stratified;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the results JSON.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (cv && source.classifiers == null) {
            throw new IllegalArgumentException("--cv needs --classifier NAME (a saved model or predictions file has"
                    + " already been trained)");
        }
        if (cv && source.modelPath != null) {
            throw new IllegalArgumentException("--cv needs --classifier NAME (an exported model is already trained)");
        }
        if (!cv && source.classifiers == null && !settings.isEmpty()) {
            throw new IllegalArgumentException("--set only applies with --classifier");
        }
        if (out != null) {
            refuseSourceTree(out);
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("--seeds needs at least one seed");
        }
        if (source.modelPath == null) {
            exported.open(null, null); // refuses --tokenizer, --labels and --model-format on their own
        }
        EvalOptions options = new EvalOptions(new BootstrapInfo(resamples, bootstrapSeed, stratified, 0.95), official,
                message -> {
                    err.println(message);
                    err.flush();
                });
        Dataset dataset = Dataset.load(data);
        if (official != null) {
            Evaluation.suite(dataset, options);
        }
        List<RunResult> runs = new ArrayList<>();
        if (source.modelPath != null) {
            try (ExportedClassifier model = exported.open(source.modelPath, name)) {
                runs.add(Evaluation.onSplit(model, dataset, split, List.of(), ExportedModelOptions.provenance(model),
                        options));
            }
        } else if (source.predictions != null) {
            if (name != null && source.predictions.size() > 1) {
                throw new IllegalArgumentException("--name applies to a single --predictions file");
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Path file : source.predictions) {
                String runName = name != null ? name : stem(file);
                if (!names.add(runName)) {
                    throw new IllegalArgumentException(file + ": another predictions file is also named '" + runName
                            + "'; rename one");
                }
                PredictionsFile.Loaded loaded = PredictionsFile.read(file, dataset, split, allowMismatch);
                for (String mismatch : loaded.mismatches()) {
                    err.println("stancebench: warning: " + file + ": " + mismatch + " (--allow-mismatch: skipped)");
                }
                runs.add(Evaluation.ofPredictions(runName, dataset, split, loaded.predictions(), options));
            }
        } else if (source.model != null) {
            try (StoredModel stored = ModelStore.load(source.model)) {
                JsonNode provenance = ResultsIo.mapper().readTree(stored.provenance().toJson());
                runs.add(Evaluation.onSplit(stored.classifier(), dataset, split, List.of(stored.provenance().seed()),
                        provenance, options));
            }
        } else {
            List<ClassifierFactory> factories = new ArrayList<>();
            for (String classifier : new java.util.LinkedHashSet<>(source.classifiers)) {
                factories.add(ClassifierRegistry.get(classifier.strip()));
            }
            for (ClassifierFactory factory : factories) {
                runs.add(cv ? CrossValidation.run(factory, dataset, seeds, settings, options)
                        : trainAndTest(factory, dataset, options));
            }
        }
        if (runs.size() > 1) {
            options.progress().accept("comparing " + runs.size() + " runs pairwise");
        }
        Results results = Evaluation.results(createdBy(), dataset, runs, Platform.current().gitCommit(),
                Comparisons.Options.defaults());
        List<Comparison> comparisons = results.comparisons();
        String defaultName = runs.size() == 1 ? runs.get(0).name().replace('@', '-')
                : "results-" + (cv ? "cv" : split);
        Path target = out != null ? out : Path.of(DEFAULT_OUT_DIR, defaultName + ".json");
        refuseSourceTree(target);
        ResultsIo.write(results, target);
        PrintWriter stdout = spec.commandLine().getOut();
        for (RunResult run : runs) {
            stdout.print(summary(run, dataset));
            stdout.println();
        }
        if (!comparisons.isEmpty()) {
            stdout.print(comparisonTable(comparisons));
            stdout.println();
        }
        stdout.println("results: " + target);
        stdout.flush();
        return 0;
    }

    private RunResult trainAndTest(ClassifierFactory factory, Dataset dataset, EvalOptions options) throws IOException {
        long seed = seeds.get(0);
        options.progress().accept(factory.name() + ": training on train (tuning on dev), seed " + seed);
        TrainingData trainingData = dataset.trainingData("train", "dev");
        TrainingOptions training = new TrainingOptions(seed, settings, m -> { });
        try (Classifier model = factory.train(trainingData, training)) {
            JsonNode provenance = ResultsIo.mapper().readTree(
                    ModelProvenance.describe(model, trainingData, training, Map.of()).toJson());
            return Evaluation.onSplit(model, dataset, split, List.of(seed), provenance, options);
        }
    }

    /** One line per comparison: the pair, metric, test, difference, p and Holm-adjusted p. */
    static String comparisonTable(List<Comparison> comparisons) {
        StringBuilder sb = new StringBuilder("paired tests (Holm-adjusted per metric and test, alpha 0.05)\n");
        for (Comparison c : comparisons) {
            sb.append(String.format(Locale.ROOT, "%-40s %-16s %-26s diff %+.3f  p %.4f  pHolm %.4f%s%n",
                    c.a() + " vs " + c.b(), c.metric(), c.test(), c.difference(), c.pValue(), c.pHolm(),
                    c.significant() ? "  significant" : ""));
        }
        return sb.toString();
    }

    private static String createdBy() {
        String version = EvaluateCommand.class.getPackage().getImplementationVersion();
        return "stancebench " + (version == null ? "development build" : version);
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.indexOf('.');
        String s = dot > 0 ? n.substring(0, dot) : n;
        return s.isEmpty() ? "predictions" : s;
    }

    private static String interval(MetricValue m) {
        return String.format(Locale.ROOT, "[%.3f, %.3f]", m.low(), m.high());
    }

    /** Results never go into a source tree, where they would end up committed by accident. */
    static void refuseSourceTree(Path target) {
        for (Path part : target.toAbsolutePath().normalize()) {
            if (part.toString().equals("src")) {
                throw new IllegalArgumentException(target + ": results must not be written under a src/ directory");
            }
        }
    }

    /** The human summary: one line per headline metric with its interval, then per-class F1. */
    static String summary(RunResult run, Dataset dataset) {
        StringBuilder sb = new StringBuilder();
        int examples = (int) run.predictions().stream().map(p -> p.id()).distinct().count();
        String protocol = run.protocol().isCv()
                ? run.protocol().repeats() + " x " + run.protocol().folds() + "-fold cross-validation, "
                        + run.seeds().size() + " seed(s), " + examples + " examples"
                : "split " + run.protocol().split() + ", " + examples + " examples";
        sb.append(run.name()).append(" on ").append(dataset.name()).append(" (").append(protocol).append(")\n");
        boolean spread = run.metrics().values().stream().anyMatch(m -> m.mean() != null);
        sb.append(String.format(Locale.ROOT, "%-18s %7s  %-18s%s%n", "metric", "value", "95% CI",
                spread ? "  mean +- std (seeds x repeats)" : ""));
        List<String> order = new ArrayList<>(List.of(MetricSuite.ACCURACY, MetricSuite.MACRO_F1,
                MetricSuite.WEIGHTED_F1, MetricSuite.KAPPA, MetricSuite.LOG_LOSS, MetricSuite.BRIER, MetricSuite.ECE));
        run.metrics().keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        for (String key : order) {
            MetricValue m = run.metrics().get(key);
            if (m == null) {
                continue;
            }
            String label = run.official() != null && run.official().name().equals(key) ? key + " *" : key;
            sb.append(String.format(Locale.ROOT, "%-18s %7.3f  %-18s%s%n", label, m.value(), interval(m),
                    m.mean() == null ? "" : String.format(Locale.ROOT, "  %.3f +- %.3f", m.mean(), m.std())));
        }
        // Under cross-validation every example is predicted once per repeat and seed.
        long copies = Math.max(1, run.predictions().size() / Math.max(1, examples));
        for (String label : dataset.labels()) {
            ClassMetrics c = run.perClass().get(label);
            sb.append(String.format(Locale.ROOT, "%-18s %7.3f  %-18s  support %d%n", "f1 " + label,
                    c.f1().value(), interval(c.f1()), c.support() / copies));
        }
        if (run.official() != null) {
            sb.append("* official metric of this task\n");
        }
        return sb.toString().lines().map(String::stripTrailing)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }
}
