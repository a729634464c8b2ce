"""Every take is checked before it is kept: real read speech of the text passes; another text, silence,
clipping, noise, a whisper and an overlong take are refused with the reason in Korean. Files in every common
format are decoded by FFmpeg (PyAV) and go through the same check via `prompts record` / `prompts import`.

Real speech: the Korean read clips with their human transcripts (``shared_dir/data/speech-ko-read``), which
stand in for the clinic's sentences (there is no recording of the clinic's phrases). The word check uses the
installed Whisper model, the same STT the calls use."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from click.testing import CliRunner

from appliance import settings
from appliance.speech import audio, decode
from appliance.speech.recording_script import ScriptItem
from appliance.speech.take_check import CER_LIMIT, REASONS, check_take, cer, split_parts
from tests import shared_data
from tests.plugins.engine import installed_models_root

READ = shared_data.SPEECH_KO_READ
MODELS = installed_models_root()
pytestmark = [
    pytest.mark.skipif(not (READ / "transcripts.tsv").is_file(), reason=shared_data.MISSING),
    pytest.mark.skipif(MODELS is None, reason="Whisper not installed (dentalcall models install --defaults)"),
]
CLIPS = ("zeroth_104_003_0294", "zeroth_104_003_0374", "picovoice_leopard_test_ko")


def transcripts() -> dict[str, str]:
    rows = csv.DictReader(open(READ / "transcripts.tsv", encoding="utf-8"), delimiter="\t")
    return {r["file"].rsplit("_", 2)[0] if "_8k_" in r["file"] else r["file"][:-8]: r["text"] for r in rows}


TEXT = transcripts() if (READ / "transcripts.tsv").is_file() else {}


def item(text: str, parts: tuple[str, ...] | None = None) -> ScriptItem:
    parts = parts or (text,)
    keys = tuple(f"k{i}" for i in range(len(parts)))
    return ScriptItem(1, "x", "clinic", ", ".join(parts) if len(parts) > 1 else text, keys, parts)


def clip(name: str) -> tuple[np.ndarray, int]:
    return decode.decode(READ / f"{name}_16k.wav")


@pytest.fixture(scope="module")
def transcribe():
    from appliance.speech.stt import load_transcriber

    stt = load_transcriber(settings.load(overrides={"models_root": str(MODELS)}, env={}))
    return lambda pcm: stt.transcribe(pcm, 8000).text


@pytest.mark.parametrize("name", CLIPS)
def test_real_speech_of_the_text_is_kept_at_the_pack_level(transcribe, name):
    samples, rate = clip(name)
    result = check_take(samples, rate, item(TEXT[name]), transcribe)
    assert result.ok, (result.codes, result.heard, result.cer)
    assert result.cer <= CER_LIMIT and result.heard
    assert len(result.pieces) == 1
    assert audio.active_level_dbfs(result.pieces[0]) == pytest.approx(audio.PACK_LEVEL_DBFS, abs=1.0)
    assert result.message().startswith("통과")


def test_another_text_is_refused_with_the_reason(transcribe):
    samples, rate = clip(CLIPS[0])
    result = check_take(samples, rate, item(TEXT[CLIPS[1]]), transcribe)
    assert not result.ok and result.codes == ["words"] and result.cer > 0.8
    assert result.reasons == [REASONS["words"]] and "대본" in result.message()


def test_silence_is_refused(transcribe):
    result = check_take(np.zeros(8000 * 3, dtype=np.float32), 8000, item(TEXT[CLIPS[0]]), transcribe)
    assert not result.ok and result.codes == ["silent"] and "녹음되지 않았습니다" in result.message()


def test_clipping_is_refused(transcribe):
    samples, rate = clip(CLIPS[0])
    hot = np.clip(samples * 12.0, -1.0, 1.0)
    result = check_take(hot, rate, item(TEXT[CLIPS[0]]), transcribe)
    assert not result.ok and "clipped" in result.codes and result.clipped_ratio > 0.001


def test_noise_is_refused(transcribe):
    samples, rate = clip(CLIPS[0])
    rng = np.random.default_rng(7)
    level = np.sqrt(np.mean(samples ** 2))
    noisy = samples + rng.normal(0, level * 0.6, len(samples)).astype(np.float32)
    result = check_take(noisy, rate, item(TEXT[CLIPS[0]]), transcribe)
    assert not result.ok and "noisy" in result.codes, (result.snr_db, result.codes)


def test_a_whisper_is_refused(transcribe):
    samples, rate = clip(CLIPS[0])
    result = check_take(samples * 0.03, rate, item(TEXT[CLIPS[0]]), transcribe)
    assert not result.ok and "quiet" in result.codes, (result.level_dbfs, result.codes)


def test_overlong_take_is_refused(transcribe):
    samples, rate = clip(CLIPS[0])
    result = check_take(samples, rate, item("잠시만요."), transcribe)
    assert not result.ok and result.codes == ["too_long"]


def test_a_list_take_is_cut_into_its_words(transcribe):
    names = CLIPS
    pcm = audio.silence(300).join(audio.load_phone_pcm(READ / f"{n}_16k.wav") + audio.silence(700) for n in names)
    samples = audio.pcm_to_float(pcm)
    result = check_take(samples, 8000, item("", tuple(TEXT[n] for n in names)), transcribe)
    assert result.ok, (result.codes, result.heard, result.cer)
    assert len(result.pieces) == 3
    for piece, n in zip(result.pieces, names):  # each piece is its own clip: it says that clip's words
        assert cer(TEXT[n], transcribe(piece)) <= CER_LIMIT, n
    # read without pauses, it cannot be cut: refused with the reason
    run_on = audio.pcm_to_float(b"".join(audio.load_phone_pcm(READ / f"{n}_16k.wav") for n in names))
    assert split_parts(audio.float_to_pcm(run_on), 8) is None


def test_cer_reads_digits_as_spoken():
    assert cer("만 오천 원입니다.", "15,000원입니다") == 0.0
    assert cer("오후 세 시 반", "오후 3시 반") == 0.0
    assert cer("안녕하세요", "") == 1.0


# --- by file: any common format, through the CLI ---------------------------------------------------------

@pytest.fixture
def clinic_home(tmp_path):
    """An instance whose clinic sentences are read clips' transcripts (address, directions, parking)."""
    from appliance.data.clinic import facts

    home = tmp_path / "home"
    config = settings.load(overrides={"home": str(home)}, env={})
    config.config_dir.mkdir(parents=True, exist_ok=True)
    body = facts.EXAMPLE.read_text(encoding="utf-8").replace("[demo]\nfictitious = true", "")
    import re

    for field, name in zip(("address", "directions", "parking"), CLIPS):
        body = re.sub(rf'(?m)^{field} = ".*"$', f'{field} = "{TEXT[name]}"', body)
    body = re.sub(r', note = "[^"]*"', "", body)
    body = re.sub(r'(?m)^emergency = ".*"$', "", body)
    (config.config_dir / "clinic.toml").write_text(body, encoding="utf-8")
    env = {"DENTALCALL_HOME": str(home), "DENTALCALL_CONFIG": str(tmp_path / "none.ini"),
           "DENTALCALL_MODELS_ROOT": str(MODELS), "DENTALCALL_SHARED_DIR": str(READ.parent.parent)}
    return config, env


