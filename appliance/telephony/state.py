"""The trunks and staff extensions the installer added (``config_dir/telephony.json``): read, validated, saved."""

from __future__ import annotations

import json
import os
import re
from typing import Any

from appliance.errors import ConfigError
from appliance.settings import Config, engine_ids
from appliance.telephony.passwords import check_password, generate_password

STATE_FILE = "telephony.json"
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,31}$")
_EXTEN = re.compile(r"^[0-9]{2,6}$")
_HOST = re.compile(r"^[A-Za-z0-9.-]+$")
_SAFE_VALUE = re.compile(r"^[^\s;\"'\\\[\]=,]+$")  # no comment char, quotes, brackets or separators


class TelephonyState:
    """Trunks and staff extensions added by the CLI, kept in ``config_dir/telephony.json`` (mode 0600)."""

    def __init__(self, config: Config):
        self.path = config.config_dir / STATE_FILE

    def load(self) -> dict[str, Any]:
        if not self.path.exists():
            return {"trunks": {}, "extensions": {}}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{self.path}: unreadable ({exc}); fix or remove it and re-add trunks") from None
        data.setdefault("trunks", {})
        data.setdefault("extensions", {})
        return data

    def save(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2, sort_keys=True)
        os.chmod(tmp, 0o600)
        owner = engine_ids() if os.geteuid() == 0 else None
        if owner is not None:  # the engine's dialer reads the trunks: its user owns the file (like secrets.ini)
            os.chown(tmp, *owner)
        os.replace(tmp, self.path)

    def add_trunk(self, name: str, host: str, username: str, password: str, number: str = "",
                  port: int = 5060, register: bool = True) -> None:
        if not _NAME.match(name):
            raise ConfigError(f"trunk name {name!r}: use letters, digits, - and _ (start with a letter)")
        if not _HOST.match(host):
            raise ConfigError(f"trunk host {host!r} is not a host name or IPv4 address")
        for label, value in (("username", username), ("password", password)):
            if not _SAFE_VALUE.match(value):
                raise ConfigError(f"trunk {label} must be non-empty without spaces, quotes, ';' ',' '=' or brackets")
        if number and not re.match(r"^\+?[0-9]{3,20}$", number):
            raise ConfigError(f"trunk number {number!r} must be digits")
        data = self.load()
        data["trunks"][name] = {"host": host, "port": int(port), "username": username, "password": password,
                                "number": number, "register": bool(register)}
        self.save(data)

    def add_extension(self, exten: str, name: str, password: str | None = None, contact: str = "") -> str:
        """Add or replace a staff phone; ``password`` None generates a strong one. Returns the password."""
        if not _EXTEN.match(exten):
            raise ConfigError(f"extension {exten!r} must be 2-6 digits")
        if password is None:
            password = generate_password()
        if not _SAFE_VALUE.match(password):
            raise ConfigError("extension password: no spaces, quotes, ';' ',' '=' or brackets")
        check_password(password, exten)
        if contact and not re.match(r"^sips?:[A-Za-z0-9._@:-]+$", contact):
            raise ConfigError(f"extension contact {contact!r} must be a SIP URI like sip:201@192.168.0.21:5060")
        clean_name = re.sub(r"[\"<>;\n\r\\]", "", name).strip()
        data = self.load()
        data["extensions"][exten] = {"name": clean_name, "password": password, "contact": contact}
        self.save(data)
        return password

    def remove(self, kind: str, key: str) -> bool:
        """Remove one trunk or staff extension (``kind``: "trunks" or "extensions"); False when there was none."""
        data = self.load()
        if data[kind].pop(key, None) is None:
            return False
        self.save(data)
        return True
