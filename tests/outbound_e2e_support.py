"""The outbound e2e lab, shared by the campaign call tests: the real engine's dialer originates through the real
Asterisk to a sipp callee on 127.0.0.3 (the ``oblab`` trunk), over a seeded SQLite EMR and a clinic open around
the clock in a time zone where it is about noon now (so the AD 08:00-21:00 rule lets calls through whatever the hour
of the run). Keys are sent as in-band tones (the lab trunk's ``dtmf_mode = inband``): sipp 3.6.1 sends RFC 4733
only with payload type 96, and Asterisk, which offered 101 on its outgoing INVITE, drops those packets.

``outbound_lab`` (module scope) gives ``{"config", "zone", "today", "emr_url", "uas_port", "engine"}``; the helpers
queue a task, wait for it, start the callee and build its keypad stream.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from pathlib import Path
from typing import Any, Callable, Iterator
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from appliance import settings
from appliance.data import crm, crm_records
from appliance.data.emr import seed
from appliance.telephony import sipp
from appliance.telephony.asterisk import TelephonyState
from tests.outbound_support import all_day_clinic

UAS_IP = "127.0.0.3"
RESTORE = {"clinic_file": "", "emr_url": "", "emr_profile": "reference", "emr_booking": "request",
           "outbound_amd": "message", "outbound_retry_minutes": "30,120,240", "outbound_ring_seconds": 30,
           "timezone": "Asia/Seoul", "outbound_clock_check": "ntp"}


DTMF_FREQS = {"1": (697, 1209), "2": (697, 1336), "3": (697, 1477), "4": (770, 1209), "5": (770, 1336),
              "6": (770, 1477), "7": (852, 1209), "8": (852, 1336), "9": (852, 1477), "0": (941, 1336),
              "*": (941, 1209), "#": (941, 1477)}


def keys_stream(tmp_path: Path, presses: list[tuple[float, str | Path]]) -> list:
    """A callee stream with in-band DTMF tones (a digit) or speech (an audio file) at the given seconds after answer
    (sipp segments)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    segments: list = []
    at = 0.0
    for when, digit in sorted(presses, key=lambda press: press[0]):
        if when > at:
            segments.append((None, when - at))
        if isinstance(digit, Path):
            segments.append((digit, 0.0))
            at = max(when, at) + sipp.wav_seconds(digit)
            continue
        t = np.arange(int(0.15 * 8000)) / 8000
        lo, hi = DTMF_FREQS[digit]
        tone = (5000 * np.sin(2 * np.pi * lo * t) + 5000 * np.sin(2 * np.pi * hi * t)).astype(np.int16)
        path = sipp.write_wav(tmp_path / f"dtmf-{digit}-{int(when * 10)}.wav", tone)
        segments.append((path, 0.5))
        at = when + 0.5
    return segments


def seconds(pack, *keys: str) -> float:
    return sum(len(pack.pcm(k) or b"") for k in keys) / 16000


def noon_zone() -> str:
    offset = (12 - dt.datetime.now(dt.timezone.utc).hour) % 24
    if offset > 14:
        offset -= 24
    return "Etc/GMT" + ("+" if offset < 0 else "-") + str(abs(offset))  # Etc/GMT-9 is UTC+9


CLINIC = (all_day_clinic("[booking]\nmin_notice_min = 0\nmax_days_ahead = 60\n")
          + "[prices]\nscaling = { min = 15000, max = 20000 }\n")


@pytest.fixture(scope="module")
def outbound_lab(asterisk_instance, live_engine):
    inst = asterisk_instance
    home = Path(inst.home)
    zone = noon_zone()
    today = dt.datetime.now(ZoneInfo(zone)).date()
    emr_url = f"sqlite:///{home / 'outbound-emr.sqlite'}"
    seed.seed_demo(emr_url, patients=300, seed=9, today=today)
    clinic = home / "outbound-clinic.toml"
    clinic.write_text(CLINIC, encoding="utf-8")
    uas_port = sipp.free_udp_port(host=UAS_IP)
    TelephonyState(inst.config).add_trunk("oblab", UAS_IP, "oblab", "oblabpass1", port=uas_port, register=False)
    # in-band keys (see above); no OPTIONS qualify: sipp would take one for the call it waits for
    inst.asterisk.add_extra("pjsip.conf", "[trunk-oblab](+type=endpoint)\ndtmf_mode = inband\n\n"
                                          "[trunk-oblab](+type=aor)\nqualify_frequency = 0\n")
    inst.asterisk.reload()
    base = settings.load(env=live_engine.env)
    settings.write_config(base, {"clinic_file": str(clinic), "emr_url": emr_url, "emr_profile": "reference",
                                 "emr_booking": "emr", "outbound_amd": "off", "outbound_retry_minutes": "1",
                                 "outbound_ring_seconds": 6, "timezone": zone,
                                 # test machines may run without NTP; adverts would wait for it otherwise
                                 "outbound_clock_check": "off"})
    live_engine.stop()
    live_engine.start()
    config = live_engine.config
    crm.open_database(config.crm_url)
    from appliance.outbound import queue

    queue.ensure_tables()
    try:
        yield {"config": config, "zone": zone, "today": today, "emr_url": emr_url, "uas_port": uas_port,
               "engine": live_engine}
    finally:
        crm.database.close()
        settings.write_config(base, RESTORE)
        data = TelephonyState(inst.config).load()
        data["trunks"].pop("oblab", None)
        TelephonyState(inst.config).save(data)
        inst.asterisk.clear_extra()
        inst.asterisk.reload()
        live_engine.stop()
        live_engine.start()


