"""Typed, range-checked campaign settings: what ``campaigns set NAME KEY VALUE`` accepts.

Every tunable of a campaign has a ``Spec`` (its type, bounds and meaning). A value is parsed from the text
staff type (``9``, ``-5``, ``10:00-17:00``, ``1,2,3`` or JSON) and refused with a clear message when it is
the wrong type or out of range, so a typo can never be stored. Legal bounds are fixed, not tunable: the NHIS
implant/denture benefit starts at 65 (an advert promising it to a 40-year-old is false, 의료법 §56) and
insurance scaling is for adults (19+).

Stored params are checked again when a campaign is read (``campaigns.state``): a row written by an older
version that breaks a rule makes that one campaign fail loudly (doctor, dialer status), never the others.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from appliance.data.emr.model import TREATMENTS

SENIOR_AGE = 65  # NHIS implants and dentures for 만 65세 이상 (fixed by law, not a setting)
SCALING_MIN_AGE = 19  # NHIS annual scaling: 만 19세 이상


class ParamError(ValueError):
    """A campaign setting that cannot be stored (or a stored one that is no longer valid)."""


@dataclasses.dataclass(frozen=True)
class Spec:
    kind: str  # int | hours | months | categories
    meaning: str
    low: int | None = None
    high: int | None = None

    def describe(self) -> str:
        if self.kind == "int" and self.low == self.high:
            return f"{self.meaning} (fixed at {self.low} by law)"
        if self.kind == "int":
            return f"{self.meaning} (a whole number from {self.low} to {self.high})"
        if self.kind == "hours":
            return f"{self.meaning} (HH:MM-HH:MM, e.g. 10:00-17:00, or '' for the clinic's hours)"
        if self.kind == "months":
            return f"{self.meaning} (months 1-12, e.g. 1,2,3 or [11,12])"
        return f"{self.meaning} (any of {', '.join(TREATMENTS)})"


COMMON: dict[str, Spec] = {
    "hours": Spec("hours", "calling hours within the clinic's (AD never outside 08:00-21:00)"),
    "max_attempts": Spec("int", "dial attempts per call at most", 1, 5),
    "cooldown_days": Spec("int", "days before the same patient is called again for this campaign", 0, 730),
    "daily_limit": Spec("int", "calls queued per day at most", 1, 10000),
}

SPECIFIC: dict[str, dict[str, Spec]] = {
    "reminder": {"days_before": Spec("int", "open days before the appointment the reminder is made", 1, 3)},
    "happy_call": {"categories": Spec("categories", "treatments that get a happy call")},
    "implant_checkup": {"days_after": Spec("int", "days after the implant surgery", 7, 180),
                        "window_days": Spec("int", "days around that day the call may be made", 1, 30)},
    "insured_treatment": {
        "senior_age": Spec("int", "age from which the NHIS implant/denture benefit applies", SENIOR_AGE, SENIOR_AGE),
        "seen_within_months": Spec("int", "months since the last visit at most", 1, 120),
        "private_every_months": Spec("int", "months between calls to privately insured patients", 1, 24),
        "recent_surgery_days": Spec("int", "no offer this many days after an implant surgery or extraction", 0, 365),
    },
    "insurance_scaling": {
        "adult_age": Spec("int", "age from which insurance scaling is offered", SCALING_MIN_AGE, 100),
        "seen_within_months": Spec("int", "months since the last visit at most", 1, 120),
        "months": Spec("months", "months of the year the campaign runs"),
    },
    "recall": {"months": Spec("int", "months since the last visit before a recall", 1, 60),
               "max_months": Spec("int", "months since the last visit after which a chart counts as lost", 2, 240)},
}


def spec(campaign: str, key: str) -> Spec | None:
    return SPECIFIC.get(campaign, {}).get(key) or COMMON.get(key)


def known(campaign: str) -> list[str]:
    return sorted(set(COMMON) | set(SPECIFIC.get(campaign, {})))


def parse(campaign: str, key: str, value: Any) -> Any:
    """The typed value of ``key`` for ``campaign`` from text or JSON; ``ParamError`` with the rule if not."""
    s = spec(campaign, key)
    if s is None:
        raise ParamError(f"campaign {campaign} has no setting {key!r}; known: {', '.join(known(campaign))}")
    try:
        return _PARSERS[s.kind](s, value)
    except ParamError as exc:
        raise ParamError(f"{campaign} {key}: {exc}; expected {s.describe()}") from None


def check_all(campaign: str, params: dict[str, Any]) -> dict[str, Any]:
    """Every value of a merged param set, typed (``ParamError`` on the first bad one, with its key)."""
    out = {key: (parse(campaign, key, value) if spec(campaign, key) else value) for key, value in params.items()}
    if campaign == "recall" and out.get("max_months", 240) <= out.get("months", 1):
        raise ParamError(f"recall max_months ({out['max_months']}) must be greater than months ({out['months']})")
    return out


def _json_or_text(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        try:
            return json.loads(text)
        except ValueError:
            return text
    return value


def _int(s: Spec, value: Any) -> int:
    raw = _json_or_text(value)
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise ParamError(f"{value!r} is not a whole number")
    try:
        number = float(raw)
    except ValueError:
        raise ParamError(f"{value!r} is not a whole number") from None
    if not number.is_integer():
        raise ParamError(f"{value!r} is not a whole number")
    n = int(number)
    if s.low is not None and s.low == s.high and n != s.low:
        raise ParamError(f"{n} is not allowed")
    if (s.low is not None and n < s.low) or (s.high is not None and n > s.high):
        raise ParamError(f"{n} is out of range")
    return n


def parse_hours(text: str) -> tuple[dt.time, dt.time] | None:
    """``"10:00-17:00"`` → (10:00, 17:00); ``""`` → None; ``ParamError`` otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    parts = text.split("-")
    if len(parts) != 2:
        raise ParamError(f"{text!r} is not HH:MM-HH:MM")
    try:
        start, end = (dt.time.fromisoformat(p.strip()) for p in parts)
    except ValueError:
        raise ParamError(f"{text!r} is not HH:MM-HH:MM") from None
    if len(parts[0].strip()) != 5 or len(parts[1].strip()) != 5:
        raise ParamError(f"{text!r} is not HH:MM-HH:MM")
    if start >= end:
        raise ParamError(f"{text!r} ends before it starts")
    return start, end


def _hours(s: Spec, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ParamError(f"{value!r} is not HH:MM-HH:MM")
    text = value.strip()
    if text.lower() in ("none", "clinic", '""', "''"):
        text = ""
    parse_hours(text)
    return text


def _list(value: Any) -> list[Any]:
    raw = _json_or_text(value)
    if isinstance(raw, str):
        raw = [p.strip() for p in raw.split(",") if p.strip()]
    elif isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        raise ParamError(f"{value!r} is not a non-empty list")
    return raw


def _months(s: Spec, value: Any) -> list[int]:
    out = []
    for item in _list(value):
        m = _int(Spec("int", "month", 1, 12), item) if not isinstance(item, bool) else None
        if m is None:
            raise ParamError(f"{item!r} is not a month")
        if m not in out:
            out.append(m)
    return sorted(out)


def _categories(s: Spec, value: Any) -> list[str]:
    out = []
    for item in _list(value):
        if not isinstance(item, str) or item not in TREATMENTS:
            raise ParamError(f"{item!r} is not a treatment category")
        if item not in out:
            out.append(item)
    return out


_PARSERS = {"int": _int, "hours": _hours, "months": _months, "categories": _categories}
