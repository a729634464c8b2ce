"""Running sipp: placing calls (UAC) and answering them (UAS), with ``CallHandle`` for calls still running."""

from __future__ import annotations

import asyncio
import logging
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from .audio_io import read_ulaw_wav, write_wav
from .capture import Capture, analyse_capture
from .media import build_stream
from .network import _interface_for, _local_ip_for, free_udp_port
from .result import CallResult
from .scenario import _media_steps, _shift_spans, uac_scenario, uas_scenario
from .tools import SippError, _need

_LOGGER = logging.getLogger(__name__)


def _normalise_dtmf(dtmf, audio_seconds: float) -> list[tuple[float, str]]:
    if not dtmf:
        return []
    if isinstance(dtmf, str):
        return [(audio_seconds + 0.5, dtmf)]
    out = []
    for at, digits in dtmf:
        if not digits or any(c not in "0123456789*#ABCDabcd" for c in str(digits)):
            raise ValueError(f"bad DTMF digits {digits!r}")
        out.append((float(at), str(digits)))
    return out


class CallHandle:
    """A running sipp (caller or callee) plus its capture; ``wait()`` gives the ``CallResult``."""

    def __init__(self, *, args: list[str], workdir: Path, scenario: Path, sent_wav: Path, sent_spans: list,
                 sip_port: int, rtp_port: int, timeout: float, capture: Capture | None):
        self.workdir = workdir
        self.scenario = scenario
        self.sip_port = sip_port
        self.rtp_port = rtp_port
        self._timeout = timeout
        self._capture = capture
        self._sent_wav = sent_wav
        self._sent_spans = sent_spans
        self._result: CallResult | None = None
        self._lock = threading.Lock()
        self._killed = False
        self.stdout_log = workdir / "sipp.out"
        self.started = time.time()
        self._out = open(self.stdout_log, "wb")
        _LOGGER.debug("sipp: %s", " ".join(args))
        self.proc = subprocess.Popen(args, cwd=workdir, stdin=subprocess.DEVNULL, stdout=self._out,
                                     stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def running(self) -> bool:
        return self.proc.poll() is None

    def terminate(self) -> None:
        """Stop sipp now (the call is abandoned; the result then has killed=True)."""
        if self.proc.poll() is None:
            self._killed = True
            self.proc.terminate()

    def wait(self, timeout: float | None = None) -> CallResult:
        with self._lock:
            if self._result is not None:
                return self._result
            limit = (self._timeout + 15) if timeout is None else timeout
            try:
                rc = self.proc.wait(limit)
            except subprocess.TimeoutExpired:
                self._killed = True
                self.proc.kill()
                rc = self.proc.wait()
            ended = time.time()
            self._out.close()
            result = CallResult(
                returncode=rc, workdir=self.workdir, scenario=self.scenario,
                messages_log=self.workdir / "messages.log", errors_log=self.workdir / "errors.log",
                stdout_log=self.stdout_log, sent_wav=self._sent_wav, sent_spans=self._sent_spans,
                started=self.started, ended=ended, sip_port=self.sip_port, rtp_port=self.rtp_port,
                killed=self._killed,
            )
            if self._capture is not None:
                pcap = self._capture.stop()
                result.pcap = pcap
                try:
                    pcm, info = analyse_capture(pcap, sip_port=self.sip_port, rtp_port=self.rtp_port)
                    result.capture = info
                    result.heard_wav = write_wav(self.workdir / "heard.wav", pcm)
                except (OSError, ValueError) as exc:
                    _LOGGER.warning("could not decode the capture %s: %s", pcap, exc)
            self._result = result
            return result

    async def wait_async(self) -> CallResult:
        return await asyncio.to_thread(self.wait)

    def __enter__(self) -> "CallHandle":
        return self

    def __exit__(self, *exc) -> None:
        self.terminate()
        self.wait()


def _prepare(audio, *, workdir, hold_seconds, timeout, dtmf, min_stream_seconds=0.0, dtmf_method="rfc4733"):
    if workdir is None:
        workdir = Path(tempfile.mkdtemp(prefix="dentalcall-sipp-"))
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    # pad the stream past the end of the call: rtp_stream stops at the file's end and is cut at BYE
    pad_to = (hold_seconds if hold_seconds is not None else timeout) + 1.0
    sent_wav, spans = build_stream(audio, workdir / "stream.wav", min_seconds=max(pad_to, min_stream_seconds))
    sent_wav.with_suffix(".ulaw").write_bytes(read_ulaw_wav(sent_wav))
    audio_end = spans[-1][1] if spans else 0.0
    dtmf_list = _normalise_dtmf(dtmf, audio_end)
    _, _, pauses = _media_steps(sent_wav, dtmf_list, info_dialog=("", "") if dtmf_method == "info" else None)
    return workdir, sent_wav, _shift_spans(spans, pauses), dtmf_list


def _sipp_args(*, remote: str | None, scenario: Path, local_ip: str, sip_port: int, rtp_port: int, timeout: float,
               workdir: Path) -> list[str]:
    args = [_need("sipp")]
    if remote:
        args.append(remote)
    args += ["-sf", str(scenario), "-i", local_ip, "-mi", local_ip, "-p", str(sip_port), "-mp", str(rtp_port),
             "-m", "1", "-l", "1", "-nostdin", "-aa", "-timeout", f"{int(timeout)}s", "-timeout_error",
             "-trace_msg", "-message_file", str(workdir / "messages.log"),
             "-trace_err", "-error_file", str(workdir / "errors.log")]
    return args


def start_call(target_host: str, target_port: int, audio_wav, *, to_user: str = "1000",
               from_user: str = "01012345678", dtmf=None, hold_seconds: float | None = None, local_port: int = 0,
               rtp_port: int = 0, timeout: float = 60, capture: bool = True, workdir=None,
               dtmf_method: str = "rfc4733", local_ip: str | None = None) -> CallHandle:
    """Start a call and return at once (see ``place_call``)."""
    workdir, sent_wav, spans, dtmf_list = _prepare(audio_wav, workdir=workdir, hold_seconds=hold_seconds,
                                                   timeout=timeout, dtmf=dtmf, dtmf_method=dtmf_method)
    local_ip = local_ip or _local_ip_for(target_host)
    sip_port = local_port or free_udp_port(host=local_ip)
    rtp_port = rtp_port or free_udp_port(even=True, span=4, host=local_ip)
    hold_ms = None if hold_seconds is None else int(hold_seconds * 1000)
    scenario = workdir / "uac.xml"
    scenario.write_text(uac_scenario(sent_wav, to_user=to_user, from_user=from_user, dtmf=dtmf_list,
                                     hold_ms=hold_ms, wait_ms=int(timeout * 1000), dtmf_method=dtmf_method),
                        encoding="latin-1")
    cap = Capture(workdir / "call.pcap", [sip_port, rtp_port], interface=_interface_for(local_ip),
                  max_seconds=timeout + 10) if capture else None
    args = _sipp_args(remote=f"{target_host}:{target_port}", scenario=scenario, local_ip=local_ip,
                      sip_port=sip_port, rtp_port=rtp_port, timeout=timeout, workdir=workdir)
    return CallHandle(args=args, workdir=workdir, scenario=scenario, sent_wav=sent_wav, sent_spans=spans,
                      sip_port=sip_port, rtp_port=rtp_port, timeout=timeout, capture=cap)


def place_call(target_host: str, target_port: int, audio_wav, *, to_user: str = "1000",
               from_user: str = "01012345678", dtmf=None, hold_seconds: float | None = None, local_port: int = 0,
               rtp_port: int = 0, timeout: float = 60, capture: bool = True, workdir=None,
               dtmf_method: str = "rfc4733", local_ip: str | None = None) -> CallResult:
    """Call ``to_user@target_host:target_port`` as ``from_user`` and stream ``audio_wav``; block until it ends.

    ``audio_wav``: an audio file (any format), a script ``[(file_or_None, seconds), …]`` (see ``build_stream``)
    or None (silence). ``dtmf``: ``[(seconds_after_answer, "123#"), …]`` sent as RFC 4733 events, or a string sent
    0.5 s after the audio ends; ``dtmf_method``: ``rfc4733`` (RTP events, PT 96; the audio pauses meanwhile, see
    ``dtmf_seconds``) or ``info`` (SIP INFO application/dtmf-relay). ``hold_seconds``: hang up (BYE) that long
    after the answer unless the far end hangs up first; None: wait up to ``timeout`` for the far end's BYE (not
    getting it is an error). ``local_port``/``rtp_port``: 0 picks free ones; ``local_ip``: address to call from
    (default: the one routing to the target, 127.0.0.1 for loopback; another 127.x address gives a loopback caller
    its own identity). ``capture``: record what the caller heard (``heard_wav``).
    """
    return start_call(target_host, target_port, audio_wav, to_user=to_user, from_user=from_user, dtmf=dtmf,
                      hold_seconds=hold_seconds, local_port=local_port, rtp_port=rtp_port, timeout=timeout,
                      capture=capture, workdir=workdir, dtmf_method=dtmf_method, local_ip=local_ip).wait()


async def place_call_async(*args, **kwargs) -> CallResult:
    """``place_call`` for asyncio code: the sipp run does not block the loop."""
    handle = await asyncio.to_thread(start_call, *args, **kwargs)
    return await handle.wait_async()


def place_uas(audio_wav=None, *, local_port: int = 5093, rtp_port: int = 0, mode: str = "answer",
              ring_seconds: float = 0.0, dtmf=None, hold_seconds: float | None = None, timeout: float = 60,
              capture: bool = True, local_ip: str = "127.0.0.1", workdir=None) -> CallHandle:
    """Start a sipp callee on ``local_ip:local_port`` for one incoming INVITE and return its handle at once.

    ``mode``: ``answer`` (after ``ring_seconds`` of ringing; plays ``audio_wav``, sends ``dtmf``, then waits for the
    caller's BYE or hangs up after ``hold_seconds``), ``ring`` (180 and never answer: waits for CANCEL) or
    ``busy`` (486). ``handle.wait()`` gives the ``CallResult`` (with ``heard_wav`` in answer mode).
    """
    workdir, sent_wav, spans, dtmf_list = _prepare(audio_wav, workdir=workdir, hold_seconds=hold_seconds,
                                                   timeout=timeout, dtmf=dtmf)
    rtp_port = rtp_port or free_udp_port(even=True, span=4, host=local_ip)
    hold_ms = None if hold_seconds is None else int(hold_seconds * 1000)
    scenario = workdir / "uas.xml"
    scenario.write_text(uas_scenario(sent_wav, mode=mode, ring_ms=int(ring_seconds * 1000), dtmf=dtmf_list,
                                     hold_ms=hold_ms, wait_ms=int(timeout * 1000)), encoding="latin-1")
    cap = Capture(workdir / "call.pcap", [local_port, rtp_port], interface=_interface_for(local_ip),
                  max_seconds=timeout + 10) if capture and mode == "answer" else None
    args = _sipp_args(remote=None, scenario=scenario, local_ip=local_ip, sip_port=local_port, rtp_port=rtp_port,
                      timeout=timeout, workdir=workdir)
    handle = CallHandle(args=args, workdir=workdir, scenario=scenario, sent_wav=sent_wav, sent_spans=spans,
                        sip_port=local_port, rtp_port=rtp_port, timeout=timeout, capture=cap)
    _wait_bound(handle, local_ip, local_port)
    return handle


def _wait_bound(handle: CallHandle, ip: str, port: int, limit: float = 5.0) -> None:
    """Return once sipp listens on its SIP port (so an Originate sent next finds it)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and handle.running:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                s.bind((ip, port))
            except OSError:
                return
        time.sleep(0.05)
    if not handle.running:
        raise SippError(f"sipp callee exited at once:\n{handle.wait().describe()}")
