"""The law for advertising texts (정보통신망법 art. 50) and what keeps informational texts plain.

An advertising text starts with "(광고)", names the clinic and its number, ends with the free opt-out
("무료수신거부 080-…", setting ``sms_optout_number``), goes only to a patient with a current marketing consent
(given within two years) and never between 21:00 and 08:00 (Asia/Seoul): one due at night waits until 08:00.
An informational text (the patient's own booking, a reminder, a reply) carries none of these marks.
"""

from __future__ import annotations

import datetime as dt

from appliance.data import phone as phones
from appliance.errors import ConfigError
from appliance.outbound.campaigns import CONSENT_VALID_DAYS
from appliance.outbound.window import AD_END, AD_START

AD_MARK = "(광고)"
OPTOUT_MARK = "무료수신거부"


def ad_window_open(moment: dt.datetime) -> bool:
    """``moment`` is clinic local time (Asia/Seoul)."""
    return AD_START <= moment.time() < AD_END


def next_ad_moment(moment: dt.datetime) -> dt.datetime:
    """``moment`` itself inside 08:00-21:00, else the next 08:00."""
    if ad_window_open(moment):
        return moment
    day = moment.date() if moment.time() < AD_START else moment.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, AD_START)


def consent_problem(consent: bool, consent_date: dt.date | None, today: dt.date) -> str | None:
    """Why an advert may not go to this patient (None: it may): no consent, undated, or older than 2 years."""
    if not consent:
        return "no_consent"
    if consent_date is None:
        return "consent_undated"
    if (today - consent_date).days > CONSENT_VALID_DAYS:
        return "consent_expired"
    return None


def wrap_advert(body: str, *, clinic: str, clinic_phone: str, optout_number: str | None) -> str:
    """The advertising marks around ``body``; refuses without the free opt-out number."""
    if not optout_number:
        raise ConfigError("advertising texts need the free opt-out number: set sms_optout_number (080-…)")
    if not clinic or not phones.canonical(clinic_phone):
        raise ConfigError("advertising texts name the clinic and its number: clinic facts need name and phone")
    phone = phones.formatted(clinic_phone)
    optout = phones.formatted(optout_number)
    return f"{AD_MARK}{clinic} {phone}\n{body.strip()}\n{OPTOUT_MARK} {optout}"


def check_informational(text: str) -> None:
    """Informational texts must not look like adverts (a template edited the wrong way)."""
    if AD_MARK in text or OPTOUT_MARK in text:
        raise ConfigError("an informational text must not carry advertising marks ((광고), 무료수신거부)")
