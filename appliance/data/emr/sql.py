"""SQL text of the profiles: the read-only guard, and ``:name`` parameters rewritten for each driver."""

from __future__ import annotations

import re
from typing import Any

from appliance.errors import ConfigError

_FORBIDDEN = re.compile(
    r"\b(INSERT|UPDATE|DELETE|MERGE|DROP|ALTER|CREATE|TRUNCATE|GRANT|REVOKE|EXEC|EXECUTE|CALL|REPLACE\s+INTO|"
    r"INTO\s+OUTFILE|LOCK|ATTACH|PRAGMA|COPY|SET)\b",
    re.IGNORECASE,
)
_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_STRING = re.compile(r"'(?:[^']|'')*'")


def check_read_only(sql: str, where: str = "query") -> None:
    """Reject anything but one SELECT/WITH statement (the EMR is read-only for us except booking writes)."""
    stripped = _STRING.sub("''", sql).strip().rstrip(";").strip()
    head = stripped.split(None, 1)[0].upper() if stripped else ""
    if head not in ("SELECT", "WITH"):
        raise ConfigError(f"{where}: read queries must start with SELECT or WITH, got {head or 'nothing'!r}")
    if ";" in stripped:
        raise ConfigError(f"{where}: only one statement allowed (found ';')")
    bad = _FORBIDDEN.search(stripped)
    if bad:
        raise ConfigError(f"{where}: read query contains {bad.group(1).upper()!r}; read operations must not write")


def translate(sql: str, dialect: str) -> str:
    """``:name`` → the driver's paramstyle (sqlite keeps ``:name``; the others use ``%(name)s``)."""
    if dialect == "sqlite":
        return sql
    out = []
    pos = 0
    for m in _STRING.finditer(sql):
        out.append(_PARAM.sub(r"%(\1)s", sql[pos:m.start()].replace("%", "%%")))
        out.append(m.group(0).replace("%", "%%"))
        pos = m.end()
    out.append(_PARAM.sub(r"%(\1)s", sql[pos:].replace("%", "%%")))
    return "".join(out)


def param_names(sql: str) -> list[str]:
    names = []
    for m in _PARAM.finditer(_STRING.sub("''", sql)):
        if m.group(1) not in names:
            names.append(m.group(1))
    return names


def expand_lists(sql: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A list/tuple parameter ``:phones`` becomes ``:phones_0, :phones_1, ...`` (for ``IN (:phones)``)."""
    out = dict(params)
    for name, value in params.items():
        if isinstance(value, (list, tuple)):
            items = list(value) or [None]
            names = [f"{name}_{i}" for i in range(len(items))]
            sql = re.sub(rf"(?<![:\w]):{name}\b", ", ".join(":" + n for n in names), sql)
            del out[name]
            out.update(zip(names, items))
    return sql, out
