"""Clinic facts and schedule from one validated TOML file (setting ``clinic_file``).

Default: ``<config_dir>/clinic.toml``. The shipped ``clinic.example.toml`` is a fictitious DEMO clinic (it has a
``[demo]`` section): demo and test instances (``Config.demo_or_test_instance``) fall back to it, production never —
there a missing facts file, demo facts or the example's fictitious phone/address are a ConfigError, so the engine
refuses calls (``refusal_for_calls``: straight to staff/voicemail) and ``doctor`` fails instead of callers being
told a wrong address, price or emergency number. Every error names the key and the fix. Korean public holidays
(incl. 설날/추석 and 대체공휴일) come from ``holidays``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import tomllib
from pathlib import Path
from typing import Any

import holidays as holidays_lib

from appliance.data.emr.model import TREATMENTS
from appliance.errors import ConfigError

EXAMPLE = Path(__file__).resolve().parent / "clinic.example.toml"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_KO = ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclasses.dataclass
class DoctorInfo:
    name: str
    emr_id: str | None = None
    title: str = "원장"
    days: tuple[str, ...] = WEEKDAYS


@dataclasses.dataclass
class Price:
    min: int
    max: int
    note: str = ""


@dataclasses.dataclass
class Facts:
    path: Path
    name: str
    phone: str
    address: str = ""
    parking: str = ""
    directions: str = ""
    emergency: str = ""
    insurance_notes: list[str] = dataclasses.field(default_factory=list)
    hours: dict[str, tuple[dt.time, dt.time] | None] = dataclasses.field(default_factory=dict)
    lunch: tuple[dt.time, dt.time] | None = None
    lunch_days: tuple[str, ...] = WEEKDAYS
    public_holidays: bool = True
    closed_dates: set[dt.date] = dataclasses.field(default_factory=set)
    open_dates: set[dt.date] = dataclasses.field(default_factory=set)
    doctors: list[DoctorInfo] = dataclasses.field(default_factory=list)
    chairs: int = 1
    durations: dict[str, int] = dataclasses.field(default_factory=dict)
    prices: dict[str, Price] = dataclasses.field(default_factory=dict)
    slot_step_min: int = 30
    doctor_parallel: int = 2
    min_notice_min: int = 60
    max_days_ahead: int = 60
    demo: bool = False  # the file has a [demo] section: fictitious facts for demos and tests only

    # --- calendar ---------------------------------------------------------------------------------
    def holiday_name(self, day: dt.date) -> str | None:
        if not self.public_holidays:
            return None
        return _kr_holidays(day.year).get(day)

    def closed_reason(self, day: dt.date) -> str | None:
        """Why the clinic is closed on ``day`` (None when open)."""
        if day in self.open_dates:
            return None if self.hours.get(WEEKDAYS[day.weekday()]) else "정기 휴진"
        if day in self.closed_dates:
            return "휴진일"
        name = self.holiday_name(day)
        if name:
            return name
        if not self.hours.get(WEEKDAYS[day.weekday()]):
            return "정기 휴진"
        return None

    def is_open_day(self, day: dt.date) -> bool:
        return self.closed_reason(day) is None

    def open_hours(self, day: dt.date) -> tuple[dt.time, dt.time] | None:
        if not self.is_open_day(day):
            return None
        return self.hours.get(WEEKDAYS[day.weekday()])

    def lunch_on(self, day: dt.date) -> tuple[dt.time, dt.time] | None:
        if self.lunch and WEEKDAYS[day.weekday()] in self.lunch_days:
            return self.lunch
        return None

    def is_open_at(self, moment: dt.datetime) -> bool:
        hours = self.open_hours(moment.date())
        if not hours or not (hours[0] <= moment.time() < hours[1]):
            return False
        lunch = self.lunch_on(moment.date())
        return not (lunch and lunch[0] <= moment.time() < lunch[1])

    def duration(self, treatment: str | None) -> int:
        return self.durations.get(treatment or "", self.durations.get("checkup", 30))

    def doctor(self, name_or_id: str | None) -> DoctorInfo | None:
        if not name_or_id:
            return None
        for d in self.doctors:
            if name_or_id in (d.name, d.emr_id) or d.name.startswith(name_or_id):
                return d
        return None

    def doctors_on(self, day: dt.date) -> list[DoctorInfo]:
        return [d for d in self.doctors if WEEKDAYS[day.weekday()] in d.days]


@functools.lru_cache(maxsize=8)
def _kr_holidays(year: int) -> dict[dt.date, str]:
    """Korean public holidays of ``year`` incl. 설날/추석 and 대체공휴일 (computed once per year)."""
    return dict(holidays_lib.country_holidays("KR", years=year, language="ko").items())


def path_for(config: Any) -> Path:
    """The facts file of this instance: ``clinic_file``, else ``<config_dir>/clinic.toml``; only a demo/test
    instance (or no config at all: pure tools) falls back to the shipped demo facts."""
    explicit = config.clinic_file if config is not None else ""
    if explicit:
        return Path(explicit)
    if config is None:
        return EXAMPLE
    candidate = Path(config.config_dir) / "clinic.toml"
    if candidate.exists() or not _demo_allowed(config):
        return candidate
    return EXAMPLE


def load_for(config: Any) -> Facts:
    """The validated facts of this instance; on production, demo or example facts are a ConfigError."""
    facts = load(path_for(config))
    if config is not None and not _demo_allowed(config):
        problem = production_problem(facts, Path(config.config_dir) / "clinic.toml")
        if problem:
            raise ConfigError(problem)
    return facts


def production_problem(facts: Facts, target: Path = Path("/etc/dentalcall/clinic.toml")) -> str | None:
    """Why ``facts`` must not answer real callers (demo facts, or the example's fictitious values left in)."""
    fix = (f"copy {EXAMPLE} to {target} (or set clinic_file), enter this clinic's own phone, "
           "address, hours, prices and emergency advice, and delete its [demo] section; then `dentalcall doctor`")
    if facts.demo:
        return f"{facts.path} holds the shipped DEMO clinic facts (fictitious phone, address, prices); {fix}"
    example = _example_values()
    left = [key for key in ("phone", "address", "emergency")
            if getattr(facts, key) and getattr(facts, key) == example[key]]
    if left:
        return f"{facts.path}: {', '.join(left)} still the example's fictitious value; {fix}"
    return None


def refusal_for_calls(config: Any) -> str | None:
    """For the engine, before it answers a call: None when the clinic facts may answer callers, else the reason
    (missing, unreadable, invalid or demo facts on a production instance) — the call then goes straight to the
    dialplan's fallback (apology, staff during opening hours, else voicemail)."""
    try:
        load_for(config)
    except ConfigError as exc:
        return str(exc)
    return None


def _demo_allowed(config: Any) -> bool:
    return config.demo_or_test_instance


@functools.lru_cache(maxsize=1)
def _example_values() -> dict[str, str]:
    clinic = tomllib.loads(EXAMPLE.read_text(encoding="utf-8")).get("clinic", {})
    return {key: str(clinic.get(key, "")) for key in ("phone", "address", "emergency")}


def load(path: str | Path) -> Facts:
    path = Path(path)
    if not path.exists():
        raise ConfigError(f"clinic facts file {path} not found; copy {EXAMPLE} there, enter this clinic's facts "
                          "and delete its [demo] section (or set clinic_file)")
    try:
        text = path.read_text(encoding="utf-8")
    except PermissionError:
        raise ConfigError(f"clinic facts file {path} exists but this user cannot read it; as root: "
                          f"chown root:dentalcall {path} && chmod 0640 {path}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); check quotes and brackets on that line") from None
    return parse(data, path)


def parse(data: dict[str, Any], path: Path = EXAMPLE) -> Facts:
    where = str(path)

    def err(key: str, problem: str, fix: str) -> ConfigError:
        return ConfigError(f"{where}: {key}: {problem}; {fix}")

    def time_of(key: str, text: Any) -> dt.time:
        m = _TIME.match(str(text).strip())
        if not m:
            raise err(key, f"{text!r} is not a time", 'write it as "HH:MM", e.g. "09:30"')
        return dt.time(int(m.group(1)), int(m.group(2)))

    def day_list(key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or any(v not in WEEKDAYS for v in value):
            raise err(key, f"{value!r} is not a list of weekdays", f"use a list of {', '.join(WEEKDAYS)}")
        return tuple(value)

    def date_list(key: str, value: Any) -> set[dt.date]:
        out = set()
        for item in value or []:
            if isinstance(item, dt.date):
                out.add(item)
                continue
            try:
                out.add(dt.date.fromisoformat(str(item)))
            except ValueError:
                raise err(key, f"{item!r} is not a date", 'write dates as "YYYY-MM-DD"') from None
        return out

    clinic = data.get("clinic")
    if not isinstance(clinic, dict):
        raise err("[clinic]", "section missing", 'add [clinic] with name = "..." and phone = "..."')
    for key in ("name", "phone"):
        if not str(clinic.get(key, "")).strip():
            raise err(f"[clinic] {key}", "missing", f'add {key} = "..." under [clinic]')
    hours_raw = data.get("hours")
    if not isinstance(hours_raw, dict):
        raise err("[hours]", "section missing", 'add [hours] with mon = "09:30-18:30" ... sun = "closed"')
    hours: dict[str, tuple[dt.time, dt.time] | None] = {}
    for key, value in hours_raw.items():
        if key not in WEEKDAYS:
            raise err(f"[hours] {key}", "unknown weekday", f"use {', '.join(WEEKDAYS)}")
        text = str(value).strip().lower()
        if text in ("closed", "휴진", ""):
            hours[key] = None
            continue
        parts = re.split(r"\s*[-~]\s*", text)
        if len(parts) != 2:
            raise err(f"[hours] {key}", f"{value!r} is not a range", 'write "HH:MM-HH:MM" or "closed"')
        start, end = time_of(f"[hours] {key}", parts[0]), time_of(f"[hours] {key}", parts[1])
        if end <= start:
            raise err(f"[hours] {key}", f"closes ({end:%H:%M}) before it opens ({start:%H:%M})",
                      "swap or fix the times")
        hours[key] = (start, end)
    for day in WEEKDAYS:
        hours.setdefault(day, None)
    if not any(hours.values()):
        raise err("[hours]", "every day is closed", "give at least one day opening hours")
    lunch = None
    lunch_days: tuple[str, ...] = WEEKDAYS
    if "lunch" in data:
        lr = data["lunch"]
        lunch = (time_of("[lunch] start", lr.get("start")), time_of("[lunch] end", lr.get("end")))
        if lunch[1] <= lunch[0]:
            raise err("[lunch] end", "is before start", "fix the lunch break times")
        if "days" in lr:
            lunch_days = day_list("[lunch] days", lr["days"])
    closed = data.get("closed", {})
    doctors = []
    for i, d in enumerate(data.get("doctors", [])):
        if not d.get("name"):
            raise err(f"[[doctors]] #{i + 1}", "has no name", 'add name = "..."')
        doctors.append(DoctorInfo(name=str(d["name"]), emr_id=str(d["emr_id"]) if d.get("emr_id") is not None else None,
                                  title=str(d.get("title", "원장")),
                                  days=(day_list(f"[[doctors]] {d['name']} days", d["days"]) if "days" in d
                                        else WEEKDAYS)))
    if not doctors:
        raise err("[[doctors]]", "no doctor listed", 'add at least one [[doctors]] block with name = "..."')
    chairs = data.get("chairs", {}).get("count", 1)
    if not isinstance(chairs, int) or chairs < 1:
        raise err("[chairs] count", f"{chairs!r} is not a positive number", "set count = 3 (number of unit chairs)")
    durations = {}
    for key, value in data.get("durations", {}).items():
        if key not in TREATMENTS:
            raise err(f"[durations] {key}", "unknown treatment", f"use one of {', '.join(TREATMENTS)}")
        if not isinstance(value, int) or not 5 <= value <= 480:
            raise err(f"[durations] {key}", f"{value!r} minutes", "use whole minutes between 5 and 480")
        durations[key] = value
    prices = {}
    for key, value in data.get("prices", {}).items():
        if key not in TREATMENTS:
            raise err(f"[prices] {key}", "unknown treatment", f"use one of {', '.join(TREATMENTS)}")
        if isinstance(value, int):
            value = {"min": value, "max": value}
        low, high = (value.get("min"), value.get("max", value.get("min"))) if isinstance(value, dict) else (None, None)
        if not isinstance(low, int) or not isinstance(high, int):
            raise err(f"[prices] {key}", f"{value!r}", "write { min = 15000, max = 20000, note = \"...\" } in KRW")
        p = Price(min=low, max=high, note=str(value.get("note", "")))
        if p.max < p.min:
            raise err(f"[prices] {key}", "max is below min", "swap the numbers")
        prices[key] = p
    booking = data.get("booking", {})
    ints = {}
    for key, default, lo, hi in (("slot_step_min", 30, 5, 120), ("doctor_parallel", 2, 1, 10),
                                 ("min_notice_min", 60, 0, 7 * 24 * 60), ("max_days_ahead", 60, 1, 366)):
        value = booking.get(key, default)
        if not isinstance(value, int) or not lo <= value <= hi:
            raise err(f"[booking] {key}", f"{value!r}", f"use a whole number between {lo} and {hi}")
        ints[key] = value
    notes = clinic.get("insurance_notes", [])
    if isinstance(notes, str):
        notes = [notes]
    return Facts(
        path=path, name=str(clinic["name"]), phone=str(clinic["phone"]), address=str(clinic.get("address", "")),
        parking=str(clinic.get("parking", "")), directions=str(clinic.get("directions", "")),
        emergency=str(clinic.get("emergency", "")), insurance_notes=[str(n) for n in notes], hours=hours,
        lunch=lunch, lunch_days=lunch_days, public_holidays=bool(closed.get("public_holidays", True)),
        closed_dates=date_list("[closed] dates", closed.get("dates")),
        open_dates=date_list("[closed] open_dates", closed.get("open_dates")),
        doctors=doctors, chairs=chairs, durations=durations, prices=prices, demo=isinstance(data.get("demo"), dict),
        **ints,
    )
