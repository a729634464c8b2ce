"""EMR (and SMS agent) database URLs: ``postgresql://``, ``mysql://``/``mariadb://``, ``mssql://``, ``sqlite:///path``;
parsed, masked for output, and the password kept apart (it lives in the 0600 secrets file)."""

from __future__ import annotations

import dataclasses
import re
import urllib.parse

from appliance.errors import ConfigError

SCHEMES = {
    "postgresql": "postgresql", "postgres": "postgresql",
    "mysql": "mysql", "mariadb": "mysql",
    "mssql": "mssql", "sqlserver": "mssql",
    "sqlite": "sqlite",
}


@dataclasses.dataclass(frozen=True)
class DbUrl:
    dialect: str
    user: str | None
    password: str | None
    host: str | None
    port: int | None
    database: str | None
    query: dict[str, str]
    raw: str

    @property
    def masked(self) -> str:
        return mask_url(self.raw)


def parse_url(url: str) -> DbUrl:
    parts = urllib.parse.urlsplit(url)
    dialect = SCHEMES.get(parts.scheme.split("+")[0].lower())
    if dialect is None:
        raise ConfigError(f"EMR URL scheme {parts.scheme!r} not supported; use postgresql://, mysql://, mariadb://, "
                          "mssql:// or sqlite:///path")
    query = dict(urllib.parse.parse_qsl(parts.query))
    if dialect == "sqlite":
        path = url.split("://", 1)[1]
        path = path.split("?", 1)[0]
        if path.startswith("/"):
            path = path[1:] if path.startswith("//") else path
        return DbUrl(dialect, None, None, None, None, path, query, url)
    return DbUrl(
        dialect,
        urllib.parse.unquote(parts.username) if parts.username else None,
        urllib.parse.unquote(parts.password) if parts.password else None,
        parts.hostname,
        parts.port,
        parts.path.lstrip("/") or None,
        query,
        url,
    )


def mask_url(url: str) -> str:
    """Replace the password in a URL with ``***`` (for output and logs)."""
    return re.sub(r"(//[^:/@]+:)[^@]*@", r"\1***@", url)


def with_password(url: str, password: str | None) -> str:
    if not password:
        return url
    parts = urllib.parse.urlsplit(url)
    if not parts.username or parts.password:
        return url
    netloc = f"{parts.username}:{urllib.parse.quote(password, safe='')}@{parts.hostname or ''}"
    if parts.port:
        netloc += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def split_password(url: str) -> tuple[str, str | None]:
    """``(url without password, password)`` so the password can live in the 0600 secrets file."""
    parts = urllib.parse.urlsplit(url)
    if not parts.password:
        return url, None
    netloc = f"{parts.username}@{parts.hostname or ''}"
    if parts.port:
        netloc += f":{parts.port}"
    clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return clean, urllib.parse.unquote(parts.password)
