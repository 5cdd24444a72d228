#!/usr/bin/env python3
"""Peers outside the JVM, measured on the texts a `stancebench bench` run prepared.

Writes {"schemaVersion": 1, "peers": [rows], "notes": [...]} with rows in the bench summary's row
format (docs/bench-summary.md): score is the mean over repeated runs and error the half-width of its
99.9% Student-t confidence interval, as JMH reports its own scores. Missing tools are skipped with a
note. Standard library only, apart from scikit-learn when it is installed.
"""
import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

# Two-sided 99.9% Student t quantiles (0.9995) by degrees of freedom, from scipy.stats.t.ppf.
T_9995 = {1: 636.619, 2: 31.599, 3: 12.924, 4: 8.610, 5: 6.869, 6: 5.959, 7: 5.408, 8: 5.041, 9: 4.781}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def row(classifier, benchmark, batch, values, unit="texts/s"):
    """A summary row from repeated measurements."""
    n = len(values)
    mean = statistics.fmean(values)
    error = 0.0
    if n > 1:
        error = T_9995.get(n - 1, 3.291) * statistics.stdev(values) / math.sqrt(n)
    log(f"  {classifier} {benchmark} batch={batch}: mean {mean:.1f} median {statistics.median(values):.1f} "
        f"± {error:.1f} {unit} over {n} runs")
    return {"classifier": classifier, "benchmark": benchmark, "batchSize": batch, "threads": 1,
            "score": mean, "error": error, "unit": unit}


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def read_train(path):
    labels, texts = [], []
    for line in read_lines(path):
        label, _, text = line.partition("\t")
        labels.append(label)
        texts.append(text)
    return labels, texts


def sklearn_peer(train, texts, runs, notes):
    try:
        import sklearn
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline, make_union
    except ImportError:
        notes.append("scikit-learn missing (Debian package python3-sklearn): its peer skipped")
        log("scikit-learn is missing (apt-get install python3-sklearn): skipped")
        return []
    labels, train_texts = train
    # The same feature families as tfidf-logreg: word 1-2-grams and char_wb 2-5-grams, TF-IDF each.
    model = make_pipeline(
        make_union(TfidfVectorizer(analyzer="word", ngram_range=(1, 2)),
                   TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5))),
        LogisticRegression(max_iter=1000))
    model.fit(train_texts, labels)
    name = "sklearn:tfidf-logreg"
    log(f"scikit-learn {sklearn.__version__}: {name}, {len(texts)} texts, {runs} runs")
    notes.append(f"{name}: scikit-learn {sklearn.__version__}, TfidfVectorizer word (1,2) + char_wb (2,5), "
                 f"LogisticRegression(max_iter=1000), trained on train.tsv; single thread")
    model.predict_proba(texts[:50])  # warm-up
    single = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for t in texts:
            model.predict_proba([t])
        single.append(len(texts) / (time.perf_counter() - t0))
    batch = []
    for _ in range(runs):
        calls = 0
        t0 = time.perf_counter()
        while True:
            model.predict_proba(texts)
            calls += 1
            elapsed = time.perf_counter() - t0
            if elapsed >= 1.0:
                break
        batch.append(calls * len(texts) / elapsed)
    return [row(name, "throughput", 1, single), row(name, "throughput", len(texts), batch)]


def fasttext_configs(settings_file, quick):
    """Unigram and (full runs) bigram dim-100 configurations, plus ours when the run saved fastText settings."""
    configs = [("dim100-ngram1", {"dim": "100", "wordNgrams": "1"})]
    if not quick:
        configs.append(("dim100-ngram2", {"dim": "100", "wordNgrams": "2"}))
    try:
        with open(settings_file, encoding="utf-8") as f:
            ours = json.load(f).get("fasttext")
    except (OSError, ValueError):
        ours = None
    if ours:
        def pick(*keys):
            for k in keys:
                if k in ours:
                    return str(ours[k])
            return None
        cfg = {"dim": pick("dim", "dimension", "embedding-dim"),
               "wordNgrams": pick("wordNgrams", "word-ngrams", "ngrams", "wordngrams"),
               "bucket": pick("bucket", "buckets"),
               "epoch": pick("epoch", "epochs"),
               "lr": pick("lr", "learning-rate"),
               "minCount": pick("minCount", "min-count"),
               "minn": pick("minn"), "maxn": pick("maxn")}
        cfg = {k: v for k, v in cfg.items() if v is not None}
        if cfg:
            configs.append(("ours", cfg))
    return configs


