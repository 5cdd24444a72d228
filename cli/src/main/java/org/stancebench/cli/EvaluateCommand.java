package org.stancebench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancebench.dataset.Dataset;
import org.stancebench.eval.Comparisons;
import org.stancebench.eval.PredictionsFile;
import org.stancebench.eval.results.Comparison;
import org.stancebench.eval.results.Results;
import org.stancebench.eval.results.ResultsIo;
import org.stancebench.eval.results.RunResult;
import org.stancebench.experiments.ClassifierSource;
import org.stancebench.experiments.Engines;
import org.stancebench.experiments.Executor;
import org.stancebench.experiments.protocol.CrossValidation;
import org.stancebench.experiments.protocol.EvalOptions;
import org.stancebench.experiments.protocol.Evaluation;
import org.stancebench.experiments.protocol.TrainThenTest;
import org.stancebench.io.Platform;
import org.stancebench.model.exported.ExportedClassifier;
import org.stancebench.model.store.ModelStore;
import org.stancebench.model.store.StoredModel;
import org.stancebench.reports.TextSummary;
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

    @CommandLine.Mixin
    ExportedModelOptions exported = new ExportedModelOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    EvaluateSource source;

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

    @CommandLine.Mixin
    BootstrapOptions bootstrap = new BootstrapOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the results JSON; '-': stdout "
            + "(the summary then goes to stderr).")
    Path out;

    @CommandLine.Mixin
    FormatOption format = new FormatOption();

    @CommandLine.Mixin
    EngineOptions engine = new EngineOptions();

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
        boolean toStdout = out != null && out.toString().equals("-");
        boolean json = format.resolve(List.of("text", "json")).equals("json") || toStdout;
        if (out != null && !toStdout) {
            OutputPaths.refuseSourceTree(out);
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("--seeds needs at least one seed");
        }
        if (source.modelPath == null) {
            exported.open(null, null); // refuses --tokenizer, --labels and --model-format on their own
        }
        EvalOptions options = bootstrap.options(message -> {
            err.println(message);
            err.flush();
        });
        Engines.check(engine.spec());
        Dataset dataset = Dataset.load(data);
        if (bootstrap.official != null) {
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
            try (Executor executor = engine.open()) {
                for (String classifier : new java.util.LinkedHashSet<>(source.classifiers)) {
                    ClassifierSource c = ClassifierSource.registered(classifier.strip());
                    runs.add(cv ? CrossValidation.run(c, dataset, seeds, settings, options, executor)
                            : TrainThenTest.run(c.factory(), dataset, split, seeds.get(0), settings, options));
                }
            }
        }
        if (runs.size() > 1) {
            options.progress().accept("comparing " + runs.size() + " runs pairwise");
        }
        Results results = Evaluation.results("stancebench " + Platform.current().stancebenchVersion(), dataset, runs,
                Platform.current().gitCommit(), Comparisons.Options.defaults());
        List<Comparison> comparisons = results.comparisons();
        String defaultName = runs.size() == 1 ? runs.get(0).name().replace('@', '-')
                : "results-" + (cv ? "cv" : split);
        Path target = toStdout ? null : out != null ? out : Path.of(DEFAULT_OUT_DIR, defaultName + ".json");
        if (target != null) {
            OutputPaths.refuseSourceTree(target);
            ResultsIo.write(results, target);
        }
        if (json) {
            spec.commandLine().getOut().print(ResultsIo.toJson(results));
            spec.commandLine().getOut().flush();
        }
        // With JSON on stdout, the summary is for people: stderr.
        PrintWriter stdout = json ? err : spec.commandLine().getOut();
        for (RunResult run : runs) {
            stdout.print(TextSummary.summary(run, dataset.name(), dataset.labels()));
            stdout.println();
        }
        if (!comparisons.isEmpty()) {
            stdout.print(TextSummary.comparisons(comparisons));
            stdout.println();
        }
        if (target != null) {
            stdout.println("results: " + target);
        }
        stdout.flush();
        return 0;
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.indexOf('.');
        String s = dot > 0 ? n.substring(0, dot) : n;
        return s.isEmpty() ? "predictions" : s;
    }
}
