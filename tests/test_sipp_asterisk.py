"""End to end against a REAL Asterisk: the sipp caller/callee, the capture and the decoder.

Proves: the caller's audio reaches Asterisk (raw μ-law recording), what Asterisk played is what the capture
decodes (cross-correlation after μ-law, tolerant of a lost packet, not of other audio), caller ID arrives, DTMF
works both ways (RFC 4733 and SIP INFO), and the callee side answers / rings without answer / is busy.

Runs on the shared session Asterisk (``asterisk_instance`` from tests/plugins/asterisk.py): the lab endpoints
and dialplan in ``tests/data/sipp_lab`` are added with ``Asterisk.add_extra`` and removed afterwards. The lab
caller calls from 127.0.0.2 so it does not land in the appliance's own 127.0.0.1 test endpoint.
``DENTALCALL_SIPP_LAB=host:sip_port:callee_port:shared_dir`` points the tests at an Asterisk you run yourself
with ``render_lab_config`` instead. Root is needed (packet capture, sipp raw sockets for RFC 4733).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import numpy as np
import pytest

from appliance.telephony import sipp
from tests import shared_data

LAB_DIR = Path(__file__).parent / "data" / "sipp_lab"
RATE = 8000
CALLER_IP = "127.0.0.2"
TRANSPORT = """[transport-udp]
type=transport
protocol=udp
bind=127.0.0.1:@SIP_PORT@

"""


def _render(text: str, values: dict[str, object]) -> str:
    for key, value in values.items():
        text = text.replace(f"@{key}@", str(value))
    return text


def lab_extra(*, shared: str, uas_port: int, caller_ip: str = CALLER_IP) -> dict[str, str]:
    """The lab's additions to a running appliance Asterisk: {"pjsip.conf": …, "extensions.conf": …}."""
    values = {"SHARED": shared.rstrip("/"), "UAS_PORT": uas_port, "CALLER_IP": caller_ip}
    return {"pjsip.conf": _render((LAB_DIR / "lab-pjsip.conf").read_text(encoding="utf-8"), values),
            "extensions.conf": _render((LAB_DIR / "lab-extensions.conf").read_text(encoding="utf-8"), values)}


def render_lab_config(dest: Path, *, shared: str, sip_port: int, uas_port: int, rtp_start: int = 12000,
                      rtp_end: int = 12049, caller_ip: str = CALLER_IP) -> list[Path]:
    """A standalone lab Asterisk: config files to overlay on the package's /etc/asterisk."""
    values = {"SIP_PORT": sip_port, "RTP_START": rtp_start, "RTP_END": rtp_end}
    extra = lab_extra(shared=shared, uas_port=uas_port, caller_ip=caller_ip)
    files = {"pjsip.conf": _render(TRANSPORT, values) + extra["pjsip.conf"],
             "extensions.conf": extra["extensions.conf"]}
    for name in ("modules.conf", "logger.conf", "rtp.conf"):
        files[name] = _render((LAB_DIR / name).read_text(encoding="utf-8"), values)
    out = []
    for name, text in files.items():
        target = Path(dest) / name
        target.write_text(text, encoding="utf-8")
        out.append(target)
    return out


def _external_lab():
    spec = os.environ.get("DENTALCALL_SIPP_LAB", "")
    if not spec:
        return None
    host, sip_port, uas_port, shared = spec.split(":", 3)
    return host, int(sip_port), int(uas_port), Path(shared)


def _skip_reason() -> str | None:
    missing = [t for t in ("sipp", "sox", "dumpcap") if not shutil.which(t)]
    if missing:
        return f"missing {', '.join(missing)}"
    if os.geteuid() != 0:
        return "needs root (packet capture, sipp raw sockets)"
    return None


pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=str(_skip_reason()))


