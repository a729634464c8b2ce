"""Settings: one registry, layered defaults → config file → ``DENTALCALL_*`` environment variables.

Every setting is declared once in ``SETTINGS`` (name, default, help); ``tests/test_settings.py`` checks the
README documents each one. Paths derive from ``home`` so a test or demo instance can live in a temporary
folder (``DENTALCALL_HOME``) beside a production install without touching it. The files themselves are read
and written (owners, modes, clear errors) by ``config_files``.
"""

from __future__ import annotations

import configparser
import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

from appliance.config_files import (  # noqa: F401 - re-exported (telephony, privacy)
    ENGINE_USER, coerce, engine_ids, read_ini, read_secret, update_secrets, write_private,
)
from appliance.errors import ConfigError
from appliance.settings_table import SETTINGS, Setting  # noqa: F401 - re-exported (the registry)

_BY_NAME = {s.name: s for s in SETTINGS}


class Config:
    """Resolved settings, one typed attribute per ``SETTINGS`` line, plus the paths derived from them.

    The annotations below are the typed view of the registry (the type of each default);
    ``tests/test_settings.py`` checks they match it, so a new setting is one ``SETTINGS`` line, one README row
    and one line here. A setting not annotated yet still works (plain attribute), only untyped.
    """

    home: str
    shared_dir: str
    cache_dir: str
    models_root: str
    asterisk_mode: str
    asterisk_root: str
    sip_bind: str
    sip_port: int
    rtp_start: int
    rtp_end: int
    agi_port: int
    audiosocket_port: int
    ami_port: int
    ami_user: str
    crm_db: str
    clinic_name: str
    staff_extensions: str
    voicemail_box: str
    prompt_pack: str
    clinic_doctors: str
    tts_voice: str
    stt_engine: str
    stt_whisper_model: str
    stt_vosk_model: str
    stt_whisper_window: str
    stt_threads: int
    stt_beam_size: int
    stt_workers: int
    stt_busy_beam_size: int
    stt_queue_pieces: bool
    stt_batch_max: int
    stt_level_dbfs: float
    stt_n_best: int
    stt_clinic_prompt: bool
    vad_aggressiveness: int
    endpoint_speculative_ms: int
    endpoint_decode_ms: int
    endpoint_end_ms: int
    endpoint_max_utterance_ms: int
    endpoint_no_speech_timeout_ms: int
    endpoint_barge_in_ms: int
    endpoint_barge_in_min_dbfs: float
    endpoint_min_speech_ms: int
    end_of_turn: str
    endpoint_hold_ms: int
    endpoint_piece_ms: int
    endpoint_piece_dip_ms: int
    endpoint_piece_dip_db: float
    record_calls: bool
    recording_retention_days: int
    log_phi: bool
    background_services: bool
    engine_answer_timeout: float
    emr_url: str
    emr_profile: str
    emr_booking: str
    emr_connect_timeout: float
    emr_statement_timeout: float
    caller_cache_ttl: int
    clinic_file: str
    scaling_age_rule: str
    opening_hours: str
    timezone: str
    llm_model: str
    llm_threads: int
    llm_timeout: float
    sip_lines: int
    outbound_max_channels: int
    outbound_free_lines: int
    outbound_trunk: str
    outbound_callerid: str
    outbound_ring_seconds: int
    outbound_retry_minutes: str
    outbound_amd: str
    outbound_closed_days: bool
    outbound_ad_cap_days: int
    outbound_clock_check: str
    transcript_retention_days: int
    questionnaire_retention_days: int
    call_log_retention_days: int
    work_item_retention_days: int
    voicemail_retention_days: int
    cdr_retention_days: int
    asterisk_log_retention_days: int
    access_log_retention_days: int
    sip_allowed_networks: str
    sms_gateway: str
    sms_profile: str
    sms_url: str
    sms_sender_number: str
    sms_optout_number: str
    sms_reminders: str
    console_bind: str
    console_port: int
    console_cert: str
    console_key: str
    console_idle_minutes: int
    console_login_attempts: int
    console_url: str
    notify_ring_extensions: str
    notify_ring_priority: int
    notify_ring_seconds: int
    notify_smtp_host: str
    notify_smtp_port: int
    notify_smtp_starttls: bool
    notify_smtp_user: str
    notify_email_from: str
    notify_email_to: str
    notify_summary_time: str
    notify_webhook_url: str
    backup_dir: str
    backup_copy_to: str
    backup_keep_days: int
    backup_time: str
    alert_emr_minutes: int
    drain_max_seconds: int

    def __init__(self, values: dict[str, Any]):
        self._names = tuple(values)
        self.__dict__.update(values)

    def as_dict(self) -> dict[str, Any]:
        return {name: self.__dict__[name] for name in self._names}

    @property
    def demo_or_test_instance(self) -> bool:
        """True for the throwaway instances of tests and ``dentalcall demo``: ``home`` set and inside the
        system temp folder. The production layout (``home`` empty) and any other home are production:
        demo clinic facts and the loopback test endpoint exist only on demo/test instances."""
        if not self.home:
            return False
        try:
            return Path(tempfile.gettempdir()).resolve() in Path(self.home).resolve().parents
        except OSError:
            return False

    # --- derived paths -------------------------------------------------
    @property
    def config_dir(self) -> Path:
        return Path(self.home) / "etc" if self.home else Path("/etc/dentalcall")

    @property
    def data_dir(self) -> Path:
        return Path(self.home) / "var" if self.home else Path("/var/lib/dentalcall")

    @property
    def config_file(self) -> Path:
        return self.config_dir / "dentalcall.ini"

    @property
    def secrets_file(self) -> Path:
        return self.config_dir / "secrets.ini"

    @property
    def asterisk_dir(self) -> Path:
        """Asterisk's own config, spool, run and log folders for this instance."""
        return self.data_dir / "asterisk"

    @property
    def spool_dir(self) -> Path:
        """Folder shared with Asterisk (same path on both sides): prompts and recordings."""
        return self.data_dir / "spool"

    @property
    def prompts_dir(self) -> Path:
        return self.spool_dir / "prompts"

    @property
    def recordings_dir(self) -> Path:
        return self.spool_dir / "recordings"

    @property
    def models_dir(self) -> Path:
        return Path(self.models_root) if self.models_root else self.data_dir / "models"

    @property
    def rootfs_dir(self) -> Path:
        return Path(self.asterisk_root) if self.asterisk_root else Path(self.cache_dir) / "asterisk-root"

    @property
    def crm_url(self) -> str:
        return self.crm_db or f"sqlite:///{self.data_dir / 'crm.sqlite'}"

    def secret(self, name: str) -> str:
        """Read (or create, mode 0600, owned by the engine's user) a generated secret such as the AMI password.
        Threads and processes creating one secret at once all get the one kept (``update_secrets``'s lock)."""
        existing = read_secret(self.secrets_file, name)
        if existing:
            return existing

        def create_if_missing(section: configparser.SectionProxy) -> str:
            if not section.get(name):
                section[name] = secrets.token_urlsafe(24)
            return section[name]

        return update_secrets(self.secrets_file, create_if_missing)


