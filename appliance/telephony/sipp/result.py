"""``CallResult``: what one sipp run left behind (exit status, logs, sent stream, capture, heard audio)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import numpy as np

from .audio_io import read_pcm, read_ulaw_wav
from .capture import CaptureInfo


@dataclasses.dataclass
class CallResult:
    returncode: int
    workdir: Path
    scenario: Path
    messages_log: Path
    errors_log: Path
    stdout_log: Path
    sent_wav: Path  # the μ-law stream the caller sent (bit-exact what went into RTP)
    sent_spans: list  # (start, end) seconds after the answer of each audio clip sent (DTMF pauses included)
    started: float  # epoch seconds, sipp started
    ended: float  # epoch seconds, sipp exited
    sip_port: int
    rtp_port: int
    heard_wav: Path | None = None  # 8 kHz s16 WAV of what reached the caller, t=0 at the 200 OK
    pcap: Path | None = None
    capture: CaptureInfo | None = None
    killed: bool = False

    @property
    def rejected(self) -> bool:
        """The far end refused the INVITE (busy, no answer, …): see ``capture.final_response``."""
        return bool(self.capture and self.capture.final_response and self.capture.final_response >= 300)

    @property
    def ok(self) -> bool:
        """sipp ran the scenario through (not stopped by us) and the call was answered."""
        return self.returncode == 0 and not self.killed and not self.rejected

    @property
    def duration(self) -> float:
        return self.ended - self.started

    def heard_pcm(self) -> np.ndarray:
        return read_pcm(self.heard_wav) if self.heard_wav else np.zeros(0, dtype=np.int16)

    def sent_ulaw(self) -> bytes:
        return read_ulaw_wav(self.sent_wav)

    def sip_log(self) -> str:
        return self.messages_log.read_text(errors="replace") if self.messages_log.exists() else ""

    def cleanup(self) -> None:
        """Remove the run's folder (scenario, logs, capture, WAVs): kept until then for inspection."""
        shutil.rmtree(self.workdir, ignore_errors=True)

    def describe(self) -> str:
        tail = self.stdout_log.read_text(errors="replace")[-1500:] if self.stdout_log.exists() else ""
        errors = self.errors_log.read_text(errors="replace")[-1500:] if self.errors_log.exists() else ""
        return f"sipp exit {self.returncode} after {self.duration:.1f}s in {self.workdir}\n{errors}\n{tail}"
