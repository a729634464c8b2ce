"""The canonical model: what call flows and campaigns see, whatever EMR product sits underneath.

Profiles map each EMR's rows onto these dataclasses (``appliance.data.emr.profile``). Dates are
``datetime.date``, times ``datetime.datetime`` (clinic local time, naive), phones canonical digits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

TREATMENTS = (
    "scaling", "implant", "filling", "root_canal", "extraction", "wisdom_tooth",
    "orthodontics", "whitening", "checkup", "denture", "crown", "gum",
)
TREATMENT_KO = {
    "scaling": "스케일링", "implant": "임플란트", "filling": "충치 치료", "root_canal": "신경 치료",
    "extraction": "발치", "wisdom_tooth": "사랑니 발치", "orthodontics": "교정", "whitening": "미백",
    "checkup": "검진", "denture": "틀니", "crown": "크라운", "gum": "잇몸 치료",
}
INSURANCE_KINDS = ("nhis", "medical_aid_1", "medical_aid_2", "none")
PATIENT_STATUSES = ("active", "inactive", "deceased")
APPOINTMENT_STATUSES = ("booked", "confirmed", "cancelled", "done", "no_show")
ACTIVE_APPOINTMENT_STATUSES = ("booked", "confirmed")


def age_on(birth_date: dt.date | None, day: dt.date) -> int | None:
    """만 나이 on ``day``."""
    if birth_date is None:
        return None
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


@dataclasses.dataclass
class Patient:
    id: str
    chart_no: str | None = None
    name: str | None = None
    birth_date: dt.date | None = None
    sex: str | None = None  # "M" | "F"
    phones: list[str] = dataclasses.field(default_factory=list)  # canonical, mobile first
    insurance: str = "nhis"  # nhis | medical_aid_1 | medical_aid_2 | none
    private_insurance: bool = False  # private dental insurance (치아보험) noted in the chart
    marketing_consent: bool = False
    marketing_consent_date: dt.date | None = None
    night_consent: bool = False  # separate consent for 21:00-08:00 advertising calls
    guardian_consent: bool = False  # a legal guardian's consent on file (under-14s: 개인정보보호법 §22-2)
    status: str = "active"  # active | inactive | deceased
    last_visit: dt.date | None = None

    def age(self, day: dt.date | None = None) -> int | None:
        return age_on(self.birth_date, day or dt.date.today())

    @property
    def callable(self) -> bool:
        return self.status == "active" and bool(self.phones)


@dataclasses.dataclass
class Treatment:
    date: dt.date
    category: str | None  # one of TREATMENTS, None when the code is unknown
    code: str | None = None
    name: str | None = None
    tooth: str | None = None
    doctor: str | None = None
    patient_id: str | None = None
    visit_id: str | None = None


@dataclasses.dataclass
class Visit:
    id: str
    patient_id: str
    date: dt.date
    doctor: str | None = None
    treatments: list[Treatment] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class ImplantSurgery:
    patient_id: str
    date: dt.date
    tooth: str | None = None
    doctor: str | None = None
    code: str | None = None


@dataclasses.dataclass
class ScalingUse:
    """Insurance scaling billed this calendar year (the benefit resets on Jan 1)."""

    patient_id: str
    date: dt.date
    code: str | None = None


@dataclasses.dataclass
class Appointment:
    id: str | None
    patient_id: str | None
    start: dt.datetime
    duration_min: int = 30
    doctor: str | None = None
    chair: str | None = None
    status: str = "booked"
    treatment: str | None = None  # canonical category when known
    memo: str | None = None

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.duration_min)

    def overlaps(self, start: dt.datetime, end: dt.datetime) -> bool:
        return self.start < end and start < self.end


@dataclasses.dataclass
class Doctor:
    id: str
    name: str
    active: bool = True


@dataclasses.dataclass
class Chair:
    id: str
    name: str
    active: bool = True


@dataclasses.dataclass(frozen=True)
class BenefitHistory:
    """What a 65+ patient already used of the NHIS dental benefits, from the EMR's treatment history."""

    nhis_implants: int = 0  # NHIS implants placed (two in a lifetime)
    last_insured_denture: dt.date | None = None  # one insured denture per 7 years
    last_surgery: dt.date | None = None  # implant surgery / extraction: not the moment for an offer


class BadRow(ValueError):
    """An EMR row whose values cannot be read (a duration like "30분", an hour of 25, a missing date)."""


class Candidate:
    """One row of an outbound target query: a patient worth calling and why.

    ``patient`` is mapped from the EMR row on first access, so a 50,000-row target list costs only the
    query until the campaign looks at the patients it will actually call."""

    __slots__ = ("patient_id", "reason", "date", "detail", "history", "_patient", "_row", "_mapper")

    def __init__(self, patient_id: str, reason: str, date: dt.date | None = None, detail: str | None = None,
                 patient: Patient | None = None, row: dict | tuple | None = None, mapper: Any = None,
                 history: "BenefitHistory | None" = None):
        self.patient_id = patient_id
        self.reason = reason
        self.date = date  # the date that makes them a candidate (last visit, surgery, treatment)
        self.detail = detail  # treatment category or tooth
        self.history = history  # 65+ list: the insured benefits already used
        self._patient = patient
        self._row = row  # the EMR row (a dict or a tuple) the mapper turns into the patient
        self._mapper = mapper

    @property
    def patient(self) -> Patient | None:
        if self._patient is None and self._row is not None and self._mapper is not None:
            self._patient = self._mapper(self._row)
            self._row = None
        return self._patient

    def __repr__(self) -> str:
        return (f"Candidate(patient_id={self.patient_id!r}, reason={self.reason!r}, date={self.date!r}, "
                f"detail={self.detail!r})")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Candidate) and (self.patient_id, self.reason, self.date, self.detail) == (
            other.patient_id, other.reason, other.date, other.detail)
