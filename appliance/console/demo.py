"""``dentalcall console --demo``: the console on made-up data, so a newcomer can click through every page.

A fresh temporary home gets a seeded reference EMR (300 patients) and a CRM with two weeks of calls and
their turns, open work of every kind (an emergency, callbacks, booking requests, questionnaires, voicemails
with transcripts and audio), opt-outs and eight weeks of campaign results. Two accounts are made (an admin
and a staff member whose numbers are masked), with passwords printed once. While it runs, a small simulator
places a pretend call every 20 seconds, so "Today" and "처리할 일" show live updates.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
import secrets
import tempfile
from pathlib import Path
from typing import Any

from appliance import settings
from appliance.console.formatting import OUTCOMES_KO
from appliance.data import crm, crm_records
from appliance.data.calllog import CallLog
from appliance.data.crm import Call, Turn, utcnow

_LOGGER = logging.getLogger(__name__)

PORT = 8080
SEED = 11
CALLER_LINES = ["예약하고 싶어요", "스케일링 받으려고요", "다음 주 화요일 오후 되나요?", "진료 시간이 어떻게 돼요?",
                "주차 되나요?", "예약 좀 바꾸고 싶은데요", "임플란트 비용이 궁금해요", "네 맞아요", "아니요 괜찮아요"]
BOT_LINES = ["네, 예약 도와드릴게요.", "어떤 진료로 예약해 드릴까요?", "가장 가까운 시간은 화요일 오후 두 시입니다.",
             "평일은 아침 아홉 시부터 저녁 여섯 시까지 진료합니다.", "건물 지하 주차장을 이용하시면 됩니다.",
             "더 도와드릴 일 있으세요?", "전화 주셔서 감사합니다. 좋은 하루 보내세요."]
OUTCOMES = [("answered", 40), ("booked", 18), ("callback_requested", 10), ("transferred", 8), ("voicemail", 6),
            ("caller_hung_up", 8), ("confirmed", 6), ("opted_out", 2), ("emergency", 2)]


def prepare(home: Path | None = None) -> tuple[settings.Config, dict[str, tuple[str, str]]]:
    """Make the demo home; returns its config and the logins (name -> (role, password))."""
    from appliance.console import accounts
    from appliance.data.emr import seed

    home = home or Path(tempfile.mkdtemp(prefix="dentalcall-console-demo-"))
    emr_url = f"sqlite:///{home / 'demo-emr.sqlite'}"
    base = settings.load(overrides={"home": str(home)})
    settings.write_config(base, {"emr_url": emr_url, "emr_profile": "reference", "console_bind": "127.0.0.1",
                                 "console_port": PORT, "console_idle_minutes": 60})
    config = settings.load(overrides={"home": str(home)})
    seed.seed_demo(emr_url, patients=300, seed=SEED)
    crm.open_for(config)
    seed_crm(config)
    logins = {}
    for name, role, ext, label in (("admin", "admin", "201", "원장"), ("desk", "staff", "202", "데스크")):
        password = "demo-" + secrets.token_hex(4)
        accounts.add_account(name, role, password, extension=ext, display_name=label)
        logins[name] = (role, password)
    return config, logins


def _patients(config: Any, n: int = 40) -> list[Any]:
    from appliance.data.emr import EMR

    emr = EMR.from_config(config)
    found = [emr.get_patient(str(i)) for i in range(1, n + 1)]
    return [p for p in found if p is not None and p.phones]


def _call(rng: random.Random, when: dt.datetime, patient: Any, outcome: str, *, direction: str = "inbound",
          campaign: str | None = None) -> Call:
    number = patient.phones[0] if patient is not None else f"0105555{rng.randint(1000, 9999)}"
    call = Call.create(direction=direction, uniqueid=f"demo-{rng.random():.9f}", caller_number=number,
                       called_number="0255500100", patient_id=patient.id if patient is not None else None,
                       started_at=when, answered_at=when, campaign=campaign, outcome=outcome, next_step="hangup",
                       ended_at=when + dt.timedelta(seconds=rng.randint(25, 200)),
                       meta={"summary": f"{'안내 전화' if campaign else '문의'}: {OUTCOMES_KO.get(outcome, outcome)}",
                             "events": []})
    t = 0
    for seq in range(1, rng.randint(3, 7) + 1):
        speaker = "bot" if seq % 2 else "caller"
        t += rng.randint(1500, 6000)
        latency = rng.randint(450, 1400) if speaker == "bot" and seq > 1 else None
        Turn.create(call=call, seq=seq, speaker=speaker,
                    text=rng.choice(BOT_LINES if speaker == "bot" else CALLER_LINES),
                    t_speech_end=t - (latency or 0) if latency else None, latency_ms=latency,
                    t_first_audio=t if speaker == "bot" else None)
    return call


def seed_crm(config: Any, days: int = 14) -> None:
    """Calls, work items, voicemails, opt-outs and campaign results."""
    rng = random.Random(SEED)
    people = _patients(config)
    now = utcnow()
    with crm.database.atomic():
        for day in range(days, -1, -1):
            for _ in range(rng.randint(6, 16) if day else 8):
                when = now - dt.timedelta(days=day, minutes=rng.randint(5, 600))
                outcome = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
                _call(rng, when, rng.choice(people + [None]), outcome)
    emergency = _call(rng, now - dt.timedelta(minutes=12), people[0], "emergency")
    crm_records.add_callback("응급 증상 (우선 연락)", phone=people[0].phones[0], patient_id=people[0].id, priority=1,
                             call_id=emergency.id)
    for i, reason in enumerate(("교정 비용 문의", "부재중 연결 요청: 예약 변경", "통화 중 끊김: 예약 문의")):
        c = _call(rng, now - dt.timedelta(hours=i + 1), people[i + 1], "callback_requested")
        crm_records.add_callback(reason, phone=people[i + 1].phones[0], patient_id=people[i + 1].id,
                                 priority=5 + i, call_id=c.id)
    _bookings(rng, people, now)
    for i in range(2):
        c = _call(rng, now - dt.timedelta(hours=3 + i), people[6 + i], "booked")
        crm_records.add_note("[AI 문진] 스케일링\n주소(불편한 곳): 잇몸에서 피가 나요\n통증: 아니요\n"
                             "당뇨: 예\n고혈압: 아니요",
                             patient_id=people[6 + i].id, phone=people[6 + i].phones[0], author="ai", call_id=c.id)
    _voicemails(config, rng, people, now)
    for i, (source, scope) in enumerate((("call_dtmf", "ad"), ("staff", "ad"), ("sms", "all"))):
        crm_records.add_opt_out(people[10 + i].phones[0], patient_id=people[10 + i].id, source=source, scope=scope,
                                note="데모: 광고 전화 원치 않음")
    _campaign_results(rng, people)


def _bookings(rng: random.Random, people: list[Any], now: dt.datetime) -> None:
    local = dt.datetime.now().replace(minute=0, second=0, microsecond=0)
    for i, treatment in enumerate(("scaling", "checkup", "filling")):
        c = _call(rng, now - dt.timedelta(minutes=40 * (i + 1)), people[3 + i], "booked")
        start = (local + dt.timedelta(days=i + 1)).replace(hour=10 + i)
        crm_records.BookingRequest.create(idempotency_key=f"demo-book-{i}", patient_id=people[3 + i].id,
                                          phone=people[3 + i].phones[0], treatment=treatment, start=start,
                                          status="requested", call_id=c.id,
                                          meta={"action": "cancel"} if i == 2 else {"sms_confirmation": "wanted"})


def _voicemails(config: Any, rng: random.Random, people: list[Any], now: dt.datetime) -> None:
    from appliance.speech import audio
    from appliance.speech.stt.audio import read_audio
    from appliance.telephony.sipp import demo_clip
    from appliance.voicemail import spool
    from appliance.voicemail.store import Voicemail

    pcm, rate = read_audio(demo_clip(config))
    inbox = spool.box_dir(config) / "INBOX"
    inbox.mkdir(parents=True, exist_ok=True)
    texts = ["안녕하세요, 어제 발치했는데 아직 피가 조금 나요. 전화 부탁드립니다.",
             "다음 주 예약 시간 바꾸고 싶어서 전화드렸어요."]
    for i, text in enumerate(texts):
        when = now - dt.timedelta(hours=2 * i + 1)
        msg_id = f"{int(when.timestamp())}-{i:08d}"
        wav = inbox / f"msg{i:04d}.wav"
        wav.write_bytes(audio.wav_bytes(pcm, rate))
        (inbox / f"msg{i:04d}.txt").write_text(
            f"[message]\ncallerid=\"\" <{people[8 + i].phones[0]}>\norigtime={int(when.timestamp())}\n"
            f"msg_id={msg_id}\nduration={len(pcm) // 2 // rate}\n", encoding="utf-8")
        Voicemail.create(msg_id=msg_id, box=str(config.voicemail_box), audio_path=str(wav),
                         caller_number=people[8 + i].phones[0], received_at=when, duration_s=len(pcm) // 2 // rate,
                         patient_id=people[8 + i].id, transcript=text, transcript_status="done", transcribed_at=now)


def _campaign_results(rng: random.Random, people: list[Any]) -> None:
    from appliance.outbound import queue

    today = dt.datetime.now().replace(microsecond=0)
    for week in range(8):
        for name in ("reminder", "recall", "insurance_scaling"):
            for k in range(rng.randint(4, 12)):
                p = rng.choice(people)
                when = today - dt.timedelta(days=7 * week + rng.randint(0, 6), hours=rng.randint(0, 6))
                outcome = rng.choice(["booked", "confirmed", "declined", "no_answer", "booked", "voicemail_left"])
                task: Any = queue.Task.create(key=f"demo:{name}:{week}:{k}:{p.id}", campaign=name,
                                         kind="INFO" if name == "reminder" else "AD", patient_id=p.id,
                                         phone=p.phones[0], day=when.date(), reason=name, status=queue.DONE,
                                         attempts=1, next_at=when, expires_at=when, outcome=outcome, created_at=when,
                                         updated_at=when, finished_at=when)
                queue.DialAttempt.create(task=task, seq=1, status=queue.FINISHED, channel_id=f"dc-demo-{task.id}",
                                         claimed_at=when, answered_at=when if outcome != "no_answer" else None,
                                         outcome=outcome)
                if outcome == "booked" and name != "reminder":
                    crm_records.BookingRequest.create(
                        idempotency_key=f"ob{task.id}:book", patient_id=p.id, phone=p.phones[0],
                        treatment="scaling" if name == "insurance_scaling" else "checkup",
                        start=when + dt.timedelta(days=3), status="booked", source="campaign", created_at=when)


async def simulate(stop: asyncio.Event, config: Any, every_s: float = 20.0, turn_s: float = 3.0) -> None:
    """A pretend call every ``every_s``: a turn every ``turn_s``, then it ends (every third one as a callback)."""
    rng = random.Random()
    people = await asyncio.to_thread(_patients, config, 60)
    n = 0
    while not stop.is_set():
        n += 1
        patient = rng.choice(people)
        log = await asyncio.to_thread(CallLog, "inbound", uniqueid=f"demo-live-{n}", caller=patient.phones[0],
                                      called="0255500100")
        await asyncio.to_thread(log.update, patient_id=patient.id)
        for seq in range(4):
            if stop.is_set():
                return
            await asyncio.sleep(turn_s)
            speaker = "bot" if seq % 2 == 0 else "caller"
            await asyncio.to_thread(log.turn, speaker, rng.choice(BOT_LINES if speaker == "bot" else CALLER_LINES),
                                    latency_ms=rng.randint(500, 1200) if speaker == "bot" else None)
        if n % 3 == 0:
            await asyncio.to_thread(crm_records.add_callback, "데모: 진료비 문의", phone=patient.phones[0],
                                    patient_id=patient.id, call_id=log.call.id)
        await asyncio.to_thread(log.finish, "callback_requested" if n % 3 == 0 else "answered", next_step="hangup")
        try:
            await asyncio.wait_for(stop.wait(), every_s)
        except asyncio.TimeoutError:
            pass


def app(config: Any) -> Any:
    """The console app with the simulator running beside it."""
    import contextlib

    from appliance.console.app import create_app

    console = create_app(config, background=False)
    inner = console.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(application: Any) -> Any:
        async with inner(application):
            stop = asyncio.Event()
            task = asyncio.create_task(simulate(stop, config))
            try:
                yield
            finally:
                stop.set()
                await asyncio.wait({task}, timeout=5)

    console.router.lifespan_context = lifespan
    return console
