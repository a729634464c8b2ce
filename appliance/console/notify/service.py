"""The notifier: turns what the CRM receives into alerts, e-mails and webhooks, each exactly once.

Runs in the console process (``dentalcall console``). Every ``TICK_SECONDS``:

1. new urgent callbacks (priority <= ``notify_ring_priority``; 1 = emergency): during staffed hours the
   staff phones ring at once with the recorded alert (retried while nobody answers and the callback is still
   open); after hours the alert is *held* and listed in the morning summary. A webhook goes out either way.
2. voicemails whose transcription has settled: an e-mail with the transcript and the audio, and a webhook;
3. at ``notify_summary_time`` (clinic time) the daily summary by e-mail and webhook;
4. the appliance's health alerts (``appliance.ops.alerts``) by e-mail and webhook (``ops_alerts``);
5. deliver what is due from the outbox (``outbox``: claimed before sending, never sent twice).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

from appliance.data import access_log, phone as phones
from appliance.data.crm import utcnow
from appliance.data.crm_records import Callback
from appliance.console.notify import email, hours, ops_alerts, outbox, summary, webhook
from appliance.voicemail import store
from appliance.settings import Config
from appliance.voicemail.store import Voicemail

_LOGGER = logging.getLogger(__name__)

TICK_SECONDS = 1.0
FRESH = dt.timedelta(minutes=30)  # only callbacks this new ring (an old backlog must not ring at install)
VOICEMAIL_FRESH = dt.timedelta(hours=48)
ACTOR = "system:notify"


def console_url(config: Config) -> str:
    url = config.console_url.rstrip("/")
    return url or f"https://{config.console_bind}:{config.console_port}"


class Notifier:
    def __init__(self, config: Any, *, ring: Any = None, patients: Any = None):
        self.config = config
        self._ring = ring  # async (config, extensions, alert_path, ring_seconds=) -> dict; default: AMI
        self.patients = patients
        self.last_error: str | None = None
        self._alert: Any = None
        self._jobs: set[asyncio.Task] = set()

    # ---------------------------------------------------------------- what to send
    def ring_extensions(self) -> list[str]:
        raw = str(self.config.notify_ring_extensions or self.config.staff_extensions or "")
        return [e.strip() for e in raw.split(",") if e.strip()]

    def scan(self, now: dt.datetime | None = None) -> int:
        """Steps 1-4 (blocking): enqueue what is new. Returns how many rows were added."""
        now = now or utcnow()
        added = 0
        webhooks = bool(str(self.config.notify_webhook_url or "").strip())
        smtp = email.smtp_for(self.config)
        urgent = Callback.select().where(Callback.status == "open", Callback.created_at >= now - FRESH,
                                         Callback.priority <= int(self.config.notify_ring_priority))
        for cb in urgent:
            outbox.forget_earlier("callback", cb.id, cb.created_at)
            if not outbox.known("ring", "callback", cb.id):
                staffed = hours.staffed_now(self.config, now)
                added += outbox.enqueue("ring", "callback", cb.id, status="pending" if staffed else "held",
                                        data={"priority": cb.priority})
            if webhooks:
                added += outbox.enqueue("webhook", "callback", cb.id)
        for vm in Voicemail.select().where(Voicemail.received_at >= now - VOICEMAIL_FRESH):
            if not store.settled(vm):
                continue
            outbox.forget_earlier("voicemail", vm.id, vm.created_at)
            if smtp is not None:
                added += outbox.enqueue("email", "voicemail", vm.id)
            if webhooks:
                added += outbox.enqueue("webhook", "voicemail", vm.id)
        local = now.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo(str(self.config.timezone)))
        at = dt.time.fromisoformat(str(self.config.notify_summary_time or "08:30"))
        if local.time() >= at:
            day = local.date().isoformat()
            if smtp is not None:
                added += outbox.enqueue("email", "summary", day)
            if webhooks:
                added += outbox.enqueue("webhook", "summary", day)
        return added + ops_alerts.enqueue_pending(email=smtp is not None, webhook=webhooks)

    # ---------------------------------------------------------------- how to send
    def _send_email(self, row: outbox.Notification) -> None:
        smtp = email.smtp_for(self.config)
        if smtp is None:
            raise email.NotifyError("e-mail is not configured (notify_smtp_host, notify_email_to)")
        clinic = str(self.config.clinic_name)
        if row.kind == ops_alerts.KIND:
            alert = ops_alerts.find(row.ref)
            if alert is None:
                outbox.set_status(row.key, "skipped", "the alert no longer exists")
                return
            subject, body = ops_alerts.email_content(alert, clinic, str(self.config.timezone),
                                                     console_url(self.config))
            email.send(smtp, email.new_message(smtp, subject, body, row.key))
            return
        if row.kind == "voicemail":
            vm = Voicemail.get_by_id(int(row.ref))
            msg = email.new_message(smtp, self._voicemail_subject(vm, clinic), self._voicemail_body(vm), row.key)
            from appliance.voicemail.spool import find_audio

            audio = find_audio(self.config, vm.msg_id, vm.audio_path, vm.box)
            if audio is not None:
                email.attach_audio(msg, audio, f"voicemail-{vm.id}.wav")
            email.send(smtp, msg)
            access_log.record("notify.voicemail.email", actor=ACTOR, origin=f"smtp:{smtp.host}"[:64],
                              patient_id=vm.patient_id, subject=f"voicemail {vm.id}")
            return
        held = [int(n.ref) for n in outbox.held("callback")]
        s = summary.build(dt.date.fromisoformat(row.ref), str(self.config.timezone), held)
        msg = email.new_message(smtp, s.subject(clinic), s.text(clinic, str(self.config.timezone),
                                                                console_url(self.config)), row.key)
        email.send(smtp, msg)
        for n in outbox.held("callback"):
            if int(n.ref) in held:
                outbox.set_status(n.key, "summarised")

    def _voicemail_subject(self, vm: Voicemail, clinic: str) -> str:
        local = vm.received_at.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo(str(self.config.timezone)))
        return f"[{clinic}] 음성메시지 {phones.masked(vm.caller_number)} · {local:%m/%d %H:%M} ({vm.duration_s}초)"

    def _voicemail_body(self, vm: Voicemail) -> str:
        local = vm.received_at.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo(str(self.config.timezone)))
        patient = self.patients.get(vm.patient_id) if self.patients is not None and vm.patient_id else None
        who = (f"{patient.name} (환자번호 {vm.patient_id})" if patient is not None and patient.name
               else (f"환자번호 {vm.patient_id}" if vm.patient_id else "확인 안 됨"))
        text = vm.transcript if vm.transcript_status == "done" and vm.transcript else \
            (f"(받아쓰기를 하지 못했습니다: {vm.transcript_error or '음성이 없거나 알아듣지 못함'}) "
             "첨부된 음성을 들어 주세요.")
        return (f"받은 시각: {local:%Y-%m-%d %H:%M}\n"
                f"발신 번호: {phones.formatted(vm.caller_number) or '발신번호 없음'}\n"
                f"환자: {who}\n길이: {vm.duration_s}초\n\n받아쓰기:\n{text}\n\n"
                f"직원 콘솔에서 처리: {console_url(self.config)}/voicemail\n")

    def _send_webhook(self, row: outbox.Notification) -> None:
        url = console_url(self.config)
        if row.kind == ops_alerts.KIND:
            alert = ops_alerts.find(row.ref)
            if alert is None:
                outbox.set_status(row.key, "skipped", "the alert no longer exists")
                return
            webhook.post(self.config, ops_alerts.EVENT, row.key, ops_alerts.webhook_payload(alert, url))
        elif row.kind == "voicemail":
            vm = Voicemail.get_by_id(int(row.ref))
            payload = {"id": vm.id, "received_at": vm.received_at.isoformat() + "Z", "duration_s": vm.duration_s,
                       "caller": phones.masked(vm.caller_number), "transcribed": vm.transcript_status == "done",
                       "url": f"{url}/voicemail"}
            webhook.post(self.config, "voicemail.new", row.key, payload)
        elif row.kind == "callback":
            cb = Callback.get_by_id(int(row.ref))
            payload = {"id": cb.id, "priority": cb.priority, "emergency": cb.priority <= 1,
                       "created_at": cb.created_at.isoformat() + "Z", "caller": phones.masked(cb.phone),
                       "url": f"{url}/work"}
            webhook.post(self.config, "callback.urgent", row.key, payload)
        else:
            s = summary.build(dt.date.fromisoformat(row.ref), str(self.config.timezone),
                              [int(n.ref) for n in outbox.held("callback")])
            webhook.post(self.config, "summary.daily", row.key, {**s.payload(), "url": f"{url}/work"})

    async def _send_ring(self, row: outbox.Notification) -> None:
        cb = await asyncio.to_thread(Callback.get_or_none, Callback.id == int(row.ref))
        if cb is None or cb.status != "open":
            await asyncio.to_thread(outbox.set_status, row.key, "skipped", "callback closed before the alert")
            return
        if not await asyncio.to_thread(hours.staffed_now, self.config):
            await asyncio.to_thread(outbox.set_status, row.key, "held", "outside staffed hours: morning summary")
            return
        if self._alert is None:
            from appliance.console.notify.alert import render_alert

            self._alert = await asyncio.to_thread(render_alert, self.config)
        ring = self._ring
        if ring is None:
            from appliance.console.notify.originate import ring_alert as ring
        result = await ring(self.config, self.ring_extensions(), self._alert,
                            ring_seconds=int(self.config.notify_ring_seconds))
        if not result.get("answered_by"):
            raise email.NotifyError("nobody answered the alert: " + ", ".join(
                f"{k} {v}" for k, v in result.get("results", {}).items())[:200])

    async def deliver(self, row: outbox.Notification) -> None:
        if not await asyncio.to_thread(outbox.claim, row.key):
            return
        try:
            if row.channel == "ring":
                await self._send_ring(row)
            elif row.channel == "email":
                await asyncio.to_thread(self._send_email, row)
            else:
                await asyncio.to_thread(self._send_webhook, row)
        except Exception as exc:  # a definite failure: retried with back-off
            self.last_error = f"{row.key}: {type(exc).__name__}: {exc}"[:300]
            await asyncio.to_thread(outbox.mark_failed, row.key, f"{type(exc).__name__}: {exc}")
            return
        current = await asyncio.to_thread(outbox.Notification.get_or_none, outbox.Notification.key == row.key)
        if current is not None and current.status == "sending":
            await asyncio.to_thread(outbox.mark_sent, row.key)

    # ---------------------------------------------------------------- the loop
    async def tick(self) -> None:
        await asyncio.to_thread(self.scan)
        for row in await asyncio.to_thread(outbox.due):
            if any(t.get_name() == row.key for t in self._jobs):
                continue
            job = asyncio.create_task(self.deliver(row), name=row.key)
            self._jobs.add(job)
            job.add_done_callback(self._jobs.discard)

    async def run(self, stop: asyncio.Event) -> None:
        if self.patients is None:
            from appliance.console.patients import PatientDirectory

            self.patients = PatientDirectory(self.config)
        await asyncio.to_thread(outbox.recover_interrupted)
        while not stop.is_set():
            try:
                await self.tick()
            except Exception as exc:  # keep notifying: one bad row must not stop the others
                self.last_error = f"{type(exc).__name__}: {exc}"[:300]
                _LOGGER.exception("notifier round failed")
            try:
                await asyncio.wait_for(stop.wait(), TICK_SECONDS)
            except asyncio.TimeoutError:
                pass
        if self._jobs:
            await asyncio.wait(set(self._jobs), timeout=5)
