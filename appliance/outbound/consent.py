"""Who may get an advertising call, by consent: the rule targeting applies and the dialer re-checks right
before each advertising dial (a consent can be withdrawn after a task was queued).

* The newest marketing-consent row in the EMR is the one in force (the profile's queries pick it); it must
  say yes and be dated within two years (정보통신망법 §50: re-confirmed every two years).
* A child under 14 on the call day gets no advert unless the EMR also holds a legal guardian's consent
  (개인정보보호법 §22-2). A patient without a birth date is treated as a possible child.
"""

from __future__ import annotations

import datetime as dt

from appliance.data.emr.model import Patient, age_on

CONSENT_VALID_DAYS = 730  # re-confirmed every two years
MINOR_AGE = 14  # under 14: a legal guardian consents


def is_minor(patient: Patient, day: dt.date) -> bool:
    """Under 14 on ``day`` (an unknown age counts as a possible minor)."""
    age = age_on(patient.birth_date, day)
    return age is None or age < MINOR_AGE


def ad_consent_problem(patient: Patient, day: dt.date) -> str | None:
    """Why ``patient`` may not get an advertising call on ``day`` (None: they may)."""
    if not patient.marketing_consent:
        return "no_consent"
    if patient.marketing_consent_date is None:
        return "consent_undated"
    if (day - patient.marketing_consent_date).days > CONSENT_VALID_DAYS:
        return "consent_expired"
    if is_minor(patient, day) and not patient.guardian_consent:
        return "minor_without_guardian_consent"
    return None
