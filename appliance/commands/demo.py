"""``dentalcall demo``: the whole appliance in one command, on embedded defaults.

Starts what is not running (Asterisk, the engine), places a real SIP call with sipp carrying real Korean
speech, lets the appliance greet, listen, transcribe and answer, then prints the conversation with per-turn
latency and where the call log row landed. What it started, it stops again (unless --keep-running).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import click

from appliance import settings
from appliance.settings import Config


def _engine_ready(config: Config) -> bool:
    from appliance.commands.doctor import check_fastagi

    return check_fastagi(config).status == "ok"


def _start_engine(config: Config, log_path: Path, timeout: float = 300.0) -> subprocess.Popen:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_path, "ab")
    proc = subprocess.Popen([sys.executable, "-m", "appliance", "serve"], stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True, env=dict(os.environ))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log_path.read_text(errors="replace").splitlines()[-15:]
            raise click.ClickException("the engine exited while starting:\n" + "\n".join(tail))
        if _engine_ready(config):
            return proc
        time.sleep(0.5)
    proc.terminate()
    raise click.ClickException(f"the engine did not become ready in {timeout:.0f} s; see {log_path}")


@click.command()
@click.option("--audio", type=click.Path(exists=True, dir_okay=False),
              help="Caller's speech (default: a real Korean clip)")
@click.option("--caller", default="01012345678", show_default=True, help="Caller ID the demo call presents")
@click.option("--keep-running", is_flag=True, help="Leave Asterisk and the engine running afterwards")
def demo(audio: str | None, caller: str, keep_running: bool) -> None:
    """Place a real demo call into the appliance and print the conversation."""
    from appliance.data import crm
    from appliance.phrasebook import build_placeholder, load_pack
    from appliance.speech.prompt_pack import PromptPack
    from appliance.telephony import sipp
    from appliance.telephony.asterisk import Asterisk

    config = settings.load()
    demo_home = None
    if not config.demo_or_test_instance:  # never on the clinic's own instance (issue 11 item 6): one beside it
        from appliance.commands.demo_home import create

        config, demo_home = create(config)
        click.echo(f"demo instance (fictitious clinic, own ports) in {demo_home}")
    started: list[str] = []
    engine_proc = None
    asterisk = Asterisk(config)
    try:
        if config.prompt_pack == "placeholder":
            build_placeholder(config)
        counts = load_pack(config).counts()
        if counts["recorded"] < counts["total"]:
            click.echo(f"note: the appliance speaks with the placeholder voice (espeak-ng) — {counts['recorded']} of "
                       f"{counts['total']} sentences recorded; record the clinic's voice: `dentalcall prompts script`")
        if not asterisk.running():
            click.echo("starting Asterisk ...")
            asterisk.start(timeout=60)
            started.append("asterisk")
        if not _engine_ready(config):
            click.echo("starting the call engine (loading models) ...")
            engine_proc = _start_engine(config, config.data_dir / "log" / "demo-engine.log")
            started.append("engine")
        clip = Path(audio) if audio else sipp.demo_clip(config)
        script, hold = demo_script(PromptPack.load(config), clip)
        click.echo(f"calling the clinic line as {caller[:3]}-****-{caller[-4:]} with {clip.name} ...")
        t0 = time.time()
        result = sipp.place_call("127.0.0.1", config.sip_port, script, to_user="1000", from_user=caller,
                                 hold_seconds=hold, timeout=hold + 30)
        if not result.ok:
            raise click.ClickException(f"the demo call failed: {result.describe()}")
        crm.open_for(config)
        call = (crm.Call.select().where(crm.Call.started_at >= _utc_naive(t0 - 5))
                .order_by(crm.Call.id.desc()).first())
        if call is None:
            raise click.ClickException("the call went through but no call log row was written; "
                                       "see `dentalcall doctor` and the engine log")
        _print_conversation(call, config.clinic_name)
        click.echo(f"\ncall log: row {call.id} in {config.crm_url}  (see `dentalcall calls show {call.id}`)")
        click.echo(f"what the caller heard: {result.heard_wav}")
    finally:
        if not keep_running:
            if engine_proc is not None:
                engine_proc.terminate()
                try:
                    engine_proc.wait(15)
                except subprocess.TimeoutExpired:
                    engine_proc.kill()
            if "asterisk" in started:
                asterisk.stop()
            if demo_home is not None:
                import shutil

                shutil.rmtree(demo_home, ignore_errors=True)
        elif demo_home is not None:
            click.echo(f"left running: DENTALCALL_HOME={demo_home} dentalcall asterisk stop (and stop the engine)")


ANSWER_ALLOWANCE_S = 8.0  # transcription + the longest spoken answer, with room for a busy machine


def demo_script(pack, clip: Path) -> tuple[list, float]:
    """The demo caller: waits through the greeting, says ``clip`` once, listens to the answer, hangs up.

    The appliance never hangs up on a caller who is still there (it asks again, then offers the keypad, then
    staff), so the demo caller is the one who ends the call once the answer has been heard."""
    from appliance.telephony import sipp

    greeting_s = sum(len(pack.pcm(k) or b"") for k in ("greeting", "how_can_i_help")) / 16000
    clip_s = len(sipp.read_pcm(clip)) / sipp.RATE
    hold = greeting_s + 1.0 + clip_s + ANSWER_ALLOWANCE_S
    return [(None, greeting_s + 1.0), (clip, 0.0), (None, ANSWER_ALLOWANCE_S + 2.0)], hold


def _utc_naive(epoch: float):
    import datetime as dt

    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).replace(tzinfo=None)


def _print_conversation(call, clinic: str) -> None:
    from appliance.conversation.phrases import PHRASES, render
    from appliance.data import crm

    click.echo(f"\n— conversation (call {call.id}, outcome: {call.outcome}, then {call.next_step}) —")
    turns = list(call.turns.order_by(crm.Turn.seq))
    # an acknowledgement ("네,") plays while the caller's words are still being decoded, so it is logged before
    # the caller's turn; print it after them, where the caller heard it
    for i, turn in enumerate(turns[:-1]):
        if turn.speaker == "bot" and (turn.meta or {}).get("ack") and turns[i + 1].speaker == "caller":
            turns[i], turns[i + 1] = turns[i + 1], turn
    for turn in turns:
        meta = turn.meta or {}
        if turn.speaker == "bot":
            key = meta.get("key")
            text = render(key, clinic) if key in PHRASES else (turn.text or "")
            label = "  AI   "
        else:
            text = turn.text or ("(silence)" if meta.get("silence") else "(keypad)")
            label = "  환자 "
        timing = f"   [answer {turn.latency_ms} ms after the caller stopped]" if turn.latency_ms is not None else ""
        if turn.speaker == "caller" and turn.t_stt_final is not None and turn.t_speech_end is not None:
            timing = f"   [transcribed {turn.t_stt_final - turn.t_speech_end} ms after end of speech]"
        click.echo(f"{label}{text}{timing}")
