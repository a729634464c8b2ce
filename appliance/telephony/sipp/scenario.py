"""sipp XML scenarios: the caller (UAC) and callee (UAS), with SDP, audio streaming, DTMF and hang-up steps."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

DTMF_PAYLOAD_TYPE = 96  # hard-wired in sipp 3.6.1's play_dtmf
DTMF_DURATION_MS = 200
REJECT_CODES = (403, 404, 408, 480, 486, 487, 488, 500, 503, 603)

_SDP = """v=0
o=dentalcall 53655765 2353687637 IN IP[media_ip_type] [media_ip]
s=-
c=IN IP[media_ip_type] [media_ip]
t=0 0
m=audio [media_port] RTP/AVP 0 {pt}
a=rtpmap:0 PCMU/8000
a=rtpmap:{pt} telephone-event/8000
a=fmtp:{pt} 0-16
a=ptime:20
a=sendrecv
""".replace("{pt}", str(DTMF_PAYLOAD_TYPE))

_BYE_OK = """
<send>
<![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:[local_ip]:[local_port];transport=[transport]>
Content-Length: 0

]]>
</send>
"""


def dtmf_seconds(digits: str) -> float:
    """How long sipp 3.6.1's play_dtmf takes: ~0.78 s of filler packets, then 0.4 s a digit (0.2 s tone)."""
    return 0.8 + 0.4 * len(digits) + 0.1


def _media_steps(stream_wav: Path, dtmf: Sequence[tuple[float, str]], *,
                 info_dialog: tuple[str, str] | None = None) -> tuple[str, int, list[tuple[float, float]]]:
    """rtp_stream + DTMF steps; returns the XML, the milliseconds they take and the (at, seconds) pauses.

    RFC 4733 (default): play_dtmf sends its events from another SSRC, and Asterisk ends a running DTMF event
    whenever the SSRC changes, so interleaved audio packets would chop a digit into several. The audio stream is
    therefore paused while digits are sent (like a phone muting the microphone) and resumed after: audio after a
    DTMF burst is delayed by it. SIP INFO (``info_dialog`` = request URI and the From/To/Call-ID/Contact lines):
    one INFO (application/dtmf-relay) a digit, 250 ms apart; the audio keeps flowing.
    """
    # sipp 3.6.1 streams a file as it is, WAV header included (a 20 ms click): give it the raw μ-law bytes
    raw = Path(stream_wav).with_suffix(".ulaw")
    xml = [f'<nop><action><exec rtp_stream="{raw},1,0"/></action></nop>']
    elapsed = 0
    pauses = []
    cseq = 10
    for at, digits in sorted(dtmf):
        at_ms = int(round(at * 1000))
        if at_ms > elapsed:
            xml.append(f'<pause milliseconds="{at_ms - elapsed}"/>')
            elapsed = at_ms
        if info_dialog is not None:
            for digit in digits:
                cseq += 1
                xml.append(f"""<send retrans="500">
<![CDATA[
INFO {info_dialog[0]} SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
{info_dialog[1]}
CSeq: {cseq} INFO
Max-Forwards: 70
Content-Type: application/dtmf-relay
Content-Length: [len]

Signal={digit}
Duration={DTMF_DURATION_MS}
]]>
</send>
<recv response="200"/>
<pause milliseconds="250"/>""")
                elapsed += 250
            continue
        dur_ms = int(dtmf_seconds(digits) * 1000)
        xml.append('<nop><action><exec rtp_stream="pause"/></action></nop>')
        xml.append(f'<nop><action><exec play_dtmf="{digits},{DTMF_DURATION_MS}"/></action></nop>')
        xml.append(f'<pause milliseconds="{dur_ms}"/>')
        xml.append('<nop><action><exec rtp_stream="resume"/></action></nop>')
        elapsed += dur_ms
        pauses.append((elapsed / 1000 - dur_ms / 1000, dur_ms / 1000))
    return "\n".join(xml), elapsed, pauses


