"""Declarative EMR profiles: one TOML file per EMR product.

A profile holds one parameterised SQL per operation (``[queries.NAME]``), value tables that translate the
EMR's codes into the canonical model (``[values.*]``, ``[treatments.*]``), constants passed to every query
(``[params]``, e.g. the scaling codes) and optional writes for booking (``[writes.*]``). Read queries are
checked to be a single SELECT when the profile loads. See docs/emr-profiles.md.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path
from typing import Any

from appliance.data.emr import drivers
from appliance.data.emr.model import TREATMENTS
from appliance.errors import ConfigError

PROFILES_DIR = Path(__file__).resolve().parent / "profiles"

# operation -> (required?, what each row must provide)
OPERATIONS: dict[str, tuple[bool, str]] = {
    "find_patients_by_phone": (True, "patient rows; :phones is the list of spellings of one number"),
    "get_patient": (True, "one patient row for :patient_id"),
    "list_visits": (True, "treatment rows of :patient_id, newest first, :limit rows"),
    "upcoming_appointments": (True, "appointment rows of :patient_id from :from_date"),
    "appointments_between": (True, "appointment rows with date in :date_from..:date_to (inclusive)"),
    "doctors": (False, "id, name, active"),
    "chairs": (False, "id, name, active"),
    "last_visits": (True, "candidate+patient rows: last visit before :before (recall)"),
    "scaling_this_year": (True, "patient_id, date: insurance scaling between :year_start and :year_end"),
    "scaling_unused": (True, "candidate+patient rows: adults (birth <= :birth_on_or_before) without scaling since "
                             ":year_start"),
    "implant_surgeries": (True, "patient_id, date, tooth, doctor, code between :date_from and :date_to"),
    "treatments_on": (True, "treatment rows on :date (happy calls)"),
    "seniors": (True, "candidate+patient rows: birth <= :birth_on_or_before (65+)"),
    "private_insurance": (False, "candidate+patient rows flagged with private dental insurance"),
}
# optional SQL conditions on a target list's canonical columns (``cq.<alias>``) that the connector adds when
# a campaign can only call the patients they keep: they must leave out exactly the rows the campaign's own
# check would leave out (docs/emr-profiles.md)
FILTERS = {
    "ad_consent": "marketing consent given and dated on or after :consent_since (advertising calls)",
}
WRITES = {
    "book_appointment": "INSERT a reservation from :patient_id, :date, :time, :duration_min, :doctor_id, :chair_id, "
                        ":treatment_name, :memo, :now",
    "booked_id": "SELECT the id of the row just inserted (same parameters)",
    "cancel_appointment": "UPDATE the status of :appointment_id to cancelled",
}


@dataclasses.dataclass
class Profile:
    name: str
    path: Path
    product: str
    verified: bool
    dialects: list[str]
    queries: dict[str, dict[str, str]]  # op -> {"sql": ..., "sql_postgresql": ...}
    writes: dict[str, dict[str, str]]
    values: dict[str, dict[str, str]]
    treatment_codes: dict[str, str]
    treatment_names: list[tuple[str, str]]
    params: dict[str, Any]
    notes: str = ""
    filters: dict[str, str] = dataclasses.field(default_factory=dict)

    def sql(self, op: str, dialect: str) -> str:
        entry = self.queries.get(op) or self.writes.get(op)
        if entry is None:
            raise ConfigError(f"profile {self.name!r} has no [queries.{op}] section")
        return entry.get(f"sql_{dialect}") or entry["sql"]

    def has(self, op: str) -> bool:
        return op in self.queries or op in self.writes

    @property
    def can_write(self) -> bool:
        return "book_appointment" in self.writes and "booked_id" in self.writes

    def value(self, table: str, raw: Any, default: Any = None) -> Any:
        if raw is None:
            return default
        mapping = self.values.get(table)
        key = raw.strip() if type(raw) is str else str(raw).strip()
        if not mapping:
            return key
        found = mapping.get(key)
        if found is not None:
            return found
        return mapping.get("*", default)

    def category(self, code: str | None, name: str | None) -> str | None:
        if code and code.strip() in self.treatment_codes:
            return self.treatment_codes[code.strip()]
        if name:
            for keyword, category in self.treatment_names:
                if keyword in name:
                    return category
        return None

    def reverse(self, table: str, canonical: str) -> str | None:
        for key, value in self.values.get(table, {}).items():
            if value == canonical and key != "*":
                return key
        return None


def available() -> list[str]:
    return sorted(p.stem for p in PROFILES_DIR.glob("*.toml"))


def load(name_or_path: str | Path) -> Profile:
    path = Path(name_or_path)
    if not path.suffix:
        path = PROFILES_DIR / f"{name_or_path}.toml"
    if not path.exists():
        raise ConfigError(
            f"EMR profile {str(name_or_path)!r} not found; shipped profiles: {', '.join(available())} "
            f"(or give a path to your own .toml, see docs/emr-profiles.md)"
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    return from_dict(data, path)


def from_dict(data: dict[str, Any], path: Path) -> Profile:
    meta = data.get("profile", {})
    where = str(path)
    queries = {k: _entry(v, f"{where} [queries.{k}]") for k, v in data.get("queries", {}).items()}
    writes = {k: _entry(v, f"{where} [writes.{k}]") for k, v in data.get("writes", {}).items()}
    for op, (required, what) in OPERATIONS.items():
        if required and op not in queries:
            raise ConfigError(f"{where}: missing [queries.{op}] ({what})")
    for op in queries:
        if op not in OPERATIONS:
            raise ConfigError(f"{where}: unknown operation [queries.{op}]; known: {', '.join(OPERATIONS)}")
    for op in writes:
        if op not in WRITES:
            raise ConfigError(f"{where}: unknown write [writes.{op}]; known: {', '.join(WRITES)}")
    for op, entry in queries.items():
        for key, sql in entry.items():
            drivers.check_read_only(sql, f"{where} [queries.{op}] {key}")
    filters = {str(k): re.sub(r"\s+", " ", str(v)).strip() for k, v in data.get("filters", {}).items()}
    for key, cond in filters.items():
        if key not in FILTERS:
            raise ConfigError(f"{where}: unknown filter [filters] {key}; known: {', '.join(FILTERS)}")
        drivers.check_read_only(f"SELECT 1 FROM cq WHERE {cond}", f"{where} [filters] {key}")
    if "booked_id" in writes:
        drivers.check_read_only(writes["booked_id"]["sql"], f"{where} [writes.booked_id]")
    tx = data.get("treatments", {})
    codes = {str(k): str(v) for k, v in tx.get("codes", {}).items()}
    names = [(str(k), str(v)) for k, v in tx.get("names", {}).items()]
    for key, category in list(codes.items()) + names:
        if category not in TREATMENTS:
            raise ConfigError(f"{where}: treatment {key!r} maps to {category!r}; use one of {', '.join(TREATMENTS)}")
    return Profile(
        name=str(meta.get("name") or path.stem),
        path=path,
        product=str(meta.get("product", "")),
        verified=bool(meta.get("verified", False)),
        dialects=list(meta.get("dialects", [])),
        queries=queries,
        writes=writes,
        values={k: {str(a): str(b) for a, b in v.items()} for k, v in data.get("values", {}).items()},
        treatment_codes=codes,
        treatment_names=names,
        params=dict(data.get("params", {})),
        notes=str(meta.get("notes", "")),
        filters=filters,
    )


def _entry(value: Any, where: str) -> dict[str, str]:
    if isinstance(value, str):
        value = {"sql": value}
    if not isinstance(value, dict) or "sql" not in value:
        raise ConfigError(f"{where}: needs sql = \"\"\"SELECT ...\"\"\"")
    return {k: re.sub(r"\s+", " ", str(v)).strip() for k, v in value.items() if k.startswith("sql")}
