"""A throwaway demo instance for ``dentalcall demo`` on an appliance's own (production) configuration.

The demo never runs on the clinic's instance: a production instance refuses calls with the demo clinic facts,
has no loopback test endpoint, and its call log is patient data. So ``create`` makes an instance in the system
temp folder (a demo/test instance by ``Config.demo_or_test_instance``) with free ports, the installed models and
the same Asterisk, and points this process's environment (inherited by the engine it starts) at it.
"""

from __future__ import annotations

import os
import random
import socket
import tempfile
from pathlib import Path

from appliance import settings
from appliance.settings import Config

# what the demo takes from the appliance's own settings: how to run, never what it talks to (EMR, CRM, trunks)
CARRIED = ("asterisk_mode", "cache_dir", "shared_dir", "tts_voice", "stt_engine", "stt_whisper_model",
           "stt_vosk_model", "stt_whisper_window", "stt_threads", "stt_beam_size", "llm_model", "llm_threads",
           "llm_timeout", "engine_answer_timeout")


def _free_port(kind: int, used: set[int]) -> int:
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
        if port not in used:
            used.add(port)
            return port
    raise RuntimeError("no free port for the demo instance")


def create(production: Config) -> tuple[Config, Path]:
    """Make the demo instance, export it in ``os.environ``; returns its config and home (remove it after)."""
    home = Path(tempfile.mkdtemp(prefix="dentalcall-demo-"))
    home.chmod(0o755)  # native Asterisk must enter it
    used: set[int] = set()
    values: dict[str, object] = {name: getattr(production, name) for name in CARRIED}
    values.update(models_root=str(production.models_dir), asterisk_root=str(production.rootfs_dir),
                  sip_bind="127.0.0.1", background_services=False, prompt_pack="placeholder",
                  sip_port=_free_port(socket.SOCK_DGRAM, used), ami_port=_free_port(socket.SOCK_STREAM, used),
                  agi_port=_free_port(socket.SOCK_STREAM, used),
                  audiosocket_port=_free_port(socket.SOCK_STREAM, used))
    base = random.randrange(30000, 39800, 200)
    values.update(rtp_start=base, rtp_end=base + 199)
    os.environ["DENTALCALL_HOME"] = str(home)
    names = {f"DENTALCALL_{s.name.upper()}" for s in settings.SETTINGS} - {"DENTALCALL_HOME"}
    for name in names & set(os.environ):  # the appliance's own overrides must not leak into the demo
        del os.environ[name]
    os.environ.pop("DENTALCALL_CONFIG", None)
    settings.write_config(settings.load(overrides={"home": str(home)}), values)
    return settings.load(), home
