"""Endpointing and barge-in for one call's incoming audio: pure logic fed 20 ms frames, no clock, no I/O.

Feed every caller frame (``feed(frame)``, or ``feed(is_speech=...)`` with a decision from elsewhere) and
act on the returned events; time is the stream position (frames × 20 ms), so the same audio always gives the
same events.

Events (``Event.kind``):

``speech_start``     the caller started talking (``onset_ms`` = first voiced frame). While the bot is speaking
                     this only fires together with ``barge_in``.
``barge_in``         the caller talks over the bot: ≥ ``barge_in_ms`` of voiced, loud-enough frames within
                     ``barge_in_window_ms`` (echo and line noise rarely manage that). Stop playback now.
``speculative_end``  a short pause (``decode_ms``, else ``speculative_ms``): start decoding ``audio`` now,
                     speculatively. The turn may end no sooner than ``speculative_ms`` of silence (the decision
                     pause, the caller's concern: ``calls.runner``); an earlier ``decode_ms`` only lets the decode
                     run during the rest of that pause.
``speech_resumed``   the caller went on after a ``speculative_end``: discard that decode. ``silence_ms`` is the
                     silence the pause reached (the end rules' count, up to the frame before): one that never
                     reached ``speculative_ms`` was no place to decide (an early ``decode_ms`` decode).
``piece``            the caller is still talking, but the part not handed over yet (since the utterance's start,
                     the last ``piece`` or ``speculative_end``) is ``piece_ms`` long and the voice just dipped for
                     ``piece_dip_ms`` (a word boundary, too short to be a pause): ``audio`` is the utterance so far,
                     cut inside the dip; ``tail_from`` is where the dip began (bytes), so the audio after this
                     piece can start there without cutting into the word before it. Never while the bot speaks.
``end_of_utterance`` the turn is over (``reason`` "silence" after ``end_ms``, or "max_length"); ``audio`` is the
                     utterance. ``speculative_ok`` is True when the caller has not spoken since the last
                     ``speculative_end`` (its audio is this one, or this one less some of the silent tail when
                     ``decode_ms`` is shorter than ``tail_ms``), so that decode can be used as the final one.
``noise``            what started as speech ended with less than ``min_speech_ms`` voiced (a click, a cough,
                     a VAD warm-up blip): nothing to decode; carry on as before the ``speech_start``.
``no_speech``        nobody spoke for ``no_speech_timeout_ms`` after listening was armed (re-ask / DTMF).

Audio in events is the utterance from ``preroll_ms`` before the onset to ``tail_ms`` after the last voiced
frame (8 kHz s16 when frames are given; empty when only decisions are fed).

Arming: listening (and so the no-speech timer) is armed at creation, by ``start_listening()`` and when the
bot stops speaking (``set_bot_speaking(False)``); it is disarmed by speech and by an end of utterance.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from typing import TYPE_CHECKING, Callable

from appliance.speech.vad import FRAME_MS, rms_dbfs

if TYPE_CHECKING:
    from appliance.settings import Config

SPEECH_START = "speech_start"
BARGE_IN = "barge_in"
SPECULATIVE_END = "speculative_end"
SPEECH_RESUMED = "speech_resumed"
END_OF_UTTERANCE = "end_of_utterance"
NO_SPEECH = "no_speech"
NOISE = "noise"
PIECE = "piece"


@dataclasses.dataclass(frozen=True)
class EndpointerSettings:
    frame_ms: int = FRAME_MS
    start_ms: int = 60              # voiced ms within start_window_ms that make an onset
    start_window_ms: int = 100
    speculative_ms: int = 220       # the decision pause: the turn may end after it (issue 15: ~200-250 ms)
    decode_ms: int = 0              # pause that starts the speculative decode (0: speculative_ms); <= speculative_ms
                                    # (the setting endpoint_decode_ms defaults to 120: bench/eot_early_decode_test.txt)
    end_ms: int = 650               # silence that ends the turn (Korean phone speech: 600–700 ms)
    max_utterance_ms: int = 15000
    no_speech_timeout_ms: int = 8000
    barge_in_ms: int = 80           # voiced ms within barge_in_window_ms while the bot speaks (120: ~225 ms
                                    # from onset to silence on the line, over the 200 ms goal; bench/voice_results)
    barge_in_window_ms: int = 160
    barge_in_min_dbfs: float = -42.0  # quieter frames do not count while the bot speaks (echo)
    preroll_ms: int = 200
    tail_ms: int = 200
    min_speech_ms: int = 160        # voiced ms an utterance needs to be decoded at all
    end_level_db: float = 30.0      # a voiced frame this far below the utterance's peak does not extend it:
                                    # webrtcvad calls ~140 ms of fading tail speech; the wire (-40 dBFS) does
                                    # not (bench/eot_results.txt). Relative, so quiet callers are treated alike
    piece_ms: int = 2000            # not handed over yet this long: cut a piece at the next dip (0: no pieces;
                                    # long sentences answer sooner: bench/voice_probe.txt, bench/stt_callpath.txt)
    piece_dip_ms: int = 60          # a dip: this long unvoiced or piece_dip_db below the peak, within speech
    piece_dip_db: float = 20.0      # (word boundaries in fluent speech sink 25-40 dB, vowels within a word less)

    @property
    def decode_point_ms(self) -> int:
        """The pause that starts the speculative decode."""
        return self.decode_ms or self.speculative_ms

    @classmethod
    def from_config(cls, config: Config) -> "EndpointerSettings":
        """The ``endpoint_<field>`` settings over these defaults (the other fields are not settings)."""
        from appliance.errors import ConfigError

        decode_ms = int(config.endpoint_decode_ms)
        if not 0 <= decode_ms <= config.endpoint_speculative_ms:
            raise ConfigError(f"endpoint_decode_ms {decode_ms}: the decode starts at a pause no longer than "
                              f"endpoint_speculative_ms ({config.endpoint_speculative_ms}), or 0 (at that pause)")
        return cls(speculative_ms=config.endpoint_speculative_ms, decode_ms=decode_ms, end_ms=config.endpoint_end_ms,
                   max_utterance_ms=config.endpoint_max_utterance_ms,
                   no_speech_timeout_ms=config.endpoint_no_speech_timeout_ms, barge_in_ms=config.endpoint_barge_in_ms,
                   barge_in_min_dbfs=config.endpoint_barge_in_min_dbfs, min_speech_ms=config.endpoint_min_speech_ms,
                   piece_ms=config.endpoint_piece_ms, piece_dip_ms=config.endpoint_piece_dip_ms,
                   piece_dip_db=config.endpoint_piece_dip_db)


@dataclasses.dataclass(frozen=True)
class Event:
    kind: str
    t_ms: int                       # stream time the event was decided (end of the current frame)
    onset_ms: int | None = None     # utterance onset (speech_start, barge_in, ends)
    audio: bytes = b""
    reason: str = ""
    speculative_ok: bool = False
    silence_ms: int = 0             # speculative_end / end_of_utterance: silence since the last voiced frame
    tail_from: int = 0              # piece: where the dip it was cut in began (bytes into ``audio``)

    def __repr__(self) -> str:  # keep audio out of logs and test output
        return (f"Event({self.kind!r}, t_ms={self.t_ms}, onset_ms={self.onset_ms}, audio={len(self.audio)}B, "
                f"reason={self.reason!r}, speculative_ok={self.speculative_ok}, silence_ms={self.silence_ms}, "
                f"tail_from={self.tail_from})")


class Endpointer:
    def __init__(
        self,
        settings: EndpointerSettings | None = None,
        *,
        vad: Callable[[bytes], bool] | None = None,
    ):
        self.s = settings or EndpointerSettings()
        self._vad = vad
        self._ms = self.s.frame_ms
        self._n = lambda ms: max(1, round(ms / self._ms))
        self._frame_idx = 0
        self.bot_speaking = False
        self._listening_since: int | None = 0
        # recent frames: (idx, voiced, loud, frame bytes)
        self._recent: deque = deque(maxlen=max(self._n(self.s.start_window_ms), self._n(self.s.barge_in_window_ms)))
        self._preroll: deque = deque(maxlen=self._n(self.s.preroll_ms) + self._recent.maxlen)
        self._levels: deque = deque(maxlen=3)  # the last frames' levels (dBFS)
        self._reset_utterance()

    @classmethod
    def from_config(cls, config) -> "Endpointer":
        """Per-call endpointer with its own webrtcvad state (settings ``endpoint_*``, ``vad_aggressiveness``)."""
        from appliance.speech.vad import VoiceActivityDetector

        return cls(EndpointerSettings.from_config(config), vad=VoiceActivityDetector.from_config(config))

    # ------------------------------------------------------------------------------------- control
    @property
    def in_speech(self) -> bool:
        return self._onset is not None

    @property
    def now_ms(self) -> int:
        return self._frame_idx * self._ms

    def set_bot_speaking(self, speaking: bool) -> None:
        """Tell the endpointer whether the bot's audio is playing (barge-in rules apply while it is)."""
        if self.bot_speaking and not speaking and not self.in_speech:
            self._listening_since = self._frame_idx
        self.bot_speaking = speaking

    def start_listening(self) -> None:
        """(Re)arm the no-speech timer from now."""
        self._listening_since = self._frame_idx

    def drop_utterance(self) -> None:
        """Forget the utterance in progress (the turn already ended on it): speech after this is a new one."""
        if self._onset is not None:
            self._reset_utterance()
            self._recent.clear()
            self._listening_since = None

    def set_end_ms(self, end_ms: int) -> None:
        """The silence that ends an utterance from now on (an end-of-turn policy that may wait longer)."""
        self.s = dataclasses.replace(self.s, end_ms=int(end_ms))

    def _reset_utterance(self) -> None:
        self._onset: int | None = None
        self._frames: list[bytes] = []   # utterance audio from preroll
        self._first_idx = 0              # frame index of self._frames[0]
        self._last_voiced = -1
        self._speculated = False
        self._spec_audio: bytes | None = None
        self._voiced = 0
        self._peak_db = -120.0           # loudest 60 ms (3-frame mean level) of the utterance's voiced frames
        self._handed = 0                 # frames of the utterance handed over (pieces, speculative ends)
        self._dip_start: int | None = None  # frame index where the current dip began

    # ---------------------------------------------------------------------------------------- feed
    def feed(self, frame: bytes | None = None, *, is_speech: bool | None = None) -> list[Event]:
        """Push one frame (and/or its VAD decision); returns the events it caused, in order."""
        if is_speech is None:
            if frame is None or self._vad is None:
                raise ValueError("feed needs is_speech, or a frame and a vad")
            is_speech = self._vad(frame)
        level = rms_dbfs(frame) if frame else 0.0
        loud = level >= self.s.barge_in_min_dbfs if frame else True
        self._levels.append(level)
        idx = self._frame_idx
        self._frame_idx += 1
        t_end = self._frame_idx * self._ms
        self._recent.append((idx, bool(is_speech), loud, frame or b""))
        events: list[Event] = []
        if self._onset is None:
            self._preroll.append((idx, frame or b""))
            onset = self._detect_onset()
            if onset is not None:
                self._start(onset)
                if self.bot_speaking:
                    events.append(Event(BARGE_IN, t_end, onset_ms=onset * self._ms))
                events.append(Event(SPEECH_START, t_end, onset_ms=onset * self._ms))
            elif (self._listening_since is not None and not self.bot_speaking
                  and t_end - self._listening_since * self._ms >= self.s.no_speech_timeout_ms):
                self._listening_since = None
                events.append(Event(NO_SPEECH, t_end))
            return events
        # in an utterance
        self._frames.append(frame or b"")
        if is_speech:
            self._peak_db = max(self._peak_db, sum(self._levels) / len(self._levels))
        if is_speech and self._speechy() and level >= self._peak_db - self.s.end_level_db:
            if self._speculated:
                events.append(Event(SPEECH_RESUMED, t_end, onset_ms=self._onset * self._ms,
                                    silence_ms=(idx - 1 - self._last_voiced) * self._ms))  # as the rules count it
                self._speculated = False
                self._spec_audio = None
            self._last_voiced = idx
        if is_speech:
            self._voiced += 1
        enough = self._voiced * self._ms >= self.s.min_speech_ms
        silence_ms = (idx - self._last_voiced) * self._ms
        if t_end - self._onset * self._ms >= self.s.max_utterance_ms:
            events.append(self._end(t_end, "max_length"))
        elif silence_ms >= self.s.end_ms:
            events.append(self._end(t_end, "silence", silence_ms) if enough else self._noise(t_end))
        elif silence_ms >= self.s.decode_point_ms and not self._speculated and enough:
            self._speculated = True
            self._spec_audio = self._audio()
            self._handed = min(len(self._frames), self._audio_frames())
            self._dip_start = None  # a pause, not a dip
            events.append(Event(SPECULATIVE_END, t_end, onset_ms=self._onset * self._ms, audio=self._spec_audio,
                                silence_ms=silence_ms))
        elif enough:
            piece = self._piece(idx, t_end, is_speech and level >= self._peak_db - self.s.piece_dip_db)
            if piece is not None:
                events.append(piece)
        return events

    # ------------------------------------------------------------------------------------- helpers
    def _speechy(self) -> bool:
        window = list(self._recent)[-self._n(self.s.start_window_ms):]
        return sum(v for _, v, _, _ in window) >= self._n(self.s.start_ms)

    def _detect_onset(self) -> int | None:
        if self.bot_speaking:
            window = list(self._recent)[-self._n(self.s.barge_in_window_ms):]
            voiced = [i for i, v, loud, _ in window if v and loud]
            need = self._n(self.s.barge_in_ms)
        else:
            window = list(self._recent)[-self._n(self.s.start_window_ms):]
            voiced = [i for i, v, _, _ in window if v]
            need = self._n(self.s.start_ms)
        if len(voiced) >= need and window[-1][1]:
            return voiced[0]
        return None

    def _start(self, onset: int) -> None:
        self._onset = onset
        self._listening_since = None
        first = onset - self._n(self.s.preroll_ms)
        self._frames = [f for i, f in self._preroll if i >= first]
        self._first_idx = max(first, self._preroll[0][0]) if self._preroll else onset
        self._preroll.clear()
        self._last_voiced = self._frame_idx - 1
        self._peak_db = sum(self._levels) / len(self._levels) if self._levels else 0.0
        self._voiced = sum(1 for i, v, _, _ in self._recent if v and i >= onset)

    def _audio_frames(self) -> int:
        return max(0, self._last_voiced + 1 + self._n(self.s.tail_ms) - self._first_idx)

    def _audio(self) -> bytes:
        return b"".join(self._frames[:self._audio_frames()])

    def _piece(self, idx: int, t_end: int, voiced: bool) -> Event | None:
        """A ``piece`` when this voiced frame ends a dip of ``piece_dip_ms`` or more (shorter than a pause: a
        pause is a ``speculative_end``) and the audio before the dip not handed over yet is ``piece_ms`` long."""
        if not voiced:
            if self._dip_start is None and not self._speculated:
                self._dip_start = idx
            return None
        dip_start, self._dip_start = self._dip_start, None
        if (dip_start is None or self.s.piece_ms <= 0 or self.bot_speaking
                or (idx - dip_start) * self._ms < self.s.piece_dip_ms
                or (dip_start - self._first_idx - self._handed) * self._ms < self.s.piece_ms):
            return None
        start = dip_start - self._first_idx
        cut = start + (idx - dip_start + 1) // 2  # inside the dip: the word before it is whole in the piece
        self._handed = cut
        return Event(PIECE, t_end, onset_ms=self._onset * self._ms, audio=b"".join(self._frames[:cut]),
                     tail_from=sum(len(f) for f in self._frames[:start]))

    def _noise(self, t_end: int) -> Event:
        event = Event(NOISE, t_end, onset_ms=self._onset * self._ms)
        self._reset_utterance()
        self._recent.clear()
        self._listening_since = self._frame_idx if not self.bot_speaking else None
        return event

    def _end(self, t_end: int, reason: str, silence_ms: int = 0) -> Event:
        audio = self._audio()
        event = Event(END_OF_UTTERANCE, t_end, onset_ms=self._onset * self._ms, audio=audio, reason=reason,
                      speculative_ok=self._spec_audio is not None and audio.startswith(self._spec_audio),
                      silence_ms=silence_ms)
        self._reset_utterance()
        self._recent.clear()
        return event
