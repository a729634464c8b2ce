"""``dentalcall prompts …`` (the clinic's recorded voice) and ``dentalcall tts say``.

They live here, not in ``appliance.speech``, because they join the voice layer with the table of everything a
caller can hear (``appliance.phrasebook``): the speech layer never imports the dialogs.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from appliance.cli_errors import ApplianceErrorGroup


def _config():
    from appliance import settings

    return settings.load()


def _pack(config, name: str | None):
    from appliance.phrasebook import load_pack

    return load_pack(config, name)


@click.group(cls=ApplianceErrorGroup)
def prompts() -> None:
    """The clinic's voice: the recording script, takes (checked), status, import/export."""


@prompts.command("status")
@click.option("--pack", default=None, help="Prompt pack (default: setting prompt_pack).")
@click.option("--json", "as_json", is_flag=True)
def prompts_status(pack: str | None, as_json: bool) -> None:
    """Recorded / placeholder / stale / missing / failed-check counts over everything a caller can hear."""
    config = _config()
    p = _pack(config, pack)
    counts = p.counts()
    if as_json:
        click.echo(json.dumps({"pack": p.name, **counts}))
        return
    click.echo(f"pack {p.name!r} ({p.folder}): {counts['total']} entries a caller can hear")
    click.echo(f"  recorded      {counts['recorded']:>4}  (a person's voice, checked)")
    click.echo(f"  placeholder   {counts['placeholder']:>4}  (espeak-ng stand-in: not for patients)")
    click.echo(f"  stale         {counts['stale']:>4}  (recorded for a sentence that has changed)")
    click.echo(f"  missing       {counts['missing']:>4}")
    click.echo(f"  failed check  {counts['failed_check']:>4}  (last take refused: see `prompts list --missing`)")
    if counts["recorded"] < counts["total"]:
        click.echo("record the rest: `dentalcall prompts script` (the reading script), then *77 on a staff "
                   "phone or `dentalcall prompts import DIR`")


@prompts.command("list")
@click.option("--pack", default=None, help="Prompt pack (default: setting prompt_pack).")
@click.option("--missing", "only_missing", is_flag=True, help="Only what is not yet in a person's voice.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def prompts_list(pack: str | None, only_missing: bool, as_json: bool) -> None:
    """Every prompt and fragment: key, state (recorded/placeholder/stale/missing) and the text to read."""
    p = _pack(_config(), pack)
    checks = p.manifest.get("checks", {})
    failed = {k: c for c in checks.values() if not c.get("ok") for k in c.get("keys", [])}
    for r in p.status():
        if only_missing and r.state == "recorded":
            continue
        why = " / ".join(failed[r.key]["reasons"]) if r.failed_check else ""
        if as_json:
            click.echo(json.dumps({"kind": r.kind, "key": r.key, "state": r.state, "text": r.text,
                                   "failed_check": r.failed_check, "why": why}, ensure_ascii=False))
        else:
            flag = "  [last take refused: " + why + "]" if why else ""
            click.echo(f"{r.kind:<8} {r.key:<24} {r.state:<11} {r.text}{flag}")


@prompts.command("script")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the HTML page here.")
@click.option("--pdf", "pdf_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the printable PDF here.")
@click.option("--pack", default=None, help="Mark what this pack has recorded (default: setting prompt_pack).")
def prompts_script(html_path: Path | None, pdf_path: Path | None, pack: str | None) -> None:
    """The recording session: every item to read, numbered, with the count and the reading time."""
    from appliance.phrasebook import spoken_table
    from appliance.speech import script_render
    from appliance.speech.recording_script import build_script, summary

    config = _config()
    items = build_script(spoken_table(config), config.clinic_name, config)
    states = script_render.item_states(_pack(config, pack), items)
    s = summary(items)
    if html_path:
        click.echo(f"HTML script: {script_render.write_html(html_path, items, config.clinic_name, states)}")
    if pdf_path:
        click.echo(f"PDF script:  {script_render.write_pdf(pdf_path, items, config.clinic_name, states)}")
    if not html_path and not pdf_path:
        for item in items:
            click.echo(f"{item.number:>3}  {item.key:<22} {states.get(item.key, ''):<11} {item.text}")
    todo = sum(1 for st in states.values() if st != "recorded")
    click.echo(f"{s['recordings']} recordings ({s['phrases']} sentences, {s['fragment_takes']} word lists), "
               f"about {s['reading_minutes']:.0f} min of reading ({s['phone_session_minutes']:.0f} min by phone "
               f"with playback); {todo} still to record")


def _report_outcome(outcome) -> None:
    click.echo(outcome.line())
    for reason in outcome.result.reasons:
        click.echo(f"    이유: {reason}")
    click.echo(f"    raw take kept: {outcome.raw}")


@prompts.command("record")
@click.argument("item")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--pack", default=None, help="Prompt pack (default: setting prompt_pack).")
def prompts_record(item: str, file: Path, pack: str | None) -> None:
    """Check FILE (WAV, m4a, MP3, OGG …) as the take of ITEM (number, key, or one fragment's key); keep it if
    it passes. Exit 1 when the take is refused (the reasons are printed)."""
    from appliance.speech.takes import Recorder, transcriber_for

    config = _config()
    recorder = Recorder(_pack(config, pack), transcriber_for(config))
    outcome = recorder.record(item, file)
    _report_outcome(outcome)
    if not outcome.kept:
        raise SystemExit(1)


@prompts.command("import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--pack", default=None, help="Prompt pack (default: setting prompt_pack).")
def prompts_import(folder: Path, pack: str | None) -> None:
    """Check and keep takes from FOLDER: files named by item number (012.m4a), item key or fragment key, or an
    exported/vendor pack (its manifest.json is matched by text)."""
    from appliance.speech.takes import Recorder, transcriber_for

    config = _config()
    p = _pack(config, pack)
    report = Recorder(p, transcriber_for(config)).import_folder(folder)
    for line in report["kept"] + report["refused"]:
        click.echo(f"  {line}")
    for name in report["unknown"]:
        click.echo(f"  unknown (not an item number, item or fragment key): {name}")
    click.echo(f"kept {len(report['kept'])}, refused {len(report['refused'])}, unknown {len(report['unknown'])}; "
               f"{len(p.not_recorded())} entries still not in a person's voice")


@prompts.command("pin")
@click.option("--new", "new", is_flag=True, help="Make a new random PIN (the old one stops working).")
@click.option("--set", "value", default=None, help="Use this PIN (4-8 digits).")
def prompts_pin(new: bool, value: str | None) -> None:
    """Show (creating it once) the PIN staff key in after dialling *77 to record the clinic's voice."""
    from appliance.speech.prompt_recording import read_pin, set_pin

    config = _config()
    pin = read_pin(config)
    try:
        if value or new or pin is None:
            pin = set_pin(config, value)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"recording PIN for *77: {pin}  (stored in {config.secrets_file}, mode 0600)")


