"""Candidate intent classifiers compared by bench/nlu_model_compare.py, with the interface the blend uses.

Every candidate reads the same features as the shipped model (``appliance.language.statistical.features``, loaded
from this checkout by path so that an older snapshot of the rules can be measured with today's features) and offers
``scores(text, expect) -> [(score, intent), ...]`` best first and ``best(text, expect, exclude)``. ``scale``
multiplies every score: the blend's thresholds are log-probability leads of naive Bayes, and a softmax's or a
perceptron's leads are on another scale.

* ``NaiveBayes``: today's model (``statistical.IntentModel``) unchanged.
* ``Softmax``: multinomial logistic regression, L2, AdaGrad SGD over a fixed shuffle per epoch.
* ``Perceptron``: averaged multiclass perceptron, a fixed shuffle per epoch.
* ``ComplementNB``: complement naive Bayes (each class scored by how unlike the other classes the sentence is).
* ``Blend``: naive Bayes (tempered) and the softmax together, a product of experts.

The settings in ``CANDIDATES`` were chosen on the classifier-alone accuracy of dev5 ... blind10 (trained each time
only on the sets before): softmax AdaGrad rate 0.2 for 3 epochs (0.5 and 5 or 10 epochs, raw counts, unit-length
rows or L2 1e-3 were worse), perceptron 10 epochs of log counts, complement NB smoothing 0.3, naive Bayes divided
by 10 in the blend (3 and 30 were worse).
"""

from __future__ import annotations

