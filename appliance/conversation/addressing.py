"""How a dialog addresses the person on the line: by name only where the name can be spoken.

Nobody can record every patient's name, so a name is said only by an installed neural voice. The dialogs ask
the voice itself, ``can_say(sentence)`` on the whole sentence with the name (``Voice.can_say``: False with
recorded prompts and fragments or the placeholder voice, True only with a neural voice); otherwise they say the
recorded sentence, which addresses the caller as "환자분" / "보호자분" or not at all. The wording is the
voice's (``Voice.address``): "김민수 님", and for a child's guardian "김도윤 보호자님".
"""

from __future__ import annotations

from typing import Callable

from appliance.conversation.actions import Say


def title(name: str, guardian: bool = False) -> str:
    """"김민수 님"; the guardian of a child: "김도윤 보호자님"."""
    return f"{name} 보호자님" if guardian else f"{name} 님"


def named(name: str | None, rest: str, can_say: Callable[[str], bool], guardian: bool = False) -> Say | None:
    """``Say`` "김민수 님, {rest}" when the voice can say that sentence; None when it cannot (or there is no
    name): the dialog then says its recorded sentence without the name."""
    name = (name or "").strip()
    if not name:
        return None
    sentence = f"{title(name, guardian)}, {rest}"
    return Say(text=sentence) if can_say(sentence) else None
