"""The recording session: every phrase and fragment a caller can hear, as one script a desk reads top to bottom.

One numbered *item* is one recording (one take):

* a phrase (``greeting``, ``ob_booked`` …, and the clinic's own sentences) is read whole, the way it is played;
* the fragments are read as short lists, one list per take ("한 시, 두 시, 세 시 …"), with a pause between the
  words: the take is cut at those pauses into its fragments (:func:`appliance.speech.take_check.split_parts`).
  That keeps the count small — 76 fragments in 13 takes — and every word gets the reading it has on the phone:
  native numbers for 시 (한 시, 두 시 — recorded with the counter, as they are always said), Sino-Korean digits
  for 분, 월, 일 and 원 (십오 분, 유월, 이십삼 일, 만 오천 원), and one digit set shared by numbers, days and
  phone numbers (공 is the only extra).

Items are in reading order: the digits and date words first (once they are recorded, ``*77`` says every
later item's number in the clinic's own voice), then sections that belong together (the opening, booking,
questions, information, outbound calls, the clinic's own sentences, treatments), one mood per section.
:func:`summary` gives the count
and the estimated reading time (``READ_SYLLABLES_PER_S`` — a calm phone pace — plus a breath per item).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from appliance.language import speak
from appliance.speech.fragments import doctor_key, doctor_names

READ_SYLLABLES_PER_S = 4.5  # calm, clear phone pace (Korean ARS prompts: 4–5 syllables a second)
PAUSE_PER_ITEM_S = 3.0  # find the line, breathe
LIST_PAUSE_S = 0.8  # between the words of a fragment list
PHONE_OVERHEAD_S = 6.0  # *77: item number, beep, key press, result — plus the playback of the take

# (line key, section, fragment keys in reading order)
FRAGMENT_LINES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("line_digits", "numbers", tuple(f"sino_{d}" for d in range(10))),
    ("line_big", "numbers", ("phone_0", "sino_10", "sino_100", "sino_1000", "sino_10000")),
    ("line_hours_1", "numbers", tuple(f"hour_{h}" for h in range(1, 7))),
    ("line_hours_2", "numbers", tuple(f"hour_{h}" for h in range(7, 13))),
    ("line_months_1", "numbers", tuple(f"month_{m}" for m in range(1, 7))),
    ("line_months_2", "numbers", tuple(f"month_{m}" for m in range(7, 13))),
    ("line_weekdays", "numbers", tuple(f"weekday_{i}" for i in range(7))),
    ("line_when", "numbers", ("period_am", "period_pm", "period_noon", "period_evening", "period_night",
                              "rel_today", "rel_tomorrow", "rel_day_after")),
    ("line_units", "numbers", ("unit_minute", "unit_half", "unit_won", "unit_year")),
    ("line_joiners", "numbers", ("range_from", "range_to", "range_between", "copula")),
    ("line_treatments_1", "treatments", ("treatment_scaling", "treatment_implant", "treatment_filling",
                                         "treatment_root_canal", "treatment_extraction", "treatment_wisdom_tooth")),
    ("line_treatments_2", "treatments", ("treatment_orthodontics", "treatment_whitening", "treatment_checkup",
                                         "treatment_denture", "treatment_crown", "treatment_gum")),
)

SECTIONS: dict[str, str] = {  # reading order: the digits first, so *77 says every later item number in them
    "numbers": "1. 숫자·날짜·시간 (목록: 단어 사이에서 한 박자 쉬어 읽기)",
    "opening": "2. 전화 받기와 기본 안내",
    "booking": "3. 예약 접수와 변경",
    "questions": "4. 진료 전 건강 질문",
    "information": "5. 진료시간·비용·보험·응급 안내",
    "outbound": "6. 병원에서 거는 전화",
    "clinic": "7. 우리 병원 안내 (주소·오시는 길·주차)",
    "treatments": "8. 진료 이름과 원장님 (목록: 단어 사이에서 한 박자 쉬어 읽기)",
}
_OPENING = ("greeting", "greeting_unrecorded", "about_call_recorded", "about_call_unrecorded", "how_can_i_help", "ack",
            "sorry_again", "callback_promise", "goodbye", "understood", "good_day", "call_anytime", "see_you",
            "transfer", "apology", "leave_message", "silence")
_INFORMATION = re.compile(r"^(hours_|closed_word|holidays_|lunch_|open_word|price_|ask_price|insurance_|emergency_|"
                          r"symptom_|staff_after|opt_out)")


@dataclass(frozen=True)
class ScriptItem:
    number: int
    key: str  # phrase key, or a fragment line key (line_digits …)
    section: str
    text: str  # what to read
    keys: tuple[str, ...]  # the pack entries this take fills
    parts: tuple[str, ...]  # their texts (one for a phrase)
    reading: str = ""  # how the digits in it are read, when it has digits ("1번" → "일 번")

    @property
    def is_list(self) -> bool:
        return len(self.keys) > 1

    @property
    def syllables(self) -> int:
        return len(re.findall(r"[가-힣]", speak.normalise(self.text)))

    @property
    def reading_seconds(self) -> float:
        pauses = LIST_PAUSE_S * (len(self.parts) - 1)
        return self.syllables / READ_SYLLABLES_PER_S + pauses

    @property
    def max_seconds(self) -> float:
        """Longer than this after trimming is not a take of this item (a restart, a chat, a forgotten stop)."""
        return 2.0 + 2.0 * self.reading_seconds


def section_of(key: str) -> str:
    if key.startswith("fact_"):
        return "clinic"
    if key in _OPENING:
        return "opening"
    if key.startswith("ob_"):
        return "outbound"
    if key.startswith("q_") or key.startswith("questionnaire"):
        return "questions"
    if _INFORMATION.match(key):
        return "information"
    return "booking"


def _reading(text: str) -> str:
    spoken = speak.normalise(text)
    return spoken if spoken != text else ""


def build_script(phrases: Mapping[str, str], clinic: str, config: Any = None) -> list[ScriptItem]:
    """Every item in reading order. ``phrases``: the table of everything a caller can hear (key → text with
    ``{clinic}``), i.e. ``appliance.phrasebook.spoken_table(config)``."""
    from appliance.speech.fragments import fragment_texts

    frags = fragment_texts(config)
    rows: list[tuple[str, str, str, tuple[str, ...], tuple[str, ...]]] = []
    for key, template in phrases.items():
        text = template.replace("{clinic}", clinic)
        rows.append((section_of(key), key, text, (key,), (text,)))
    for line_key, section, keys in FRAGMENT_LINES:
        parts = tuple(frags[k] for k in keys)
        rows.append((section, line_key, ", ".join(parts), keys, parts))
    doctors = doctor_names(config)
    names = tuple(["원장님"] + doctors)
    rows.append(("treatments", "line_doctors", ", ".join(names),
                 ("title_director",) + tuple(doctor_key(n) for n in doctors), names))
    order = list(SECTIONS)
    rows.sort(key=lambda r: order.index(r[0]))  # stable: the dialogs' own order inside a section
    return [ScriptItem(i + 1, key, section, text, keys, parts, _reading(text) if len(keys) == 1 else "")
            for i, (section, key, text, keys, parts) in enumerate(rows)]


def item_for(items: list[ScriptItem], key_or_number: str) -> ScriptItem:
    """An item by its number ("12", "012"), its key, or a pack key it fills (month_6 → the months line)."""
    wanted = key_or_number.strip()
    if wanted.isdigit():
        number = int(wanted)
        for item in items:
            if item.number == number:
                return item
    for item in items:
        if item.key == wanted:
            return item
    for item in items:
        if wanted in item.keys:
            return item
    raise KeyError(wanted)


def summary(items: list[ScriptItem]) -> dict[str, float]:
    """Recordings, fragments covered, and time: reading alone and a ``*77`` session with playback."""
    reading = sum(i.reading_seconds + PAUSE_PER_ITEM_S for i in items)
    speech = sum(i.reading_seconds for i in items)
    return {
        "recordings": len(items),
        "entries": sum(len(i.keys) for i in items),
        "phrases": sum(1 for i in items if not i.is_list),
        "fragment_takes": sum(1 for i in items if i.is_list),
        "syllables": sum(i.syllables for i in items),
        "reading_minutes": round(reading / 60.0, 1),
        "phone_session_minutes": round((reading + speech + PHONE_OVERHEAD_S * len(items)) / 60.0, 1),
    }
