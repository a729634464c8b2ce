"""Test/demo caller: real SIP calls placed (or answered) with ``sipp``, and what the caller heard.

Used by ``dentalcall demo`` and by the tests. ``sipp`` is Debian package ``sip-tester`` (binary ``sipp`` 3.6.1,
built with RTP streaming). Every run is bounded (``-m 1 -timeout … -timeout_error -nostdin``) and non-interactive.

- ``place_call(host, port, audio)`` dials an INVITE (SDP: PCMU + telephone-event), streams ``audio`` (any format;
  converted to 8 kHz μ-law and padded with silence) with ``<exec rtp_stream>``, sends optional DTMF digits —
  RFC 4733 (``<exec play_dtmf>``: sipp 3.6.1 always uses payload type 96, so the SDP offers telephone-event as 96)
  or SIP INFO — then waits for the remote BYE or hangs up after ``hold_seconds``. A refused INVITE (busy, …) is
  ACKed and reported (``CallResult.rejected``).
  ``start_call`` is the same as a running handle (``CallHandle``) so a test can act while the call is up;
  ``place_call_async`` awaits it.
- A scripted multi-turn caller: ``[(audio|None, seconds), …]`` segments become one stream with generous gaps, so
  the caller "speaks after the bot" (``build_stream``); ``CallResult.sent_spans`` says when each clip was sent.
- ``place_uas(...)`` starts a sipp UAS for outbound (AMI Originate) tests: answer and play, ring without answer,
  or busy (486).
- What the caller HEARD: RTP sent to the caller's RTP port is captured on the loopback/any interface with
  ``dumpcap`` and decoded here (small pcap reader, RTP μ-law/A-law decoding, gaps filled by timestamp) into an
  8 kHz 16-bit WAV: ``CallResult.heard_wav``.
- ``audio_similarity`` (normalised cross-correlation against the μ-law-transcoded reference at the best offset)
  and ``speech_segments`` (energy-based on/off times) for assertions on what the caller got.

``play_dtmf`` and the capture need root (raw sockets / packet capture), as does Asterisk in a rootfs anyway.

The package, one job a module:

- ``tools``: the external programs (sipp, sox, dumpcap) and ``SippError``;
- ``g711``: μ-law/A-law tables and Asterisk's μ-law encoder, ``RATE``;
- ``audio_io``: reading/writing audio files and μ-law WAVs;
- ``media``: the caller's outgoing stream (``build_stream``);
- ``scenario``: the sipp XML scenarios (UAC/UAS, DTMF, hang-up);
- ``pcap``, ``rtp``, ``capture``: dumpcap capture, pcap reading and RTP decoding of what the caller heard;
- ``analysis``: alignment, similarity and speech activity of heard audio;
- ``network``: free ports, local address and capture interface;
- ``result``, ``calls``: ``CallResult``, ``CallHandle`` and running sipp (``place_call``, ``place_uas`` …);
- ``demo``: the bundled demo speech clip.

Everything is re-exported here: use ``from appliance.telephony import sipp`` and ``sipp.<name>``.
"""
# ruff: noqa: F401 - re-exports, private helpers included (tests use some of them)

from pathlib import Path  # kept as ``sipp.Path`` for callers of the former single module

from .analysis import align, audio_similarity, longest_silence, speech_segments
from .audio_io import _clip_ulaw, _write_ulaw_wav, read_pcm, read_ulaw_wav, wav_seconds, write_wav
from .calls import (CallHandle, _normalise_dtmf, _prepare, _sipp_args, _wait_bound, place_call, place_call_async,
                    place_uas, start_call)
from .capture import Capture, CaptureInfo, _header, analyse_capture
from .demo import _BUNDLED, DEMO_CLIP, demo_clip
from .g711 import (ALAW_TO_PCM, RATE, ULAW_TO_PCM, _alaw_table, _ulaw_table, ulaw_decode, ulaw_encode,
                   ulaw_roundtrip)
from .media import ULAW_SILENCE, AudioSource, Segment, build_stream
from .network import _interface_for, _local_ip_for, free_udp_port
from .pcap import UdpPacket, _link_payload, _udp, read_pcap
from .result import CallResult
from .rtp import RtpPacket, _unwrap, decode_rtp_audio, parse_rtp
from .scenario import (_BYE_OK, _GLOBAL_BYE, _SDP, DTMF_DURATION_MS, DTMF_PAYLOAD_TYPE, REJECT_CODES, _end_steps,
                       _info_dialog, _media_steps, _shift_spans, dtmf_seconds, uac_scenario, uas_scenario)
from .tools import SIPP, SippError, _need
