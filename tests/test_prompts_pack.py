"""Prompt packs: the espeak-ng placeholder pack, manifest, states (recorded/placeholder/stale/missing), permissions.

The placeholder audio is never judged by STT here (espeak-ng Korean is unintelligible: bench/voice_pack.txt);
only format and bookkeeping. Recorded entries are written with ``PromptPack.store`` (the checked path is
tested in test_take_check.py)."""

from __future__ import annotations

import hashlib
import json
import shutil
import time

import numpy as np
import pytest

from appliance import settings
from appliance.conversation.phrases import PHRASES
from appliance.phrasebook import build_placeholder, load_pack, spoken_table
from appliance.speech import audio
from appliance.speech.fragments import STATIC_FRAGMENTS
from appliance.speech.placeholder import build_placeholder_pack
from appliance.speech.prompt_pack import PromptError, PromptPack

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None,
                                reason="espeak-ng not installed (apt-get install espeak-ng)")


def make_config(home, **overrides):
    return settings.load(overrides={"home": str(home), **overrides}, env={})


def tone(seconds=0.5, freq=300.0):
    return audio.float_to_pcm(0.3 * np.sin(2 * np.pi * freq * np.arange(int(8000 * seconds)) / 8000))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    home = tmp_path_factory.mktemp("pack-home")
    config = make_config(home, clinic_name="하늘치과")
    result = build_placeholder(config)
    return config, result


