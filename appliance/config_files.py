"""The instance's config files (``dentalcall.ini``, ``secrets.ini``): read so that a file the engine cannot read is
a clear error, never a silent fall back to defaults, and written with the owners and modes the engine needs
(issue 11 item 3: root:dentalcall 0640 for the config, dentalcall 0600 for secrets)."""

from __future__ import annotations

import configparser
import grp
import os
import pwd
from pathlib import Path
from typing import Any

from appliance.errors import ConfigError


def coerce(name: str, default: Any, raw: Any) -> Any:
    """A setting's value from a file, the environment or an override, as the type of its default."""
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        return str(raw).strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"setting {name!r} must be an integer, got {raw!r}") from None
    if isinstance(default, float):
        try:
            return float(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"setting {name!r} must be a number, got {raw!r}") from None
    return str(raw)

ENGINE_USER = "dentalcall"  # the engine's user and group (install.sh); config files are for its eyes only


def read_ini(path: Path) -> configparser.ConfigParser | None:
    """Parse an ini file; None when it does not exist. A file that exists but cannot be read (or parsed) is a
    ConfigError naming the fix — never a silent fall back to defaults."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except PermissionError:
        try:
            user = pwd.getpwuid(os.geteuid()).pw_name
        except KeyError:
            user = str(os.geteuid())
        secret = Path(path).name == "secrets.ini"
        fix = (f"chown {ENGINE_USER}:{ENGINE_USER} {path} && chmod 0600 {path}" if secret
               else f"chown root:{ENGINE_USER} {path} && chmod 0640 {path}")
        raise ConfigError(f"{path} exists but user {user} cannot read it, so its settings would be ignored; "
                          f"as root run: chgrp {ENGINE_USER} {Path(path).parent} && chmod 0750 {Path(path).parent} "
                          f"&& {fix}  (`dentalcall init` run as root writes them so)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    parser = configparser.ConfigParser(interpolation=None if Path(path).name == "secrets.ini" else
                                       configparser.BasicInterpolation())
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        raise ConfigError(f"{path}: cannot parse ({exc}); fix the file or re-run `dentalcall init`") from None
    return parser


def write_private(path: Path, parser: configparser.ConfigParser, *, secret: bool) -> None:
    """Write a config file the engine can read and nobody else: as root, the config is ``root:dentalcall``
    0640 and a secrets file ``dentalcall:dentalcall`` 0600 (the production layout of install.sh); the folder,
    when created here, ``root:dentalcall`` 0750. Without root (tests, the engine itself) files keep the
    writer as owner, with the same modes."""
    path = Path(path)
    mode = 0o600 if secret else 0o640
    owner = engine_ids() if os.geteuid() == 0 else None
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o750)
        if owner is not None:
            os.chown(path.parent, 0, owner[1])
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        if owner is not None:
            os.fchown(fh.fileno(), owner[0] if secret else 0, owner[1])
        os.fchmod(fh.fileno(), mode)
        parser.write(fh)


def engine_ids() -> tuple[int, int] | None:
    """(uid, gid) of the engine's user and group, None when they do not exist (a developer machine)."""
    try:
        return pwd.getpwnam(ENGINE_USER).pw_uid, grp.getgrnam(ENGINE_USER).gr_gid
    except KeyError:
        return None


def read_secret(secrets_file: Path, name: str) -> str | None:
    """One secret from ``secrets.ini`` without creating it: None when the file or the name is missing (or empty).
    ``Config.secret`` is the one that generates a missing secret."""
    parser = read_ini(Path(secrets_file))
    value = parser.get("secrets", name, fallback=None) if parser is not None else None
    return value or None


def write_secret(secrets_file: Path, name: str, value: str | None) -> None:
    """Set one secret in ``secrets.ini`` (``None`` removes it), written like every secrets file: 0600, the
    engine's when run as root."""
    path = Path(secrets_file)
    parser = read_ini(path) or configparser.ConfigParser(interpolation=None)
    if not parser.has_section("secrets"):
        parser.add_section("secrets")
    if value is None:
        parser.remove_option("secrets", name)
    else:
        parser.set("secrets", name, value)
    write_private(path, parser, secret=True)
