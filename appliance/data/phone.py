"""Korean phone numbers: one canonical form for every way a trunk or an EMR writes them.

Canonical form is the national number in digits with its leading 0, e.g. ``01012345678`` or ``0212345678``.
Trunks add carrier prefixes (00700, 001, 002, 005, 006, 008), caller-ID tricks (``*23#``, ``*31#``), the
country code (``+82``, ``82``, ``0082``) or drop the leading 0; EMRs store ``010-1234-5678`` or
``010 1234 5678``. ``canonical()`` returns ``None`` for anything that cannot be a Korean number;
``is_outbound_target()`` says whether a campaign may ring it (mobile and geographic numbers only).
"""

from __future__ import annotations

import re

_INTL_PREFIXES = ("0082", "00700", "00365", "00345", "001", "002", "005", "006", "008")
_FEATURE_CODES = re.compile(r"^(\*\d{2}#?)+")
# valid national prefixes (after the leading 0)
_MOBILE = ("10", "11", "16", "17", "18", "19")
_AREA_2 = ("31", "32", "33", "41", "42", "43", "44", "51", "52", "53", "54", "55", "61", "62", "63", "64")
_SPECIAL = ("70", "50", "80", "60")  # 070 internet phones, 050x safe numbers, 080 free numbers


def digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")


def canonical(raw: str | None) -> str | None:
    """Normalise a number to national digits with the leading 0; ``None`` if it is not a usable number."""
    if not raw:
        return None
    text = str(raw).strip()
    text = _FEATURE_CODES.sub("", text)
    plus = text.startswith("+")
    number = digits(text)
    if not number:
        return None
    if plus:
        if not number.startswith("82"):
            return None
        number = number[2:]
    else:
        for prefix in _INTL_PREFIXES:
            if number.startswith(prefix) and len(number) >= len(prefix) + 8:
                rest = number[len(prefix):]
                if prefix != "0082" and rest.startswith("82"):
                    rest = rest[2:]
                number = rest
                break
        if number.startswith("82") and len(number) in (10, 11, 12):
            number = number[2:]
    if len(number) == 8 and number[0] == "1" and number[1] in "5689":
        return number  # 1588-xxxx style representative numbers have no area code
    if not number.startswith("0"):
        number = "0" + number
    national = number[1:]
    if national[:2] in _MOBILE:
        return number if len(number) in (10, 11) else None
    if national.startswith("2"):  # Seoul 02
        return number if len(number) in (9, 10) else None
    if national[:2] in _AREA_2 or national[:2] in _SPECIAL:
        return number if len(number) in (10, 11, 12) else None
    return None


def is_mobile(number: str | None) -> bool:
    n = canonical(number)
    return n is not None and n[1:3] in _MOBILE


def is_geographic(number: str | None) -> bool:
    """A fixed line with an area code: 02 (Seoul) or 031-064."""
    n = canonical(number)
    return n is not None and (n.startswith("02") or n[1:3] in _AREA_2)


def is_outbound_target(number: str | None) -> bool:
    """A number a campaign may ring: a subscriber's mobile (010/011/016/017/018/019) or a geographic line
    (02, 031-064). Never 060 premium-rate, 070 internet, 050x safe numbers, 080 free numbers or 1588-style
    representative numbers: those are not a patient's own phone, and some cost the clinic per minute."""
    return is_mobile(number) or is_geographic(number)


def formatted(number: str | None) -> str | None:
    """``01012345678`` → ``010-1234-5678``, ``0212345678`` → ``02-1234-5678`` (the way EMRs usually store it)."""
    n = canonical(number)
    if not n:
        return None
    if n.startswith("02"):
        return f"02-{n[2:-4]}-{n[-4:]}"
    if len(n) == 8:
        return f"{n[:4]}-{n[4:]}"
    return f"{n[:3]}-{n[3:-4]}-{n[-4:]}"


def variants(number: str | None) -> list[str]:
    """Spellings an EMR may have stored for the same number; used for index-friendly ``IN`` lookups."""
    n = canonical(number)
    if not n:
        return []
    dashed = formatted(n) or n
    out = [n, dashed, dashed.replace("-", " "), dashed.replace("-", ".")]
    if n.startswith("010"):
        out.append("+82" + n[1:])
        out.append("+82-" + dashed[1:])
    seen: list[str] = []
    for item in out:
        if item not in seen:
            seen.append(item)
    return seen


def masked(number: str | None) -> str:
    """``010-****-5678``: the only way a number is shown in logs and CLI output."""
    n = canonical(number)
    if not n:
        return "***"
    f = formatted(n) or n
    parts = f.split("-")
    if len(parts) == 3:
        return f"{parts[0]}-{'*' * len(parts[1])}-{parts[2]}"
    return "*" * (len(f) - 4) + f[-4:]


def mask_name(name: str | None) -> str:
    """``김민수`` → ``김*수``, ``이준`` → ``이*``, ``남궁민수`` → ``남**수``."""
    if not name:
        return "*"
    name = name.strip()
    if len(name) <= 1:
        return "*"
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