def test_placeholder_pack_is_complete_but_not_recorded(built):
    config, result = built
    pack = load_pack(config)
    assert pack.missing() == []
    assert result["rendered"] == len(PHRASES) + len(STATIC_FRAGMENTS)
    counts = pack.counts()
    assert counts["placeholder"] == counts["total"] == len(PHRASES) + len(STATIC_FRAGMENTS)
    assert counts["recorded"] == counts["stale"] == counts["missing"] == 0
    assert len(pack.not_recorded()) == counts["total"]
    manifest = json.loads((pack.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["name"] == "placeholder" and manifest["voice"] == "espeak-ng:ko"
    assert manifest["sample_rate"] == 8000
    assert set(manifest["prompts"]) == set(PHRASES)
    greeting = manifest["prompts"]["greeting"]["text"]
    assert "하늘치과" in greeting and "{clinic}" not in greeting


def test_placeholder_files_are_8k_mono_16bit_hashed_and_private(built):
    config, _ = built
    pack = load_pack(config)
    assert pack.folder.stat().st_mode & 0o007 == 0
    for section in ("prompts", "fragments"):
        for key, entry in pack.manifest[section].items():
            path = pack.folder / entry["file"]
            info = audio.wav_info(path)
            assert (info["rate"], info["channels"], info["width"]) == (8000, 1, 2), key
            assert info["seconds"] > 0.05, key
            assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], key
            assert path.stat().st_mode & 0o777 == 0o640, key


def test_path_is_asterisk_style_and_pcm_is_cached(built):
    config, _ = built
    pack = load_pack(config)
    p = pack.path("greeting")
    assert p is not None and not p.endswith(".wav") and p == str(pack.folder / "greeting")
    pcm = pack.pcm("greeting")
    assert len(pcm) == audio.wav_info(pack.folder / "greeting.wav")["frames"] * 2
    assert pack.pcm("greeting") is pcm  # cached
    assert pack.fragment_pcm("month_6") is not None and pack.fragment_pcm("hour_3") is not None
    assert pack.pcm("no_such_key") is None
    assert pack.key_for_text("좋은 하루 보내세요.") == "good_day"


def test_without_the_phrase_table_a_pack_plays_but_cannot_say_what_is_missing(built):
    config, _ = built
    pack = PromptPack.load(config)
    assert pack.pcm("greeting") is not None  # the pack's own entries
    with pytest.raises(PromptError, match="phrase table"):
        pack.missing()
    with pytest.raises(PromptError, match="phrase table"):
        build_placeholder_pack(config)


def test_rebuild_is_idempotent_and_fast(built):
    config, _ = built
    t0 = time.monotonic()
    again = build_placeholder(config)
    assert again["rendered"] == 0
    assert time.monotonic() - t0 < 2.0


def test_clinic_rename_rerenders_only_clinic_prompts(tmp_path, built):
    config, _ = built
    home = tmp_path / "copy"
    shutil.copytree(config.data_dir, home / "var")
    renamed = make_config(home, clinic_name="바다치과")
    result = build_placeholder(renamed)
    assert result["rendered"] == sum("{clinic}" in t for t in PHRASES.values())
    assert "바다치과" in load_pack(renamed).manifest["prompts"]["greeting"]["text"]


def test_recorded_placeholder_stale_and_missing(tmp_path):
    config = make_config(tmp_path)
    pack = load_pack(config)
    assert set(pack.missing()) == set(PHRASES) | set(STATIC_FRAGMENTS)
    pack.store("prompt", "goodbye", tone(), pack.expected_prompts()["goodbye"], source="recorded")
    pack.save_manifest()
    again = load_pack(config)
    assert "goodbye" not in again.missing() and again.is_recorded("goodbye")
    assert again.counts()["recorded"] == 1
    # the phrase text changes after the recording → stale, not played
    again.manifest["prompts"]["goodbye"]["text"] = "예전 문장"
    again.save_manifest()
    stale = load_pack(config)
    assert [r.state for r in stale.status() if r.key == "goodbye"] == ["stale"]
    assert stale.pcm("goodbye") is None and stale.path("goodbye") is None and "goodbye" in stale.missing()
    # the placeholder re-renders it, but remembers it was recorded: still stale (not placeholder) in the counts
    build_placeholder(config)
    rebuilt = load_pack(config)
    assert [r.state for r in rebuilt.status() if r.key == "goodbye"] == ["stale"]
    assert rebuilt.pcm("goodbye") is not None  # callers hear the placeholder meanwhile, not silence
    assert rebuilt.counts()["stale"] == 1


def test_a_refused_last_take_is_counted(tmp_path):
    config = make_config(tmp_path)
    build_placeholder(config)
    pack = load_pack(config)
    pack.manifest["checks"]["goodbye"] = {"ok": False, "keys": ["goodbye"], "reasons": ["x"]}
    pack.save_manifest()
    assert load_pack(config).counts()["failed_check"] == 1


def test_refresh_if_changed_sees_another_process_writing(tmp_path):
    config = make_config(tmp_path)
    build_placeholder(config)
    mine = load_pack(config)
    assert not mine.refresh_if_changed()
    other = load_pack(config)
    other.store("prompt", "goodbye", tone(), other.expected_prompts()["goodbye"], source="recorded")
    time.sleep(0.01)
    other.save_manifest()
    assert mine.refresh_if_changed() and mine.is_recorded("goodbye")


def test_clinic_sentences_join_the_table(tmp_path):
    config = make_config(tmp_path)
    config.config_dir.mkdir(parents=True, exist_ok=True)
    from appliance.data.clinic import facts

    body = facts.EXAMPLE.read_text(encoding="utf-8").replace("[demo]\nfictitious = true", "")
    body = body.replace("테헤란로 123, 미소빌딩 3층", "한빛로 7")
    (config.config_dir / "clinic.toml").write_text(body, encoding="utf-8")
    table = spoken_table(config)
    facts_keys = [k for k in table if k.startswith("fact_")]
    assert any(table[k] == "서울특별시 강남구 한빛로 7" for k in facts_keys)
    assert load_pack(config).kind_of(facts_keys[0]) == "prompt"
    # the shipped example's fictitious address is never part of the script
    (config.config_dir / "clinic.toml").unlink()
    assert not [k for k in spoken_table(config) if k.startswith("fact_")]


def test_export_copies_the_pack(tmp_path, built):
    config, _ = built
    exported = tmp_path / "export"
    n = load_pack(config).export(exported)
    assert n == len(PHRASES) + len(STATIC_FRAGMENTS)
    assert (exported / "manifest.json").is_file() and (exported / "fragments" / "month_10.wav").is_file()


def test_demo_marked_facts_are_never_in_the_script(tmp_path):
    from appliance.data.clinic import facts

    config = make_config(tmp_path)
    config.config_dir.mkdir(parents=True, exist_ok=True)
    body = facts.EXAMPLE.read_text(encoding="utf-8").replace("테헤란로 123, 미소빌딩 3층", "한빛로 7")
    (config.config_dir / "clinic.toml").write_text(body, encoding="utf-8")  # still has its [demo] section
    assert not [k for k in spoken_table(config) if k.startswith("fact_")]
