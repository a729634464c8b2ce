"""The console's HTTPS certificate: generated at install (self-signed, for the LAN address and the host
name) or the clinic's own (``console_cert`` / ``console_key``). The installer reads the SHA-256
fingerprint to the staff, who compare it with what the browser shows the first time."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import socket
import subprocess
from pathlib import Path
from typing import Any

from appliance.errors import ConfigError

VALID_DAYS = 3650
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def paths(config: Any) -> tuple[Path, Path]:
    folder = Path(config.config_dir) / "console"
    cert = Path(config.console_cert) if config.console_cert else folder / "cert.pem"
    key = Path(config.console_key) if config.console_key else folder / "key.pem"
    return cert, key


def fingerprint(cert_path: Path) -> str:
    """SHA-256 of the certificate (DER), as browsers show it: ``AB:CD:...``."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{cert_path}: not a readable PEM certificate ({exc})") from None
    digest = hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


def local_addresses() -> list[str]:
    """This box's addresses (``hostname -I``): the certificate stays valid whichever one the clinic uses."""
    try:
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [a for a in out.split() if a and not a.startswith("fe80")]


def generate(config: Any, *, hosts: list[str] | None = None, force: bool = False) -> tuple[Path, str]:
    """Create a self-signed certificate + key (0600) unless one exists; returns (cert path, fingerprint)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    cert_path, key_path = paths(config)
    if cert_path.exists() and key_path.exists() and not force:
        return cert_path, fingerprint(cert_path)
    names = [h for h in (hosts or []) if h] + [str(config.console_bind), *local_addresses(), socket.gethostname(),
                                               "localhost", "127.0.0.1"]
    alt: list[Any] = []
    seen: set[str] = set()
    for name in names:
        if name in seen or name in ("0.0.0.0", "::"):
            continue
        seen.add(name)
        try:
            alt.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alt.append(x509.DNSName(name))
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"DentalCall console {config.clinic_name}"[:64]),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "DentalCall")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
            .add_extension(x509.SubjectAlternativeName(alt), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption()))
    os.chmod(key_path, 0o600)
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    os.chmod(cert_path, 0o644)
    return cert_path, fingerprint(cert_path)


def server_files(config: Any, host: str) -> tuple[Path, Path] | None:
    """(cert, key) to serve HTTPS with, or None for plain HTTP — allowed on this box's loopback only."""
    cert, key = paths(config)
    if cert.exists() and key.exists():
        return cert, key
    if config.console_cert or config.console_key:
        raise ConfigError(f"console_cert/console_key set but {cert} or {key} is missing")
    if host in LOOPBACK:
        return None
    raise ConfigError(f"the console would listen on {host} without HTTPS: create a certificate with "
                      "`dentalcall console cert` (or set console_cert/console_key to the clinic's own)")
