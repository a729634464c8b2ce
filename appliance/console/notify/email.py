"""E-mail through the clinic's own SMTP relay (stdlib ``smtplib``/``email``): each voicemail with its
transcript and audio, and the daily summary.

The relay is the installer's setting (``notify_smtp_*``); its password, if any, is ``smtp_password`` in
secrets.ini (0600), set with ``dentalcall console smtp-password``. Each message carries a Message-ID made
from its outbox key, so a mail system that sees the same message twice can tell.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from appliance import config_files
from appliance.errors import ApplianceError
from appliance.settings import Config

_LOGGER = logging.getLogger(__name__)

TIMEOUT_S = 20.0


class NotifyError(ApplianceError):
    """A notification could not be delivered (the outbox retries it)."""


@dataclasses.dataclass(frozen=True)
class Smtp:
    host: str
    port: int
    starttls: bool
    user: str
    password: str | None
    sender: str
    recipients: tuple[str, ...]


def smtp_for(config: Config) -> Smtp | None:
    """The relay settings, or None when e-mail is not configured (no host or no recipient)."""
    host = config.notify_smtp_host.strip()
    recipients = tuple(a.strip() for a in config.notify_email_to.split(",") if a.strip())
    if not host or not recipients:
        return None
    user = config.notify_smtp_user.strip()
    sender = config.notify_email_from.strip() or f"dentalcall@{host}"
    password = config_files.read_secret(config.secrets_file, "smtp_password") if user else None
    return Smtp(host=host, port=int(config.notify_smtp_port), starttls=bool(config.notify_smtp_starttls), user=user,
                password=password, sender=sender, recipients=recipients)


def new_message(smtp: Smtp, subject: str, body: str, key: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = smtp.sender
    msg["To"] = ", ".join(smtp.recipients)
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=False)
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    domain = smtp.sender.split("@", 1)[-1] if "@" in smtp.sender else "dentalcall.local"
    msg["Message-ID"] = f"<{digest}.{key.replace(':', '.')}@{domain}>"
    msg.set_content(body)
    return msg


def attach_audio(msg: EmailMessage, path: Path, filename: str) -> None:
    msg.add_attachment(path.read_bytes(), maintype="audio", subtype="wav", filename=filename)


def send(smtp: Smtp, msg: EmailMessage) -> None:
    """Deliver one message; ``NotifyError`` on any failure (nothing was accepted by the relay)."""
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=TIMEOUT_S) as client:
            client.ehlo()
            if smtp.starttls:
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
            if smtp.user:
                if not smtp.password:
                    raise NotifyError("notify_smtp_user is set but smtp_password is not: "
                                      "dentalcall console smtp-password")
                client.login(smtp.user, smtp.password)
            refused = client.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise NotifyError(f"SMTP {smtp.host}:{smtp.port}: {type(exc).__name__}: {exc}") from None
    if refused:
        _LOGGER.warning("SMTP relay refused %d of %d recipients", len(refused), len(smtp.recipients))
    _LOGGER.info("e-mail sent through %s:%s", smtp.host, smtp.port)
