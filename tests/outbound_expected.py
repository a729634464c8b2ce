"""The campaign rules written out a second time, independently of ``appliance.outbound``: the EMR read with plain
SQL, then day by day in plain Python — who each campaign should call. The simulation test compares the real
dialer's queue with this.

Rules (docs in appliance/outbound/targeting.py): campaigns plan on the clinic's open days in priority order
(reminder, happy_call, implant_checkup, insured_treatment, insurance_scaling, recall); one call per patient
and per phone a day (reminders on one phone merge into one call and are never deferred); adverts need the
newest marketing consent "Y" dated within two years (and a guardian's consent under 14); the advert cap is
30 days per patient and per phone; cooldowns per campaign; only mobile and geographic numbers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict

from appliance.data.emr import drivers

MOBILE = ("010", "011", "016", "017", "018", "019")
AREAS = ("031", "032", "033", "041", "042", "043", "044", "051", "052", "053", "054", "055", "061", "062", "063", "064")
HAPPY = {"U4411", "U4413", "U0701", "U0702", "UX111", "IMP01", "U4412"}
SURGERY = {"UX111", "IMP01", "U4411", "U4413", "U4412"}
IMPLANT_SURGERY = {"UX111", "IMP01"}
AD_CAMPAIGNS = ("insured_treatment", "insurance_scaling", "recall")
COOLDOWN = {"reminder": 0, "happy_call": 0, "implant_checkup": 60, "insured_treatment": 90, "insurance_scaling": 60,
            "recall": 90}


def d(text: str | None) -> dt.date | None:
    if not text or not str(text).strip().isdigit() or len(str(text).strip()) != 8:
        return None
    try:
        return dt.datetime.strptime(str(text).strip(), "%Y%m%d").date()
    except ValueError:
        return None


def months_ago(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def years_ago(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def age(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def number(raw: str | None) -> str | None:
    digits = re.sub(r"\D", "", raw or "")
    if digits.startswith(MOBILE) and len(digits) in (10, 11):
        return digits
    if digits.startswith("02") and len(digits) in (9, 10):
        return digits
    if digits[:3] in AREAS and len(digits) in (10, 11):
        return digits
    return None


class EmrFacts:
    """Everything the rules need, read once with plain SQL."""

    def __init__(self, url: str):
        conn = drivers.connect(url, read_only=True, connect_timeout=5, statement_timeout=60)
        try:
            def q(sql: str) -> list[dict]:  # column names as the schema spells them
                return [{k.upper(): v for k, v in row.items()} for row in conn.query(sql)]

            self.patients = {int(r["PT_ID"]): r for r in q("SELECT * FROM PATIENT")}
            consents = q("SELECT CS_ID, CS_PTID, CS_TYPE, CS_AGREE, CS_DATE FROM CONSENT ORDER BY CS_DATE, CS_ID")
            self.receipts: dict[int, list[dt.date]] = defaultdict(list)
            for r in q("SELECT RCP_PTID, RCP_DATE FROM RECEIPT"):
                self.receipts[int(r["RCP_PTID"])].append(d(r["RCP_DATE"]))
            self.treatments: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
            for r in q("SELECT TD_PTID, TD_DATE, TX_CODE FROM TREAT_DETAIL ORDER BY TD_DATE, TD_ID"):
                self.treatments[int(r["TD_PTID"])].append((d(r["TD_DATE"]), r["TX_CODE"]))
            self.reservations = q("SELECT RSV_ID, RSV_PTID, RSV_DATE, RSV_TIME, RSV_MIN, RSV_STATUS FROM RESERVATION")
        finally:
            conn.close()
        self.consents = consents
        self.newest: dict[tuple[int, str], dict] = {}
        for c in consents:  # date, then row order: the last one is in force
            self.newest[(int(c["CS_PTID"]), c["CS_TYPE"])] = c

    def phone(self, pid: int) -> str | None:
        p = self.patients[pid]
        numbers = [n for n in (re.sub(r"\D", "", p["PT_HP"] or ""), re.sub(r"\D", "", p["PT_TEL"] or "")) if n]
        numbers.sort(key=lambda n: not n.startswith(MOBILE))
        return next((number(n) for n in numbers if number(n)), None)

    def active(self, pid: int) -> bool:
        return self.patients[pid]["PT_STATUS"] == "A"

    def born(self, pid: int) -> dt.date | None:
        return d(self.patients[pid]["PT_BIRTH"])

    def ad_consent(self, pid: int, day: dt.date) -> bool:
        c = self.newest.get((pid, "MKT"))
        if not c or c["CS_AGREE"] != "Y" or d(c["CS_DATE"]) is None or (day - d(c["CS_DATE"])).days > 730:
            return False
        born = self.born(pid)
        if born is None or age(born, day) < 14:
            g = self.newest.get((pid, "GUARD"))
            return bool(g and g["CS_AGREE"] == "Y")
        return True

    def booked_from(self, pid: int, day: dt.date) -> bool:
        return any(int(r["RSV_PTID"] or 0) == pid and r["RSV_STATUS"] in ("R", "C") and d(r["RSV_DATE"])
                   and day <= d(r["RSV_DATE"]) <= day + dt.timedelta(days=180) for r in self.reservations)


class Expected:
    """Day-by-day calls: {(day, campaign): {(phone, frozenset(patients))}} and the closed-day reports."""

    def __init__(self, emr: EmrFacts, facts, *, skip_reservations: set[int] = frozenset()):
        self.emr = emr
        self.facts = facts
        self.skip = skip_reservations
        self.calls: dict[tuple[dt.date, str], set[tuple[str, frozenset]]] = defaultdict(set)
        self.history: list[tuple[dt.date, str, str, frozenset, str]] = []  # day, campaign, phone, patients, key
        self.reminded: dict[int, dt.date] = {}  # reservation id -> the day its reminder call was queued
        self.closed_day: set[int] = set()

    def run(self, first: dt.date, days: int) -> "Expected":
        for i in range(days):
            day = first + dt.timedelta(days=i)
            if self.facts.is_open_day(day):
                self.plan_day(day)
        return self

    # --- the day's plan ---------------------------------------------------------------------------------
    def plan_day(self, day: dt.date) -> None:
        self.taken_patients: set[str] = set()
        self.taken_phones: set[str] = set()
        self.reminders(day)
        self.happy_calls(day)
        self.checkups(day)
        self.insured(day)
        self.scaling(day)
        self.recall(day)

    def add(self, day, campaign, phone, patients, key) -> None:
        self.calls[(day, campaign)].add((phone, frozenset(patients)))
        self.history.append((day, campaign, phone, frozenset(patients), key))
        self.taken_patients |= set(patients)
        self.taken_phones.add(phone)

    def cooled(self, campaign, pid, day) -> bool:
        n = COOLDOWN[campaign]
        return n > 0 and any(c == campaign and pid in pats and day - dt.timedelta(days=n) < t < day
                             for t, c, _, pats, _ in self.history)

    def capped(self, pid, phone, day) -> bool:
        return any(c in AD_CAMPAIGNS and (pid in pats or ph == phone) and day - dt.timedelta(days=30) < t < day
                   for t, c, ph, pats, _ in self.history)

    def keyed(self, key) -> bool:
        return any(k == key for *_, k in self.history)

    def free(self, pid, phone) -> bool:
        return pid not in self.taken_patients and phone not in self.taken_phones

    def reminders(self, day: dt.date) -> None:
        nxt = day + dt.timedelta(days=1)
        while not self.facts.is_open_day(nxt):
            nxt += dt.timedelta(days=1)
        by_phone: dict[str, list[str]] = defaultdict(list)
        for r in sorted(self.emr.reservations, key=lambda r: (r["RSV_DATE"], r["RSV_TIME"], r["RSV_ID"])):
            when = d(r["RSV_DATE"])
            if r["RSV_ID"] in self.skip or when is None or not day < when <= nxt or r["RSV_STATUS"] not in ("R", "C"):
                continue
            pid = int(r["RSV_PTID"] or 0)
            if pid not in self.emr.patients:
                continue
            if not self.facts.is_open_day(when):
                self.closed_day.add(int(r["RSV_ID"]))
                continue
            if not self.emr.active(pid):
                continue
            phone = self.emr.phone(pid)
            if phone is None:
                continue
            self.reminded[int(r["RSV_ID"])] = day
            by_phone[phone].append(str(pid))
        for phone, pids in by_phone.items():
            self.add(day, "reminder", phone, pids, None)

    def happy_calls(self, day: dt.date) -> None:
        back, found, days = day, 0, []
        while found < 2:
            back -= dt.timedelta(days=1)
            days.append(back)
            found += self.facts.is_open_day(back)
        seen: set[int] = set()
        for treated in days:
            treated_then = (p for p, tx in self.emr.treatments.items()
                            if any(t == treated and c in HAPPY for t, c in tx))
            for pid in sorted(treated_then):
                if pid in seen:
                    continue
                seen.add(pid)
                phone = self.emr.phone(pid)
                key = f"happy_call:{pid}:tx{treated.isoformat()}"
                if self.emr.active(pid) and phone and not self.keyed(key) and self.free(str(pid), phone):
                    self.add(day, "happy_call", phone, [str(pid)], key)

    def checkups(self, day: dt.date) -> None:
        lo, hi = day - dt.timedelta(days=33), day - dt.timedelta(days=27)
        latest: dict[int, dt.date] = {}
        for pid, tx in self.emr.treatments.items():
            for t, c in tx:
                if c in IMPLANT_SURGERY and lo <= t <= hi:
                    latest[pid] = max(latest.get(pid, t), t)
        for pid in latest:  # the order of the EMR's rows does not matter: one patient, one phone each time
            phone = self.emr.phone(pid)
            sp = str(pid)
            key = f"implant_checkup:{pid}:implant{latest[pid].isoformat()}"
            if (self.emr.active(pid) and phone and not self.emr.booked_from(pid, day)
                    and not self.cooled("implant_checkup", sp, day) and not self.keyed(key) and self.free(sp, phone)):
                self.add(day, "implant_checkup", phone, [sp], key)

    def _advert(self, day, campaign, pid, ref) -> None:
        phone = self.emr.phone(pid)
        sp = str(pid)
        key = f"{campaign}:{pid}:{ref}"  # the scaling ref is the year: once a year at most
        if (self.emr.active(pid) and phone and self.emr.ad_consent(pid, day) and not self.emr.booked_from(pid, day)
                and not self.cooled(campaign, sp, day) and not self.capped(sp, phone, day) and not self.keyed(key)
                and self.free(sp, phone)):
            self.add(day, campaign, phone, [sp], key)

    def seen_since(self, pid, since) -> bool:
        return any(v >= since for v in self.emr.receipts.get(pid, []))

    def insured(self, day: dt.date) -> None:
        seniors: set[int] = set()
        born_by, seen = years_ago(day, 65), months_ago(day, 60)
        for pid in sorted(self.emr.patients):
            born = self.emr.born(pid)
            if not (self.emr.active(pid) and born and dt.date(1900, 1, 1) <= born <= born_by
                    and self.seen_since(pid, seen)):
                continue
            p = self.emr.patients[pid]
            if p["PT_INSTYPE"] not in ("11", "21", "22") and p["PT_PRIVINS"] == "Y":
                continue  # the private-insurance track
            seniors.add(pid)
            if p["PT_INSTYPE"] not in ("11", "21", "22"):
                continue
            tx = self.emr.treatments.get(pid, [])
            if any(c in SURGERY and (day - t).days <= 90 for t, c in tx):
                continue
            implants = sum(c == "UX111" for _, c in tx)
            denture = any(c in ("UD111", "UD121") and t > years_ago(day, 7) for t, c in tx)
            if implants >= 2 and denture:
                continue
            self._advert(day, "insured_treatment", pid, f"senior{day.isoformat()}")
        before = months_ago(day, 3)
        for pid in sorted(self.emr.patients):
            visits = self.emr.receipts.get(pid, [])
            p = self.emr.patients[pid]
            if (pid in seniors or not self.emr.active(pid) or p["PT_PRIVINS"] != "Y"
                    or not any(v < before for v in visits) or any(v >= before for v in visits)):
                continue
            self._advert(day, "insured_treatment", pid, f"private{day.isoformat()}")

    def scaling(self, day: dt.date) -> None:
        born_by, seen, year_start = years_ago(day, 19), months_ago(day, 36), dt.date(day.year, 1, 1)
        for pid in sorted(self.emr.patients):
            p = self.emr.patients[pid]
            born = self.emr.born(pid)
            if not (self.emr.active(pid) and p["PT_INSTYPE"] in ("11", "21", "22") and born
                    and dt.date(1900, 1, 1) <= born <= born_by and self.seen_since(pid, seen)):
                continue
            if any(c == "U2233" and t >= year_start for t, c in self.emr.treatments.get(pid, [])):
                continue
            self._advert(day, "insurance_scaling", pid, f"scaling{day.year}")

    def recall(self, day: dt.date) -> None:
        before, since = months_ago(day, 6), months_ago(day, 60)
        for pid in sorted(self.emr.patients):
            visits = self.emr.receipts.get(pid, [])
            if not (self.emr.active(pid) and any(since <= v < before for v in visits)
                    and not any(v >= before for v in visits)):
                continue
            if any(int(r["RSV_PTID"] or 0) == pid and r["RSV_STATUS"] in ("R", "C") and d(r["RSV_DATE"])
                   and d(r["RSV_DATE"]) >= day for r in self.emr.reservations):
                continue
            self._advert(day, "recall", pid, f"recall{day.isoformat()}")
