"""``dentalcall stt …`` and ``dentalcall models …`` (the ``tts`` and ``prompts`` groups live here too).

Each group imports its heavy modules inside the command so ``dentalcall --help`` stays fast.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from appliance.errors import ApplianceError


def _config():
    from appliance import settings

    return settings.load()


# --------------------------------------------------------------------------------------------- stt
@click.group()
def stt() -> None:
    """Speech-to-text: transcribe files with the installed engines."""


@stt.command("transcribe")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--engine", type=click.Choice(["whisper", "vosk"]), default=None, help="Default: setting stt_engine.")
@click.option("--hint", "hints", multiple=True, help="Expected words/phrases (hotwords; a grammar for vosk).")
@click.option("--prompt", default=None, help="Initial prompt (whisper only).")
def stt_transcribe(files: tuple[Path, ...], engine: str | None, hints: tuple[str, ...], prompt: str | None) -> None:
    """Transcribe FILES (any sample rate / encoding, incl. 8 kHz μ-law WAV): one JSON line per file."""
    from appliance.speech.stt import load_transcriber
    from appliance.speech.stt.audio import read_audio

    try:
        transcriber = load_transcriber(_config(), engine=engine)  # loaded once for all files
        for path in files:
            pcm, rate = read_audio(path)
            result = transcriber.transcribe(pcm, rate, hints=list(hints) or None, prompt=prompt)
            click.echo(json.dumps({"file": str(path), **result.as_dict()}, ensure_ascii=False))
    except ApplianceError as exc:
        raise click.ClickException(str(exc)) from None


# ------------------------------------------------------------------------------------------ models
@click.group()
def models() -> None:
    """Speech and language models: install, list, verify."""


@models.command("install")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--defaults", is_flag=True, help="Install the pinned default models of models/manifest.toml.")
@click.option("--name", default=None, help="Name for an installer-given model (default: from its manifest/file).")
@click.option("--model", "models_", multiple=True, help="Install this model of the manifest (repeatable).")
def models_install(path: Path | None, defaults: bool, name: str | None, models_: tuple[str, ...]) -> None:
    """Install the default models and/or an installer-given PATH (folder, tarball, .onnx, .gguf)."""
    from appliance.speech import models as m

    if not path and not defaults and not models_:
        raise click.UsageError("give PATH, --defaults and/or --model NAME")
    config = _config()
    try:
        if defaults:
            for line in m.install_defaults(config):
                click.echo(line)
        if models_:
            for line in m.install_defaults(config, names=list(models_)):
                click.echo(line)
        if path:
            for line in m.install_path(config, path, name=name):
                click.echo(line)
    except ApplianceError as exc:
        raise click.ClickException(str(exc)) from None


@models.command("list")
def models_list() -> None:
    """List the models of the manifest and the ones installed."""
    from appliance.speech import models as m

    for row in m.list_models(_config()):
        click.echo(f"{row['name']:<22} {row['kind']:<4} {row['use']:<10} {row['status']:<10} {row['licence']}")


@models.command("verify")
@click.option("--quick", is_flag=True, help="Compare sizes/mtimes with the install record instead of hashing.")
def models_verify(quick: bool) -> None:
    """Check every installed model against its checksums (exit 1 on a problem)."""
    from appliance.speech import models as m

    problems = m.verify(_config(), full=not quick)
    for name, problem in problems.items():
        click.echo(f"{name}: {problem or 'ok'}")
    if any(problems.values()):
        raise SystemExit(1)


# --------------------------------------------------------------------------------------------- tts
@click.group()
def tts() -> None:
    """Text-to-speech through the voice layers a call uses (recorded prompts, fragments, piper)."""


@tts.command("say")
@click.argument("text")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="WAV file to write.")
@click.option("--rate", default=8000, show_default=True, type=int, help="Sample rate of the WAV written.")
@click.option("--pack", default=None, help="Prompt pack (default: setting prompt_pack).")
@click.option("--voice", "voice_path", default=None, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A piper .onnx voice to use for the piper layer (default: the installed Korean voice).")
def tts_say(text: str, output: Path, rate: int, pack: str | None, voice_path: Path | None) -> None:
    """Say TEXT (or a phrase key) into a WAV file; prints which layer served it."""
    from appliance.speech import audio
    from appliance.speech.prompt_pack import PromptPack
    from appliance.speech.voice import NoVoice, Voice

    config = _config()
    voice = Voice(config, pack=PromptPack.load(config, pack) if pack else None, piper_voice=voice_path)
    try:
        rendered = voice.render_ex(text)
    except NoVoice as exc:
        raise click.ClickException(str(exc)) from None
    except ApplianceError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        voice.close()
    audio.write_wav(output, audio.resample_pcm(rendered.pcm, audio.PHONE_RATE, rate), rate)
    click.echo(f"layer: {rendered.layer}  ({rendered.seconds:.2f} s at {rate} Hz → {output})")


# ----------------------------------------------------------------------------------------- prompts
@click.group()
def prompts() -> None:
    """The prompt pack: the recorded voice of every fixed phrase and of the fragments for dates, prices …"""


def _pack(name: str | None):
    from appliance.speech.prompt_pack import PromptPack

    return PromptPack.load(_config(), name)


@prompts.command("list")
@click.option("--pack", default=None, help="Prompt pack (default: setting prompt_pack).")
@click.option("--missing", "only_missing", is_flag=True, help="Only what still needs a recording.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def prompts_list(pack: str | None, only_missing: bool, as_json: bool) -> None:
    """List every prompt and fragment: key, state (present/missing/stale) and the text to read."""
    p = _pack(pack)
    rows = [r for r in p.status() if not only_missing or r.state != "present"]
    for r in rows:
        if as_json:
            click.echo(json.dumps({"kind": r.kind, "key": r.key, "state": r.state, "text": r.text}, ensure_ascii=False))
        else:
            click.echo(f"{r.kind:<8} {r.key:<24} {r.state:<8} {r.text}")
    if not as_json:
        missing = sum(1 for r in p.status() if r.state != "present")
        click.echo(f"# pack {p.name!r} in {p.folder}: {missing} of {len(p.status())} still to record", err=True)


@prompts.command("record")
@click.argument("key")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--pack", default=None, help="Prompt pack (default: setting prompt_pack).")
def prompts_record(key: str, file: Path, pack: str | None) -> None:
    """Store FILE (a WAV, any rate) as the recording of KEY (converted to 8 kHz mono)."""
    from appliance.speech import audio

    p = _pack(pack)
    try:
        path = p.record(key, file)
    except ApplianceError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{key}: recorded ({audio.wav_info(path)['seconds']:.2f} s) → {path}")


@prompts.command("import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--pack", default=None, help="Prompt pack (default: setting prompt_pack).")
def prompts_import(folder: Path, pack: str | None) -> None:
    """Import <key>.wav files (and a vendor pack's manifest.json) from FOLDER."""
    p = _pack(pack)
    try:
        report = p.import_files(folder)
    except ApplianceError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"imported {len(report['imported'])}, skipped {len(report['skipped'])}, "
               f"unknown {len(report['unknown'])}; {len(p.missing())} still missing")
    for line in report["skipped"]:
        click.echo(f"  skipped: {line}")
    for name in report["unknown"]:
        click.echo(f"  unknown key (not a phrase or fragment): {name}")


@prompts.command("export")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--pack", default=None, help="Prompt pack (default: setting prompt_pack).")
def prompts_export(folder: Path, pack: str | None) -> None:
    """Copy the pack's recordings and manifest to FOLDER."""
    n = _pack(pack).export(folder)
    click.echo(f"exported {n} files to {folder}")


@prompts.command("build-placeholder")
def prompts_build_placeholder() -> None:
    """Render the placeholder pack with espeak-ng (tests and demos; re-runs only what changed)."""
    from appliance.speech.prompt_pack import build_placeholder_pack

    try:
        result = build_placeholder_pack(_config())
    except ApplianceError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"placeholder pack: {result['rendered']} rendered, {result['kept']} unchanged "
               f"in {result['seconds']:.1f} s → {result['folder']}")
