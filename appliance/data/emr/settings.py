"""Where the EMR connection lives in the configuration.

``emr_url`` (config file, 0640) never holds the password: ``emr connect`` moves it into the 0600
``secrets.ini`` as ``emr_password``; ``emr_url(config)`` puts it back for the driver.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from appliance import config_files
from appliance.data.emr import drivers
from appliance.data.emr.profile import PROFILES_DIR


def write_secret(config: Any, name: str, value: str | None) -> None:
    """Set (``None``: remove) one secret of this instance (``emr_password``, the SMS vendor's keys)."""
    config_files.write_secret(config.secrets_file, name, value)


def emr_url(config: Any) -> str:
    url = config.emr_url
    if not url:
        return ""
    return drivers.with_password(url, config_files.read_secret(config.secrets_file, "emr_password"))


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