def _numbers(config) -> list[int]:
    from appliance.phrasebook import spoken_table
    from appliance.speech.recording_script import build_script

    items = build_script(spoken_table(config), config.clinic_name, config)
    return [i.number for i in items if i.key.startswith("fact_")]


@pytest.mark.parametrize("ext", [".wav", ".m4a", ".mp3", ".ogg"])
def test_prompts_record_takes_any_format_and_keeps_the_raw_take(clinic_home, tmp_path, ext):
    from appliance.cli import cli
    from appliance.phrasebook import load_pack

    config, env = clinic_home
    number = _numbers(config)[0]
    recorded = audio.load_phone_pcm(READ / f"{CLIPS[0]}_16k.wav", rate=16000)  # as a phone/PC records
    path = decode.encode(recorded, tmp_path / f"take{ext}", rate=16000)
    result = CliRunner().invoke(cli, ["prompts", "record", str(number), str(path)], env=env)
    assert result.exit_code == 0, result.output
    assert "kept" in result.output and "통과" in result.output
    pack = load_pack(settings.load(env=env))
    key = next(k for k in pack.expected_prompts() if k.startswith("fact_address"))
    assert pack.is_recorded(key)
    raw = sorted((pack.folder / "takes" / key).glob(f"*{ext}"))
    assert len(raw) == 1 and raw[0].read_bytes() == path.read_bytes()  # kept as it came
    log = json.loads(raw[0].with_suffix(".json").read_text(encoding="utf-8"))
    assert log["ok"] and log["kept"] and log["cer"] <= CER_LIMIT and log["heard"]
    assert raw[0].stat().st_mode & 0o007 == 0


