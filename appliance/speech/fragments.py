"""Recorded fragments: the pieces that change (numbers, months, days, 요일, 시/분/반, 오전/오후, 원, phone digits,
treatment names, the clinic's doctors) joined into one utterance the way Korean ARS systems read them.

Input is *spoken* Korean as written by :mod:`appliance.language.speak` ("십이월 삼 일 화요일 오후 세 시 반",
"만 오천 원", "공일공, 일이삼사, 오육칠팔"). The text is cut into the longest fragments it is made of; each piece
is trimmed of its recording's silence and joined with short gaps:

* inside a word (십 + 이 + 만): ``GAP_IN_WORD_MS``; between the digits of a phone group: ``GAP_PHONE_DIGIT_MS``
* between words (십이월 | 삼 | 일): ``GAP_WORD_MS`` (~60–120 ms is what ARS readouts use)
* at a comma (between phone-number groups): ``GAP_COMMA_MS``; at a sentence end: ``GAP_SENTENCE_MS``

``speak_fragments`` returns ``None`` as soon as one piece has no recording, so the caller can fall through to
the next voice layer rather than speak half a sentence.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from appliance.language import speak
from appliance.speech import audio

if TYPE_CHECKING:
    from appliance.settings import Config

_LOGGER = logging.getLogger(__name__)

GAP_IN_WORD_MS = 25
GAP_PHONE_DIGIT_MS = 60
GAP_WORD_MS = 90
GAP_COMMA_MS = 320
GAP_SENTENCE_MS = 450
FADE_MS = 4

# the twelve treatments (same codes as the EMR model); spoken names as the desk says them
TREATMENTS_SPOKEN = {
    "scaling": "스케일링", "implant": "임플란트", "filling": "충치 치료", "root_canal": "신경 치료",
    "extraction": "발치", "wisdom_tooth": "사랑니 발치", "orthodontics": "교정", "whitening": "미백",
    "checkup": "검진", "denture": "틀니", "crown": "크라운", "gum": "잇몸 치료",
}


def _static_fragments() -> dict[str, str]:
    """The fixed fragments, as few as Korean allows: a digit is one recording whether it is part of a number,
    a day (삼 일: the day's 일 is the digit's) or a phone number (only 공 is extra); hours are recorded with
    their counter (세 시: native numbers belong to 시), minutes, months, days and prices are Sino-Korean
    digits with 십/백/천/만 and the counter (분, 월 is part of the month word, 일, 원)."""
    out: dict[str, str] = {}
    for d in range(10):
        out[f"sino_{d}"] = speak.SINO_DIGITS[d]
    out.update({"phone_0": speak.PHONE_DIGITS[0], "sino_10": "십", "sino_100": "백", "sino_1000": "천",
                "sino_10000": "만"})
    for h in range(1, 13):
        out[f"hour_{h}"] = speak.say_hour(h)
    for m in range(1, 13):
        out[f"month_{m}"] = speak.MONTHS[m]
    for i, name in enumerate(speak.WEEKDAYS):
        out[f"weekday_{i}"] = name
    out.update({
        "period_am": "오전", "period_pm": "오후", "period_noon": "낮", "period_evening": "저녁", "period_night": "밤",
        "rel_today": "오늘", "rel_tomorrow": "내일", "rel_day_after": "모레",
        "unit_minute": "분", "unit_half": "반", "unit_won": "원", "unit_year": "년",
        "range_from": "부터", "range_to": "까지", "range_between": "에서", "copula": "입니다",
        "title_director": "원장님",
    })
    for code, name in TREATMENTS_SPOKEN.items():
        out[f"treatment_{code}"] = name
    return out


STATIC_FRAGMENTS = _static_fragments()


def doctor_names(config: Config | None) -> list[str]:
    """The clinic's doctors: setting ``clinic_doctors`` (comma-separated) if it exists, else the clinic facts file
    (``config_dir/clinic.json`` with a ``doctors`` list of names or of {name: …}), else none."""
    raw = config.clinic_doctors if config is not None else ""
    names = [n.strip() for n in raw.split(",") if n.strip()]
    if not names and config is not None:
        for candidate in (Path(config.config_dir) / "clinic.json", Path(config.data_dir) / "clinic.json"):
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            for item in data.get("doctors", []) if isinstance(data, dict) else []:
                name = item.get("name") if isinstance(item, dict) else item
                if isinstance(name, str) and name.strip():
                    names.append(name.strip())
            if names:
                break
    return names


def doctor_key(name: str) -> str:
    return "doctor_" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def fragment_texts(config=None) -> dict[str, str]:
    """Every fragment key → its text, including the clinic's doctors."""
    out = dict(STATIC_FRAGMENTS)
    for name in doctor_names(config):
        out[doctor_key(name)] = name
    return out


# --- cutting text into pieces -------------------------------------------------------

_DIGIT_SYLLABLES = set(speak.PHONE_DIGITS) | {"영"}
_NUMBER_UNITS = {"십", "백", "천", "만"}


@dataclass
class Piece:
    key: str
    text: str
    gap_before_ms: int


