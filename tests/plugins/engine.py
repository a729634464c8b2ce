"""Session fixture: the real call engine (`dentalcall serve` as its own process) beside the real Asterisk.

The engine runs in the Asterisk test instance's home (same ports, same CRM file), with the placeholder
prompt pack rendered there and the models installed on this machine (``models_root``), so a test can kill
it mid-call and start it again.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from appliance import settings

PRODUCTION_MODELS = Path("/var/lib/dentalcall/models")


def installed_models_root() -> Path | None:
    root = Path(os.environ.get("DENTALCALL_TEST_MODELS_ROOT", PRODUCTION_MODELS))
    return root if (root / "whisper-base").is_dir() else None


@dataclass
class LiveEngine:
    instance: Any  # tests.plugins.asterisk.AsteriskInstance
    env: dict[str, str]
    log_path: Path
    proc: subprocess.Popen | None = None

    @property
    def config(self) -> settings.Config:
        return settings.load(env=self.env)

    def start(self, timeout: float = 180.0) -> None:
        from appliance.commands.doctor import check_fastagi

        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "appliance", "serve"], env=self.env,
                                     stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        config = self.config
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"engine exited with {self.proc.returncode}: {self.tail()}")
            if check_fastagi(config).status == "ok":
                return
            time.sleep(0.5)
        raise RuntimeError(f"engine not ready after {timeout} s: {self.tail()}")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()

    @contextlib.contextmanager
    def reconfigured(self, **settings_env: str) -> Iterator[LiveEngine]:
        """Run the engine with extra settings (``DENTALCALL_<NAME>`` variables) for one test, then as before."""
        saved = dict(self.env)
        self.stop()
        self.env.update(settings_env)
        try:
            self.start()
            yield self
        finally:
            self.stop()
            self.env.clear()
            self.env.update(saved)
            self.start()

    def running(self) -> bool:
        return bool(self.proc and self.proc.poll() is None)

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


@pytest.fixture(scope="session")
def live_engine(asterisk_instance: Any) -> Any:
    models_root = installed_models_root()
    if models_root is None:
        pytest.skip("speech models not installed: run install.sh (dentalcall models install --defaults)")
    from appliance.speech.prompt_pack import build_placeholder_pack

    env = dict(asterisk_instance.env)
    env["DENTALCALL_MODELS_ROOT"] = str(models_root)
    env["DENTALCALL_LLM_MODEL"] = env.get("DENTALCALL_LLM_MODEL", "")
    config = settings.load(env=env)
    build_placeholder_pack(config)
    engine = LiveEngine(asterisk_instance, env, asterisk_instance.home / "engine.log")
    engine.start()
    yield engine
    engine.stop()


@pytest.fixture
def engine_running(live_engine: LiveEngine) -> LiveEngine:
    """The live engine, (re)started if an earlier test killed it."""
    if not live_engine.running():
        live_engine.start()
    return live_engine
