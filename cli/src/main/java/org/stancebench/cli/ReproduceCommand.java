package org.stancebench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.stancebench.model.ClassifierRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stancebench reproduce}: one of the experiments module's reproductions, run from the command
 * line. {@code --task seed} (the default) is {@link SeedReproduceRun}, {@code --task tweeteval} is
 * {@link TweetEvalReproduceRun}, {@code --task vast} is {@link VastReproduceRun}, {@code --task isarcasmeval}
 * is {@link ISarcasmEvalReproduceRun}; this class holds the options and hands over.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {
            "Run a whole reproduction. Four tasks:",
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
                    + "40 minutes on 2 cores, the same as 'stancebench bench'. A benchmark that produced no result "
                    + "fails the run (exit 1 after the report, which keeps what did run). report.html sets "
                    + "throughput against macro-F1, with the Pareto front marked.",
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
                    + "DIR/tweeteval.json; DIR defaults to out/reproduce-tweeteval. About half an hour on 2 cores.",
            "--task vast --corpora DIR: reproduce VAST (Allaway and McKeown 2020): topic-conditioned stance, "
                    + "macro-F1 over con, pro and neutral on the official test set, overall and on the zero-shot "
                    + "and few-shot topics (column seen?), with bootstrap intervals, beside the published rows. "
                    + "Inputs are 'topic [SEP] post'; dev (15%%) is carved from the train file, every row of a post "
                    + "on one side. Default classifiers majority, stratified, tfidf-logreg, minilm-zeroshot, "
                    + "minilm-probe; default grids: minilm-zeroshot topicSeparator=' [SEP] ' x embed=text,input "
                    + "(label descriptions 'in favour of {topic}' ...); minilm-probe topicSeparator=' [SEP] ' x "
                    + "topicInput=joint,pair; tfidf-logreg word 1-2-grams (char_ngrams=0, min_df=2, C=1, "
                    + "class_weight=balanced) x sublinear_tf=false,true; the setting with the best dev macro-F1 is scored on test. "
                    + "Writes DIR/vast.md and DIR/vast.json; DIR defaults to out/reproduce-vast. "
                    + "Timing: docs/vast.md.",
            "--task isarcasmeval --corpora DIR [--test FILE]: reproduce iSarcasmEval (SemEval-2022 Task 6, subtask A, "
                    + "English; official metric F1 of the sarcastic class) on the training file "
                    + "DIR/isarcasmeval/train/train.En.csv: stratified 5-fold cross-validation (--folds) with bootstrap "
                    + "intervals, each fit choosing on a stratified dev split carved from its training part (15%%) by "
                    + "F1-sarcastic: class weights and a decision threshold inside the classifier "
                    + "(tune_metric=f1:sarcastic), and --rephrase auto (default: with or without the authors' "
                    + "non-sarcastic rephrases as extra not_sarcastic examples; on, off). With --test FILE (the official "
                    + "test layout: text,sarcastic columns) the model trained on the whole training file scores it. "
                    + "Default classifiers: tfidf-logreg, naive-bayes, fasttext, minilm-probe, textcnn. Writes "
                    + "DIR/isarcasmeval.md (ours beside the published winner, 0.6052, and what dev chose in every fit), "
                    + "DIR/results.json, DIR/report.md and DIR/report.html; DIR defaults to out/reproduce-isarcasmeval. "
                    + "Local engine only."})
final class ReproduceCommand implements Callable<Integer> {
    static final List<String> TASKS = List.of("seed", "tweeteval", "vast", "isarcasmeval");