class FragmentMissing(Exception):
    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


def _is_phone_word(word: str) -> bool:
    """A run of bare digit syllables (no 십/백/천/만) longer than one, or any 공: digit-by-digit reading."""
    return len(word) >= 2 and all(c in _DIGIT_SYLLABLES for c in word)


def plan(text: str, texts: dict[str, str]) -> list[Piece]:
    """Cut spoken text into fragment pieces with the gap before each. Raises FragmentMissing(rest of text)."""
    by_text: dict[str, list[str]] = {}
    for key, t in texts.items():
        by_text.setdefault(t, []).append(key)
    lengths = sorted({len(t) for t in by_text}, reverse=True)
    text = re.sub(r"\s+", " ", text.strip())
    pieces: list[Piece] = []
    pos = 0
    gap = 0
    prev_word_numeric = False
    while pos < len(text):
        ch = text[pos]
        if ch == " ":
            gap = max(gap, GAP_WORD_MS)
            pos += 1
            continue
        if ch in ",;:":
            gap = max(gap, GAP_COMMA_MS)
            pos += 1
            continue
        if ch in ".?!…":
            gap = max(gap, GAP_SENTENCE_MS)
            pos += 1
            continue
        word_end = len(text)
        for i in range(pos, len(text)):
            if text[i] in " ,;:.?!…":
                word_end = i
                break
        word_start = pos
        while word_start > 0 and text[word_start - 1] not in " ,;:.?!…":
            word_start -= 1
        word = text[word_start:word_end]
        found = None
        for n in lengths:
            cand = text[pos: pos + n]
            if len(cand) == n and cand in by_text:
                # a multi-word fragment ("신경 치료") may cross spaces; a one-word piece must not eat a space
                found = cand
                break
        if found is None:
            raise FragmentMissing(text[pos:])
        keys = by_text[found]
        key = _choose(keys, found, word, prev_word_numeric, texts)
        if not pieces:
            before = 0
        elif gap:
            before = gap
        elif _is_phone_word(word):
            before = GAP_PHONE_DIGIT_MS
        else:
            before = GAP_IN_WORD_MS
        pieces.append(Piece(key, found, before))
        pos += len(found)
        if pos >= word_end:
            prev_word_numeric = all(c in _DIGIT_SYLLABLES | _NUMBER_UNITS for c in word)
        gap = 0
    return pieces


def _choose(keys: list[str], found: str, word: str, prev_word_numeric: bool, texts: dict[str, str]) -> str:
    """Pick among fragments that share a text: 일 the digit / the day, 이 digit vs phone digit …"""
    if len(keys) == 1:
        return keys[0]
    if _is_phone_word(word):
        pref = [k for k in keys if k.startswith("phone_")] or [k for k in keys if k.startswith("sino_")]
    else:
        pref = [k for k in keys if k.startswith("sino_") or k.startswith("month_") or k.startswith("hour_")]
    return (pref or keys)[0]


class FragmentSpeaker:
    """Joins a pack's fragment recordings. ``pcm_of(key)`` gives a fragment's 8 kHz PCM or None."""

    def __init__(self, pack, config=None):
        self.pack = pack
        self.texts = fragment_texts(config)
        self._trimmed: dict[str, bytes] = {}
        self.recorded_only = False  # set by the voice when a neural voice should say what is not recorded

    def _piece(self, key: str) -> bytes | None:
        if self.recorded_only and not self.pack.is_recorded(key):
            return None
        if key in self._trimmed:
            return self._trimmed[key]
        pcm = self.pack.fragment_pcm(key) if self.pack is not None else None
        if pcm is None:
            return None
        # same peak level for every piece: recordings from different sessions must not jump in loudness
        pcm = audio.fade(audio.normalise_loudness(audio.trim_silence(pcm)), FADE_MS)
        self._trimmed[key] = pcm
        return pcm

    def plan(self, text: str) -> list[Piece] | None:
        try:
            return plan(text, self.texts)
        except FragmentMissing:
            return None

    def missing_for(self, text: str) -> list[str]:
        """What stops ``text`` being spoken: fragment keys with no recording, or text no fragment covers."""
        try:
            pieces = plan(text, self.texts)
        except FragmentMissing as exc:
            return [f"no fragment for {exc.text[:20]!r}"]
        return sorted({p.key for p in pieces if self._piece(p.key) is None})

    def speak(self, text: str) -> bytes | None:
        pieces = self.plan(text)
        if not pieces:
            return None
        out = []
        for piece in pieces:
            pcm = self._piece(piece.key)
            if pcm is None:
                return None
            if piece.gap_before_ms:
                out.append(audio.silence(piece.gap_before_ms))
            out.append(pcm)
        return b"".join(out)


def speak_fragments(text: str, pack, config=None) -> bytes | None:
    """8 kHz s16 mono PCM of spoken-Korean ``text`` from the pack's fragments; None if any piece is missing.

    Digits are normalised first (``12월 3일`` → ``십이월 삼 일``)."""
    return FragmentSpeaker(pack, config).speak(speak.normalise(text))
