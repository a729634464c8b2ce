"""Session fixture: a real Asterisk in a temporary DENTALCALL_HOME with free, non-default ports.

Runs beside any demo or production instance (own home, own ports, own control socket); stopped at session
end. Needs root (chroot/unshare or the native package); skips the dependent tests otherwise.

Use ``asterisk_instance.env`` for subprocesses (e.g. ``dentalcall serve``, sipp wrappers): it points
``DENTALCALL_HOME`` at the instance, whose ``dentalcall.ini`` holds the chosen ports, so every process agrees.
"""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import socket
import tempfile
from pathlib import Path
from typing import Any

import pytest

from appliance import settings
from appliance.settings import Config


def free_port(kind: int = socket.SOCK_STREAM, avoid: set[int] | None = None) -> int:
    """A port free for both TCP and UDP on 127.0.0.1 (kind picks which is bound to get it)."""
    avoid = avoid or set()
    for _ in range(100):
        with socket.socket(socket.AF_INET, kind) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        other = socket.SOCK_DGRAM if kind == socket.SOCK_STREAM else socket.SOCK_STREAM
        try:
            with socket.socket(socket.AF_INET, other) as s:
                s.bind(("127.0.0.1", port))
        except OSError:
            continue
        if port not in avoid:
            return port
    raise RuntimeError("no free port")


def pick_ports() -> dict[str, int]:
    """Non-default ports for a test instance (random RTP block in 30000-39800)."""
    used: set[int] = set()
    ports = {}
    for name, kind in (("sip_port", socket.SOCK_DGRAM), ("ami_port", socket.SOCK_STREAM),
                       ("agi_port", socket.SOCK_STREAM), ("audiosocket_port", socket.SOCK_STREAM)):
        ports[name] = free_port(kind, used)
        used.add(ports[name])
    base = random.randrange(30000, 39800, 200)
    ports["rtp_start"], ports["rtp_end"] = base, base + 199
    return ports


@dataclasses.dataclass
class AsteriskInstance:
    home: Path
    config: Config
    asterisk: Any  # appliance.telephony.asterisk.Asterisk
    env: dict[str, str]
    ports: dict[str, int]

    def rx(self, command: str) -> str:
        return self.asterisk.rx(command)


def make_instance(prefix: str = "dentalcall-ast-", **extra: Any) -> AsteriskInstance:
    """A configured (not started) instance in a fresh home. The caller removes ``home`` when done."""
    from appliance.telephony.asterisk import Asterisk

    home = Path(tempfile.mkdtemp(prefix=prefix))
    home.chmod(0o755)  # native mode: the asterisk user must be able to enter the home
    ports = pick_ports()
    values: dict[str, Any] = {**ports, "sip_bind": "127.0.0.1", **extra}
    base = settings.load(overrides={"home": str(home)})
    settings.write_config(base, values)
    config = settings.load(overrides={"home": str(home), **values})
    env = {**os.environ, "DENTALCALL_HOME": str(home)}
    env.update({"DENTALCALL_" + k.upper(): str(v) for k, v in values.items()})
    return AsteriskInstance(home=home, config=config, asterisk=Asterisk(config), env=env, ports=ports)


@pytest.fixture(scope="session")
def asterisk_instance() -> Any:
    """A running Asterisk for this test session (see module docstring)."""
    if os.geteuid() != 0:
        pytest.skip("a real Asterisk needs root (chroot/unshare)")
    inst = make_instance()
    try:
        inst.asterisk.start(timeout=60)
        yield inst
    finally:
        try:
            inst.asterisk.stop()
        finally:
            if os.environ.get("DENTALCALL_KEEP_TEST_HOME") != "1":
                shutil.rmtree(inst.home, ignore_errors=True)
