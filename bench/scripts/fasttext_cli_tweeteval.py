#!/usr/bin/env python3
"""The fastText 0.9.2 command line on TweetEval stance, irony and emotion, tuned on val.

For each seed, every configuration of the grid is trained on train (one model per stance target),
the one with the best official metric on val is chosen, and its official test score is reported;
then the mean and sample standard deviation over seeds. Test never chooses. Standard library only.

  python3 bench/scripts/fasttext_cli_tweeteval.py --corpora ../shared/corpora [--seeds 1,2,3,4,5]

Text: lower-cased, the TweetEval line as is (fastText splits on whitespace). Threads: 1 (fastText's
own advice for reproducible results).
"""
import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile

GRID = {  # 24 configurations
    "lr": ["0.1", "0.5", "1.0"],
    "epoch": ["5", "25"],
    "wordNgrams": ["1", "2"],
    "chars": ["off", "3-6"],
}
TARGETS = ["abortion", "atheism", "climate", "feminist", "hillary"]


def read(folder, split):
    with open(os.path.join(folder, split + "_text.txt"), encoding="utf-8") as f:
        texts = [line.rstrip("\n").strip() for line in f]
    with open(os.path.join(folder, split + "_labels.txt"), encoding="utf-8") as f:
        labels = [line.strip() for line in f if line.strip()]
    return texts[:len(labels)], labels


def f1(gold, pred, c):
    tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
    fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
    fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
    return 0.0 if 2 * tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


def official(task, gold, pred):
    if task == "stance":  # mapping: 0 none, 1 against, 2 favor
        return (f1(gold, pred, "1") + f1(gold, pred, "2")) / 2
    if task == "irony":  # 1 irony
        return f1(gold, pred, "1")
    return sum(f1(gold, pred, c) for c in sorted(set(gold))) / len(set(gold))  # macro-F1


def train_predict(work, train, evals, config, seed):
    path = os.path.join(work, "train.txt")
    with open(path, "w", encoding="utf-8") as f:
        for t, y in zip(*train):
            f.write("__label__" + y + " " + t.lower() + "\n")
    model = os.path.join(work, "model")
    args = ["fasttext", "supervised", "-input", path, "-output", model, "-dim", "100", "-lr", config["lr"],
            "-epoch", config["epoch"], "-wordNgrams", config["wordNgrams"], "-bucket", "262144", "-thread", "1",
            "-seed", str(seed), "-verbose", "0"]
    if config["chars"] != "off":
        lo, hi = config["chars"].split("-")
        args += ["-minn", lo, "-maxn", hi]
    else:
        args += ["-minn", "0", "-maxn", "0"]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    out = []
    for texts in evals:
        inp = os.path.join(work, "eval.txt")
        with open(inp, "w", encoding="utf-8") as f:
            for t in texts:
                f.write(t.lower() + "\n")
        res = subprocess.run(["fasttext", "predict", model + ".bin", inp], check=True, capture_output=True, text=True)
        out.append([line.strip().replace("__label__", "") for line in res.stdout.splitlines()])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", required=True)
    ap.add_argument("--seeds", default="1,2,3,4,5")
    ap.add_argument("--tasks", default="stance,irony,emotion")
    a = ap.parse_args()
    root = os.path.join(a.corpora, "tweeteval") if os.path.isdir(os.path.join(a.corpora, "tweeteval")) else a.corpora
    seeds = [int(s) for s in a.seeds.split(",")]
    configs = [dict(zip(GRID, v)) for v in itertools.product(*GRID.values())]
    with tempfile.TemporaryDirectory() as work:
        for task in a.tasks.split(","):
            folders = [os.path.join(root, "stance", t) for t in TARGETS] if task == "stance" else [os.path.join(root, task)]
            data = [{s: read(f, s) for s in ("train", "val", "test")} for f in folders]
            chosen_tests = []
            for seed in seeds:
                best = None
                for config in configs:
                    vg, vp, tg, tp = [], [], [], []
                    for d in data:
                        pv, pt = train_predict(work, d["train"], [d["val"][0], d["test"][0]], config, seed)
                        vg += d["val"][1]; vp += pv; tg += d["test"][1]; tp += pt
                    v, t = 100 * official(task, vg, vp), 100 * official(task, tg, tp)
                    print(f"{task} seed {seed} {config}: val {v:.1f} test {t:.1f}", file=sys.stderr, flush=True)
                    if best is None or v > best[0]:
                        best = (v, t, config)
                print(f"{task} seed {seed}: chosen {best[2]} val {best[0]:.1f} test {best[1]:.1f}", flush=True)
                chosen_tests.append(best[1])
            sd = statistics.stdev(chosen_tests) if len(chosen_tests) > 1 else 0.0
            print(f"{task}: test of the val-chosen configuration over {len(seeds)} seeds: mean "
                  f"{statistics.mean(chosen_tests):.1f}, sd {sd:.1f}, min {min(chosen_tests):.1f}, "
                  f"max {max(chosen_tests):.1f}", flush=True)


if __name__ == "__main__":
    main()
