"""The test caller's offline parts: G.711, the pcap reader, RTP → PCM decoding, similarity, speech segments.

The last test produces a real capture: a sipp caller calls a sipp callee on loopback (no Asterisk needed) and
what the caller heard must be, sample for sample, what the callee streamed. It needs root (dumpcap, play_dtmf's
raw socket) and sipp/sox/dumpcap, and is skipped otherwise.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import warnings

import numpy as np
import pytest

from appliance.telephony import sipp

RATE = 8000


def tone(seconds: float, freq: float = 440.0, amp: float = 8000.0) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.int16)


def speechlike(seconds: float, seed: int = 1) -> np.ndarray:
    """Noise shaped by a slow envelope: no periodicity, so a wrong offset cannot correlate well."""
    rng = np.random.default_rng(seed)
    n = int(seconds * RATE)
    env = np.abs(np.convolve(rng.standard_normal(n), np.ones(400) / 20, mode="same"))
    return np.clip(rng.standard_normal(n) * env * 3000, -32000, 32000).astype(np.int16)


# --------------------------------------------------------------------------------------------------------------
# G.711
# --------------------------------------------------------------------------------------------------------------
def test_ulaw_tables_match_sox_and_asterisk_truncation(tmp_path):
    if not shutil.which("sox"):
        pytest.skip("sox not installed")
    every = bytes(range(256))
    decoded = subprocess.run(["sox", "-D", "-t", "raw", "-r", "8000", "-e", "u-law", "-b", "8", "-c", "1", "-",
                              "-t", "raw", "-e", "signed", "-b", "16", "-L", "-"], input=every, check=True,
                             capture_output=True).stdout
    assert np.array_equal(sipp.ulaw_decode(every), np.frombuffer(decoded, dtype="<i2"))
    # μ-law → PCM → μ-law is lossless except the two zeros and Asterisk's zero trap (0x00 is never sent)
    assert sipp.ulaw_encode(sipp.ulaw_decode(every)) == bytes({0x7F: 0xFF, 0x00: 0x02}.get(b, b) for b in every)
    # Asterisk-exact encoder (AST_LIN2MU): 14-bit table filled from x|3, zero trap
    encoded = sipp.ulaw_encode(np.array([0, -1, -4, 3, -32768, 32767], np.int16))
    assert encoded == bytes([0xFF, 0x7F, 0x7F, 0xFF, 0x02, 0x80])
    # sox and audioop round differently: the neighbouring code at some decision boundaries, never further away
    pcm = np.arange(-32768, 32768, 7, dtype=np.int32).astype(np.int16)
    raw = tmp_path / "in.raw"
    raw.write_bytes(pcm.astype("<i2").tobytes())
    ours = np.frombuffer(sipp.ulaw_encode(pcm), np.uint8).astype(int)
    theirs = np.frombuffer(subprocess.run(["sox", "-D", "-t", "raw", "-r", "8000", "-e", "signed", "-b", "16", "-c",
                                           "1", str(raw), "-t", "raw", "-e", "u-law", "-b", "8", "-"], check=True,
                                          capture_output=True).stdout, np.uint8).astype(int)
    inside = np.abs(pcm.astype(int)) < 31000  # the zero trap moves clipped negative samples by two steps
    assert np.mean(ours[inside] != theirs[inside]) < 0.02
    step = np.abs(sipp.ULAW_TO_PCM[ours].astype(int) - sipp.ULAW_TO_PCM[theirs].astype(int))[inside]
    assert step.max() <= 1024  # at most one quantisation step (the largest μ-law step is 1024)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        audioop = pytest.importorskip("audioop")
    theirs = np.frombuffer(audioop.lin2ulaw(pcm.astype("<i2").tobytes(), 2), np.uint8)
    step = np.abs(sipp.ULAW_TO_PCM[ours].astype(int) - sipp.ULAW_TO_PCM[theirs].astype(int))[inside]
    assert step.max() <= 1024 and np.mean(step > 0) < 0.02


def test_alaw_table_known_values():
    assert sipp.ALAW_TO_PCM[0xD5] == 8 and sipp.ALAW_TO_PCM[0x55] == -8
    assert sipp.ALAW_TO_PCM[0xAA] == 32256 and sipp.ALAW_TO_PCM[0x2A] == -32256


# --------------------------------------------------------------------------------------------------------------
# a hand-made capture
# --------------------------------------------------------------------------------------------------------------
def _ip_udp(src_port: int, dst_port: int, payload: bytes) -> bytes:
    udp = struct.pack("!HHHH", src_port, dst_port, 8 + len(payload), 0) + payload
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 1, 0x4000, 64, 17, 0,
                     bytes([127, 0, 0, 1]), bytes([127, 0, 0, 1]))
    return ip + udp


def _rtp(seq: int, ts: int, payload: bytes, *, pt: int = 0, ssrc: int = 0x1234, marker: bool = False) -> bytes:
    return struct.pack("!BBHII", 0x80, pt | (0x80 if marker else 0), seq & 0xFFFF, ts & 0xFFFFFFFF, ssrc) + payload


def _write_pcap(path, frames, linktype: int = 1, big_endian: bool = False):
    e = ">" if big_endian else "<"
    out = [struct.pack(e + "IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype)]
    for at, ip in frames:
        frame = (b"\0" * 12 + b"\x08\x00" + ip) if linktype == 1 else ip
        sec = int(at)
        out.append(struct.pack(e + "IIII", sec, int(round((at - sec) * 1e6)), len(frame), len(frame)) + frame)
    path.write_bytes(b"".join(out))
    return path


@pytest.mark.parametrize("linktype,big_endian", [(1, False), (101, True)])
def test_pcap_rtp_decoding_orders_fills_gaps_and_ignores_events(tmp_path, linktype, big_endian):
    audio = tone(1.0, 300)
    ulaw = sipp.ulaw_encode(audio)
    t0 = 1_700_000_000.0
    frames = [(t0 - 0.05, _ip_udp(5091, 5090, b"INVITE sip:1000@127.0.0.1 SIP/2.0\r\nCSeq: 1 INVITE\r\n\r\n")),
              (t0, _ip_udp(5090, 5091, b"SIP/2.0 200 OK\r\nCSeq: 1 INVITE\r\n\r\n")),
              (t0 + 0.001, _ip_udp(5091, 5090, b"ACK sip:1000@127.0.0.1 SIP/2.0\r\nCSeq: 1 ACK\r\n\r\n"))]
    packets = []
    base_seq, base_ts = 65530, 0xFFFFFF00  # both wrap inside the call
    for i in range(50):
        if i in (20, 21, 22):  # lost
            continue
        chunk = ulaw[i * 160:(i + 1) * 160]
        packets.append((t0 + 0.5 + i * 0.02, _ip_udp(12000, 12060, _rtp(base_seq + i, base_ts + 160 * i, chunk))))
    packets[5], packets[6] = packets[6], packets[5]  # reordered
    packets.insert(10, packets[9])  # duplicated
    # telephone-event (PT 96) and our own outgoing RTP are not what the caller heard
    packets.append((t0 + 0.7, _ip_udp(12000, 12060, _rtp(1, 0, b"\x05\x8a\x06\x40", pt=96, ssrc=9))))
    packets.append((t0 + 0.7, _ip_udp(12060, 12000, _rtp(1, 0, b"\x00" * 160, ssrc=7))))
    path = _write_pcap(tmp_path / "c.pcap", frames + packets, linktype, big_endian)

    udp = sipp.read_pcap(path)
    assert len(udp) == len(frames) + len(packets)
    pcm, info = sipp.analyse_capture(path, sip_port=5091, rtp_port=12060)
    assert info.rtp_packets_in == 48 and info.rtp_packets_out == 1
    assert info.dtmf_events_in[0][1] == "5"
    assert info.answered == pytest.approx(t0, abs=1e-5)
    assert info.first_rtp_in - info.answered == pytest.approx(0.5, abs=1e-5)
    lead = 4000  # 0.5 s of dead air after the answer
    assert len(pcm) == lead + 50 * 160
    assert not pcm[:lead].any()
    expected = sipp.ulaw_decode(ulaw[:50 * 160]).copy()
    expected[20 * 160:23 * 160] = 0  # the lost packets are silence, the rest is in place
    assert np.array_equal(pcm[lead:], expected)


def test_decoder_new_ssrc_is_placed_by_arrival_time():
    a = sipp.ulaw_encode(tone(0.1, 500))
    pk = [sipp.RtpPacket(10.0 + i * 0.02, 1, i, 1000 + 160 * i, 0, False, a[i * 160:(i + 1) * 160]) for i in range(5)]
    # second source 1 s later, unrelated timestamps
    pk += [sipp.RtpPacket(11.0 + i * 0.02, 2, 777 + i, 5 + 160 * i, 0, False, a[i * 160:(i + 1) * 160])
           for i in range(5)]
    pcm = sipp.decode_rtp_audio(pk, origin=10.0)
    assert len(pcm) == 8000 + 800
    assert pcm[:800].any() and not pcm[800:8000].any() and pcm[8000:].any()


# --------------------------------------------------------------------------------------------------------------
# similarity, speech segments, streams
# --------------------------------------------------------------------------------------------------------------
def test_similarity_finds_the_reference_and_its_offset():
    ref = speechlike(1.5)
    heard = np.concatenate([np.zeros(int(2.25 * RATE), np.int16), sipp.ulaw_roundtrip(ref), np.zeros(4000, np.int16)])
    noisy = (heard + np.random.default_rng(2).normal(0, 100, len(heard))).astype(np.int16)
    score, offset = sipp.align(noisy, ref)
    assert score > 0.98 and offset == pytest.approx(2.25, abs=1 / RATE)
    assert sipp.audio_similarity(heard, ref) > 0.999
    assert sipp.audio_similarity(heard, speechlike(1.5, seed=7)) < 0.3
    assert sipp.audio_similarity(np.zeros(100, np.int16), ref) == 0.0  # heard nothing: no match, no crash
    half = sipp.ulaw_roundtrip(ref)[: len(ref) // 2]  # the caller heard only the first half
    assert 0.5 < sipp.audio_similarity(half, ref) < 0.85


def test_speech_segments_and_dead_air():
    pcm = np.concatenate([np.zeros(RATE, np.int16), tone(1.0), np.zeros(2 * RATE, np.int16), tone(0.5),
                          np.zeros(RATE // 10, np.int16), tone(0.5), np.zeros(RATE, np.int16)])
    segs = sipp.speech_segments(pcm)
    assert segs == [(1.0, 2.0), (4.0, 5.1)]  # the 0.1 s gap is bridged
    assert sipp.longest_silence(pcm) == pytest.approx(2.0)
    assert sipp.longest_silence(pcm, start=2.0, end=6.0) == pytest.approx(2.0)
    assert sipp.speech_segments(np.zeros(RATE, np.int16)) == []


def test_build_stream_script(tmp_path):
    clip = tmp_path / "clip.wav"
    sipp.write_wav(clip, tone(0.5))
    path, spans = sipp.build_stream([(None, 2.0), (clip, 3.0), (clip, 0.2)], tmp_path / "s.wav", min_seconds=8)
    data = sipp.read_ulaw_wav(path)
    assert len(data) == 8 * RATE
    assert spans == [(2.0, 2.5), (5.0, 5.5)]
    assert data[: 2 * RATE] == b"\xff" * (2 * RATE)
    assert data[2 * RATE:int(2.5 * RATE)] == sipp.ulaw_encode(tone(0.5))
    # an 8 kHz μ-law WAV passes through untouched
    ulaw = sipp._write_ulaw_wav(tmp_path / "u.wav", bytes(range(256)) * 10)
    assert sipp._clip_ulaw(ulaw) == bytes(range(256)) * 10


def test_dtmf_pause_shifts_later_clips():
    _, ms, pauses = sipp._media_steps(sipp.Path("/x.wav"), [(3.0, "12")])
    assert pauses == [(3.0, 1.7)] and ms == 3000 + 1700
    shifted = sipp._shift_spans([(1.0, 2.0), (4.0, 5.0)], pauses)
    assert [x for span in shifted for x in span] == pytest.approx([1.0, 2.0, 5.7, 6.7])


def test_demo_clip_prefers_shared_then_bundled(tmp_path):
    class Cfg:
        shared_dir = str(tmp_path)

    bundled = sipp.demo_clip(Cfg())
    assert bundled.parent.name == "demo_audio" and bundled.is_file()
    assert (bundled.parent / "LICENSE-Apache-2.0.txt").is_file() and (bundled.parent / "SOURCES.md").is_file()
    shared = tmp_path / "data" / "speech-ko" / sipp.DEMO_CLIP
    shared.parent.mkdir(parents=True)
    shared.write_bytes(bundled.read_bytes())
    assert sipp.demo_clip(Cfg()) == shared


def test_scenarios_are_well_formed_xml(tmp_path):
    import xml.etree.ElementTree as ET

    w = tmp_path / "s.wav"
    for xml in (sipp.uac_scenario(w, to_user="1000", from_user="0101", dtmf=[(1, "1#")], hold_ms=5000, wait_ms=9000),
                sipp.uac_scenario(w, to_user="1000", from_user="0101", dtmf=[], hold_ms=None, wait_ms=9000),
                sipp.uac_scenario(w, to_user="1", from_user="2", dtmf=[(1, "12")], hold_ms=900, wait_ms=9000,
                                  dtmf_method="info"),
                *(sipp.uas_scenario(w, mode=m, ring_ms=500, dtmf=[], hold_ms=3000, wait_ms=9000)
                  for m in ("answer", "ring", "busy"))):
        ET.fromstring(xml.encode("latin-1"))


# --------------------------------------------------------------------------------------------------------------
# a real capture: sipp caller → sipp callee on loopback
# --------------------------------------------------------------------------------------------------------------
def _have_tools() -> str | None:
    missing = [t for t in ("sipp", "sox", "dumpcap") if not shutil.which(t)]
    if missing:
        return f"missing {', '.join(missing)}"
    if os.geteuid() != 0:
        return "needs root (packet capture, sipp raw sockets)"
    return None


@pytest.mark.skipif(_have_tools() is not None, reason=str(_have_tools()))
def test_sipp_to_sipp_capture_is_bit_exact(tmp_path):
    callee_audio = tmp_path / "callee.wav"
    caller_audio = tmp_path / "caller.wav"
    greeting = speechlike(1.2, seed=3)
    sipp.write_wav(callee_audio, np.concatenate([np.zeros(RATE // 2, np.int16), greeting]))
    sipp.write_wav(caller_audio, speechlike(1.0, seed=4))
    uas_port = sipp.free_udp_port(host="127.0.0.1")
    uas = sipp.place_uas(callee_audio, local_port=uas_port, hold_seconds=None, timeout=20, workdir=tmp_path / "uas")
    try:
        result = sipp.place_call("127.0.0.1", uas_port, caller_audio, from_user="01099998888", hold_seconds=3.0,
                                 timeout=20, workdir=tmp_path / "uac")
    finally:
        callee = uas.wait(30)
    assert result.ok, result.describe()
    assert callee.ok, callee.describe()
    assert "From: \"01099998888\"" in result.sip_log()
    assert result.capture.bye_from_remote is False
    # what the caller heard is the callee's stream, byte for byte (μ-law), from the answer on
    heard = result.heard_pcm()
    sent_by_callee = sipp.ulaw_decode(callee.sent_ulaw())
    first = int(round((result.capture.first_rtp_in - result.capture.answered) * RATE))
    assert 0 <= first < 0.1 * RATE
    n = len(heard) - first
    assert n > 2.5 * RATE
    assert np.array_equal(heard[first:], sent_by_callee[:n])
    assert sipp.audio_similarity(heard, greeting) > 0.99
    # and the callee heard the caller
    assert sipp.audio_similarity(callee.heard_pcm(), sipp.read_pcm(caller_audio)) > 0.99


def test_decoder_short_last_frame_stamped_like_asterisk():
    """Asterisk stamps a short final frame with previous timestamp + its own length: it must not overlap."""
    a = sipp.ulaw_encode(speechlike(0.1, seed=5))[:3 * 160 + 38]
    pk = [sipp.RtpPacket(i * 0.02, 1, i, 160 * i, 0, False, a[i * 160:(i + 1) * 160]) for i in range(3)]
    pk.append(sipp.RtpPacket(0.06, 1, 3, 2 * 160 + 38, 0, False, a[480:]))
    assert np.array_equal(sipp.decode_rtp_audio(pk), sipp.ulaw_decode(a))


@pytest.mark.skipif(_have_tools() is not None, reason=str(_have_tools()))
def test_handle_and_async_variant(tmp_path):
    """A test can act while the call is up (here: the far end dies) and asyncio code can await a call."""
    import asyncio

    uas_port = sipp.free_udp_port(host="127.0.0.1")
    uas = sipp.place_uas(None, local_port=uas_port, hold_seconds=None, timeout=15, workdir=tmp_path / "uas")

    async def scenario():
        task = asyncio.create_task(sipp.place_call_async("127.0.0.1", uas_port, None, hold_seconds=2.0, timeout=5,
                                                         workdir=tmp_path / "uac"))
        await asyncio.sleep(1.0)
        assert uas.running
        uas.terminate()  # the "engine" dies mid-call
        return await task

    result = asyncio.run(scenario())
    callee = uas.wait(5)
    assert callee.killed and not callee.ok
    assert result.capture.answered is not None
    assert not result.ok  # our BYE got no answer: sipp reports the failure instead of hanging
    assert result.duration < 15


@pytest.mark.skipif(_have_tools() is not None, reason=str(_have_tools()))
def test_far_end_hangs_up_during_a_pause(tmp_path):
    """The callee's BYE arrives while the caller waits to send DTMF: answered, not an error."""
    uas_port = sipp.free_udp_port(host="127.0.0.1")
    uas = sipp.place_uas(None, local_port=uas_port, hold_seconds=1.0, timeout=15, workdir=tmp_path / "uas")
    try:
        result = sipp.place_call("127.0.0.1", uas_port, None, dtmf=[(4.0, "1")], hold_seconds=8.0, timeout=15,
                                 workdir=tmp_path / "uac")
    finally:
        callee = uas.wait(20)
    assert callee.ok, callee.describe()
    assert result.ok, result.describe()
    assert result.capture.bye_from_remote is True
    assert result.duration < 3.0