def _shift_spans(spans: list, pauses: list) -> list:
    """Where the clips really are in the call once DTMF pauses delayed the stream."""
    out = []
    for start, end in spans:
        shift = sum(d for at, d in pauses if at <= start + 1e-6)
        out.append((start + shift, end + shift))
    return out


# sipp 3.6.1 looks for global optional receives only *behind* the current step, and refuses an optional recv
# right before a send/pause/nop: the catch-all for the far end's BYE sits just before the mandatory 200 (UAC)
# or ACK (UAS) receive
_GLOBAL_BYE = '<recv request="BYE" optional="global" next="remote_bye"/>'


def _end_steps(hold_ms: int | None, wait_ms: int, *, bye_xml: str) -> str:
    """Wait for the remote BYE (answer 200) or, after hold_ms, send our BYE; then jump to "end".

    A BYE from the far end at any other moment (during pauses, DTMF, INFO transactions) is caught by the
    global optional receive ``_GLOBAL_BYE`` and answered here ("remote_bye"), so the far end may
    always hang up first without failing the run."""
    if hold_ms is None:
        normal = f'<recv request="BYE" timeout="{wait_ms}"/>\n{_BYE_OK}'
    else:
        normal = (f'<recv request="BYE" timeout="{max(hold_ms, 1)}" ontimeout="hangup"/>\n{_BYE_OK}\n'
                  f'<nop next="end"/>\n<label id="hangup"/>\n{bye_xml}\n<recv response="200" crlf="true"/>')
    return f'{normal}\n<nop next="end"/>\n<label id="remote_bye"/>\n{_BYE_OK}\n<nop next="end"/>'


def _info_dialog(method: str, dialog: tuple[str, str]) -> tuple[str, str] | None:
    if method not in ("rfc4733", "info"):
        raise ValueError(f"unknown DTMF method {method!r} (rfc4733 | info)")
    return dialog if method == "info" else None


def uac_scenario(stream_wav: Path, *, to_user: str, from_user: str, dtmf: Sequence[tuple[float, str]],
                 hold_ms: int | None, wait_ms: int, dtmf_method: str = "rfc4733") -> str:
    frm = f'"{from_user}" <sip:{from_user}@[local_ip]:[local_port]>;tag=[pid]DentalCall[call_number]'
    to = f"<sip:{to_user}@[remote_ip]:[remote_port]>"
    dialog = (f"From: {frm}\nTo: {to}[peer_tag_param]\nCall-ID: [call_id]\n"
              f"Contact: <sip:{from_user}@[local_ip]:[local_port]>")
    # a refused call (busy, not found, no answer…) is ACKed (same Via branch) and ends the run without error;
    # CallResult.rejected / capture.final_response tell
    rejections = "\n".join(f'<recv response="{code}" optional="true" next="rejected"/>' for code in REJECT_CODES)
    ruri = f"sip:{to_user}@[remote_ip]:[remote_port]"
    media, media_ms, _ = _media_steps(stream_wav, dtmf, info_dialog=_info_dialog(dtmf_method, (ruri, dialog)))
    if hold_ms is not None:
        hold_ms = max(hold_ms - media_ms, 1)
    wait_ms = max(wait_ms - media_ms, 1000)
    common = f"From: {frm}\nCall-ID: [call_id]\nContact: <sip:{from_user}@[local_ip]:[local_port]>\nMax-Forwards: 70"
    bye = f"""<send retrans="500">
<![CDATA[
BYE sip:{to_user}@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
To: {to}[peer_tag_param]
CSeq: 1000 BYE
{common}
Content-Length: 0

]]>
</send>"""
    return f"""<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="dentalcall caller">
<send retrans="500">
<![CDATA[
INVITE sip:{to_user}@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
To: {to}
CSeq: 1 INVITE
{common}
User-Agent: DentalCall test caller (sipp)
Content-Type: application/sdp
Content-Length: [len]

{_SDP}
]]>
</send>
<recv response="100" optional="true"/>
<recv response="180" optional="true"/>
<recv response="183" optional="true"/>
{rejections}
{_GLOBAL_BYE}
<recv response="200" rtd="true"/>
<send>
<![CDATA[
ACK sip:{to_user}@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
To: {to}[peer_tag_param]
CSeq: 1 ACK
{common}
Content-Length: 0

]]>
</send>
{media}
{_end_steps(hold_ms, wait_ms, bye_xml=bye)}
<label id="rejected"/>
<send>
<![CDATA[
ACK sip:{to_user}@[remote_ip]:[remote_port] SIP/2.0
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0

]]>
</send>
<label id="end"/>
</scenario>
"""


