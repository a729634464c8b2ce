"""Words of days that name no day to book, set aside before the dates are read (``understanding``): a birth date
told to identify oneself (``identity_told``, round 18), a lunar day (``lunar_days``, round 20), and (round 34) the
days of the week named only as when to call or not ("주말엔 전화하지 마시고 평일에 주세요", "토요일 일요일엔 제가
전화를 못 받아요"): a restriction of when to call is ``callback_later`` with no date (15 of 15 labelled sentences)."""

from __future__ import annotations

import re

from appliance.language import identity_told, lunar_days

# a part of the week, then calls refused or not taken in it ("평일엔 전화하지 마시고", "토요일 일요일엔 제가 전화를
# 못 받아요", "주말엔 전화 말고")
CALLS_NOT_THEN = re.compile(
    r"(?:요일|주말|평일)(?:엔|에는|은|는)?[가-힣]{0,12}(?:전화|연락)(?:를|은|는|도)?(?:좀|제가)?"
    r"(?:하지마|주지마|하지말|주지말|마시|마세요|말고|못받|안받|안했으면|안하셨으면|안주셨으면)"
    r"|(?:요일|주말|평일)(?:에만|만)(?:전화|연락)(?:를|은|좀)?(?:주|해주|하|걸어)"  # round 48: "토요일에만 전화 주세요"
)
_WEEK_PART = re.compile(r"(?:[월화수목금토일]\s?요일|주말|평일)")


def dated_words(text: str) -> str:
    """``text`` with the words of days that name no day to book blanked out (see the module docstring)."""
    text = lunar_days.without_lunar_days(identity_told.without_birth_date(text))
    if CALLS_NOT_THEN.search(re.sub(r"\s", "", text)):
        return _WEEK_PART.sub(" ", text)
    return text
