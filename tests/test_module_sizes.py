"""Small modules with one job each: no module of the appliance, its AGI scripts or its benches passes 400 lines."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 400
FOLDERS = ("appliance", "agi_scripts", "bench")


def _modules() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def test_the_folders_hold_modules():
    assert len(_modules()) > 100


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_module_passes_the_limit(folder):
    too_long = {
        str(p.relative_to(ROOT)): n
        for p in _modules()
        if p.relative_to(ROOT).parts[0] == folder and (n := len(p.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert too_long == {}, f"modules over {LIMIT} lines (split them by job): {too_long}"