def uas_scenario(stream_wav: Path, *, mode: str, ring_ms: int, dtmf: Sequence[tuple[float, str]],
                 hold_ms: int | None, wait_ms: int) -> str:
    tag = ";tag=[pid]DentalCallUas[call_number]"
    sends_bye = mode == "answer" and hold_ms is not None
    # sipp refuses variables that are set but never used: capture the dialog only when we send the BYE
    invite = """<recv request="INVITE" crlf="true">
<action>
<ereg regexp=".*" search_in="hdr" header="From:" check_it="true" assign_to="rfrom"/>
<ereg regexp=".*" search_in="hdr" header="To:" check_it="true" assign_to="rto"/>
<ereg regexp="sip:[^>;]*" search_in="hdr" header="Contact:" check_it="true" assign_to="rcontact"/>
</action>
</recv>""" if sends_bye else '<recv request="INVITE" crlf="true"/>'

    def reply(code: str, *, sdp: bool = False, cseq: str = "[last_CSeq:]") -> str:
        body = f"Content-Type: application/sdp\nContent-Length: [len]\n\n{_SDP}" if sdp else "Content-Length: 0\n"
        return f"""<send>
<![CDATA[
SIP/2.0 {code}
[last_Via:]
[last_From:]
[last_To:]{tag}
[last_Call-ID:]
{cseq}
Contact: <sip:[local_ip]:[local_port];transport=[transport]>
{body}
]]>
</send>"""

    steps = [invite, reply("100 Trying"), reply("180 Ringing")]
    if mode == "busy":
        if ring_ms:
            steps.append(f'<pause milliseconds="{ring_ms}"/>')
        steps += [reply("486 Busy Here"), '<recv request="ACK"/>']
    elif mode == "ring":
        # never answer: the caller gives up with CANCEL (200 to it, 487 to the INVITE) within the run's timeout
        steps += [f'<recv request="CANCEL" timeout="{wait_ms}"><action><ereg regexp="[0-9]+" search_in="hdr" '
                  'header="CSeq:" assign_to="cseqnum"/></action></recv>', reply("200 OK"),
                  reply("487 Request Terminated", cseq="CSeq: [$cseqnum] INVITE"), '<recv request="ACK"/>']
    elif mode == "answer":
        if ring_ms:
            steps.append(f'<pause milliseconds="{ring_ms}"/>')
        steps += [reply("200 OK", sdp=True), _GLOBAL_BYE, '<recv request="ACK" rtd="true" crlf="true"/>']
        media, media_ms, _ = _media_steps(stream_wav, dtmf)
        steps.append(media)
        if hold_ms is not None:
            hold_ms = max(hold_ms - media_ms, 1)
        bye = f"""<send retrans="500">
<![CDATA[
BYE [$rcontact] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: [$rto]{tag}
To: [$rfrom]
Call-ID: [call_id]
CSeq: 2 BYE
Contact: <sip:[local_ip]:[local_port];transport=[transport]>
Max-Forwards: 70
Content-Length: 0

]]>
</send>"""
        steps.append(_end_steps(hold_ms, max(wait_ms - media_ms, 1000), bye_xml=bye))
        steps.append('<label id="end"/>')
    else:
        raise ValueError(f"unknown UAS mode {mode!r} (answer | ring | busy)")
    body = "\n".join(steps)
    return f"""<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="dentalcall callee">
{body}
</scenario>
"""