@prompts.command("export")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--pack", default=None, help="Prompt pack (default: setting prompt_pack).")
def prompts_export(folder: Path, pack: str | None) -> None:
    """Copy the pack's recordings and manifest to FOLDER."""
    n = _pack(_config(), pack).export(folder)
    click.echo(f"exported {n} files to {folder}")


@prompts.command("build-placeholder")
def prompts_build_placeholder() -> None:
    """Render the placeholder pack with espeak-ng (tests and demos only: not a voice for patients)."""
    from appliance.phrasebook import build_placeholder

    result = build_placeholder(_config())
    click.echo(f"placeholder pack: {result['rendered']} rendered, {result['kept']} unchanged "
               f"in {result['seconds']:.1f} s → {result['folder']}")


# --------------------------------------------------------------------------------------------- tts
@click.group(cls=ApplianceErrorGroup)
def tts() -> None:
    """Text-to-speech through the voice layers a call uses (recorded prompts, fragments, neural voice)."""


@tts.command("say")
@click.argument("text")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="WAV file to write.")
@click.option("--rate", default=8000, show_default=True, type=int, help="Sample rate of the WAV written.")
@click.option("--pack", default=None, help="Prompt pack (default: setting prompt_pack).")
@click.option("--voice", "voice_path", default=None, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A piper .onnx voice to use for the neural layer (default: the installed Korean voice).")
def tts_say(text: str, output: Path, rate: int, pack: str | None, voice_path: Path | None) -> None:
    """Say TEXT (or a phrase key) into a WAV file; prints which layer served it."""
    from appliance.phrasebook import load_voice
    from appliance.speech import audio

    config = _config()
    voice = load_voice(config, pack=_pack(config, pack), piper_voice=voice_path)
    try:
        rendered = voice.render_ex(text)
    finally:
        voice.close()
    audio.write_wav(output, audio.resample_pcm(rendered.pcm, audio.PHONE_RATE, rate), rate)
    click.echo(f"layer: {rendered.layer}  ({rendered.seconds:.2f} s at {rate} Hz → {output})")
