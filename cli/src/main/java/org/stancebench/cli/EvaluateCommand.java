package org.stancebench.cli;

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
import org.stancebench.api.TrainingOptions;
import org.stancebench.dataset.Dataset;
import org.stancebench.eval.PredictionsFile;
import org.stancebench.eval.metrics.MetricSuite;
import org.stancebench.eval.protocol.CrossValidation;
import org.stancebench.eval.protocol.EvalOptions;
import org.stancebench.eval.protocol.Evaluation;
import org.stancebench.eval.results.BootstrapInfo;
import org.stancebench.eval.results.ClassMetrics;
import org.stancebench.eval.results.EnvironmentInfo;
import org.stancebench.eval.results.MetricValue;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;
import org.stancebench.model.ClassifierRegistry;
import org.stancebench.model.ModelProvenance;
import org.stancebench.model.ModelStore;
import org.stancebench.model.StoredModel;
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
            "Evaluate a classifier, with 95% bootstrap confidence intervals, and write a results JSON.",
            "  evaluate --model MODEL_DIR --data DATASET_DIR [--split test]",
            "  evaluate --classifier NAME --data DATASET_DIR --cv [--seeds 13,14,15] [--set k=v]",
            "  evaluate --classifier NAME --data DATASET_DIR [--split test]   (trains on train, tunes on dev)",
            "  evaluate --predictions FILE.jsonl --data DATASET_DIR [--split test] [--allow-mismatch]",
            "The results go to --out (default: " + EvaluateCommand.DEFAULT_OUT_DIR + "/NAME-SPLIT.json or NAME-cv.json,"
                    + " relative to the working directory)."})
final class EvaluateCommand implements Callable<Integer> {
    static final String DEFAULT_OUT_DIR = "out/evaluate";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Source {
        @Option(names = "--model", paramLabel = "MODEL_DIR", description = "A saved model directory (from 'train').")
        Path model;

        @Option(names = "--classifier", paramLabel = "NAME", description = "A registered classifier to train and evaluate.")
        String classifier;

        @Option(names = "--predictions", paramLabel = "FILE",
                description = "JSON Lines of {\"id\",\"label\"} or {\"id\",\"probs\":{LABEL:p}} from any tool.")
        Path predictions;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--data", paramLabel = "DATASET_DIR", required = true, description = "The dataset directory.")
    Path data;

    @Option(names = "--split", defaultValue = "test", description = "Split to evaluate on (not with --cv).")
    String split;

    @Option(names = "--cv", description = "Cross-validate over the dataset's folds (with --classifier).")
    boolean cv;

    @Option(names = "--seeds", split = ",", paramLabel = "N[,N...]", defaultValue = "13,14,15",
            description = "Training seeds; with --cv every fold is trained once per seed, otherwise the first is used.")
    List<Long> seeds;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A classifier setting (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the run for --predictions (default: the file name).")
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
        if (cv && source.classifier == null) {
            throw new IllegalArgumentException("--cv needs --classifier NAME (a saved model or predictions file has"
                    + " already been trained)");
        }
        if (!cv && source.classifier == null && !settings.isEmpty()) {
            throw new IllegalArgumentException("--set only applies with --classifier");
        }
        if (out != null) {
            refuseSourceTree(out);
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("--seeds needs at least one seed");
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
        RunResult run;
        if (source.predictions != null) {
            PredictionsFile.Loaded loaded = PredictionsFile.read(source.predictions, dataset, split, allowMismatch);
            for (String mismatch : loaded.mismatches()) {
                err.println("stancebench: warning: " + source.predictions + ": " + mismatch + " (--allow-mismatch: skipped)");
            }
            String runName = name != null ? name : stem(source.predictions);
            run = Evaluation.ofPredictions(runName, dataset, split, loaded.predictions(), options);
        } else if (source.model != null) {
            try (StoredModel stored = ModelStore.load(source.model)) {
                JsonNode provenance = ResultsIo.mapper().readTree(stored.provenance().toJson());
                run = Evaluation.onSplit(stored.classifier(), dataset, split, List.of(stored.provenance().seed()),
                        provenance, options);
            }
        } else {
            ClassifierFactory factory = ClassifierRegistry.get(source.classifier);
            if (cv) {
                run = CrossValidation.run(factory, dataset, seeds, settings, options);
            } else {
                long seed = seeds.get(0);
                options.progress().accept(factory.name() + ": training on train (tuning on dev), seed " + seed);
                var trainingData = dataset.trainingData("train", "dev");
                TrainingOptions training = new TrainingOptions(seed, settings, m -> { });
                try (Classifier model = factory.train(trainingData, training)) {
                    JsonNode provenance = ResultsIo.mapper().readTree(
                            ModelProvenance.describe(model, trainingData, training, Map.of()).toJson());
                    run = Evaluation.onSplit(model, dataset, split, List.of(seed), provenance, options);
                }
            }
        }
        Results results = Results.of(createdBy(), Evaluation.datasetInfo(dataset),
                EnvironmentInfo.current(ModelProvenance.currentGitCommit()), List.of(run), List.of(), null);
        Path target = out != null ? out : Path.of(DEFAULT_OUT_DIR, run.name().replace('@', '-') + ".json");
        refuseSourceTree(target);
        ResultsIo.write(results, target);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(summary(run, dataset));
        stdout.println("results: " + target);
        stdout.flush();
        return 0;
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
        sb.append(String.format(Locale.ROOT, "%-18s %7s  %-17s%s%n", "metric", "value", "95% CI",
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
            sb.append(String.format(Locale.ROOT, "%-18s %7.3f  [%.3f, %.3f]%s%n", label, m.value(), m.low(), m.high(),
                    m.mean() == null ? "" : String.format(Locale.ROOT, "     %.3f +- %.3f", m.mean(), m.std())));
        }
        for (String label : dataset.labels()) {
            ClassMetrics c = run.perClass().get(label);
            sb.append(String.format(Locale.ROOT, "%-18s %7.3f  [%.3f, %.3f]  support %d%n", "f1 " + label,
                    c.f1().value(), c.f1().low(), c.f1().high(), c.support()));
        }
        if (run.official() != null) {
            sb.append("* official metric of this task\n");
        }
        return sb.toString();
    }
}
