"""The typed frames that pass between the stages of a call (in the spirit of pipecat's frames, but small).

The ear turns the caller's audio into *caller frames* (one class per thing that can happen on the line);
the STT stage turns an utterance into a :class:`Transcript`; the dialog answers with actions
(``conversation.actions``); the voice renders them; the wire plays them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    at: float  # monotonic time of the inbound audio frame (or key, or hang-up) that decided it


@dataclass(frozen=True)
class BargeIn(Frame):
    """The caller talks over the bot (loud and long enough not to be echo): stop playback if allowed."""


@dataclass(frozen=True)
class SpeechStarted(Frame):
    """The caller started talking: a question's no-answer timeout no longer runs (a long first sentence without
    a pause is still an answer, not silence)."""


@dataclass(frozen=True)
class Speculative(Frame):
    """A short pause in the caller's speech: ``audio`` so far may be decoded now, speculatively."""

    audio: bytes
    speech_end: float  # monotonic time the caller's last voiced frame arrived
    during_locked_speech: bool = False


@dataclass(frozen=True)
class Piece(Frame):
    """The caller talks on without a pause: ``audio`` so far (cut inside a short dip) may be decoded now, as the
    prefix of what follows; the audio after it starts at ``tail_from`` (bytes: where the dip began)."""

    audio: bytes
    tail_from: int


@dataclass(frozen=True)
class SpeechResumed(Frame):
    """The caller went on after a :class:`Speculative` pause (``pause_ms`` long; 0: unknown): that decode is stale."""

    pause_ms: int = 0


@dataclass(frozen=True)
class Utterance(Frame):
    """The caller's turn is over (silence or maximum length): ``audio`` is what they said."""

    audio: bytes
    speech_end: float  # monotonic time the caller's last voiced frame arrived
    speculative_ok: bool = False  # the last Speculative audio is this very audio: its decode can be used
    during_locked_speech: bool = False  # began while a non-interruptible prompt (the legal notice) played


@dataclass(frozen=True)
class Noise(Frame):
    """What looked like speech was a click or a cough: nothing to decode."""


@dataclass(frozen=True)
class NoSpeech(Frame):
    """Nobody spoke for the no-speech timeout after a question."""


@dataclass(frozen=True)
class Dtmf(Frame):
    digit: str


@dataclass(frozen=True)
class Hangup(Frame):
    """The caller's side of the audio stream closed."""


CallerFrame = (BargeIn | SpeechStarted | Speculative | Piece | SpeechResumed | Utterance | Noise | NoSpeech | Dtmf
               | Hangup)


@dataclass(frozen=True)
class Transcript:
    """One decode of the caller's speech, judged by the STT policy (``stt_policy.judge``)."""

    text: str
    confidence: float  # 0..1
    rejected: bool  # noise or too unsure to act on
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0
