"""EMR rows to the canonical objects (``Patient``, ``Treatment``, ``Appointment``, ``Candidate``): the profile's value
maps applied (sex, insurance, status and yes/no flags), phone numbers canonical with mobiles first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from appliance.data import phone as phones
from appliance.data.emr.model import Appointment, BadRow, Candidate, Patient, Treatment
from appliance.data.emr.profile import Profile
from appliance.data.emr.values import (
    canonical_phone as _canonical_phone, parse_date, parse_minutes, parse_time, text as _s,
)


def yes_no(profile: Profile, value: Any) -> bool:
    """A yes/no column (active doctors and chairs) through the profile's ``flag`` values."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    mapped = profile.value("flag", value, "false")
    return str(mapped).lower() in ("true", "1", "y", "yes")


class RowMapper:
    """The row mapping of ``EMR`` (a mixin: needs its ``profile``)."""

    profile: Profile
    _value_maps: tuple[dict, dict, dict, dict] | None = None

    def _maps(self) -> tuple[dict, dict, dict, dict]:
        """The profile's value maps (sex, insurance, status, flag), looked up once."""
        if self._value_maps is None:
            v = self.profile.values
            self._value_maps = (v.get("sex", {}), v.get("insurance", {}), v.get("status", {}), v.get("flag", {}))
        return self._value_maps

    def patient(self, row: dict[str, Any]) -> Patient:
        """Map one patient row (hot path for campaign target lists: keep it cheap)."""
        sex_map, ins_map, status_map, flag_map = self._maps()
        numbers = []
        for key in ("phone1", "phone2", "phone3"):
            raw = row.get(key)
            if raw:
                n = _canonical_phone(str(raw))
                if n and n not in numbers:
                    numbers.append(n)
        if len(numbers) > 1:
            numbers.sort(key=lambda n: not phones.is_mobile(n))

        def code(key: str, mapping: dict, default: Any) -> Any:
            raw = row.get(key)
            if raw is None:
                return default
            text = _s(raw) or ""
            if not mapping:
                return text or default
            got = mapping.get(text)
            return got if got is not None else mapping.get("*", default)

        def flag(key: str) -> bool:
            raw = row.get(key)
            if raw is None:
                return False
            if isinstance(raw, bool):
                return raw
            got = flag_map.get(_s(raw) or "", flag_map.get("*", str(raw)))
            return str(got).lower() in ("true", "1", "y", "yes")

        ident = row.get("id")
        if ident is None:
            ident = row.get("patient_id")
        return Patient(
            id=_s(ident) or "",
            chart_no=_s(row.get("chart_no")),
            name=_s(row.get("name")),
            birth_date=parse_date(row.get("birth_date")),
            sex=code("sex", sex_map, None),
            phones=numbers,
            insurance=code("insurance", ins_map, "none"),
            private_insurance=flag("private_insurance"),
            marketing_consent=flag("marketing_consent"),
            marketing_consent_date=parse_date(row.get("marketing_consent_date")),
            night_consent=flag("night_consent"),
            guardian_consent=flag("guardian_consent"),
            status=code("status", status_map, "active"),
            last_visit=parse_date(row.get("last_visit")),
        )

    def treatment(self, row: dict[str, Any]) -> Treatment:
        code = _s(row.get("code"))
        name = _s(row.get("tx_name") if "tx_name" in row else row.get("name"))
        return Treatment(
            date=parse_date(row.get("date") or row.get("candidate_date")) or dt.date.min,
            category=self.profile.category(code, name), code=code, name=name, tooth=_s(row.get("tooth")),
            doctor=_s(row.get("doctor")), patient_id=_s(row.get("patient_id") or row.get("id")),
            visit_id=_s(row.get("visit_id")),
        )

    def appointment(self, row: dict[str, Any]) -> Appointment:
        """Map one appointment row; ``BadRow`` when its date, time or length cannot be read (no guessing)."""
        start = row["start"] if isinstance(row.get("start"), dt.datetime) else None
        if start is None:
            day = parse_date(row.get("date") or row.get("start"))
            at = parse_time(row.get("time"))
            if day is None or at is None:
                raise BadRow("appointment without a readable date and time")
            start = dt.datetime.combine(day, at)
        text = _s(row.get("treatment"))
        return Appointment(
            id=_s(row.get("id")), patient_id=_s(row.get("patient_id")), start=start,
            duration_min=parse_minutes(row.get("duration_min")), doctor=_s(row.get("doctor")),
            chair=_s(row.get("chair")),
            status=self.profile.value("appointment_status", _s(row.get("status")), "booked"),
            treatment=self.profile.category(None, text) or text, memo=_s(row.get("memo")),
        )

    def candidate(self, row: dict[str, Any], reason: str, detail: str | None = None) -> Candidate:
        return Candidate(
            patient_id=_s(row.get("id") or row.get("patient_id")) or "", reason=reason,
            date=parse_date(row.get("candidate_date")), detail=detail,
            row=row if "name" in row else None, mapper=self.patient,
        )
