"""bench/opt_out_check.py's first runs: the same sets scored however ``nlu_arbiter``'s cache came to be (a cache
recorded with later sets showed them too), every joined set and no fresh one is scored, and a cached run of a set
that has changed since is recorded again rather than scored."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("opt_out_check_bench", BENCH / "opt_out_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_first_runs_stop_at_the_first_unseen_set(bench):
    order = ("blind7", "dev8", "blind16", "blind61", "blind9998", "blind9999", "dev12")
    assert bench.first_run_sets(order) == ("blind7", "dev8", "blind16", "blind61")


def test_a_set_is_unseen_until_it_is_joined(bench):
    assert not bench.unseen("blind17") and not bench.unseen(bench.compare.ORDER[-1])
    assert bench.unseen("blind9999") and bench.unseen("heldout")
    assert "blind17" in bench.FIRST_RUNS and bench.FIRST_RUNS[-1] == bench.compare.BLENDED[-1]


def test_no_first_run_model_reads_an_unseen_set(bench):
    order = bench.compare.ORDER
    assert bench.FIRST_RUNS, "no first run scored"
    for name in bench.FIRST_RUNS:
        assert not [s for s in order[: order.index(name)] if bench.unseen(s)], name


def _cached(rows: list[dict]) -> list[dict]:
    return [{"text": r["text"], "expect": r.get("expect"), "gold": r["intent"], "final": r["intent"]} for r in rows]


def test_only_missing_or_stale_first_runs_are_recorded(bench):
    rows = {"blind7": bench.load("blind7"), "blind8": bench.load("blind8"), "dev8": bench.load("dev8")}
    commits = {"blind7": "aaaaaaa^", "blind8": "bbbbbbb^", "dev8": "ccccccc^"}
    relabelled = _cached(rows["blind8"])
    relabelled[0]["gold"] = "opt_out" if relabelled[0]["gold"] != "opt_out" else "other"
    stored = {"blind7": {"rules": "aaaaaaa^", "records": _cached(rows["blind7"])},
              "blind8": {"rules": "bbbbbbb^", "records": relabelled},
              "dev12": {"rules": "ddddddd^", "records": []}}
    assert bench.to_record(stored, rows, commits) == ["blind8", "dev8"]
    stored["blind8"]["records"] = _cached(rows["blind8"])
    stored["dev8"] = {"rules": "older00^", "records": _cached(rows["dev8"])}
    assert bench.to_record(stored, rows, commits) == ["dev8"]
    stored["dev8"]["rules"] = "ccccccc^"
    assert bench.to_record(stored, rows, commits) == []


def test_a_cache_with_later_sets_scores_the_same_first_runs(bench, tmp_path, monkeypatch):
    stored = {name: {"rules": bench.rules_commit(name), "records": _cached(bench.load(name))}
              for name in bench.FIRST_RUNS}
    stored["blind9999"] = {"rules": "0000000^", "records": [{"text": "광고 전화 하지 마세요", "expect": None,
                                                            "gold": "opt_out", "final": "opt_out"}]}
    cache = tmp_path / "arbiter.json"
    cache.write_text(json.dumps(stored, ensure_ascii=False))
    monkeypatch.setattr(bench.arbiter, "CACHE", cache)
    first = bench.first_run_rows()
    assert tuple(first) == bench.FIRST_RUNS
    assert sum(bench.counts(rows, "first", bench.check.LEAD)[0] for rows in first.values()) == sum(
        r["intent"] == "opt_out" for name in bench.FIRST_RUNS for r in bench.load(name))
    assert json.loads(cache.read_text()) == stored, "nothing recorded again"
