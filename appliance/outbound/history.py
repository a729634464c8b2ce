"""What earlier campaign calls mean for today's plan: who is already called today, cooldowns, the advert
frequency cap (per patient and per phone: a family shares one mobile), appointments already reminded and
refusals.

``Context`` reads it once per planning run from ``HistoryItem`` rows: the CRM's task queue for the dialer
(``queue.history_items``), or the CRM's plus the calls a dry run has planned so far (``campaigns calendar``),
so both see the same rules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Iterable

from appliance.data.emr.model import ACTIVE_APPOINTMENT_STATUSES
from appliance.outbound.window import AD

AD_CAP_DAYS = 30  # at most one advertising call per patient and per phone in this many days (setting)
APPOINTMENT_HORIZON_DAYS = 180
HISTORY_DAYS = 400


@dataclasses.dataclass(frozen=True)
class HistoryItem:
    """One queued or finished campaign call, as the rules need it (no PHI beyond ids and the number)."""

    key: str
    campaign: str
    kind: str
    patient_id: str
    phone: str
    day: dt.date
    patients: tuple[str, ...] = ()  # every patient the call is about (merged reminders)
    refs: tuple[str, ...] = ()  # appointment refs a reminder covers
    status: str = "queued"
    task_id: int | None = None


@dataclasses.dataclass
class OptOuts:
    phones_ad: set[str] = dataclasses.field(default_factory=set)
    phones_all: set[str] = dataclasses.field(default_factory=set)
    patients_ad: set[str] = dataclasses.field(default_factory=set)
    patients_all: set[str] = dataclasses.field(default_factory=set)

    @classmethod
    def from_crm(cls) -> "OptOuts":
        from appliance.data.crm_records import OptOut, refuses

        out = cls()
        for row in OptOut.select():
            for advertising, phones, patients in ((True, out.phones_ad, out.patients_ad),
                                                  (False, out.phones_all, out.patients_all)):
                if refuses(row.scope, "call", advertising):  # the dialer's own rule, per purpose
                    if row.phone:
                        phones.add(row.phone)
                    if row.patient_id:
                        patients.add(str(row.patient_id))
        return out

    def refused(self, patient_id: str, numbers: Iterable[str], advertising: bool) -> bool:
        patients, phones = (self.patients_ad, self.phones_ad) if advertising else (self.patients_all, self.phones_all)
        return patient_id in patients or any(n in phones for n in numbers)


class Context:
    """What the exclusions need, read once per planning run; ``take`` records today's new targets."""

    def __init__(self, emr: Any, today: dt.date, now: dt.datetime, *, history: Iterable[HistoryItem] = (),
                 optouts: OptOuts | None = None, ad_cap_days: int = AD_CAP_DAYS):
        self.emr = emr
        self.today = today
        self.now = now
        self.ad_cap_days = ad_cap_days
        self.optouts = optouts if optouts is not None else OptOuts.from_crm()
        self.history = list(history)
        self._by_patient: dict[str, list[HistoryItem]] = {}
        self._by_phone: dict[str, list[HistoryItem]] = {}
        self.taken_patients: set[str] = set()
        self.taken_phones: set[str] = set()
        self.reminded_refs: set[str] = set()
        self.keys: set[str] = set()
        for item in self.history:
            self._index(item)
        self._booked: set[str] | None = None

    def _index(self, item: HistoryItem) -> None:
        for pid in set(item.patients or (item.patient_id,)):
            self._by_patient.setdefault(pid, []).append(item)
            if item.day == self.today:
                self.taken_patients.add(pid)
        self._by_phone.setdefault(item.phone, []).append(item)
        if item.day == self.today:
            self.taken_phones.add(item.phone)
        self.reminded_refs.update(item.refs)
        self.keys.add(item.key)

    def take(self, item: HistoryItem) -> None:
        """A target planned now: later campaigns (and later runs of a dry run) see it."""
        self.history.append(item)
        self._index(item)

    def booked_patients(self) -> set[str]:
        """Patients with an active appointment today or later (an advert or a check-up offer is pointless)."""
        if self._booked is None:
            horizon = self.today + dt.timedelta(days=APPOINTMENT_HORIZON_DAYS)
            rows = self.emr.appointments_between(self.today, horizon)
            self._booked = {a.patient_id for a in rows if a.patient_id and a.status in ACTIVE_APPOINTMENT_STATUSES
                            and a.start.date() >= self.today}
        return self._booked

    def in_cooldown(self, campaign: str, patient_id: str, days: int) -> bool:
        if days <= 0:
            return False
        limit = self.today - dt.timedelta(days=days)
        return any(t.campaign == campaign and limit < t.day < self.today for t in self._by_patient.get(patient_id, ()))

    def ad_capped(self, patient_id: str, phone: str) -> bool:
        """An advertising call to this patient or this phone within the cap (today's are dedup's business)."""
        limit = self.today - dt.timedelta(days=self.ad_cap_days)
        items = list(self._by_patient.get(patient_id, ())) + list(self._by_phone.get(phone, ()))
        return any(t.kind == AD and limit < t.day < self.today for t in items)

    def reminder_queued_today(self, phone: str) -> HistoryItem | None:
        """Today's reminder call to ``phone`` not dialled yet (a new appointment joins it: one call a day)."""
        for item in self._by_phone.get(phone, ()):
            if item.campaign == "reminder" and item.day == self.today and item.status == "queued":
                return item
        return None


def task_key(campaign: str, patient_id: str, ref: str) -> str:
    """A task's unique key: targeting the same call twice adds nothing."""
    return f"{campaign}:{patient_id}:{ref}"[:160]


def appointment_ref(entry: dict[str, Any]) -> str:
    """What identifies an appointment across runs: its EMR id, else its patient and start."""
    return f"appt{entry.get('id')}" if entry.get("id") else f"appt{entry.get('patient_id')}@{entry.get('start')}"
