"""Secrets in a backup: encrypted with the backup passphrase the installer keeps (Fernet, key from scrypt).

The appliance needs the passphrase for its nightly backups, so it lives in ``secrets.ini`` (0600) as
``backup_passphrase``; the installer writes it down (it is printed once when generated). A restore onto a new
machine asks for it. Which files are secret: ``secrets.ini``, ``telephony.json`` (SIP passwords),
``environment`` and every file in the config folder that only its owner may read.
"""

from __future__ import annotations

import base64
import io
import os
import tarfile
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from appliance import config_files
from appliance.errors import ConfigError
from appliance.ops.backup.crm_dump import BackupError

PASSPHRASE_KEY = "backup_passphrase"
SECRET_NAMES = {"secrets.ini", "telephony.json", "environment"}
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1
MIN_PASSPHRASE = 12


def is_secret(path: Path) -> bool:
    try:
        return path.name in SECRET_NAMES or (path.stat().st_mode & 0o077) == 0
    except OSError:
        return True


# --- the passphrase ----------------------------------------------------------------------------------------
def stored_passphrase(config: Any) -> str | None:
    try:
        value = config_files.read_secret(config.secrets_file, PASSPHRASE_KEY)
    except ConfigError:  # an unreadable secrets file: no passphrase (the backup says how to set one)
        return None
    return (value or "").strip() or None


def store_passphrase(config: Any, passphrase: str) -> None:
    """Keep the passphrase in secrets.ini (0600, the engine's)."""
    check_passphrase(passphrase)
    config_files.write_secret(config.secrets_file, PASSPHRASE_KEY, passphrase)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise BackupError(f"the backup passphrase needs at least {MIN_PASSPHRASE} characters")


def generate_passphrase() -> str:
    """80 random bits as 16 base32 letters in groups of four (no 0/O or 1/I confusion to write down)."""
    text = base64.b32encode(os.urandom(10)).decode()
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


# --- encryption ----------------------------------------------------------------------------------------------
def _fernet(passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> Fernet:
    key = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(key))


def seal(files: dict[str, bytes], passphrase: str) -> tuple[bytes, dict[str, Any]]:
    """Encrypt ``{name: content}``; returns the token and the KDF parameters for the manifest."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data in sorted(files.items()):
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o600
            tar.addfile(info, io.BytesIO(data))
    salt = os.urandom(16)
    token = _fernet(passphrase, salt).encrypt(buf.getvalue())
    return token, {"cipher": "fernet", "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                   "salt": base64.b64encode(salt).decode(), "files": sorted(files)}


def unseal(token: bytes, params: dict[str, Any], passphrase: str) -> dict[str, bytes]:
    """Decrypt what ``seal`` made; a wrong passphrase is a clear error."""
    fernet = _fernet(passphrase, base64.b64decode(params["salt"]), int(params["n"]), int(params["r"]),
                     int(params["p"]))
    try:
        plain = fernet.decrypt(token)
    except InvalidToken:
        raise BackupError("wrong backup passphrase (or the secrets in this backup are damaged)") from None
    out = {}
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r") as tar:
        for member in tar.getmembers():
            fh = tar.extractfile(member) if member.isfile() else None
            if fh is not None and "/" not in member.name and member.name not in ("", ".", ".."):
                out[member.name] = fh.read()
    return out
