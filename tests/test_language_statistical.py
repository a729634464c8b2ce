"""The statistical intent model: what it is trained on, that it generalises to sets it never saw, and where
``understand`` lets it decide (never opt-out, never against an emergency, never a slot)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from appliance.language import statistical, understand
from appliance.language.cli import nlu

DATA = Path(__file__).parent / "data" / "nlu"
NOW = dt.datetime(2028, 8, 1, 10, 0)


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]


def test_shipped_examples_are_the_labelled_sets_without_the_held_out_one():
    assert statistical.read_examples() == statistical.examples_from_sets(DATA)  # rebuild: dentalcall nlu examples
    others = {" ".join(row["text"].split()) for path in DATA.glob("*.jsonl") if path.stem != "heldout"
              for row in _rows(path.stem)}
    assert {text for text, _, _ in statistical.read_examples()} <= others  # nothing only the held-out set has
    assert len(statistical.examples_from_sets(DATA, exclude=())) > len(statistical.read_examples())


@pytest.mark.parametrize(("unseen", "at_least"), [("blind6", 0.80), ("dev6", 0.70), ("blind5", 0.75)])
def test_the_model_alone_generalises_to_a_set_it_never_saw(unseen, at_least):
    rows = [r for r in statistical.examples_from_sets(DATA, exclude=("heldout", unseen))]
    model = statistical.IntentModel(rows)
    test = _rows(unseen)
    right = sum(model.best(r["text"], r.get("expect"))[0] == r["intent"] for r in test)
    assert right / len(test) >= at_least, right / len(test)


def test_features_ignore_spacing_and_see_the_question():
    def characters(text: str) -> list[str]:
        return [f for f in statistical.features(text) if not f.startswith("w:")]

    assert characters("스케일링 예약 돼요") == characters("스케일링예약돼요")
    assert {"w:스케일링", "w:예약", "w:스케일링_예약"} <= set(statistical.features("스케일링 예약 돼요"))
    assert "asked?" in statistical.features("스케일링 돼요?")
    assert "expect=date" in statistical.features("목요일", "date")
    with pytest.raises(ValueError):
        statistical.IntentModel([])


def test_excluded_intents_are_never_chosen():
    model = statistical.default_model()
    assert model.best("수신거부 해 주세요")[0] == "opt_out"
    assert model.best("수신거부 해 주세요", exclude=("opt_out",))[0] != "opt_out"


@pytest.mark.parametrize(
    ("text", "expect", "rules", "with_model"),
    [
        ("이번 주 안에 한번 얼굴 비칠게요", None, "other", "book"),
        ("아 내일이구나 알고 있었어요", "reminder", "book", "yes"),
        ("잇몸이 울퉁불퉁해요", None, "book", "symptom"),
        ("예약 잡힌 거 그대로 가는 거 맞죠", None, "book", "confirm_appointment"),  # round 26: 예약해 놓은 거 is a rule
    ],
)
def test_the_model_decides_where_the_rules_are_unsure(text, expect, rules, with_model):
    alone = understand(text, NOW, expect, statistical=False)
    got = understand(text, NOW, expect)
    assert (alone.intent, alone.source) == (rules, "rules")
    assert (got.intent, got.source) == (with_model, "statistical")
    assert (got.date, got.time, got.treatment) == (alone.date, alone.time, alone.treatment)  # slots stay the rules'


@pytest.mark.parametrize(
    ("text", "intent"),
    [("피가 안 멈춰요", "emergency"), ("수신거부 할게요", "opt_out"), ("네 가능해요", "yes"),
     ("임플란트 얼마예요", "ask_price"), ("그 뭐냐 거시기 그거 있잖아요", "other")],
)
def test_the_model_leaves_sure_rule_decisions_alone(text, intent):
    got = understand(text, NOW)
    assert (got.intent, got.source) == (intent, "rules")


def test_cli_rebuilds_the_examples(tmp_path, monkeypatch):
    data = tmp_path / "sets"
    data.mkdir()
    (data / "mine.jsonl").write_text(
        json.dumps({"text": "내일  예약이요", "now": "2028-08-01T10:00", "intent": "book"}, ensure_ascii=False) + "\n"
        + json.dumps({"text": "수신거부", "now": "2028-08-01T10:00", "intent": "opt_out", "expect": "offer"}) + "\n",
        encoding="utf-8")
    heldout = {"text": "안 보여요", "now": "2028-08-01T10:00", "intent": "other"}
    (data / "heldout.jsonl").write_text(json.dumps(heldout) + "\n")
    monkeypatch.setattr(statistical, "EXAMPLES", tmp_path / "examples.tsv")
    result = CliRunner().invoke(nlu, ["examples", str(data)])
    assert result.exit_code == 0, result.output
    assert statistical.read_examples(tmp_path / "examples.tsv") == [("내일 예약이요", None, "book"),
                                                                   ("수신거부", "offer", "opt_out")]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert CliRunner().invoke(nlu, ["examples", str(empty)]).exit_code != 0
