"""LLM intent fallback without a model: grammar text, allowed-set handling, the off switch."""

from __future__ import annotations

import pytest

from appliance import settings
from appliance.llm import FALLBACK_ALLOWED, INTENTS, IntentClassifier, grammar_for, make_fallback, system_prompt
from appliance.llm import intent as intent_mod
from appliance.llm import models as llm_models
from appliance.errors import ModelMissing


def _config(tmp_path, **extra):
    return settings.load(overrides={"home": str(tmp_path), **extra}, env={})


def test_intents_are_exactly_the_contract():
    from appliance import language

    assert INTENTS == (
        "book", "reschedule", "cancel", "confirm_appointment", "ask_hours", "ask_location", "ask_price",
        "ask_insurance", "symptom", "emergency", "talk_to_staff", "yes", "no", "opt_out", "callback_later",
        "wrong_number", "medical_question", "question_other", "other",
    )
    assert INTENTS == language.INTENTS  # the fallback can answer every label the rules know, and only those
    assert set(intent_mod.GLOSS) == set(INTENTS)
    assert {label for _, label in intent_mod.EXAMPLES} == set(INTENTS)


def test_grammar_accepts_only_the_given_labels():
    assert grammar_for(["book", "cancel"]) == 'root ::= "book" | "cancel"\n'
    assert grammar_for(["reschedule", "ask_price"]) == 'root ::= "change" | "price"\n'
    # model-side words are unique and map back one to one
    assert set(intent_mod.ALIAS) == set(INTENTS) and len(set(intent_mod.ALIAS.values())) == len(INTENTS)
    # allowed sets are normalised to the fixed intent order, unknown names dropped
    assert intent_mod._clean_allowed(["other", "book", "nonsense"]) == ["book", "other"]
    assert intent_mod._clean_allowed(None) == list(INTENTS)


def test_system_prompt_is_fixed_and_lists_every_intent():
    text = system_prompt()
    assert text == system_prompt()  # byte-identical between calls: its prefix state is reused
    for name in INTENTS:
        assert f"- {intent_mod.ALIAS[name]}:" in text


def test_bench_set_is_disjoint_from_prompt_examples():
    from pathlib import Path

    bench = Path(__file__).resolve().parents[1] / "bench" / "llm_intents.tsv"
    rows = [line.split("\t") for line in bench.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert len(rows) >= 50 and all(label.strip() in INTENTS for _, label in rows)
    assert not {text for text, _ in rows} & {text for text, _ in intent_mod.EXAMPLES}


def test_no_model_configured_means_no_fallback(tmp_path):
    config = _config(tmp_path)
    assert make_fallback(config) is None
    clf = IntentClassifier(config)
    assert not clf.available and "llm_model" in clf.unavailable
    assert clf.classify("예약하고 싶어요", ["book", "other"]) is None
    with pytest.raises(ModelMissing):
        llm_models.resolve(config)


def test_missing_model_is_reported_with_the_fix(tmp_path):
    config = _config(tmp_path, llm_model="not-installed-model")
    with pytest.raises(ModelMissing, match="models install"):
        llm_models.resolve(config)
    clf = IntentClassifier(config)
    assert clf.classify("예약하고 싶어요", ["book", "other"]) is None


def test_gguf_path_and_installed_folder_resolve(tmp_path):
    gguf = tmp_path / "x.gguf"
    gguf.write_bytes(b"GGUF")
    config = _config(tmp_path, llm_model=str(gguf))
    assert llm_models.resolve(config) == gguf
    # what `dentalcall models install x.gguf` leaves: models_dir/<stem>/<file>.gguf + its record
    from appliance.speech import models as store

    lines = store.install_path(config, gguf)
    assert lines and "llm" in lines[0]
    assert llm_models.resolve(config, "x") == config.models_dir / "x" / "x.gguf"


def test_trivial_requests_do_not_touch_the_model(tmp_path):
    clf = IntentClassifier(_config(tmp_path))
    clf.worker = object()  # would fail if used
    assert clf.classify("", ["book", "other"]) is None
    assert clf.classify("예약", []) is None
    assert clf.classify("예약", ["book"]) == "book"  # one allowed label needs no model
    assert "yes" not in FALLBACK_ALLOWED and "opt_out" not in FALLBACK_ALLOWED