@pytest.fixture(scope="module")
def lab(request):
    external = _external_lab()
    if external:
        host, sip_port, uas_port, shared = external
        inst = None
    else:
        inst = request.getfixturevalue("asterisk_instance")
        host, sip_port = "127.0.0.1", inst.ports["sip_port"]
        uas_port = sipp.free_udp_port(host="127.0.0.1")
        shared = Path(inst.config.spool_dir)  # same path for Asterisk and for us
        for name, text in lab_extra(shared=str(shared), uas_port=uas_port).items():
            inst.asterisk.add_extra(name, text)
        inst.asterisk.reload()
    greeting = shared / "sipp-lab-greeting.wav"
    # a 16-bit WAV, so Asterisk transcodes it (like the engine's prompts)
    sipp.write_wav(greeting, sipp.read_pcm(sipp.demo_clip()))
    os.chmod(greeting, 0o644)
    try:
        yield {"host": host, "port": sip_port, "uas_port": uas_port, "shared": shared, "greeting": greeting}
    finally:
        greeting.unlink(missing_ok=True)
        for path in shared.glob("sipp-lab-*"):
            path.unlink(missing_ok=True)
        if inst is not None:
            inst.asterisk.clear_extra()
            inst.asterisk.reload()


def _call(lab, audio, **kwargs) -> sipp.CallResult:
    return sipp.place_call(lab["host"], lab["port"], audio, local_ip=CALLER_IP, **kwargs)


def _fresh(lab, *names):
    for name in names:
        (lab["shared"] / f"sipp-lab-{name}").unlink(missing_ok=True)


def _read(lab, name, wait: float = 2.0) -> str | None:
    path = lab["shared"] / f"sipp-lab-{name}"
    deadline = time.monotonic() + wait
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return path.read_text().strip() if path.exists() else None


RECORD_SLOT_S = 4.0  # the caller's slot for the clip; the lab dialplan's Record() runs 4 s after the greeting
CLIP_MAX_S = 2.4  # the clip starts 6 s after answer and Record() ends ≈ 8.6 s after it (greeting 4.6 s + 4 s)


def _caller_clip(workdir: Path, max_seconds: float = CLIP_MAX_S) -> Path:
    """Korean speech that fits the recording slot: the shared 2.3 s clip when ``shared_dir`` has it, else the
    first seconds of the clip the package ships (a fresh clone has no shared folder beside it)."""
    bixby = shared_data.SPEECH_KO / "ko_porcupine_bixby_8k_ulaw.wav"
    source = bixby if bixby.exists() else sipp.demo_clip()
    ulaw = sipp._clip_ulaw(source)
    if len(ulaw) <= max_seconds * RATE:
        return source
    return sipp._write_ulaw_wav(workdir / "caller-clip.wav", ulaw[: int(max_seconds * RATE)])


def _heard_like(heard: np.ndarray, reference: np.ndarray) -> float:
    """How well ``reference`` is found in ``heard`` (normalised cross-correlation after μ-law). Tolerates a lost
    or re-timed RTP packet under load (≈ 0.99 then) but not other audio (another clip scores < 0.3)."""
    return sipp.align(heard, reference)[0]


