"""``dentalcall stt …`` and ``dentalcall models …`` (``tts`` and ``prompts``: appliance.commands.prompts).

Each group imports its heavy modules inside the command so ``dentalcall --help`` stays fast.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from appliance.cli_errors import ApplianceErrorGroup


def _config():
    from appliance import settings

    return settings.load()


# --------------------------------------------------------------------------------------------- stt
@click.group(cls=ApplianceErrorGroup)
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

    transcriber = load_transcriber(_config(), engine=engine)  # loaded once for all files
    for path in files:
        pcm, rate = read_audio(path)
        result = transcriber.transcribe(pcm, rate, hints=list(hints) or None, prompt=prompt)
        click.echo(json.dumps({"file": str(path), **result.as_dict()}, ensure_ascii=False))


# ------------------------------------------------------------------------------------------ models
@click.group(cls=ApplianceErrorGroup)
def models() -> None:
    """Speech and language models: install, list, verify."""


@models.command("install")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--defaults", is_flag=True, help="Install the pinned default models of models/manifest.toml.")
@click.option("--name", default=None, help="Name for an installer-given model (default: from its manifest/file).")
@click.option("--model", "models_", multiple=True, help="Install this model of the manifest (repeatable).")
@click.option("--licence", default="",
              help="The licence of a voice when no LICENSE/MODEL_CARD/manifest beside it says.")
def models_install(path: Path | None, defaults: bool, name: str | None, models_: tuple[str, ...], licence: str) -> None:
    """Install the default models and/or an installer-given PATH (folder, tarball, .onnx, .gguf)."""
    from appliance.speech import models as m

    if not path and not defaults and not models_:
        raise click.UsageError("give PATH, --defaults and/or --model NAME")
    config = _config()
    if defaults:
        for line in m.install_defaults(config):
            click.echo(line)
    if models_:
        for line in m.install_defaults(config, names=list(models_)):
            click.echo(line)
    if path:
        for line in m.install_path(config, path, name=name, licence=licence):
            click.echo(line)


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
