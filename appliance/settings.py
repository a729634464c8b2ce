"""Settings: one registry, layered defaults → config file → ``DENTALCALL_*`` environment variables.

Every setting is declared once in ``SETTINGS`` (name, default, help); ``tests/test_settings.py`` checks the
README documents each one. Paths derive from ``home`` so a test or demo instance can live in a temporary
folder (``DENTALCALL_HOME``) beside a production install without touching it. The files themselves are read
and written (owners, modes, clear errors) by ``config_files``.
"""

from __future__ import annotations

import configparser
import dataclasses
import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

from appliance.config_files import (  # noqa: F401 - re-exported (telephony, privacy)
    ENGINE_USER, coerce, engine_ids, read_ini, read_secret, update_secrets, write_private,
)
from appliance.errors import ConfigError


@dataclasses.dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


_REPO_ROOT = Path(__file__).resolve().parent.parent

SETTINGS: tuple[Setting, ...] = (
    Setting("home", "", "Root of an instance; empty = production layout (/etc/dentalcall, /var/lib/dentalcall)"),
    Setting("shared_dir", str(_REPO_ROOT.parent / "shared"), "Shared data (speech clips) read, never copied"),
    Setting("cache_dir", "/var/cache/dentalcall", "Caches that survive reinstalls: Asterisk rootfs, built wheels"),
    Setting("models_root", "", "Where models are installed (default: data_dir/models); test instances share it"),
    Setting("asterisk_mode", "auto", "auto | native | rootfs: how Asterisk is run"),
    Setting("asterisk_root", "", "Rootfs holding Asterisk when asterisk_mode=rootfs (default: cache_dir/asterisk-root)"),
    Setting("sip_bind", "127.0.0.1", "Address the SIP UDP transport binds to (the trunk's LAN address in a clinic)"),
    Setting("sip_port", 5060, "SIP UDP port"),
    Setting("rtp_start", 10000, "First RTP port"),
    Setting("rtp_end", 10999, "Last RTP port"),
    Setting("agi_port", 4573, "FastAGI port of the call engine (always 127.0.0.1)"),
    Setting("audiosocket_port", 4574, "AudioSocket port of the call engine (always 127.0.0.1)"),
    Setting("ami_port", 5038, "Asterisk Manager Interface port (always 127.0.0.1)"),
    Setting("ami_user", "dentalcall", "AMI user name; the secret is generated into secrets.ini"),
    Setting("crm_db", "", "CRM database URL (sqlite:///path, postgresql://..., mysql://...); default SQLite in data_dir"),
    Setting("clinic_name", "미소치과", "Clinic name spoken in greetings"),
    Setting("staff_extensions", "201", "Comma-separated staff extensions rung on transfer and fallback"),
    Setting("voicemail_box", "100", "Asterisk voicemail box for the clinic"),
    Setting("prompt_pack", "placeholder", "Prompt pack name under prompts_dir"),
    Setting("clinic_doctors", "", "Comma-separated doctor names recorded as fragments (e.g. 김민수,이지은)"),
    Setting("tts_voice", "", "Installed piper model name used for TTS (default: first Korean voice)"),
    Setting("stt_engine", "whisper", "whisper | vosk"),
    Setting("stt_whisper_model", "whisper-base", "Installed faster-whisper model used for calls"),
    Setting("stt_vosk_model", "vosk-ko-small", "Installed vosk model (when stt_engine=vosk)"),
    Setting("stt_whisper_window", "10", "Whisper encoder window: full | seconds (e.g. 10) | utt+1 (latency/accuracy trade-off)"),
    Setting("stt_threads", 1, "CPU threads of each STT worker (stt_workers x stt_threads <= cores: bench/stt_concurrency.txt)"),
    Setting("stt_beam_size", 5, "Whisper beam size"),
    Setting("stt_workers", 2, "STT worker processes: concurrent calls' decodes run side by side (each with stt_threads)"),
    Setting("stt_queue_pieces", True, "Pieces of callers still talking queue for an STT worker unless a caller's answer waits for one (False: a piece only when a worker is free; bench/voice_probe.txt)"),
    Setting("stt_batch_max", 5, "Most decodes of callers who stopped talking together that one STT worker decodes in one batch (1: one at a time; bench/voice_probe.txt)"),
    Setting("stt_busy_beam_size", 1, "Whisper beam size for a decode that other requests queue behind (0: always stt_beam_size)"),
    Setting("stt_level_dbfs", -20.0, "Speech level (dBFS) a caller's utterance is raised to before decoding (0: off)"),
    Setting("stt_clinic_prompt", False, "Give Whisper the clinic's name, doctors and treatments as its prompt (bench/stt_levels.txt)"),
    Setting("stt_n_best", 5, "Whisper hypotheses per decode; a short answer is read as the one that answers the question best (1: off)"),
    Setting("vad_aggressiveness", 2, "webrtcvad aggressiveness 0-3 on the caller's audio"),
    Setting("endpoint_speculative_ms", 220, "Pause (ms) after which decoding starts speculatively (and the korean end of turn may answer)"),
    Setting("endpoint_end_ms", 650, "Silence (ms) that ends the caller's turn"),
    Setting("endpoint_max_utterance_ms", 15000, "Longest utterance (ms) before it is cut and decoded"),
    Setting("endpoint_no_speech_timeout_ms", 8000, "Silence (ms) after a question before re-asking"),
    Setting("endpoint_barge_in_ms", 80, "Voiced ms over the bot's speech that stop its playback (barge-in)"),
    Setting("endpoint_barge_in_min_dbfs", -42.0, "Quieter frames never count as barge-in (line echo)"),
    Setting("endpoint_min_speech_ms", 160, "Voiced ms an utterance needs to be decoded at all"),
    Setting("end_of_turn", "korean", "korean (end at the first pause when the sentence is finished and answers the question) | silence (endpoint_end_ms only)"),
    Setting("endpoint_hold_ms", 1000, "Longest silence (ms) the korean end of turn waits after a connective (…는데, …고) or an incomplete answer"),
    Setting("endpoint_piece_ms", 2000, "While the caller talks on, decode each this long stretch (ms) at a short dip, so the turn's end decodes only the rest (0: off; bench/voice_probe.txt, bench/stt_callpath.txt)"),
    Setting("endpoint_piece_dip_ms", 60, "A dip in the voice (ms, under endpoint_piece_dip_db) that is a word boundary where a piece may be cut"),
    Setting("endpoint_piece_dip_db", 20.0, "How far (dB) below the utterance's loudest a frame is part of a dip"),
    Setting("record_calls", True, "Record calls (MixMonitor) — every greeting says calls are recorded"),
    Setting("recording_retention_days", 90, "Days call recordings are kept (0 = forever)"),
    Setting("log_phi", False, "Log transcripts and numbers (debug only; health data)"),
    Setting("background_services", True, "Run the engine's background services (the outbound dialer)"),
    Setting("engine_answer_timeout", 3.0, "Seconds the dialplan waits for the engine before falling back"),
    Setting("emr_url", "", "EMR database URL without password (password in secrets.ini); set by `dentalcall emr connect`"),
    Setting("emr_profile", "reference", "EMR profile: a shipped name (reference, dentweb-guess) or a path to a .toml"),
    Setting("emr_booking", "request", "request (staff confirm booking requests) | emr (write bookings into the EMR)"),
    Setting("emr_connect_timeout", 2.0, "Seconds to wait for the EMR to accept a connection"),
    Setting("emr_statement_timeout", 3.0, "Seconds one EMR query may run before it is cancelled"),
    Setting("caller_cache_ttl", 300, "Seconds a caller lookup (ANI to patients) is served from memory before a refresh"),
    Setting("clinic_file", "", "Clinic facts TOML; default config_dir/clinic.toml, else the shipped example"),
    Setting("scaling_age_rule", "birthday", "birthday (만 19세 on the day) | year (from Jan 1 of the year one turns 19)"),
    Setting("opening_hours", "mon-fri 09:00-18:00; sat 09:00-13:00", "Staffed hours for the fallback (DAYS HH:MM-HH:MM[,HH:MM-HH:MM]; ...); outside them callers go to voicemail"),
    Setting("timezone", "Asia/Seoul", "Clinic time zone (opening hours, holidays)"),
    Setting("llm_model", "", "LLM for the intent fallback: installed model name or .gguf path; empty = no LLM fallback"),
    Setting("llm_threads", 0, "Threads of the LLM worker (0 = auto: half the cores, at least 1) so STT/TTS are not starved"),
    Setting("llm_timeout", 1.5, "Hard time limit in seconds per LLM request; past it the worker is killed and restarted"),
    Setting("sip_lines", 4, "Simultaneous calls the clinic's SIP trunk carries (inbound + outbound)"),
    Setting("outbound_max_channels", 2, "Outbound campaign calls at once, at most"),
    Setting("outbound_free_lines", 1, "Lines always left free for inbound callers while campaigns dial"),
    Setting("outbound_trunk", "", "Trunk name for campaign calls (default: the first trunk)"),
    Setting("outbound_callerid", "", "Caller ID number for campaign calls (default: the clinic phone in clinic facts)"),
    Setting("outbound_ring_seconds", 30, "Seconds a campaign call rings before it counts as no answer"),
    Setting("outbound_retry_minutes", "30,120,240", "Back-off before each retry after busy / no answer / unreachable"),
    Setting("outbound_amd", "message", "Answering machine on a campaign call: message (short call-back request) | hangup | off"),
    Setting("outbound_closed_days", False, "Also call on closed days (Sundays, holidays); AD calls stay within 08:00-21:00"),
    Setting("outbound_ad_cap_days", 30, "At most one advertising call per patient and per phone in this many days"),
    Setting("outbound_clock_check", "ntp", "ntp: advertising calls wait while the system clock is not NTP-synchronised / off: test/demo machines without NTP only (doctor warns)"),
    Setting("transcript_retention_days", 365, "Days the words of calls (turn texts, summaries) are kept (0 = forever)"),
    Setting("questionnaire_retention_days", 90, "Days the AI's health questionnaire notes are kept (the chart is the record)"),
    Setting("call_log_retention_days", 730, "Days call log rows (number, time, outcome) are kept (0 = forever)"),
    Setting("work_item_retention_days", 365, "Days closed callbacks, booking requests, notes and dial tasks are kept"),
    Setting("voicemail_retention_days", 90, "Days voicemail messages are kept (0 = forever)"),
    Setting("cdr_retention_days", 365, "Days Asterisk's call records (CDR lines) are kept (0 = forever)"),
    Setting("asterisk_log_retention_days", 30, "Days Asterisk's own log lines are kept (0 = forever)"),
    Setting("access_log_retention_days", 730, "Days the access log is kept (at least 730: two years)"),
    Setting("sip_allowed_networks", "127.0.0.0/8,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16",
            "Networks staff phones may register and call from (CIDR list; narrow it to the clinic LAN)"),
    Setting("sms_gateway", "none", "Text messages: none (texts never offered) | http (vendor REST API) | db_agent (vendor's 문자 에이전트 tables)"),
    Setting("sms_profile", "", "SMS vendor profile: shipped name (http-generic, http-hmac, agent-generic) or a .toml path; default per gateway"),
    Setting("sms_url", "", "SMS vendor API base URL, or the agent database URL without password (password in secrets.ini)"),
    Setting("sms_sender_number", "", "The clinic's registered sender number (발신번호 사전등록); no text is sent without it"),
    Setting("sms_optout_number", "", "Free opt-out number (080) printed in advertising texts; adverts are refused without it"),
    Setting("sms_reminders", "unanswered", "Reminder texts the day before: unanswered (reminder call did not reach them) | all | off"),
    Setting("console_bind", "127.0.0.1", "Address the staff console listens on: the clinic LAN address the installer chooses (127.0.0.1 = this box only)"),
    Setting("console_port", 8443, "Port of the staff console (HTTPS when a certificate is present)"),
    Setting("console_cert", "", "TLS certificate (PEM) of the console; default config_dir/console/cert.pem (made by `dentalcall console cert`)"),
    Setting("console_key", "", "TLS private key (PEM, 0600) of the console; default config_dir/console/key.pem"),
    Setting("console_idle_minutes", 15, "Minutes without a click after which a console session logs out"),
    Setting("console_login_attempts", 5, "Wrong passwords per account (or 4x per address) within 15 minutes before logins are refused"),
    Setting("console_url", "", "Address staff open the console at, used in e-mails and webhooks (default: https://console_bind:console_port)"),
    Setting("notify_ring_extensions", "", "Staff phones rung with the recorded alert for emergencies and priority callbacks (default: staff_extensions)"),
    Setting("notify_ring_priority", 2, "Callbacks with this priority or more urgent (1 = emergency) ring the staff phones during opening hours"),
    Setting("notify_ring_seconds", 25, "Seconds the staff phones ring for an alert"),
    Setting("notify_smtp_host", "", "The clinic's SMTP relay for voicemail e-mails and the daily summary (empty = no e-mail)"),
    Setting("notify_smtp_port", 25, "SMTP relay port (587 with notify_smtp_starttls)"),
    Setting("notify_smtp_starttls", False, "Use STARTTLS to the SMTP relay"),
    Setting("notify_smtp_user", "", "SMTP login (the password goes to secrets.ini as smtp_password); empty = no login"),
    Setting("notify_email_from", "", "Sender address of the appliance's e-mails"),
    Setting("notify_email_to", "", "Comma-separated staff addresses that get voicemails and the daily summary"),
    Setting("notify_summary_time", "08:30", "Clinic time (HH:MM) of the daily summary e-mail, with the alerts held overnight"),
    Setting("notify_webhook_url", "", "URL that gets a signed JSON POST per event (messenger bridges); secret in secrets.ini as webhook_secret"),
    Setting("backup_dir", "", "Folder for the nightly backups (default /var/backups/dentalcall; home/backups for an instance)"),
    Setting("backup_copy_to", "", "Also copy each backup to this mounted NAS/USB folder (empty = local only)"),
    Setting("backup_keep_days", 14, "Days backups are kept (the newest 3 always stay)"),
    Setting("backup_time", "02:30", "Time of the nightly backup (HH:MM, local time; systemd timer or cron)"),
    Setting("alert_emr_minutes", 10, "Minutes the EMR may be unreachable before staff get an alert"),
    Setting("drain_max_seconds", 900, "Longest wait for live calls to end before an upgrade restarts the engine anyway"),
)

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