import ast
import importlib.util
import math
import sys
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def _today_helpers() -> None:
    """Today's language modules that ``statistical`` imports, when the ``appliance`` on the path (an older snapshot of
    the rules, for a first run) predates them: loaded from this checkout under their own names. Read from
    ``statistical``'s own imports, so a helper it gains is never missed."""
    tree = ast.parse((ROOT / "appliance" / "language" / "statistical.py").read_text(encoding="utf-8"))
    imported = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module]
    for qualified in imported:
        if not qualified.startswith("appliance.language.") or importlib.util.find_spec(qualified) is not None:
            continue
        helper = qualified.rsplit(".", 1)[1]
        spec = importlib.util.spec_from_file_location(qualified, ROOT / "appliance" / "language" / f"{helper}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[qualified] = module
        spec.loader.exec_module(module)


def _current_statistical():
    """Today's ``statistical`` module of this checkout, whatever ``appliance`` package is on the path."""
    name = "_current_statistical"
    if name not in sys.modules:
        _today_helpers()
        spec = importlib.util.spec_from_file_location(name, ROOT / "appliance" / "language" / "statistical.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


STAT = _current_statistical()
Row = tuple[str, "str | None", str]


def extra_features(text: str, expect: str | None = None) -> list[str]:
    """Today's features plus character 5-grams and the question asked crossed with the sentence's last two
    characters (the same ending answers "which day?" and "shall I book?" differently)."""
    feats = STAT.features(text, expect)
    compact = STAT._PUNCT.sub("", text).lower()
    feats += [compact[i : i + 5] for i in range(len(compact) - 4)]
    if expect:
        feats.append(f"x:{expect}${compact[-2:]}")
    return feats


class _Ranked:
    scale = 1.0
    labels: list[str]

    def raw(self, text: str, expect: str | None) -> np.ndarray:
        raise NotImplementedError

    def scores(self, text: str, expect: str | None = None) -> list[tuple[float, str]]:
        values = self.raw(text, expect) * self.scale
        return sorted(((float(v), label) for v, label in zip(values, self.labels)), reverse=True)

    def best(self, text: str, expect: str | None = None, exclude: Sequence[str] = ()) -> tuple[str, float]:
        ranked = [(s, i) for s, i in self.scores(text, expect) if i not in exclude]
        if len(ranked) == 1:
            return ranked[0][1], math.inf
        return ranked[0][1], ranked[0][0] - ranked[1][0]


class NaiveBayes(_Ranked):
    def __init__(self, rows: Sequence[Row], scale: float = 1.0):
        self.model = STAT.IntentModel(rows)
        self.labels = sorted(self.model.prior)
        self.scale = scale

    def scores(self, text: str, expect: str | None = None) -> list[tuple[float, str]]:
        return [(s * self.scale, i) for s, i in self.model.scores(text, expect)]


class _Sparse(_Ranked):
    """Rows as sparse count vectors over the training vocabulary (plus a bias feature present in every row)."""

    def __init__(self, rows: Sequence[Row], featurize: Callable[..., list[str]], log_counts: bool,
                 unit: bool = False):
        self.featurize, self.log_counts, self.unit = featurize, log_counts, unit
        self.labels = sorted({intent for _, _, intent in rows})
        self.vocab: dict[str, int] = {"<bias>": 0}
        for text, expect, _ in rows:
            for f in featurize(text, expect):
                self.vocab.setdefault(f, len(self.vocab))
        cols, vals, indptr = [], [], [0]
        for text, expect, _ in rows:
            c, v = self.vector(text, expect)
            cols.append(c)
            vals.append(v)
            indptr.append(indptr[-1] + len(c))
        self.cols, self.vals = np.concatenate(cols), np.concatenate(vals)
        self.indptr = np.array(indptr)
        self.row_of = np.repeat(np.arange(len(rows)), np.diff(self.indptr))
        index = {label: k for k, label in enumerate(self.labels)}
        self.y = np.array([index[intent] for _, _, intent in rows])

    def vector(self, text: str, expect: str | None) -> tuple[np.ndarray, np.ndarray]:
        counts: dict[int, float] = {0: 1.0}
        for f in self.featurize(text, expect):
            k = self.vocab.get(f)
            if k is not None:
                counts[k] = counts.get(k, 0.0) + 1.0
        cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
        vals = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        vals = np.log1p(vals) if self.log_counts else vals
        return cols, (vals / np.sqrt(vals @ vals) if self.unit else vals)


class Softmax(_Sparse):
    def __init__(self, rows: Sequence[Row], featurize: Callable[..., list[str]] = STAT.features, l2: float = 1e-4,
                 epochs: int = 5, rate: float = 0.5, log_counts: bool = True, unit: bool = False,
                 scale: float = 1.0):
        super().__init__(rows, featurize, log_counts, unit)
        self.scale = scale
        w = np.zeros((len(self.vocab), len(self.labels)))
        squares = np.full_like(w, 1e-8)  # AdaGrad: each weight's own step size
        onehot = np.eye(len(self.labels))
        rng = np.random.default_rng(0)
        for _ in range(epochs):
            for i in rng.permutation(len(rows)):
                a, b = self.indptr[i], self.indptr[i + 1]
                cols, vals = self.cols[a:b], self.vals[a:b]
                rows_w = w[cols]
                z = vals @ rows_w
                p = np.exp(z - z.max())
                p /= p.sum()
                grad = np.outer(vals, p - onehot[self.y[i]]) + l2 * rows_w
                squares[cols] += grad * grad
                w[cols] = rows_w - rate * grad / np.sqrt(squares[cols])
        self.w = w

    def raw(self, text: str, expect: str | None) -> np.ndarray:
        cols, vals = self.vector(text, expect)
        z = vals @ self.w[cols]
        z -= z.max()
        return z - math.log(float(np.exp(z).sum()))


class Perceptron(_Sparse):
    def __init__(self, rows: Sequence[Row], featurize: Callable[..., list[str]] = STAT.features, epochs: int = 10,
                 log_counts: bool = True, unit: bool = False, scale: float = 1.0):
        super().__init__(rows, featurize, log_counts, unit)
        self.scale = scale
        w = np.zeros((len(self.vocab), len(self.labels)))
        total = np.zeros_like(w)  # sum of the updates, each weighted by its time, for the average
        rng, clock = np.random.default_rng(0), 1
        for _ in range(epochs):
            for i in rng.permutation(len(rows)):
                a, b = self.indptr[i], self.indptr[i + 1]
                cols, vals = self.cols[a:b], self.vals[a:b]
                guess, gold = int(np.argmax(vals @ w[cols])), self.y[i]
                if guess != gold:
                    w[cols, gold] += vals
                    w[cols, guess] -= vals
                    total[cols, gold] += clock * vals
                    total[cols, guess] -= clock * vals
                clock += 1
        self.w = w - total / clock

    def raw(self, text: str, expect: str | None) -> np.ndarray:
        cols, vals = self.vector(text, expect)
        return vals @ self.w[cols]


class ComplementNB(_Sparse):
    def __init__(self, rows: Sequence[Row], featurize: Callable[..., list[str]] = STAT.features,
                 smoothing: float = 0.1, normalize: bool = False, scale: float = 1.0):
        super().__init__(rows, featurize, log_counts=False)
        self.scale = scale
        counts = np.zeros((len(self.vocab), len(self.labels)))
        np.add.at(counts, (self.cols, self.y[self.row_of]), self.vals)
        counts[0] = 0.0  # the bias feature carries nothing here
        complement = counts.sum(axis=1, keepdims=True) - counts
        self.theta = np.log((complement + smoothing) / (complement.sum(axis=0) + smoothing * len(self.vocab)))
        self.theta[0] = 0.0
        if normalize:  # each class's weights summing to one in size (Rennie et al.'s weight normalisation)
            self.theta /= np.abs(self.theta).sum(axis=0)

    def raw(self, text: str, expect: str | None) -> np.ndarray:
        cols, vals = self.vector(text, expect)
        return -(vals @ self.theta[cols])


class Blend(_Ranked):
    """Naive Bayes's log-probabilities divided by ``temper`` plus a softmax's (a product of experts)."""

    def __init__(self, rows: Sequence[Row], temper: float = 10.0, scale: float = 1.0):
        self.bayes, self.softmax = NaiveBayes(rows), Softmax(rows, rate=0.2, epochs=3)
        self.labels, self.temper, self.scale = self.softmax.labels, temper, scale

    def raw(self, text: str, expect: str | None) -> np.ndarray:
        bayes = dict((i, s) for s, i in self.bayes.scores(text, expect))
        return np.array([bayes[label] for label in self.labels]) / self.temper + self.softmax.raw(text, expect)


CANDIDATES: dict[str, Callable[[Sequence[Row]], _Ranked]] = {
    "naive_bayes": NaiveBayes,
    "softmax": lambda rows: Softmax(rows, rate=0.2, epochs=3),
    "softmax+": lambda rows: Softmax(rows, featurize=extra_features, rate=0.2, epochs=3),
    "perceptron": Perceptron,
    "complement_nb": lambda rows: ComplementNB(rows, smoothing=0.3),
    "bayes*softmax": Blend,
}


def accuracy(model: _Ranked, rows: Iterable[dict]) -> tuple[int, int, int]:
    """``(right, total, medical or emergency taken for book/reschedule)`` of the classifier alone."""
    right = total = medical = 0
    for row in rows:
        guess = model.scores(row["text"], row.get("expect"))[0][1]
        right += guess == row["intent"]
        total += 1
        medical += row["intent"] in ("medical_question", "emergency") and guess in ("book", "reschedule")
    return right, total, medical