    @Spec
    CommandSpec spec;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "seed",
            description = "What to reproduce: seed (the seed dataset pipeline), tweeteval (the published "
                    + "TweetEval baselines; needs --corpora), vast (VAST, zero- and few-shot topics; needs --corpora) or "
                    + "isarcasmeval (iSarcasmEval subtask A; needs --corpora).")
    String task;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory. Default: out/reproduce (seed), out/reproduce-tweeteval (tweeteval) or "
                    + "out/reproduce-vast (vast) or out/reproduce-isarcasmeval (isarcasmeval).")
    Path out;

    @Option(names = "--quick", description = "seed: one seed, one cross-validation repeat.")
    boolean quick;

    @Option(names = "--full-bench", description = "seed: the full benchmark run (about 40 minutes on 2 cores) "
            + "instead of the short one.")
    boolean fullBench;

    @Option(names = "--seed", paramLabel = "N", split = ",",
            description = "Training seed(s), comma-separated or repeated. Default: 13,14,15 (13 with --quick) for "
                    + "seed; 13 for tweeteval, where every seed is a separate run and the mean and standard "
                    + "deviation over seeds are reported as well; 13 for isarcasmeval (one seed: folds, dev carves "
                    + "and training).")
    List<Long> seeds;

    @Option(names = "--no-bench", description = "seed: skip the inference benchmarks (the report then says it has "
            + "no benchmark data). Used by the tests and by CI's quality gate.")
    boolean noBench;

    @Option(names = {"--only", "--classifiers"}, paramLabel = "NAME", split = ",",
            description = "Only these registered classifiers (comma-separated). Default: all of them (seed); "
                    + "tfidf-logreg, fasttext, textcnn (tweeteval); majority, stratified, tfidf-logreg, minilm-zeroshot, "
                    + "minilm-probe (vast); tfidf-logreg, naive-bayes, fasttext, minilm-probe, textcnn (isarcasmeval).")
    List<String> only;

    @Option(names = "--corpora", paramLabel = "DIR",
            description = "tweeteval, vast: the folder holding tweeteval/ or vast/ (for example ../shared/corpora), "
                    + "or that folder itself. isarcasmeval: the folder holding isarcasmeval/train/train.En.csv, the "
                    + "isarcasmeval folder, or the CSV file.")
    Path corpora;

    @Option(names = "--test", paramLabel = "FILE",
            description = "isarcasmeval: a file in the official test layout (CSV with columns text,sarcastic) to "
                    + "score with the model trained on the whole training file.")
    Path test;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
            description = "isarcasmeval: cross-validation folds on the training file.")
    int folds;

    @Option(names = "--rephrase", paramLabel = "auto|on|off", defaultValue = "auto",
            description = "isarcasmeval: add each sarcastic training tweet's rephrase as a not_sarcastic example: "
                    + "auto (chosen on dev in every fit), on or off.")
    String rephrase;

    @Option(names = "--tasks", paramLabel = "TASK", split = ",",
            description = "tweeteval: the TweetEval tasks, among stance, irony, emotion. Default: all three.")
    List<String> tweetEvalTasks;

    @Option(names = "--set", paramLabel = "CLASSIFIER:KEY=VALUE",
            description = "tweeteval, vast, isarcasmeval: a fixed setting for one classifier, added to every setting "
                    + "of its grid (tweeteval, vast) or every fit (isarcasmeval) (repeatable).")
    List<String> fixed = new ArrayList<>();

    @Option(names = "--grid", paramLabel = "CLASSIFIER:KEY=V1,V2,...",
            description = "tweeteval, vast: values of one setting to choose from on val / dev (repeatable; every "
                    + "combination is tried); replaces that classifier's default grid.")
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

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() throws Exception {
        if (!TASKS.contains(task)) {
            throw new IllegalArgumentException("--task: unknown task '" + task + "'; known: " + String.join(", ", TASKS));
        }
        if (!task.equals("isarcasmeval")) {
            List<String> misplaced = new ArrayList<>();
            if (test != null) {
                misplaced.add("--test");
            }
            if (folds != 5) {
                misplaced.add("--folds");
            }
            if (!rephrase.equals("auto")) {
                misplaced.add("--rephrase");
            }
            refuse(misplaced, "only with --task isarcasmeval");
        }
        return switch (task) {
            case "tweeteval" -> new TweetEvalReproduceRun(this).call();
            case "vast" -> new VastReproduceRun(this).call();
            case "isarcasmeval" -> new ISarcasmEvalReproduceRun(this).call();
            default -> new SeedReproduceRun(this).call();
        };
    }

    /** The options of the seed task alone that were given, by name (the corpus tasks refuse them). */
    List<String> seedOnlyGiven() {
        List<String> given = new ArrayList<>();
        if (quick) {
            given.add("--quick");
        }
        if (fullBench) {
            given.add("--full-bench");
        }
        if (noBench) {
            given.add("--no-bench");
        }
        if (modelPath != null) {
            given.add("--model-path");
        }
        if (from != null) {
            given.add("--from");
        }
        return given;
    }

    /** The options of the TweetEval task alone that were given, by name. */
    List<String> tweetEvalOnlyGiven() {
        List<String> given = new ArrayList<>();
        if (tweetEvalTasks != null && !tweetEvalTasks.isEmpty()) {
            given.add("--tasks");
        }
        if (pooledStance) {
            given.add("--pooled-stance");
        }
        if (refit) {
            given.add("--refit");
        }
        return given;
    }

    /**
     * The classifiers a corpus task runs: {@code --classifiers} without repeats, or {@code defaults};
     * an unregistered name is refused, naming the known ones.
     */
    List<String> classifiersOr(List<String> defaults) {
        List<String> classifiers = List.copyOf(new LinkedHashSet<>(only != null && !only.isEmpty() ? only : defaults));
        List<String> known = ClassifierRegistry.names();
        for (String name : classifiers) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("--classifiers: unknown classifier '" + name + "'; known: "
                        + String.join(", ", known));
            }
        }
        return classifiers;
    }

    /** The {@code --set CLASSIFIER:KEY=VALUE} settings, per classifier, for {@code classifiers}. */
    Map<String, Map<String, String>> fixedSettings(List<String> classifiers) {
        Map<String, Map<String, String>> fixedSettings = new TreeMap<>();
        TweetEvalReproduceRun.parseSpecs(fixed, "--set", classifiers, false).forEach((name, kv) -> {
            Map<String, String> m = new TreeMap<>();
            kv.forEach((k, v) -> m.put(k, v.get(0)));
            fixedSettings.put(name, m);
        });
        return fixedSettings;
    }

    /** The command line that ran, for the record: {@code stancebench reproduce ...}. */
    List<String> commandLine() {
        // the parse result of a subcommand still holds the whole command line, "reproduce" included
        List<String> command = new ArrayList<>(List.of("stancebench"));
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        if (!original.contains("reproduce")) {
            command.add("reproduce");
        }
        command.addAll(original);
        return command;
    }

    /** Prints where the report files are and how long the run took, and flushes. */
    static void printFiles(PrintWriter stdout, Path dir, List<Path> files, double wallSeconds) {
        stdout.println("Report files (in " + dir + "):");
        for (Path f : files) {
            stdout.println("  " + f);
        }
        stdout.printf(Locale.ROOT, "Finished in %.1f s.%n", wallSeconds);
        stdout.flush();
    }

    /** Refuses options that belong to the other task, naming them. */
    static void refuse(List<String> misplaced, String why) {
        if (!misplaced.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", misplaced) + ": " + why);
        }
    }
}