def test_call_audio_both_ways_callerid_and_dtmf(lab, tmp_path):
    _fresh(lab, "callerid.txt", "recording.txt", "digits.txt")
    clip = _caller_clip(tmp_path)
    # 6 s of silence (greeting plays), the clip while Asterisk records, digits while Read() waits
    result = _call(lab, [(None, 6.0), (clip, RECORD_SLOT_S)], to_user="1000",
                   from_user="01055556666", dtmf=[(10.0, "123#")], timeout=45, workdir=tmp_path)
    assert result.ok, result.describe()
    cap = result.capture
    assert cap.bye_from_remote is True
    assert _read(lab, "callerid.txt") == "01055556666"
    assert _read(lab, "digits.txt") == "123"
    assert [d for _, d in cap.dtmf_events_in] == ["4", "2"]  # SendDTMF reached the caller as RFC 4733

    # caller → Asterisk: the clip is in the raw μ-law recording (cross-correlation, tolerant of a lost packet)
    clip_ulaw = sipp._clip_ulaw(clip)
    assert result.sent_ulaw()[int(6.0 * RATE):int(6.0 * RATE) + len(clip_ulaw)] == clip_ulaw
    recording = sipp.ulaw_decode(Path(_read(lab, "recording.txt")).read_bytes())
    assert len(recording) >= 0.9 * len(clip_ulaw)
    assert _heard_like(recording, sipp.ulaw_decode(clip_ulaw)) > 0.95
    other = sipp.ulaw_decode(clip_ulaw)[::-1].copy()  # same sounds in another order must not pass the check
    assert _heard_like(recording, other) < 0.5

    # Asterisk → caller: the greeting, twice, found whole in what the caller heard
    heard = result.heard_pcm()
    greeting = sipp.read_pcm(lab["greeting"])
    score1, at1 = sipp.align(heard[: 8 * RATE], greeting)
    score2, at2 = sipp.align(heard[9 * RATE:], greeting)
    assert score1 > 0.97 and score2 > 0.97, (score1, score2)
    assert 0 <= at1 < 0.2  # played at once after the answer
    start = int(round(at1 * RATE))
    assert cap.first_rtp_in - cap.answered < 0.2
    # same speech on/off pattern as the prompt, and no dead air before it
    reference_segments = sipp.speech_segments(sipp.ulaw_roundtrip(greeting))
    heard_segments = sipp.speech_segments(heard[start:start + len(greeting)])
    assert len(heard_segments) == len(reference_segments)
    for (h0, h1), (r0, r1) in zip(heard_segments, reference_segments):
        assert abs(h0 - r0) < 0.05 and abs(h1 - r1) < 0.05, (heard_segments, reference_segments)
    segs = sipp.speech_segments(heard)
    assert sipp.longest_silence(heard, end=segs[0][1]) < 1.0


@pytest.mark.parametrize("method", ["rfc4733", "info"])
def test_dtmf_methods(lab, tmp_path, method):
    _fresh(lab, "digits.txt")
    result = _call(lab, None, to_user="1001", dtmf=[(1.0, "4*7#")], dtmf_method=method, timeout=30,
                   workdir=tmp_path)
    assert result.ok, result.describe()
    assert _read(lab, "digits.txt") == "4*7"  # "#" ends Read()


def test_callee_answers_and_both_sides_hear(lab, tmp_path):
    _fresh(lab, "dialstatus.txt")
    callee_clip = _caller_clip(tmp_path)
    caller_clip = sipp.demo_clip()
    uas = sipp.place_uas([(None, 1.0), (callee_clip, 3.0)], local_port=lab["uas_port"], hold_seconds=None,
                         timeout=30, workdir=tmp_path / "uas")
    try:
        result = _call(lab, [(None, 1.0), (caller_clip, 5.0)], to_user="2000", hold_seconds=6.0, timeout=30,
                       workdir=tmp_path / "uac")
    finally:
        callee = uas.wait(40)
    assert result.ok, result.describe()
    assert callee.ok, callee.describe()
    assert _read(lab, "dialstatus.txt") == "ANSWER"
    assert callee.capture.bye_from_remote is True  # the caller hung up, Asterisk passed the BYE on
    assert sipp.audio_similarity(result.heard_pcm(), sipp.read_pcm(callee_clip)) > 0.99
    assert sipp.audio_similarity(callee.heard_pcm(), sipp.read_pcm(caller_clip)) > 0.99


@pytest.mark.parametrize("mode,status,codes", [("busy", "BUSY", {486}), ("ring", "NOANSWER", {480, 603})])
def test_callee_busy_and_no_answer(lab, tmp_path, mode, status, codes):
    _fresh(lab, "dialstatus.txt")
    uas = sipp.place_uas(None, mode=mode, local_port=lab["uas_port"], timeout=20, workdir=tmp_path / "uas")
    try:
        result = _call(lab, None, to_user="2000", hold_seconds=None, timeout=20, workdir=tmp_path / "uac")
    finally:
        callee = uas.wait(30)
    assert callee.ok, callee.describe()
    assert _read(lab, "dialstatus.txt") == status
    # the caller's INVITE is refused in turn; the run itself succeeds and says so
    assert result.returncode == 0 and result.rejected and not result.ok, result.describe()
    assert result.capture.final_response in codes  # Asterisk 22 answers a NOANSWER Dial with 603
