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


OPT_OUT_CONFIRMATIONS = ("opt_out_calls_done", "opt_out_texts_done", "opt_out_all_done")
"""What a caller hears after refusing calls, texts or both (phrases.OPT_OUT_DONE): added after clinics recorded."""


def _record_all_but(config, keys):
    build_placeholder(config)
    pack = load_pack(config)
    pcm = audio.float_to_pcm(0.3 * np.sin(2 * np.pi * 300 * np.arange(4000) / 8000))
    for row in pack.status():
        if row.key not in keys:
            pack.store(row.kind, row.key, pcm, row.text, source="recorded")
    pack.save_manifest()
    return pack


def test_the_opt_out_confirmations_in_the_placeholder_voice_are_named_and_never_ok(config):
    _record_all_but(config, OPT_OUT_CONFIRMATIONS)
    check = check_prompts(config)
    assert check.status == "warn"
    assert "3 in the placeholder voice" in check.detail
    assert check.detail.endswith("not yet in the clinic's voice: " + ", ".join(OPT_OUT_CONFIRMATIONS))


def test_a_pack_recorded_before_the_opt_out_confirmations_existed_fails_naming_them(config):
    pack = _record_all_but(config, ())
    for key in OPT_OUT_CONFIRMATIONS:  # as a pack recorded before they were in the phrase table
        (pack.folder / pack.section("prompt").pop(key)["file"]).unlink()
    pack.save_manifest()
    check = check_prompts(config)
    assert check.status == "fail"
    assert check.detail.startswith("3 of ") and all(key in check.detail for key in OPT_OUT_CONFIRMATIONS)


def test_a_long_list_is_cut_and_counted(config):
    build_placeholder(config)
    check = check_prompts(config)
    total = load_pack(config).counts()["total"]
    assert check.detail.endswith(f" and {total - 6} more")
