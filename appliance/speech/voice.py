"""The appliance's voice: every sentence a call speaks goes through here, best layer first.

1. ``prompt``    — a phrase key (or its exact text) recorded in the prompt pack (a person's voice).
2. ``fragments`` — recorded pieces joined (dates, times, prices, phone numbers, treatments, doctors).
3. ``piper``     — a Korean piper voice, when one is installed (its own process; sentences cached).
4. none          — :class:`NoVoice`. Flows are written never to need it (say "환자분", not an unknown name).

Speak only what can be spoken: a patient's name is never stitched from recorded pieces (nobody can record
every name). :meth:`Voice.can_say` answers whether a sentence can be said by the layers that are installed —
a name only by a neural voice (``speaks_names``); :meth:`Voice.address` gives "김민수 님" where one is
installed and "환자분" otherwise. The dialogs ask before they speak.

A text is tried whole first (a multi-sentence phrase is one recording), then sentence by sentence, each
sentence through the layers on its own, so "네, 잠시만요." can come from two prompts and a read-back from
fragments. ``Voice.stats`` counts which layer served each sentence.

Output is always 8 kHz signed 16-bit mono PCM (what AudioSocket and Asterisk's slin want).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from appliance.errors import ApplianceError
from appliance.language import speak
from appliance.speech import audio
from appliance.speech.fragments import FragmentSpeaker
from appliance.speech.prompt_pack import PromptPack

_LOGGER = logging.getLogger(__name__)

LAYERS = ("prompt", "fragments", "piper")
SENTENCE_GAP_MS = 300
PART_GAP_MS = 120
CLAUSE_GAP_MS = 150


class NoVoice(ApplianceError):
    """No layer can say this sentence: record the missing prompt/fragment or install a Korean piper voice."""

    def __init__(self, sentence: str, missing: list[str] | None = None):
        detail = f" (missing: {', '.join(missing[:6])})" if missing else ""
        super().__init__(
            f"no voice can say {sentence[:40]!r}{detail}: record it (`dentalcall prompts record`), build the "
            "placeholder pack (`dentalcall prompts build-placeholder`) or install a Korean piper voice "
            "(`dentalcall models install PATH`)"
        )
        self.sentence = sentence
        self.missing = missing or []


@dataclass
class Rendered:
    pcm: bytes
    layer: str  # prompt | fragments | piper | "prompt+fragments" … when sentences came from several
    text: str
    key: str | None = None
    layers: list[str] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return audio.duration(self.pcm)


_SENTENCE_END = re.compile(r"(?<=[.?!。…])\s+|\n+")


_CLAUSE_END = re.compile(r"(?<=,)\s+")


def split_sentences(text: str) -> list[str]:
    """Split at sentence ends (., ?, !, … followed by a space, and line breaks); keeps the punctuation."""
    parts = [p.strip() for p in _SENTENCE_END.split(text.strip())]
    return [p for p in parts if any(c.isalnum() for c in p)]


class Voice:
    """Built once per service (it may own a piper worker); ``render`` is safe to call from worker threads."""

    def __init__(self, config, pack: PromptPack | None = None, piper="auto", piper_voice=None):
        self.config = config
        self.pack = pack if pack is not None else PromptPack.load(config)
        self.fragments = FragmentSpeaker(self.pack, config)
        self._piper = None if piper == "auto" else piper  # a PiperTTS, None, or "auto" → looked up on first use
        self._piper_looked_up = piper != "auto"
        self._piper_voice = piper_voice
        self._lock = threading.Lock()
        self.stats: Counter[str] = Counter()
        self._fixed: set[str] | None = None
        self.seconds: Counter[str] = Counter()

    # --- layers ---------------------------------------------------------------------------
    @property
    def piper(self):
        """The PiperTTS of the installed Korean voice (or the voice given), or None."""
        if not self._piper_looked_up:
            with self._lock:
                if not self._piper_looked_up:
                    from appliance.speech.piper_tts import PiperTTS, PiperVoiceFile

                    voice = self._piper_voice
                    if voice is not None and not isinstance(voice, PiperVoiceFile):
                        voice = PiperVoiceFile.from_model(voice)
                    try:
                        self._piper = PiperTTS.for_config(self.config, voice)
                    except ApplianceError as exc:
                        _LOGGER.warning("piper voice unavailable: %s", exc)
                        self._piper = None
                    self._piper_looked_up = True
        return self._piper

    def _prompt(self, text_or_key: str) -> tuple[str | None, bytes | None]:
        key = text_or_key if text_or_key in self.pack.expected_prompts() else self.pack.key_for_text(text_or_key)
        if key is None:
            return None, None
        pcm = self.pack.pcm(key)
        if pcm is not None and self._neural_first() and not self.pack.is_recorded(key):
            return key, None  # a neural voice says what the clinic has not recorded, not the placeholder
        return key, pcm

    def _neural_first(self) -> bool:
        neural = self.piper is not None
        self.fragments.recorded_only = neural
        return neural

    def _one(self, sentence: str) -> Rendered:
        """One sentence through the layers."""
        t0 = time.monotonic()
        key, pcm = self._prompt(sentence)
        if pcm is not None:
            return self._served("prompt", pcm, sentence, key, t0)
        mixed = self._clauses(sentence)
        if mixed is not None:
            return mixed
        spoken = speak.normalise(sentence)
        pcm = self.fragments.speak(spoken)
        if pcm is not None:
            return self._served("fragments", pcm, sentence, None, t0)
        tts = self.piper
        if tts is not None:
            try:
                pcm = tts.sentence(spoken, store=spoken in self._fixed_sentences())
            except ApplianceError as exc:
                _LOGGER.warning("piper failed: %s", exc)
                pcm = None
            if pcm:
                return self._served("piper", pcm, sentence, None, t0)
        self.stats["none"] += 1
        raise NoVoice(sentence, self.fragments.missing_for(spoken))

    def _clauses(self, sentence: str) -> Rendered | None:
        """A sentence made of recorded clauses ("네, 무엇을 도와드릴까요?" = ack + how_can_i_help;
        "십이월 삼 일, 예약이 있습니다.")."""
        clauses = [c for c in _CLAUSE_END.split(sentence) if c.strip()]
        if len(clauses) < 2:
            return None
        t0 = time.monotonic()
        pieces, layers = [], []
        for clause in clauses:
            key, pcm = self._prompt(clause)
            if pcm is not None:
                layers.append("prompt")
            else:
                pcm = self.fragments.speak(speak.normalise(clause))
                if pcm is None:
                    return None
                layers.append("fragments")
            pieces.append(pcm)
        if "prompt" not in layers:
            return None  # all fragments: the fragment layer joins them with its own comma pauses
        layer = "+".join(dict.fromkeys(layers))
        self.stats[layer] += 1
        self.seconds[layer] += time.monotonic() - t0
        return Rendered(audio.silence(CLAUSE_GAP_MS).join(pieces), layer, sentence, None, [layer])

    def _fixed_sentences(self) -> set[str]:
        """The normalised sentences of every fixed phrase: only these are cached on disk by piper."""
        if self._fixed is None:
            self._fixed = {" ".join(speak.normalise(s).split())
                           for t in self.pack.expected_prompts().values() for s in split_sentences(t)}
        return self._fixed

    def _served(self, layer: str, pcm: bytes, text: str, key: str | None, t0: float) -> Rendered:
        self.stats[layer] += 1
        self.seconds[layer] += time.monotonic() - t0
        return Rendered(pcm, layer, text, key, [layer])

    # --- public API ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Forget cached audio and re-read the pack (a take was just kept)."""
        self.pack.reload()
        self.fragments._trimmed.clear()

    def _refresh_if_changed(self) -> None:
        if self.pack.refresh_if_changed():
            self.fragments._trimmed.clear()
            _LOGGER.info("prompt pack %s changed on disk: re-read", self.pack.name)

    def text_of(self, text_or_key: str) -> str:
        """The words a key stands for (its text for this clinic); any other string is returned as is."""
        return self.pack.expected_prompts().get(text_or_key, text_or_key)

    def sentences(self, text_or_key: str) -> Iterator[Rendered]:
        """Render sentence by sentence (for streaming: the first sentence plays while the next renders).

        A phrase key or a text recorded whole comes out as one piece."""
        self._refresh_if_changed()
        key, pcm = self._prompt(text_or_key)
        if pcm is not None:
            self.stats["prompt"] += 1
            yield Rendered(pcm, "prompt", self.text_of(text_or_key), key, ["prompt"])
            return
        for sentence in split_sentences(self.text_of(text_or_key)):
            yield self._one(sentence)

    def render_ex(self, text_or_key: str) -> Rendered:
        """Render the whole text (raising NoVoice before any audio if any sentence cannot be said)."""
        pieces = list(self.sentences(text_or_key))
        if not pieces:
            raise NoVoice(text_or_key)
        return _join(pieces, self.text_of(text_or_key), SENTENCE_GAP_MS)

    def render(self, text_or_key: str) -> bytes:
        """8 kHz s16 mono PCM of a phrase key or a sentence, through the best layer that can say it."""
        return self.render_ex(text_or_key).pcm

    def render_parts(self, parts: Iterable[str], gap_ms: int = PART_GAP_MS) -> Rendered:
        """Join several keys/texts into one utterance, each through its own best layer, e.g.
        ``[speak.say_datetime(slot), "confirm_this_time"]`` → read-back from fragments + a recorded question."""
        pieces = [self.render_ex(p) for p in parts]
        if not pieces:
            raise NoVoice("")
        return _join(pieces, " ".join(p.text for p in pieces), gap_ms)

    def can_say(self, text_or_key: str) -> bool:
        """Whether ``render`` would succeed (without rendering through piper)."""
        self._refresh_if_changed()
        if self._prompt(text_or_key)[1] is not None:
            return True
        for sentence in split_sentences(self.text_of(text_or_key)):
            if self._prompt(sentence)[1] is not None:
                continue
            if not self.fragments.missing_for(speak.normalise(sentence)):
                continue
            if self.piper is None:
                return False
        return True

    @property
    def speaks_names(self) -> bool:
        """Whether a neural (Korean) voice is installed: only then can a name, or any free text, be spoken."""
        return self.piper is not None

    def address(self, name: str | None, guardian: bool = False) -> str:
        """How to address the patient aloud: "김민수 님" with a neural voice, else "환자분" (never half a name);
        a child's guardian: "김도윤 보호자님", else "보호자분". The dialogs word names the same way
        (``appliance.conversation.addressing``)."""
        name = (name or "").strip()
        if name and self.speaks_names:
            return f"{name} 보호자님" if guardian else f"{name} 님"
        return "보호자분" if guardian else "환자분"

    @property
    def uses_placeholder(self) -> bool:
        """Whether any fixed phrase a caller hears would come from the placeholder voice (espeak-ng)."""
        from appliance.speech.prompt_pack import RECORDED

        prompts = self.pack.manifest.get("prompts", {})
        return any((prompts.get(k) or {}).get("source") != RECORDED for k in self.pack.expected_prompts())

    def file(self, key: str) -> str | None:
        """For Asterisk Playback/STREAM FILE: the pack file of a phrase key without extension (None if missing)."""
        return self.pack.path(key)

    def prerender(self) -> int:
        """Render into piper's cache every fixed phrase the pack lacks (at service start; no-op without piper)."""
        tts = self.piper
        if tts is None:
            return 0
        texts = [t for k, t in self.pack.expected_prompts().items() if not self.pack.is_recorded(k)]
        return tts.prerender(speak.normalise(t) for t in texts)

    def warm(self) -> dict:
        """At service start: read every recording into memory, start the piper worker (model load, ~1–3 s)
        and pre-render the fixed phrases the pack lacks, so no caller waits for any of it."""
        t0 = time.monotonic()
        prompts = sum(self.pack.pcm(k) is not None for k in self.pack.expected_prompts())
        pieces = sum(self.fragments._piece(k) is not None for k in self.fragments.texts)
        prerendered = 0
        if self.piper is not None:
            try:
                self.piper.sentence("네.")
                prerendered = self.prerender()
            except ApplianceError as exc:
                _LOGGER.warning("piper warm-up failed: %s", exc)
        seconds = round(time.monotonic() - t0, 2)
        _LOGGER.info("voice ready: %d prompts, %d fragments, piper %s, %d pre-rendered in %.1f s",
                     prompts, pieces, "on" if self.piper else "off", prerendered, seconds)
        return {"prompts": prompts, "fragments": pieces, "prerendered": prerendered, "seconds": seconds}

    def describe(self) -> dict:
        tts = self.piper
        return {
            "pack": self.pack.name,
            "pack_missing": len(self.pack.missing()) if self.pack.knows_needs else None,
            "piper_voice": tts.voice.name if tts else None,
            "stats": dict(self.stats),
        }

    def close(self) -> None:
        if self._piper is not None:
            self._piper.close()


def _join(pieces: list[Rendered], text: str, gap_ms: int) -> Rendered:
    layers = [layer for p in pieces for layer in p.layers]
    distinct = list(dict.fromkeys(layers))
    pcm = audio.silence(gap_ms).join(p.pcm for p in pieces)
    key = pieces[0].key if len(pieces) == 1 else None
    return Rendered(pcm, "+".join(distinct), text, key, layers)
