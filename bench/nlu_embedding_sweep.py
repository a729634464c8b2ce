"""Settings of the embedding candidates, chosen on the classifier-alone accuracy of dev5 ... blind10.

As for the n-gram candidates (nlu_model_candidates): each set scored by a model trained only on the sets written
before it (nlu_model_compare.rows_before), today's features; the later sets are not looked at here.

    python bench/nlu_embedding_sweep.py e5 [use static]   # after python bench/nlu_embedders.py e5 [use static]
    python bench/nlu_embedding_sweep.py --more e5          # the variants tried after the first sweep
"""

from __future__ import annotations

import sys
import time

import nlu_embedding_candidates as emb
import nlu_model_candidates as base
import nlu_model_compare as compare

SETS = compare.SCORED[: compare.SCORED.index("blind10") + 1]


def variants(encoder: str) -> dict:
    return {
        "softmax l2 1e-4": lambda rows: emb.DenseSoftmax(rows, encoder),
        "softmax l2 1e-3": lambda rows: emb.DenseSoftmax(rows, encoder, l2=1e-3),
        "softmax l2 1e-5 800 steps": lambda rows: emb.DenseSoftmax(rows, encoder, l2=1e-5, steps=800),
        "knn k5": lambda rows: emb.Knn(rows, encoder, k=5),
        "knn k10": lambda rows: emb.Knn(rows, encoder, k=10),
        "knn k20 sharp 20": lambda rows: emb.Knn(rows, encoder, k=20, sharpness=20.0),
        "ngram+emb weight 0.3": lambda rows: emb.JointSoftmax(rows, encoder, rate=0.2, epochs=3),
        "ngram+emb weight 1": lambda rows: emb.JointSoftmax(rows, encoder, weight=1.0, rate=0.2, epochs=3),
        "bayes/10*softmax": lambda rows: emb.Experts(rows, emb.DenseSoftmax(rows, encoder)),
        "bayes/3*softmax": lambda rows: emb.Experts(rows, emb.DenseSoftmax(rows, encoder), temper=3.0),
        "bayes/10*knn k10": lambda rows: emb.Experts(rows, emb.Knn(rows, encoder)),
    }


def more_variants(encoder: str) -> dict:
    """Tried after the first sweep of e5 (``--more``)."""
    return {
        "bayes/10*softmax l2 1e-5 800": lambda rows: emb.Experts(
            rows, emb.DenseSoftmax(rows, encoder, l2=1e-5, steps=800)),
        "bayes/20*softmax": lambda rows: emb.Experts(rows, emb.DenseSoftmax(rows, encoder), temper=20.0),
        "ngram+emb weight 2": lambda rows: emb.JointSoftmax(rows, encoder, weight=2.0, rate=0.2, epochs=3),
        "bayes/10*(ngram+emb w1)": lambda rows: emb.Experts(
            rows, emb.JointSoftmax(rows, encoder, weight=1.0, rate=0.2, epochs=3)),
    }


def main() -> None:
    data = {s: (compare.rows_before(s, {}), compare.load(s, {})) for s in SETS}
    print(f"classifier alone, right of {sum(len(test) for _, test in data.values())} on {', '.join(SETS)} "
          "(m = medical question/emergency taken for book/reschedule)")
    print(f"{'naive bayes':<28}" + _row(base.NaiveBayes, data))
    more = "--more" in sys.argv
    for encoder in (a for a in sys.argv[1:] if a != "--more"):
        for name, factory in (more_variants if more else variants)(encoder).items():
            print(f"{encoder + ' ' + name:<28}" + _row(factory, data), flush=True)


def _row(factory, data) -> str:
    started, right, medical, cells = time.perf_counter(), 0, 0, []
    for train, test in data.values():
        r, _, m = base.accuracy(factory(train), test)
        right, medical = right + r, medical + m
        cells.append(f"{r:>4}")
    return f"{right:>5} m{medical:<3}" + "".join(cells) + f"   ({time.perf_counter() - started:.0f} s)"


if __name__ == "__main__":
    main()
