"""Everything a caller can hear as fixed sentences, as one table for the voice layer.

The voice layer (``appliance.speech``) never imports the dialogs: whoever builds a prompt pack or a voice
passes this table in. It joins the dialogs' fixed phrases (``appliance.conversation.phrases.PHRASES``) with the
clinic's own sentences from its facts file (address, directions, parking, emergency guidance, price notes):
the receptionist says those only when the voice can (``Voice.can_say``), so recording them in the clinic's
voice is what lets it answer "where are you?" without a neural voice. The shipped example facts and any file
still marked ``[demo]`` are never included (their address is fictitious).

    from appliance.phrasebook import spoken_table, load_pack
    pack = load_pack(config)                      # PromptPack with the table: knows what is missing
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from appliance.conversation.phrases import PHRASES

_LOGGER = logging.getLogger(__name__)

FACT_PREFIX = "fact_"


def fact_key(kind: str, text: str) -> str:
    """Stable key of one clinic sentence: its kind plus a short hash of its words (a new text is a new key)."""
    return f"{FACT_PREFIX}{kind}_{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"


def clinic_sentences(config: Any) -> dict[str, str]:
    """The clinic facts' spoken sentences (key → text); empty without a clinic's own facts file."""
    try:
        from appliance.data.clinic import facts as facts_module

        if facts_module.path_for(config) == facts_module.EXAMPLE:
            return {}
        facts = facts_module.load_for(config)  # on production: demo or example facts are refused here
    except Exception as exc:  # a broken facts file is reported by doctor; the phrases still work
        _LOGGER.warning("clinic facts not usable for the voice table: %s", exc)
        return {}
    if facts.demo:  # fictitious demo facts: never part of what a clinic records
        return {}
    return facts_sentences(facts)


def facts_sentences(facts: Any) -> dict[str, str]:
    """The spoken sentences of a clinic facts object (key → text): address, directions, parking, emergency
    guidance and the price notes."""
    out: dict[str, str] = {}
    for kind in ("address", "directions", "parking", "emergency"):
        text = (getattr(facts, kind, "") or "").strip()
        if text:
            out[fact_key(kind, text)] = text
    for code, price in sorted(facts.prices.items()):
        note = (price.note or "").strip()
        if note:
            out[fact_key(f"price_{code}", note)] = note
    return out


def spoken_table(config: Any) -> dict[str, str]:
    """Phrase key → text (``{clinic}`` left for the pack to fill) of every fixed sentence a caller can hear."""
    return {**PHRASES, **clinic_sentences(config)}


def load_pack(config: Any, name: str | None = None) -> Any:
    """The prompt pack of ``config`` (or ``name``) with the full table: it knows what is missing."""
    from appliance.speech.prompt_pack import PromptPack

    return PromptPack.load(config, name, phrases=spoken_table(config))


def build_placeholder(config: Any, name: str | None = None) -> dict:
    """Render the placeholder pack for everything in the table (see appliance.speech.placeholder)."""
    from appliance.speech.placeholder import PLACEHOLDER, build_placeholder_pack

    return build_placeholder_pack(config, name=name or PLACEHOLDER, phrases=spoken_table(config))


def load_voice(config: Any, **kwargs: Any) -> Any:
    """The layered voice (recorded prompts → fragments → neural voice) over the full table."""
    from appliance.speech.voice import Voice

    return Voice(config, pack=kwargs.pop("pack", None) or load_pack(config), **kwargs)
