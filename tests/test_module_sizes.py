"""Small modules with one job each: no module of the appliance, its AGI scripts, its benches or its tests passes
400 lines (the tests' data files under tests/data are not modules and are left out)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 400
FOLDERS = ("appliance", "agi_scripts", "bench", "tests")
NOT_MODULES = (ROOT / "tests" / "data",)  # recorded inputs (labelled sentences, sipp lab files), not code


def _modules() -> list[Path]:
    return sorted(
        p for folder in FOLDERS for p in (ROOT / folder).rglob("*.py")
        if "__pycache__" not in p.parts and not any(p.is_relative_to(data) for data in NOT_MODULES)
    )


def test_the_folders_hold_modules():
    assert len(_modules()) > 100
    for folder in FOLDERS:
        assert any(p.relative_to(ROOT).parts[0] == folder for p in _modules()), folder


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_module_passes_the_limit(folder):
    too_long = {
        str(p.relative_to(ROOT)): n
        for p in _modules()
        if p.relative_to(ROOT).parts[0] == folder and (n := len(p.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert too_long == {}, f"modules over {LIMIT} lines (split them by job): {too_long}"
