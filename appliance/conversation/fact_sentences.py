"""The clinic's answers from its facts file only: opening hours, lunch, closed days, location, parking, prices,
insurance rules — the sentences alone, shared by the inbound receptionist (:mod:`.answers`) and the campaign calls
(:mod:`.campaigns.facts`), so a caller hears the same words whoever rang whom.

Every function takes the facts (None: no facts file, nothing can be answered) and ``can_say`` (whether the voice
can say a free sentence of the clinic's own); each returns None when the facts, or the voice, cannot give the
answer: the caller's question then goes to staff."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from appliance.conversation.actions import Action, Say
from appliance.conversation.booking import TREATMENT_KO
from appliance.language import speak

PARKING = re.compile(r"주차|차를|차가지고|차몰고")
INSURANCE_KEYS = {"scaling": "insurance_scaling", "implant": "insurance_implant", "denture": "insurance_denture"}
ASKS = ("ask_hours", "ask_location", "ask_price", "ask_insurance")
"""The questions the facts may answer."""

CanSay = Callable[[str], bool]


def sentences(facts: Any, can_say: CanSay, intent: str, u: Any, text: str,
              treatment: str | None = None) -> list[Action] | None:
    """The answer alone (no follow-up question); None when the facts (or the voice) cannot give it.
    ``treatment``: what a price or insurance question is about when the caller did not say."""
    if facts is None:
        return None
    t = getattr(u, "treatment", None) or treatment
    if intent == "ask_hours":
        return hours(facts, u, text)
    if intent == "ask_location":
        return location(facts, can_say, text)
    if intent == "ask_price":
        return price(facts, can_say, t) if t else None
    if intent == "ask_insurance":
        return insurance(t)
    return None


def is_parking(text: str) -> bool:
    return bool(PARKING.search(re.sub(r"\s+", "", text)))


# --- hours ----------------------------------------------------------------------------------------------
def week(facts: Any) -> list[Action]:
    from appliance.data.clinic.facts import WEEKDAYS as WD

    groups: list[tuple[list[int], Any]] = []
    for i, day in enumerate(WD):
        span = facts.hours.get(day)
        if groups and groups[-1][1] == span and groups[-1][0][-1] == i - 1:
            groups[-1][0].append(i)
        else:
            groups.append(([i], span))
    out: list[Action] = []
    closed: list[int] = []
    for days, span in groups:
        if not span:
            closed += days
            continue
        who = speak.WEEKDAYS[days[0]] if len(days) == 1 else \
            f"{speak.WEEKDAYS[days[0]]}부터 {speak.WEEKDAYS[days[-1]]}까지"
        out.append(Say(text=f"{who}, {speak.say_time(span[0])}부터 {speak.say_time(span[1])}까지입니다."))
    for i in closed:
        out.append(Say(text=f"{speak.WEEKDAYS[i]},"))
        out.append(Say("closed_word"))
    if facts.public_holidays:
        out.append(Say("holidays_closed"))
    return out


def lunch(facts: Any) -> list[Action]:
    if not facts.lunch:
        return []
    lo, hi = facts.lunch
    return [Say("lunch_intro"), Say(text=f"{speak.say_time(lo)}부터 {speak.say_time(hi)}까지입니다.")]


def hours(facts: Any, u: Any, text: str = "") -> list[Action]:
    """The week's hours (and lunch); one day's when the caller named a day; lunch alone when asked about it."""
    out: list[Action] = []
    if "점심" in text and facts.lunch and not getattr(u, "date", None):
        return lunch(facts)
    if getattr(u, "date", None):
        day = dt.date.fromisoformat(u.date)
        span = facts.open_hours(day)
        if not span:
            return [Say(text=speak.say_date(day) + ","), Say("closed_word")]
        said = f"{speak.say_time(span[0])}부터 {speak.say_time(span[1])}까지"
        out += [Say(text=f"{speak.say_date(day)}, {said}"), Say("open_word")]
        return out + (lunch(facts) if facts.lunch_on(day) else [])
    return [Say("hours_intro")] + week(facts) + lunch(facts)


# --- location ---------------------------------------------------------------------------------------------
def location(facts: Any, can_say: CanSay, text: str) -> list[Action] | None:
    """The clinic's own sentences (address and directions, or parking), only when the voice can say them."""
    wanted = [facts.parking] if is_parking(text) else [facts.address, facts.directions]
    texts = [t.strip() for t in wanted if t and t.strip()]
    if texts and all(can_say(t) for t in texts):
        return [Say(text=t) for t in texts]
    return None


# --- prices, insurance ------------------------------------------------------------------------------------
def price(facts: Any, can_say: CanSay, t: str) -> list[Action] | None:
    """What the facts say a treatment costs (with its note and "the exact price after the exam"); None when
    they hold no price for it."""
    found = facts.prices.get(t)
    if found is None:
        return None
    amount = (speak.say_price(found.min) if found.min == found.max
              else f"{speak.say_price(found.min)}에서 {speak.say_price(found.max)}")
    out: list[Action] = [Say(text=f"{TREATMENT_KO[t]}, {amount}까지입니다." if found.min != found.max
                             else f"{TREATMENT_KO[t]}, {amount}입니다.")]
    if found.note and can_say(found.note):
        out.append(Say(text=found.note))
    out.append(Say("price_exact_later"))
    return out


def insurance(t: str | None) -> list[Action] | None:
    """The national insurance rule for a treatment (every rule when none was named); None for another one."""
    if t in INSURANCE_KEYS:
        return [Say(INSURANCE_KEYS[t])]
    if t is None:
        return [Say(k) for k in INSURANCE_KEYS.values()]
    return None


__all__ = ["ASKS", "INSURANCE_KEYS", "PARKING", "hours", "insurance", "is_parking", "location", "price",
           "sentences"]
