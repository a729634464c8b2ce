"""Settings: layering, validation, and that the README documents every one of them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from appliance import settings
from appliance.config_files import read_secret
from appliance.errors import ConfigError

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_documented_in_the_readme():
    text = README.read_text(encoding="utf-8")
    section = text.split("<!-- settings -->", 1)[1].split("<!-- /settings -->", 1)[0]
    missing = [s.name for s in settings.SETTINGS if f"`{s.name}`" not in section]
    assert not missing, f"document these settings in README.md: {missing}"


def test_layers_defaults_file_env_overrides(tmp_path):
    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    assert config.sip_port == 5060 and config.config_dir == tmp_path / "etc"
    settings.write_config(config, {"sip_port": 5070, "clinic_name": "행복치과"})
    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    assert config.sip_port == 5070 and config.clinic_name == "행복치과"
    config = settings.load(overrides={"home": str(tmp_path)}, env={"DENTALCALL_SIP_PORT": "5080"})
    assert config.sip_port == 5080
    assert settings.load(overrides={"home": str(tmp_path), "sip_port": 5090}, env={}).sip_port == 5090


def test_bad_values_and_unknown_keys_are_clear_errors(tmp_path):
    with pytest.raises(ConfigError, match="sip_port.*integer"):
        settings.load(overrides={"home": str(tmp_path)}, env={"DENTALCALL_SIP_PORT": "five"})
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "dentalcall.ini").write_text("[dentalcall]\nsip_prot = 5060\n")
    with pytest.raises(ConfigError, match="unknown setting 'sip_prot'"):
        settings.load(overrides={"home": str(tmp_path)}, env={})
    (tmp_path / "etc" / "dentalcall.ini").write_text("not an ini file")
    with pytest.raises(ConfigError, match="cannot parse"):
        settings.load(overrides={"home": str(tmp_path)}, env={})


def test_secrets_are_generated_once_with_mode_0600(tmp_path):
    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    first = config.secret("ami_secret")
    assert len(first) >= 24 and config.secret("ami_secret") == first
    assert stat.S_IMODE(os.stat(config.secrets_file).st_mode) == 0o600


def test_threads_creating_one_secret_at_once_all_get_the_one_kept(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    for name in (f"webhook_secret_{i}" for i in range(5)):  # five fresh secrets, eight threads each
        with ThreadPoolExecutor(8) as pool:
            seen = set(pool.map(config.secret, [name] * 8))
        assert seen == {config.secret(name)}


def _secret_in_a_process(home: str, name: str, out) -> None:
    out.put(settings.load(overrides={"home": home}, env={}).secret(name))


def test_processes_creating_one_secret_at_once_all_get_the_one_kept(tmp_path):
    """The engine, the CLI and the console are separate processes: a thread lock alone let two of them generate
    different keys for one secret (the file rewritten by the loser)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    for name in (f"webhook_secret_{i}" for i in range(3)):
        out = ctx.Queue()
        procs = [ctx.Process(target=_secret_in_a_process, args=(str(tmp_path), name, out)) for _ in range(6)]
        for proc in procs:
            proc.start()
        seen = {out.get(timeout=30) for _ in procs}
        for proc in procs:
            proc.join(10)
        config = settings.load(overrides={"home": str(tmp_path)}, env={})
        assert seen == {config.secret(name)}, seen
    assert stat.S_IMODE(os.stat(config.secrets_file).st_mode) == 0o600


def _rewrite_secrets(path: str, rounds: int) -> None:
    from appliance.config_files import write_secret

    for i in range(rounds):
        write_secret(Path(path), "rotating", f"value-{i}")


def test_a_reader_never_sees_the_secrets_file_half_rewritten(tmp_path):
    """While another process rewrites secrets.ini, every read still finds the secrets that were already there."""
    import multiprocessing

    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    kept = config.secret("ami_secret")
    writer = multiprocessing.get_context("fork").Process(target=_rewrite_secrets,
                                                           args=(str(config.secrets_file), 400))
    writer.start()
    try:
        reads = 0
        while writer.is_alive() or reads < 50:
            assert read_secret(config.secrets_file, "ami_secret") == kept
            reads += 1
    finally:
        writer.join(30)
    assert writer.exitcode == 0 and read_secret(config.secrets_file, "rotating") == "value-399"


def test_config_attributes_are_typed_from_the_registry():
    """Each SETTINGS line has its typed attribute on Config (the type of its default), and nothing else does."""
    annotations = settings.Config.__annotations__
    registry = {s.name: type(s.default).__name__ for s in settings.SETTINGS}
    missing = sorted(set(registry) - set(annotations))
    assert not missing, f"add to the annotations of settings.Config: {[f'{n}: {registry[n]}' for n in missing]}"
    assert {n: annotations[n] for n in registry} == registry
    assert set(annotations) == set(registry), sorted(set(annotations) - set(registry))
    config = settings.load(env={"DENTALCALL_SIP_PORT": "5070"})
    assert config.sip_port == 5070 and isinstance(config.record_calls, bool)
    assert config.as_dict()["sip_port"] == 5070 and set(config.as_dict()) == set(registry)
    with pytest.raises(AttributeError):
        config.no_such_setting  # noqa: B018 - a typo is an error, not a silent default
