"""``docs/understanding.md`` lists the stages of the understanding's ``_classify`` in the order they run: a check
moved in the code, or in the document, without the other fails here."""

from __future__ import annotations

import inspect
from pathlib import Path

from appliance.language import understanding

DOC = Path(__file__).resolve().parent.parent / "docs" / "understanding.md"

# (how the document names a stage, how the code calls it), in the order of the code
STAGES = [
    ("red_flags", "red_flags.narrow_red_flag("),
    ("caller_errands", "caller_errand("),
    ("care_boundaries", "care_boundary("),
    ("emergency_heard", "sounds_like_emergency("),
    ("lexicon.OPT_OUT", "lx.OPT_OUT"),
    ("about_the_call", "about_the_call("),
    ("reply_asides", "reply_asides.reply_aside("),
    ("visit_asks", "visit_asks.visit_ask("),
    ("reply_kinds", "reply_kinds.reply_kind("),
    ("replies.outbound_answer", "outbound_answer("),
    ("lexicon.WRONG_NUMBER", "lx.WRONG_NUMBER"),
    ("lexicon.STAFF", "if lx.STAFF.search"),
    ("care_asks", "care_asks.sure_medical_question("),
    ("general_info", "STAFF_ONLY.search("),
    ("replies.context_answer", "context_answer("),
    ("cannot_make_it", "cannot_make_it("),
    ("replies.yes_no", "yes_no("),
]


def test_the_documented_order_of_the_checks_is_the_order_in_the_code():
    code = inspect.getsource(understanding._classify)
    at_in_code = [code.index(call) for _, call in STAGES]
    assert at_in_code == sorted(at_in_code), "the STAGES list no longer follows the code"
    table = DOC.read_text(encoding="utf-8").split("## 2.")[1]
    at_in_doc = [table.index(f"`{name}`") for name, _ in STAGES]
    assert at_in_doc == sorted(at_in_doc), [name for name, _ in STAGES]
