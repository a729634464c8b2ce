"""Prompt packs: the espeak-ng placeholder pack, manifest, missing/stale, record, import/export.

The placeholder audio is never judged by STT (espeak-ng Korean is unintelligible); only format and bookkeeping."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
import wave

import numpy as np
import pytest

from appliance import settings
from appliance.conversation.phrases import PHRASES
from appliance.speech import audio
from appliance.speech.fragments import STATIC_FRAGMENTS
from appliance.speech.prompt_pack import PromptError, PromptPack, build_placeholder_pack

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed (apt-get install espeak-ng)")


def make_config(home, **overrides):
    return settings.load(overrides={"home": str(home), **overrides}, env={})


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    home = tmp_path_factory.mktemp("pack-home")
    config = make_config(home, clinic_name="하늘치과")
    result = build_placeholder_pack(config)
    return config, result


def tone_wav(path, rate=44100, channels=2, seconds=0.5, freq=440.0):
    t = np.arange(int(rate * seconds)) / rate
    x = (0.3 * np.sin(2 * np.pi * freq * t) * 32767).astype("<i2")
    data = np.repeat(x[:, None], channels, axis=1).tobytes()
    with wave.open(str(path), "wb") as fh:
        fh.setnchannels(channels)
        fh.setsampwidth(2)
        fh.setframerate(rate)
        fh.writeframes(data)
    return path


def test_placeholder_pack_is_complete(built):
    config, result = built
    pack = PromptPack.load(config)
    assert pack.missing() == []
    assert result["rendered"] == len(PHRASES) + len(STATIC_FRAGMENTS)
    manifest = json.loads((pack.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["name"] == "placeholder"
    assert manifest["voice"] == "espeak-ng:ko"
    assert manifest["sample_rate"] == 8000
    assert set(manifest["prompts"]) == set(PHRASES)
    assert set(STATIC_FRAGMENTS) <= set(manifest["fragments"])
    # clinic name substituted into the recorded text
    assert "하늘치과" in manifest["prompts"]["greeting"]["text"]
    assert "{clinic}" not in manifest["prompts"]["greeting"]["text"]


def test_placeholder_files_are_8k_mono_16bit_and_hashed(built):
    config, _ = built
    pack = PromptPack.load(config)
    for section in ("prompts", "fragments"):
        for key, entry in pack.manifest[section].items():
            path = pack.folder / entry["file"]
            info = audio.wav_info(path)
            assert (info["rate"], info["channels"], info["width"]) == (8000, 1, 2), key
            assert info["seconds"] > 0.05, key
            assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], key


def test_path_is_asterisk_style_and_pcm_is_cached(built):
    config, _ = built
    pack = PromptPack.load(config)
    p = pack.path("greeting")
    assert p is not None and not p.endswith(".wav")
    assert (pack.folder / "greeting.wav").is_file() and p == str(pack.folder / "greeting")
    pcm = pack.pcm("greeting")
    assert len(pcm) == audio.wav_info(pack.folder / "greeting.wav")["frames"] * 2
    assert pack.pcm("greeting") is pcm  # cached
    assert pack.fragment_pcm("month_6") is not None
    assert pack.pcm("no_such_key") is None
    assert pack.key_for_text("잠시만요.") == "one_moment"


def test_rebuild_is_idempotent_and_fast(built):
    config, _ = built
    t0 = time.monotonic()
    again = build_placeholder_pack(config)
    assert again["rendered"] == 0
    assert time.monotonic() - t0 < 1.0


def test_clinic_rename_rerenders_only_clinic_prompts(tmp_path, built):
    config, _ = built
    home = tmp_path / "copy"
    shutil.copytree(config.data_dir, home / "var")
    renamed = make_config(home, clinic_name="바다치과")
    result = build_placeholder_pack(renamed)
    assert result["rendered"] == sum("{clinic}" in t for t in PHRASES.values())
    assert "바다치과" in PromptPack.load(renamed).manifest["prompts"]["greeting"]["text"]


def test_missing_and_stale(tmp_path):
    config = make_config(tmp_path)
    pack = PromptPack.load(config)
    assert set(pack.missing()) == set(PHRASES) | set(STATIC_FRAGMENTS)
    pack.record("goodbye", tone_wav(tmp_path / "bye.wav"))
    assert "goodbye" not in PromptPack.load(config).missing()
    # the phrase text changes after the recording → stale, not played
    pack.manifest["prompts"]["goodbye"]["text"] = "예전 문장"
    pack.save_manifest()
    stale = PromptPack.load(config)
    assert "goodbye" in stale.missing()
    assert [r.state for r in stale.status() if r.key == "goodbye"] == ["stale"]
    assert stale.pcm("goodbye") is None and stale.path("goodbye") is None


def test_record_converts_any_wav_to_8k_mono(tmp_path):
    config = make_config(tmp_path)
    pack = PromptPack.load(config)
    path = pack.record("transfer", tone_wav(tmp_path / "t.wav", rate=44100, channels=2, seconds=0.5))
    info = audio.wav_info(path)
    assert (info["rate"], info["channels"], info["width"]) == (8000, 1, 2)
    assert abs(info["seconds"] - 0.5) < 0.01
    entry = json.loads((pack.folder / "manifest.json").read_text(encoding="utf-8"))["prompts"]["transfer"]
    assert entry["source"] == "recorded" and entry["text"] == PHRASES["transfer"]
    # fragments are trimmed of silence on the way in
    frag = pack.record("sino_5", audio.wav_bytes(audio.silence(300) + audio.float_to_pcm(
        0.3 * np.sin(np.arange(2400) / 8000 * 2 * np.pi * 300)) + audio.silence(300)))
    assert audio.wav_info(frag)["seconds"] < 0.4


def test_record_rejects_unknown_key_and_bad_audio(tmp_path):
    pack = PromptPack.load(make_config(tmp_path))
    with pytest.raises(PromptError, match="unknown prompt key"):
        pack.record("nope", tone_wav(tmp_path / "x.wav"))
    (tmp_path / "bad.wav").write_bytes(b"not audio at all")
    with pytest.raises(PromptError):
        pack.record("goodbye", tmp_path / "bad.wav")
    with pytest.raises(PromptError, match="silent"):
        pack.record("goodbye", audio.wav_bytes(audio.silence(500)))


def test_export_then_import_into_another_pack(tmp_path, built):
    config, _ = built
    exported = tmp_path / "export"
    n = PromptPack.load(config).export(exported)
    assert n == len(PHRASES) + len(STATIC_FRAGMENTS)
    assert (exported / "manifest.json").is_file() and (exported / "fragments" / "month_10.wav").is_file()
    other = make_config(tmp_path / "other", clinic_name="하늘치과", prompt_pack="vendor")
    report = PromptPack.load(other).import_files(exported)
    assert len(report["imported"]) == n and not report["unknown"]
    assert PromptPack.load(other).missing() == []


def test_import_plain_folder_reports_unknown(tmp_path):
    src = tmp_path / "wavs"
    src.mkdir()
    tone_wav(src / "goodbye.wav")
    tone_wav(src / "whatever.wav")
    (src / "fragments").mkdir()
    tone_wav(src / "fragments" / "month_6.wav", rate=16000, channels=1)
    pack = PromptPack.load(make_config(tmp_path / "home"))
    report = pack.import_files(src)
    assert sorted(report["imported"]) == ["goodbye", "month_6"]
    assert report["unknown"] == ["whatever.wav"]