def test_prompts_record_refuses_a_wrong_take_and_says_why(clinic_home, tmp_path):
    from appliance.cli import cli
    from appliance.phrasebook import load_pack

    config, env = clinic_home
    number = _numbers(config)[0]
    path = decode.encode(audio.load_phone_pcm(READ / f"{CLIPS[1]}_16k.wav", rate=16000), tmp_path / "wrong.mp3",
                         rate=16000)
    result = CliRunner().invoke(cli, ["prompts", "record", str(number), str(path)], env=env)
    assert result.exit_code == 1 and "refused" in result.output and REASONS["words"] in result.output
    status = CliRunner().invoke(cli, ["prompts", "status"], env=env)
    assert "failed check     1" in status.output, status.output
    pack = load_pack(settings.load(env=env))
    assert not any(pack.is_recorded(k) for k in pack.expected_prompts() if k.startswith("fact_"))


def test_prompts_import_folder_named_by_item_number(clinic_home, tmp_path):
    from appliance.cli import cli

    config, env = clinic_home
    numbers = _numbers(config)
    folder = tmp_path / "phone"
    folder.mkdir()
    decode.encode(audio.load_phone_pcm(READ / f"{CLIPS[0]}_16k.wav"), folder / f"{numbers[0]:03d}.m4a")
    decode.encode(audio.load_phone_pcm(READ / f"{CLIPS[1]}_16k.wav"), folder / f"{numbers[1]}.ogg")
    decode.encode(audio.load_phone_pcm(READ / f"{CLIPS[0]}_16k.wav"), folder / f"{numbers[2]}.wav")  # wrong one
    (folder / "notes.mp3").write_bytes(b"not audio")
    result = CliRunner().invoke(cli, ["prompts", "import", str(folder)], env=env)
    assert result.exit_code == 0, result.output
    assert "kept 2, refused 1, unknown 1" in result.output


def test_an_exported_pack_imports_by_text_into_another_pack(clinic_home, tmp_path):
    from appliance.cli import cli

    config, env = clinic_home
    number = _numbers(config)[0]
    take = decode.encode(audio.load_phone_pcm(READ / f"{CLIPS[0]}_16k.wav", rate=16000), tmp_path / "t.wav",
                         rate=16000)
    assert CliRunner().invoke(cli, ["prompts", "record", str(number), str(take)], env=env).exit_code == 0
    assert CliRunner().invoke(cli, ["prompts", "export", str(tmp_path / "exp")], env=env).exit_code == 0
    result = CliRunner().invoke(cli, ["prompts", "import", str(tmp_path / "exp"), "--pack", "vendor"], env=env)
    assert result.exit_code == 0, result.output
    assert "kept 1," in result.output  # the recorded sentence, matched by its text and checked again
