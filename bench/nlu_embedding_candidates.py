"""Intent classifiers over a sentence embedding (bench/nlu_embedders.py), with the interface of nlu_model_candidates.

A semantic representation might carry meaning to wording nobody wrote, which the character n-gram models cannot.
Each candidate reads one encoder's vector of the sentence (``e5``: multilingual-e5-small, ``use``: multilingual
Universal Sentence Encoder), centred on the mean of its training rows, plus the question just asked (``expect``,
one-hot) and a bias:

* ``DenseSoftmax``: multinomial logistic regression, full-batch Adam with L2.
* ``Knn``: the k nearest training sentences by cosine, each voting with its similarity.
* ``JointSoftmax``: the n-gram softmax of nlu_model_candidates with the embedding as extra dense features.
* ``Experts``: naive Bayes (tempered) plus one of the above (a product of experts, as ``Blend`` there).

The settings in ``CANDIDATES`` were chosen on the classifier-alone accuracy of dev5 ... blind10 (each trained only
on the sets before), as nlu_model_candidates' were (bench/nlu_embedding_sweep.py): the dense softmax L2 1e-5 and
800 steps alone, 1e-4 and 400 steps in the product (as good, half the time), kNN k = 10, the embedding weighted 1 in
the joint softmax (0.3 and 2 worse), naive Bayes divided by 10 (3 and 20 worse). Result (bench/nlu_embeddings.txt):
none passes the adoption test; ``bayes*e5`` is the best on the sets written after the selection.
"""

from __future__ import annotations

import math
from typing import Callable, Sequence

import numpy as np

import nlu_embedders as embedders
import nlu_model_candidates as base

Row = base.Row


class _Dense(base._Ranked):
    """Rows as [centred embedding * weight, expect one-hot, 1]."""

    def __init__(self, rows: Sequence[Row], encoder: str, weight: float = 1.0):
        self.encoder, self.weight = encoder, weight
        self.labels = sorted({intent for _, _, intent in rows})
        self.expects = sorted({expect for _, expect, _ in rows if expect})
        raw = np.stack([embedders.embed(encoder, text) for text, _, _ in rows])
        self.mean = raw.mean(axis=0)
        self.spread = float(np.sqrt(((raw - self.mean) ** 2).sum(axis=1).mean()))
        self.x = np.stack([self.dense(text, expect) for text, expect, _ in rows])
        index = {label: k for k, label in enumerate(self.labels)}
        self.y = np.array([index[intent] for _, _, intent in rows])

    def dense(self, text: str, expect: str | None) -> np.ndarray:
        vector = (embedders.embed(self.encoder, text) - self.mean) / self.spread * self.weight
        asked = np.array([expect == e for e in self.expects], dtype=np.float32)
        return np.concatenate([vector, asked, [1.0]]).astype(np.float32)


class DenseSoftmax(_Dense):
    def __init__(self, rows: Sequence[Row], encoder: str, l2: float = 1e-4, steps: int = 400, rate: float = 0.05,
                 weight: float = 1.0, scale: float = 1.0):
        super().__init__(rows, encoder, weight)
        self.scale = scale
        x, n = self.x, len(self.x)
        onehot = np.eye(len(self.labels), dtype=np.float32)[self.y]
        w = np.zeros((x.shape[1], len(self.labels)), dtype=np.float32)
        m, v = np.zeros_like(w), np.zeros_like(w)
        for t in range(1, steps + 1):  # Adam, full batch
            z = x @ w
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            grad = x.T @ (p - onehot) / n + l2 * w
            m = 0.9 * m + 0.1 * grad
            v = 0.999 * v + 0.001 * grad * grad
            w -= rate * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        self.w = w

    def raw(self, text: str, expect: str | None) -> np.ndarray:
        z = self.dense(text, expect) @ self.w
        z -= z.max()
        return z - math.log(float(np.exp(z).sum()))


class Knn(_Dense):
    def __init__(self, rows: Sequence[Row], encoder: str, k: int = 10, sharpness: float = 10.0,
                 scale: float = 1.0):
        super().__init__(rows, encoder)
        self.k, self.sharpness, self.scale = k, sharpness, scale
        d = len(self.mean)
        self.unit = self.x[:, :d] / np.linalg.norm(self.x[:, :d], axis=1, keepdims=True)
        self.asked = self.x[:, d:-1]

    def raw(self, text: str, expect: str | None) -> np.ndarray:
        row = self.dense(text, expect)
        d = len(self.mean)
        query = row[:d] / np.linalg.norm(row[:d])
        similarity = self.unit @ query + 0.1 * (self.asked @ row[d:-1])  # the same question asked counts a little
        near = np.argpartition(-similarity, self.k)[: self.k]
        votes = np.full(len(self.labels), 1e-3)
        np.add.at(votes, self.y[near], np.exp(self.sharpness * (similarity[near] - similarity[near].max())))
        return np.log(votes / votes.sum())


class JointSoftmax(base.Softmax):
    """The n-gram softmax with the sentence's centred embedding appended as dense features."""

    def __init__(self, rows: Sequence[Row], encoder: str, weight: float = 0.3, **kwargs):
        self.encoder, self.weight, self.dense_from = encoder, weight, None
        raw = np.stack([embedders.embed(encoder, text) for text, _, _ in rows])
        self.mean = raw.mean(axis=0)
        self.spread = float(np.sqrt(((raw - self.mean) ** 2).sum(axis=1).mean()))
        super().__init__(rows, **kwargs)

    def vector(self, text: str, expect: str | None) -> tuple[np.ndarray, np.ndarray]:
        cols, vals = super().vector(text, expect)
        if self.dense_from is None:  # the first call comes once the n-gram vocabulary is complete
            self.dense_from = len(self.vocab)
            for j in range(len(self.mean)):
                self.vocab[f"<{self.encoder}:{j}>"] = self.dense_from + j
        dense = (embedders.embed(self.encoder, text) - self.mean) / self.spread * self.weight
        return (np.concatenate([cols, self.dense_from + np.arange(len(dense))]),
                np.concatenate([vals, dense.astype(np.float64)]))


class Experts(base._Ranked):
    """Naive Bayes's log-probabilities divided by ``temper`` plus another model's (a product of experts)."""

    def __init__(self, rows: Sequence[Row], other: base._Ranked, temper: float = 10.0, scale: float = 1.0):
        self.bayes, self.other = base.NaiveBayes(rows), other
        self.labels, self.temper, self.scale = other.labels, temper, scale

    def raw(self, text: str, expect: str | None) -> np.ndarray:
        bayes = dict((i, s) for s, i in self.bayes.scores(text, expect))
        return np.array([bayes[label] for label in self.labels]) / self.temper + self.other.raw(text, expect)


def _settings(encoder: str) -> dict[str, Callable[[Sequence[Row]], base._Ranked]]:
    return {
        f"{encoder}_softmax": lambda rows: DenseSoftmax(rows, encoder, l2=1e-5, steps=800),
        f"{encoder}_knn": lambda rows: Knn(rows, encoder),
        f"ngram+{encoder}": lambda rows: JointSoftmax(rows, encoder, weight=1.0, rate=0.2, epochs=3),
        f"bayes*{encoder}": lambda rows: Experts(rows, DenseSoftmax(rows, encoder)),
    }


CANDIDATES: dict[str, Callable[[Sequence[Row]], base._Ranked]] = {
    name: factory for encoder in ("e5", "use", "static") for name, factory in _settings(encoder).items()
}