def now_there(lab) -> dt.datetime:
    return dt.datetime.now(ZoneInfo(lab["zone"])).replace(tzinfo=None, microsecond=0)


def add_task(lab, campaign: str, kind: str, patient_id: str, phone: str, ref: str, data: dict | None = None,
          max_attempts: int = 3):
    from appliance.outbound import queue

    now = now_there(lab)
    return queue.add_task(campaign=campaign, kind=kind, patient_id=patient_id, phone=phone, day=now.date(),
                          reason=campaign, ref=f"{ref}-{time.time_ns()}", now=now,
                          expires_at=now + dt.timedelta(hours=2), data=data or {}, max_attempts=max_attempts)


def advert_hours() -> None:
    """Adverts ring only 08:00-21:00 Asia/Seoul, whatever the clinic's zone: outside, the AD tests cannot run."""
    seoul = dt.datetime.now(ZoneInfo("Asia/Seoul"))
    if not dt.time(8, 0) <= seoul.time() <= dt.time(20, 45):
        pytest.skip(f"advertising calls are not allowed at {seoul:%H:%M} in Seoul (08:00-21:00)")


def consented_adult(lab) -> str:
    """A patient the dialer may advertise to (consent read again from the EMR right before dialling; no opt-out)."""
    from appliance.data.emr import EMR
    from appliance.outbound.consent import ad_consent_problem

    emr = EMR(lab["emr_url"])
    for pid in range(4, 300):
        patient = emr.get_patient(str(pid))
        if (patient and ad_consent_problem(patient, lab["today"]) is None
                and not crm_records.is_opted_out(None, str(pid))):
            return str(pid)
    raise AssertionError("the seeded EMR has no patient with a current marketing consent")


def wait_task(task_id: int, done: Callable[[Any], bool], timeout: float = 90.0):
    from appliance.outbound import queue

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        task = queue.Task.get_by_id(task_id)
        if done(task):
            return task
        time.sleep(0.5)
    raise AssertionError(f"task {task_id} stuck: {queue.Task.get_by_id(task_id).__data__}")


def start_uas(lab, tmp_path, name: str, **kw):
    kw.setdefault("hold_seconds", None)
    kw.setdefault("timeout", 90)
    return sipp.place_uas(kw.pop("audio", None), local_ip=UAS_IP, local_port=lab["uas_port"],
                          workdir=tmp_path / name, **kw)


def birth_presses(pack, birth: str) -> tuple[list[tuple[float, str]], float]:
    """The six digits of the birth date keyed once the identity question was asked; when they are all in."""
    at = seconds(pack, "greeting_unrecorded", "ob_purpose_generic", "ask_birth") + 1.0
    presses = [(at + 0.7 * i, digit) for i, digit in enumerate(birth)]
    return presses, presses[-1][0] + 0.7


@contextlib.contextmanager
def transcript_hook(config, *lines: str) -> Iterator[Path]:
    """The documented test hook (``<home>/test-hooks/transcripts.txt``, see ``appliance.conversation.factory``): the
    next call to start (inbound or campaign) hears its caller's utterances as ``lines``, in order; the call consumes
    the file. Removed on the way out if no call took it, so no later call (or test module) hears these lines."""
    hooks = Path(config.home) / "test-hooks"
    hooks.mkdir(exist_ok=True)
    path = hooks / "transcripts.txt"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def patient_alone_on_a_mobile(lab, taken: set[str]):
    """An active adult alone on a mobile number, not opted out, with no upcoming appointment and not in ``taken``:
    a reminder call to that number is theirs only."""
    from appliance.data.emr import EMR

    emr = EMR(lab["emr_url"])
    for pid in map(str, range(20, 300)):
        p = emr.get_patient(pid)
        if (p and pid not in taken and p.status == "active" and p.phones and p.phones[0].startswith("010")
                and p.birth_date and p.birth_date.year < 2000 and len(emr.find_patients_by_phone(p.phones[0])) == 1
                and not emr.upcoming_appointments(pid, now_there(lab))
                and not any(crm_records.is_opted_out(p.phones[0], pid, advertising=True, channel=channel)
                            for channel in crm_records.CHANNELS)):
            return p
    raise AssertionError("the seeded EMR has no adult alone on a mobile number")
