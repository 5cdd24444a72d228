#!/usr/bin/python3
"""Reference values for the eval module's unit tests, computed independently of the Java code.

Run with Debian's python3 and its python3-sklearn / python3-scipy packages:
    /usr/bin/python3 eval/src/test/python/reference_values.py
The numbers it prints are pasted into MetricsTest, StatsTest and ComparisonsTest, each labelled.
"""
import itertools
import numpy as np
import scipy
import scipy.stats as st
import sklearn
from sklearn import metrics as skm

print("scikit-learn", sklearn.__version__, "scipy", scipy.__version__, "numpy", np.__version__)

# A fixed 4-class case with probabilities (seeded numpy, written out literally in the Java test).
rng = np.random.default_rng(7)
n, k = 30, 4
gold = rng.integers(0, k, n)
probs = rng.dirichlet(np.ones(k) * 0.7, n)
# Make the classifier informative: boost the gold class for two thirds of the examples.
for i in range(n):
    if i % 3 != 0:
        probs[i, gold[i]] += 0.6
probs = probs / probs.sum(axis=1, keepdims=True)
probs = np.round(probs, 4)
probs[:, -1] = 1 - probs[:, :-1].sum(axis=1)
pred = probs.argmax(axis=1)
print("gold =", gold.tolist())
print("probs =", [[float("%.4f" % x) for x in row] for row in probs])
print("pred =", pred.tolist())
labels = list(range(k))
print("accuracy_score", repr(skm.accuracy_score(gold, pred)))
print("f1_score macro", repr(skm.f1_score(gold, pred, average="macro", zero_division=0)))
print("f1_score weighted", repr(skm.f1_score(gold, pred, average="weighted", zero_division=0)))
print("cohen_kappa_score", repr(skm.cohen_kappa_score(gold, pred)))
print("log_loss", repr(skm.log_loss(gold, probs, labels=labels)))
p, r, f, s = skm.precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
print("precision", p.tolist()); print("recall", r.tolist()); print("f1", f.tolist()); print("support", s.tolist())
onehot = np.eye(k)[gold]
print("brier (numpy, sum over classes, mean over examples)", repr(float(((probs - onehot) ** 2).sum(axis=1).mean())))
conf = probs.max(axis=1)
correct = (pred == gold)
bins = np.linspace(0, 1, 16)
ece = 0.0
for b in range(15):
    lo, hi = bins[b], bins[b + 1]
    m = (conf > lo) & (conf <= hi) if b > 0 else (conf >= lo) & (conf <= hi)
    if m.sum():
        ece += m.sum() / n * abs(correct[m].mean() - conf[m].mean())
print("ece (numpy, 15 bins (lo, hi])", repr(float(ece)))
print("confusion_matrix", skm.confusion_matrix(gold, pred, labels=labels).tolist())

# Hand case, checked with scikit-learn too.
hg = [0, 0, 0, 0, 1, 1, 2, 2, 2]
hp = [0, 0, 0, 1, 0, 1, 1, 2, 2]
print("hand macro", repr(skm.f1_score(hg, hp, average="macro")), "weighted", repr(skm.f1_score(hg, hp, average="weighted")),
      "kappa", repr(skm.cohen_kappa_score(hg, hp)))
# A label never predicted and one never in gold (zero_division=0).
zg = [0, 0, 1, 1]
zp = [0, 0, 0, 2]
print("zero-division macro", repr(skm.f1_score(zg, zp, average="macro", zero_division=0)),
      "precision", skm.precision_score(zg, zp, average=None, labels=[0, 1, 2], zero_division=0).tolist(),
      "recall", skm.recall_score(zg, zp, average=None, labels=[0, 1, 2], zero_division=0).tolist())

# McNemar exact = two-sided binomial test on the discordant pairs.
for b, c in [(3, 11), (5, 5), (0, 7), (20, 35), (1, 0)]:
    print("binomtest", b, c, repr(st.binomtest(min(b, c), b + c, 0.5).pvalue))

# Corrected resampled t-test (Nadeau & Bengio 2003) on fixed differences.
d = np.array([0.05, 0.02, 0.08, -0.01, 0.04, 0.06, 0.03, 0.00, 0.07, 0.05])
J = len(d); n_train, n_test = 90, 10
var = d.var(ddof=1)
t = d.mean() / np.sqrt((1 / J + n_test / n_train) * var)
print("corrected t", repr(float(t)), "p", repr(float(2 * st.t.sf(abs(t), J - 1))))

# Exact randomization test p-value for accuracy differences on a tiny case, by enumeration.
eg = np.array([0, 1, 2, 0, 1, 2, 0, 1])
ea = np.array([0, 1, 2, 0, 1, 0, 0, 2])
eb = np.array([0, 2, 1, 0, 0, 2, 1, 1])
def macro(p):
    return skm.f1_score(eg, p, average="macro", zero_division=0)
obs = abs(macro(ea) - macro(eb))
count = 0
for swaps in itertools.product([0, 1], repeat=len(eg)):
    s = np.array(swaps, dtype=bool)
    x = np.where(s, eb, ea); y = np.where(s, ea, eb)
    if abs(macro(x) - macro(y)) >= obs - 1e-12:
        count += 1
print("exact randomization macro-F1 p", repr(count / 2 ** len(eg)), "observed diff", repr(macro(ea) - macro(eb)))

# numpy.percentile default (linear, R type 7).
v = np.array([0.3, 0.1, 0.7, 0.5, 0.9, 0.2])
print("percentile 2.5", repr(np.percentile(v, 2.5)), "97.5", repr(np.percentile(v, 97.5)))