def load(overrides: dict[str, Any] | None = None, env: dict[str, str] | None = None) -> Config:
    """Resolve settings: defaults, then the config file, then DENTALCALL_* env vars, then overrides."""
    env = dict(os.environ if env is None else env)
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    # home first: it decides where the config file lives
    if env.get("DENTALCALL_HOME"):
        values["home"] = env["DENTALCALL_HOME"]
    if overrides and overrides.get("home"):
        values["home"] = overrides["home"]
    path = Path(env["DENTALCALL_CONFIG"]) if env.get("DENTALCALL_CONFIG") else Config(values).config_file
    parser = read_ini(path)
    if parser is not None:
        if parser.has_section("dentalcall"):
            for key, raw in parser.items("dentalcall"):
                if key not in _BY_NAME:
                    raise ConfigError(f"{path}: unknown setting {key!r}; known: {', '.join(sorted(_BY_NAME))}")
                values[key] = coerce(key, _BY_NAME[key].default, raw)
    for setting in SETTINGS:
        from_env = env.get("DENTALCALL_" + setting.name.upper())
        if from_env is not None:
            values[setting.name] = coerce(setting.name, setting.default, from_env)
    for key, raw in (overrides or {}).items():
        if key not in _BY_NAME:
            raise ConfigError(f"unknown setting {key!r}")
        if raw is not None:
            values[key] = coerce(key, _BY_NAME[key].default, raw)
    return Config(values)


def write_config(config: Config, changes: dict[str, Any]) -> Path:
    """Persist setting changes into the instance's config file (root:dentalcall 0640 when run as root)."""
    path = config.config_file
    parser = read_ini(path) or configparser.ConfigParser()
    if not parser.has_section("dentalcall"):
        parser.add_section("dentalcall")
    for key, value in changes.items():
        if key not in _BY_NAME:
            raise ConfigError(f"unknown setting {key!r}")
        parser.set("dentalcall", key, str(value))
    write_private(path, parser, secret=False)
    return path
