"""The instance's config files (``dentalcall.ini``, ``secrets.ini``): read so that a file the engine cannot read is
a clear error, never a silent fall back to defaults, and written with the owners and modes the engine needs
(issue 11 item 3: root:dentalcall 0640 for the config, dentalcall 0600 for secrets)."""

from __future__ import annotations

import configparser
import fcntl
import grp
import io
import os
import pwd
from pathlib import Path
from typing import Any, Callable, TypeVar

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
        text = _read_locked(Path(path))
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


def _read_locked(path: Path) -> str:
    """The file's text under a shared lock: never half of a secrets file being rewritten (``update_secrets``)."""
    with open(path, encoding="utf-8") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_SH)
        try:
            return fh.read()
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _make_config_folder(folder: Path, owner: tuple[int, int] | None) -> None:
    """Create the config folder when missing: 0750, ``root:dentalcall`` when ``owner`` (the engine's ids) is given."""
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o750)
        if owner is not None:
            os.chown(folder, 0, owner[1])


def write_private(path: Path, parser: configparser.ConfigParser, *, secret: bool) -> None:
    """Write a config file the engine can read and nobody else: as root, the config is ``root:dentalcall``
    0640 and a secrets file ``dentalcall:dentalcall`` 0600 (the production layout of install.sh); the folder,
    when created here, ``root:dentalcall`` 0750. Without root (tests, the engine itself) files keep the
    writer as owner, with the same modes."""
    path = Path(path)
    mode = 0o600 if secret else 0o640
    owner = engine_ids() if os.geteuid() == 0 else None
    _make_config_folder(path.parent, owner)
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

    def change(section: configparser.SectionProxy) -> None:
        if value is None:
            section.pop(name, None)
        else:
            section[name] = value

    update_secrets(Path(secrets_file), change)


T = TypeVar("T")


def update_secrets(secrets_file: Path, change: Callable[[configparser.SectionProxy], T]) -> T:
    """Read, change and rewrite ``secrets.ini``'s ``[secrets]`` under an exclusive lock on the file itself.

    The engine, the CLI and the console may each create or change a secret at the same moment (a webhook signing
    key generated by two processes at once must end up as one key, the one both use); readers take a shared lock
    (``read_ini``), so they never see the file half rewritten. The lock is on the file, not a sibling lock file:
    the engine's user may not create files in the root-owned config folder. 0600, the engine's user as owner
    when run as root (``write_private``)."""
    path = Path(secrets_file)
    owner = engine_ids() if os.geteuid() == 0 else None
    _make_config_folder(path.parent, owner)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "r+", encoding="utf-8") as fh:
        fcntl.flock(fd, fcntl.LOCK_EX)
        text = fh.read()
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(text, source=str(path))
        except configparser.Error as exc:
            raise ConfigError(f"{path}: cannot parse ({exc}); fix the file or re-run `dentalcall init`") from None
        if not parser.has_section("secrets"):
            parser.add_section("secrets")
        result = change(parser["secrets"])
        out = io.StringIO()
        parser.write(out)
        if out.getvalue() != text:
            fh.seek(0)
            fh.truncate()
            fh.write(out.getvalue())
            fh.flush()
            os.fsync(fd)
        if owner is not None:
            os.fchown(fd, owner[0], owner[1])
        os.fchmod(fd, 0o600)
    return result
