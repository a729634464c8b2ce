"""Where the EMR connection lives in the configuration.

``emr_url`` (config file, 0640) never holds the password: ``emr connect`` moves it into the 0600
``secrets.ini`` as ``emr_password``; ``emr_url(config)`` puts it back for the driver.
"""

from __future__ import annotations

import configparser
import os
from pathlib import Path
from typing import Any

from appliance.data.emr import drivers
from appliance.data.emr.profile import PROFILES_DIR


def _read_secret(config: Any, name: str) -> str | None:
    path = Path(config.secrets_file)
    if not path.exists():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    return parser.get("secrets", name, fallback=None)


def write_secret(config: Any, name: str, value: str | None) -> None:
    path = Path(config.secrets_file)
    parser = configparser.ConfigParser(interpolation=None)
    if path.exists():
        parser.read(path, encoding="utf-8")
    if not parser.has_section("secrets"):
        parser.add_section("secrets")
    if value is None:
        parser.remove_option("secrets", name)
    else:
        parser.set("secrets", name, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        parser.write(fh)
    os.chmod(path, 0o600)


def emr_url(config: Any) -> str:
    url = config.emr_url
    if not url:
        return ""
    return drivers.with_password(url, _read_secret(config, "emr_password"))


def profile_path(config: Any) -> str:
    name = (config.emr_profile or "reference")
    if "/" in name or name.endswith(".toml"):
        return name
    local = Path(config.config_dir) / "emr-profiles" / f"{name}.toml"
    return str(local) if local.exists() else str(PROFILES_DIR / f"{name}.toml")


def save(config: Any, url: str, profile: str) -> Path:
    from appliance import settings

    clean, password = drivers.split_password(url)
    write_secret(config, "emr_password", password)
    return settings.write_config(config, {"emr_url": clean.replace("%", "%%"), "emr_profile": profile})
