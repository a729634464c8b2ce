"""`dentalcall doctor` is honest about the voice: never OK while a caller would hear the placeholder."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from appliance import settings
from appliance.commands.doctor import check_prompts
from appliance.phrasebook import build_placeholder, load_pack
from appliance.speech import audio

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")


@pytest.fixture
def config(tmp_path):
    return settings.load(overrides={"home": str(tmp_path / "home")}, env={})


def test_nothing_at_all_fails(config):
    check = check_prompts(config)
    assert check.status == "fail" and "no voice at all" in check.detail and "*77" in check.fix


def test_placeholder_pack_warns_and_names_the_fix(config):
    build_placeholder(config)
    check = check_prompts(config)
    assert check.status == "warn"
    assert "0 of" in check.detail and "placeholder voice" in check.detail
    assert "prompts script" in check.fix and "*77" in check.fix and "prompts import" in check.fix


def test_ok_only_when_everything_is_recorded(config):
    build_placeholder(config)
    pack = load_pack(config)
    pcm = audio.float_to_pcm(0.3 * np.sin(2 * np.pi * 300 * np.arange(4000) / 8000))
    rows = pack.status()
    for row in rows[:-1]:
        pack.store(row.kind, row.key, pcm, row.text, source="recorded")
    pack.save_manifest()
    assert check_prompts(config).status == "warn"  # one left in the placeholder voice
    last = rows[-1]
    pack.store(last.kind, last.key, pcm, last.text, source="recorded")
    pack.save_manifest()
    check = check_prompts(config)
    assert check.status == "ok" and "all" in check.detail
