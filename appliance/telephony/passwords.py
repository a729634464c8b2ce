"""Staff SIP passwords: generated strong by default; a typed one is refused when short or trivial."""

from __future__ import annotations

import secrets
import string

from appliance.errors import ConfigError

MIN_PASSWORD_LENGTH = 12
_ALPHABET = string.ascii_letters + string.digits
_TRIVIAL_WORDS = ("password", "passwd", "dentalcall", "asterisk", "admin", "qwerty", "asdf", "1234", "abcd",
                  "secret", "letmein", "clinic", "dental")


def generate_password(length: int = 24) -> str:
    """A random SIP password of letters and digits (safe in pjsip.conf, easy to type into a phone's web page)."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def weak_password_reason(password: str, extension: str = "") -> str | None:
    """Why ``password`` is too weak for a staff phone (None when it is acceptable)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"at least {MIN_PASSWORD_LENGTH} characters (got {len(password)})"
    lowered = password.lower()
    for word in _TRIVIAL_WORDS:
        if word in lowered:
            return f"contains the common word {word!r}"
    if extension and extension in password:
        return "contains the extension number"
    if len(set(password)) < 6:
        return "too few different characters"
    steps = {ord(b) - ord(a) for a, b in zip(password, password[1:])}
    if len(steps) == 1 and steps <= {-1, 0, 1}:
        return "a run of one repeated or consecutive character"
    return None


def check_password(password: str, extension: str = "") -> None:
    """Raise ConfigError with the rule when ``password`` is weak."""
    reason = weak_password_reason(password, extension)
    if reason:
        raise ConfigError(f"extension {extension or ''} password is too weak: {reason}; leave it out to get a "
                          "generated one (dentalcall extension add EXT)".replace("extension  ", "extension "))
