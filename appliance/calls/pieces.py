"""Decoding while the caller speaks: the decoded boundaries of one ongoing utterance, and the next decode on them.

A *boundary* is a decode of the utterance up to some point: a *piece* cut at a short dip while the caller talks on
(``endpointer`` event ``piece``), or the utterance up to a short pause the caller went on after. Each is built on
an earlier boundary (only the audio after it was decoded; ``calls.segments`` joins the texts), so the decode at
the end of the turn covers only the tail after the latest *usable* boundary:

- its decode has not failed, and it has reached an STT worker (one still queued is cancelled: the STT is busy,
  and one decode of the rest costs less than waiting for two);
- the tail after it is at least ``segments.MIN_PIECE_BYTES`` (Whisper invents words on a short piece): if not,
  an earlier boundary, or the whole utterance.

Pieces are decoded at a lower priority than speculative and final decodes (``pipeline.SttExecutor``): a piece is
not even queued while another caller's speculative or final decode waits for a worker, and a queued piece starts
only when none waits. While nobody waits for an answer they queue for the workers (``stt_queue_pieces``): ten
callers talking at once get their pieces decoded while they speak, not their whole sentences at the end.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any, Callable

from appliance.calls import segments

_LOGGER = logging.getLogger(__name__)

URGENT = 0  # a speculative or final decode: a caller may be waiting for it
PIECE = 1   # a piece while the caller still talks: only when the STT has nothing better to do

Decode = asyncio.Future[Any]


@dataclass(eq=False)
class Boundary:
    """A decode of the utterance's first ``end`` bytes, and where the audio after it starts (``tail_from``)."""

    end: int
    decode: Decode
    job: Decode  # its own STT request (the tail's, or the whole's): still queued means the STT is busy
    base: "Boundary | None" = None  # the earlier boundary it was built on
    tail_from: int = 0
    piece: bool = False
    context_from: int = 0  # where the audio after it starts for a piece's decode (with 1 s of context)

    def pieces(self) -> int:
        """How many pieces this decode's transcript is made of (0: decoded whole, or joined at pauses only)."""
        count, node = 0, self.base
        while node is not None:
            count += node.piece
            node = node.base
        return count + self.piece


class PieceChain:
    """One utterance's boundaries, oldest first. ``transcribe(audio, priority, window)`` submits one STT request
    (``window``: the encoder window, None for the setting's); ``waiting(request)``: is it still queued?"""

    def __init__(self, transcribe: Callable[[bytes, int, str | None], Decode], waiting: Callable[[Decode], bool],
                 log_phi: bool = False):
        self._transcribe = transcribe
        self._waiting = waiting
        self._log_phi = log_phi  # the debug log of each join shows the texts too
        self.boundaries: list[Boundary] = []

    def __bool__(self) -> bool:
        return bool(self.boundaries)

    def decode(self, audio: bytes, priority: int = URGENT) -> Boundary:
        """Decode ``audio`` (the utterance so far): only its tail after the latest usable boundary."""
        base = self._base_for(len(audio))
        if base is None:
            job = self._transcribe(audio, priority, None)
            return Boundary(len(audio), job, job)
        start = base.context_from if priority == PIECE else base.tail_from
        tail = audio[start:]
        _LOGGER.debug("decoding in pieces: %d ms decoded before, %d ms new", base.end // 16, len(tail) // 16)
        context = base.end - start > segments.OVERLAP_BYTES  # a piece's join: the tail + 1 s window suffices
        tail_job = self._transcribe(tail, priority, segments.TAIL_WINDOW if context else None)
        joined = asyncio.ensure_future(self._joined(base.decode, tail_job, audio, base.end, start, priority))
        return Boundary(len(audio), joined, tail_job, base)

    def keep(self, boundary: Boundary, tail_from: int, *, piece: bool, context_from: int | None = None) -> None:
        """The caller goes on after ``boundary``: the next decodes build on it, from ``tail_from`` (a piece's
        decode from ``context_from``: a short stretch decoded cold comes out garbled, bench/eot_pieces.txt)."""
        boundary.tail_from, boundary.piece = tail_from, piece
        boundary.context_from = tail_from if context_from is None else context_from
        self.boundaries.append(boundary)

    def settle(self, final: Boundary | None) -> None:
        """The turn is decided on ``final``: cancel the boundaries its transcript does not use."""
        used: set[int] = set()
        node = final.base if final is not None else None
        while node is not None:
            used.add(id(node))
            node = node.base
        for boundary in self.boundaries:
            if id(boundary) not in used:
                boundary.decode.cancel()
        self.boundaries.clear()

    def drop(self) -> None:
        """The utterance is gone (noise, a hang-up): every boundary's decode is stale."""
        self.settle(None)

    # ------------------------------------------------------------------------------------------------
    def _usable(self, boundary: Boundary | None) -> bool:
        while boundary is not None:
            decode = boundary.decode
            if decode.done():
                return not decode.cancelled() and decode.exception() is None
            if self._waiting(boundary.job):
                return False
            boundary = boundary.base
        return True

    def _base_for(self, length: int) -> Boundary | None:
        for boundary in reversed(list(self.boundaries)):
            if not segments.fits(boundary.end, length):
                continue  # its tail would be too short (or it is too short itself): an earlier one
            if self._usable(boundary):
                return boundary
            if not boundary.decode.done():  # still queued: the STT is busy; it would cost more than it saves
                _LOGGER.debug("dropping a queued piece decode (%d ms): the STT is busy", boundary.end // 16)
                boundary.decode.cancel()
            self.boundaries.remove(boundary)
        return None

    async def _joined(self, base: Decode, tail_job: Decode, audio: bytes, base_bytes: int, start: int,
                      priority: int) -> Any:
        tail_bytes, overlap = len(audio) - start, base_bytes - start
        try:
            await asyncio.wait({base})
            if base.cancelled() or base.exception() is not None:
                tail_job.cancel()  # the earlier decode failed: decode the whole utterance instead
                return await self._transcribe(audio, priority, None)
            tail = await tail_job
            if overlap > segments.OVERLAP_BYTES and not str(getattr(tail, "text", "") or "").strip():
                # after a piece the caller spoke on (the endpointer heard it): a tail heard as nothing is a
                # decode gone wrong (seen on a quiet line), not silence — the whole utterance, once
                _LOGGER.info("the audio after a piece was heard as nothing: decoding the whole utterance")
                return await self._transcribe(audio, priority, None)
            joined = segments.combine(base.result(), tail, base_bytes, tail_bytes, overlap)
            self._log_join(base.result(), tail, joined, base_bytes, start, len(audio))
            if joined is None:  # the two texts disagree on the words both heard: no guessing
                _LOGGER.info("a piece and the audio after it do not agree: decoding the whole utterance")
                return await self._transcribe(audio, priority, None)
            return joined
        except asyncio.CancelledError:  # this decode went stale: so did its tail
            tail_job.cancel()
            raise

    def _log_join(self, head: Any, tail: Any, joined: Any, head_bytes: int, start: int, end: int) -> None:
        """Debug: the spans joined (ms into the utterance) and, with ``log_phi``, the texts."""
        if not _LOGGER.isEnabledFor(logging.DEBUG):
            return
        texts = (f": {getattr(head, 'text', '')!r} + {getattr(tail, 'text', '')!r} -> "
                 f"{getattr(joined, 'text', None)!r}" if self._log_phi else "")
        _LOGGER.debug("join: head 0-%d ms, tail %d-%d ms%s", head_bytes // 16, start // 16, end // 16, texts)