def fasttext_peer(binary, train, lines_file, runs, notes, tmp, quick):
    if not binary:
        notes.append("fastText command line missing (Debian package fasttext): its peer skipped")
        log("fasttext is missing (apt-get install fasttext): skipped")
        return []
    labels, texts = train
    train_file = os.path.join(tmp, "train.ft")
    with open(train_file, "w", encoding="utf-8") as f:
        for label, text in zip(labels, texts):
            f.write(f"__label__{label} {text}\n")
    with open(lines_file, encoding="utf-8") as f:
        n_lines = sum(1 for _ in f)
    rows = []
    for tag, cfg in fasttext_configs(os.path.join(os.path.dirname(lines_file), "settings.json"), quick):
        name = f"fasttext-cli:{tag}"
        args = [binary, "supervised", "-input", train_file, "-output", os.path.join(tmp, tag), "-thread", "1",
                "-seed", "42", "-verbose", "0"]
        for k, v in cfg.items():
            args += [f"-{k}", v]
        train_times = []
        for _ in range(1 if quick else runs):
            t0 = time.perf_counter()
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
            train_times.append(time.perf_counter() - t0)
        model = os.path.join(tmp, tag + ".bin")
        predict = []
        with open(os.devnull, "wb") as devnull:
            subprocess.run([binary, "predict-prob", model, lines_file], check=True, stdout=devnull)  # warm cache
            for _ in range(runs):
                t0 = time.perf_counter()
                subprocess.run([binary, "predict-prob", model, lines_file], check=True, stdout=devnull)
                predict.append(n_lines / (time.perf_counter() - t0))
        notes.append(f"{name}: fasttext supervised {' '.join(f'-{k} {v}' for k, v in cfg.items())} -thread 1, "
                     f"predict-prob over {n_lines} lines, load included")
        rows.append(row(name, "load-and-predict-file", n_lines, predict))
        rows.append(row(name, "train", 1, train_times, unit="s"))
    return rows


MATMUL = r"""
import os, time
import numpy as np
n = 2048
rng = np.random.default_rng(42)
a = rng.standard_normal((n, n), dtype=np.float32)
b = rng.standard_normal((n, n), dtype=np.float32)
a @ b
rates = []
for _ in range(int(os.environ["RUNS"])):
    t0 = time.perf_counter()
    a @ b
    rates.append(2 * n ** 3 / (time.perf_counter() - t0) / 1e9)
print(" ".join(map(str, rates)))
# Which OpenBLAS kernel ran (it picks one from the CPU unless OPENBLAS_CORETYPE forces one).
import ctypes, glob
core = "unknown"
for lib in glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "*openblas*")):
    try:
        handle = ctypes.CDLL(lib)
    except OSError:
        continue
    for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename64_",
                 "openblas_get_corename"):
        f = getattr(handle, name, None)
        if f is not None:
            f.restype = ctypes.c_char_p
            core = f().decode()
            break
print(core)
"""


def matmul_peer(python, runs, notes):
    """The machine's float32 matrix-multiply rate (NumPy's BLAS, 2048x2048, all cores): the ceiling
    the MiniLM encoder's achieved GFLOP/s is compared with."""
    cores = str(os.cpu_count() or 1)
    env = dict(os.environ, RUNS=str(max(5, runs)), OMP_NUM_THREADS=cores, OPENBLAS_NUM_THREADS=cores,
               MKL_NUM_THREADS=cores)
    # A ceiling is the machine's, not a setting's: an inherited OPENBLAS_CORETYPE (Haswell on some of
    # these machines) would make OpenBLAS run an older kernel than the CPU offers.
    forced = env.pop("OPENBLAS_CORETYPE", None)
    try:
        done = subprocess.run([python, "-c", MATMUL], env=env, check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as e:
        notes.append("NumPy missing or failing: matrix-multiply rate not measured")
        log(f"matmul failed: {e.stderr.strip().splitlines()[-1] if e.stderr.strip() else e}")
        return []
    lines = done.stdout.strip().splitlines()
    core = lines[-1] if len(lines) > 1 else "unknown"
    notes.append(f"numpy:sgemm-2048: float32 2048x2048 matrix product through NumPy's BLAS on {cores} threads, "
                 f"OpenBLAS kernel {core}"
                 + (f" (OPENBLAS_CORETYPE={forced} in the environment was unset for this run)" if forced else ""))
    r = row("numpy:sgemm-2048", "gflops", 1, [float(x) for x in lines[0].split()], unit="GFLOP/s")
    r["threads"] = int(cores)
    return [r]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--mode", default="full", choices=["quick", "full"])
    ap.add_argument("--fasttext", default="")
    a = ap.parse_args()
    runs = 3 if a.mode == "quick" else 5
    train = read_train(os.path.join(a.work, "train.tsv"))
    texts = read_lines(os.path.join(a.work, "texts.txt"))
    notes, peers = [], []
    with tempfile.TemporaryDirectory(dir=a.work) as tmp:
        for fn in (lambda: matmul_peer(sys.executable, runs, notes),
                   lambda: sklearn_peer(train, texts, runs, notes),
                   lambda: fasttext_peer(a.fasttext, train, os.path.join(a.work, "lines.txt"), runs, notes, tmp,
                                             a.mode == "quick")):
            try:
                peers += fn()
            except Exception as e:  # one failing peer must not lose the others' figures
                notes.append(f"peer failed: {type(e).__name__}: {e}")
                log(f"peer failed: {e}")
    tmp_out = a.out + ".tmp"
    with open(tmp_out, "w", encoding="utf-8") as f:
        json.dump({"schemaVersion": 1, "peers": peers, "notes": notes}, f, indent=2)
    os.replace(tmp_out, a.out)


if __name__ == "__main__":
    main()
