"""The staff console end to end: the real ``dentalcall console`` process (HTTPS, its voicemail watcher and
notifier) beside the real engine and Asterisk, real sipp calls with real Korean speech, a real browser
(Debian's chromium through Selenium), a real SMTP server (aiosmtpd), a real webhook receiver and a sipp
"staff phone" that must ring and hear the recorded alert.

Speech-only branches use the engine's documented test hook (``<home>/test-hooks/transcripts.txt``, see
``tests/test_e2e_flows_inbound.py``); ``now.txt`` puts the dialog on a Monday 10:00 (opening hours).
"""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest

from appliance import settings
from appliance.data import access_log, crm, crm_records
from appliance.speech.prompt_pack import PromptPack
from appliance.telephony import sipp
from appliance.telephony.asterisk import TelephonyState
from tests.audio_checks import heard_prompt
from tests.console_support import (LiveConsole, SmtpSink, WebhookSink, add_accounts, browser_login, chrome,
                                   csrf_of, note_and_mark_done)

pytestmark = pytest.mark.e2e

MONDAY_10 = "2026-11-23T10:00"
STAFF_PHONE_IP = "127.0.0.5"
STAFF_PHONE_EXT = "209"
PATIENT_PHONE_IP = "127.0.0.6"  # the far end of the lab trunk: the patient a "call back" reaches
TRUNK = "cblab"
VOICEMAIL_CLIP = "data/speech-ko-read/zeroth_104_003_0294_8k_ulaw.wav"  # "한 잔 의 커피 가 ..."


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _seconds(pack: PromptPack, *keys: str) -> float:
    return sum(len(pack.pcm(k) or b"") for k in keys) / 16000


@pytest.fixture(scope="module")
def lab(asterisk_instance, live_engine):
    """The console process (HTTPS with a generated certificate), its SMTP and webhook receivers, accounts,
    and a staff extension whose "phone" is a sipp callee on its own loopback address."""
    from appliance.console import accounts, tls

    inst = asterisk_instance
    config = live_engine.config
    crm.open_database(config.crm_url)
    if not accounts.list_accounts():
        add_accounts()
        accounts.add_account("lockme", "staff", "lockme-password-1")
        accounts.add_account("desk209", "staff", "desk209-password-1", extension=STAFF_PHONE_EXT)
    _ring_nobody_for_earlier_callbacks()
    crm.database.close()
    tls.generate(config)
    phone_port = sipp.free_udp_port(host=STAFF_PHONE_IP)
    patient_port = sipp.free_udp_port(host=PATIENT_PHONE_IP)
    state = TelephonyState(inst.config)
    state.add_extension(STAFF_PHONE_EXT, "alert lab", "alertlab-123",
                        contact=f"sip:{STAFF_PHONE_EXT}@{STAFF_PHONE_IP}:{phone_port}")
    state.add_trunk(TRUNK, PATIENT_PHONE_IP, TRUNK, "cblabpass1", port=patient_port, register=False)
    # no OPTIONS qualify: sipp would take one for the call it waits for
    inst.asterisk.add_extra("pjsip.conf", f"[trunk-{TRUNK}](+type=aor)\nqualify_frequency = 0\n")
    inst.asterisk.reload()
    smtp, hook = SmtpSink(), WebhookSink()
    env = dict(live_engine.env)
    env.update(DENTALCALL_CONSOLE_PORT=str(_free_port()), DENTALCALL_CONSOLE_BIND="127.0.0.1",
               DENTALCALL_NOTIFY_SMTP_HOST="127.0.0.1", DENTALCALL_NOTIFY_SMTP_PORT=str(smtp.port),
               DENTALCALL_NOTIFY_EMAIL_TO="desk@miso.example", DENTALCALL_NOTIFY_WEBHOOK_URL=hook.url,
               DENTALCALL_NOTIFY_RING_EXTENSIONS=STAFF_PHONE_EXT, DENTALCALL_NOTIFY_RING_SECONDS="20",
               DENTALCALL_OPENING_HOURS="mon-sun 00:00-24:00", DENTALCALL_NOTIFY_SUMMARY_TIME="23:59",
               DENTALCALL_OUTBOUND_TRUNK=TRUNK, DENTALCALL_OUTBOUND_CALLERID="0255500100")
    console = LiveConsole(env, Path(inst.home) / "console.log")
    console.start()
    hooks = Path(config.home) / "test-hooks"
    hooks.mkdir(exist_ok=True)
    try:
        yield {"config": config, "console": console, "smtp": smtp, "hook": hook, "phone_port": phone_port,
               "patient_port": patient_port, "hooks": hooks, "engine": live_engine}
    finally:
        console.stop()
        smtp.stop()
        hook.stop()
        for f in ("now.txt", "transcripts.txt"):
            (hooks / f).unlink(missing_ok=True)
        data = TelephonyState(inst.config).load()
        data["extensions"].pop(STAFF_PHONE_EXT, None)
        data["trunks"].pop(TRUNK, None)
        TelephonyState(inst.config).save(data)
        inst.asterisk.clear_extra()
        inst.asterisk.reload()


def _ring_nobody_for_earlier_callbacks() -> None:
    """The engine and its CRM are shared with earlier test modules: an urgent callback one of them left (an emergency
    said in another test's call) would make this console ring the staff phone, and retry the ring a minute later,
    into the middle of a test here that waits for a ring of its own. Those callbacks are marked as already handled."""
    from appliance.console.notify import outbox

    for callback in crm_records.Callback.select(crm_records.Callback.id):
        outbox.enqueue("ring", "callback", callback.id, status="skipped")


def _hook(lab, *transcripts: str) -> None:
    (lab["hooks"] / "now.txt").write_text(MONDAY_10, encoding="utf-8")
    (lab["hooks"] / "transcripts.txt").write_text("\n".join(transcripts) + "\n", encoding="utf-8")


def _speech_call(lab, number: str, segments_after: list, hold: float) -> sipp.CallHandle:
    config = lab["config"]
    pack = PromptPack.load(config)
    wait = _seconds(pack, "greeting", "how_can_i_help") + 0.8
    script = [(None, wait), (sipp.demo_clip(config), 0.0), *segments_after]
    return sipp.start_call("127.0.0.1", config.sip_port, script, to_user="1000", from_user=number,
                           hold_seconds=hold, timeout=hold + 30)


def _crm(lab):
    crm.open_database(lab["config"].crm_url)


def _wait(driver, lab, condition, timeout: float = 20.0):
    """WebDriverWait that says what the browser showed and what the console logged when it times out."""
    from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        # the live list re-renders while we look; a card replaced mid-read is simply read again
        return WebDriverWait(driver, timeout, poll_frequency=0.3,
                             ignored_exceptions=(StaleElementReferenceException,)).until(condition)
    except TimeoutException:
        raise AssertionError(f"browser at {driver.current_url}:\n{driver.page_source[:3000]}\n"
                             f"--- console log ---\n{lab['console'].tail()}") from None


def test_a_callback_request_appears_live_and_is_marked_done_in_the_browser(lab, engine_running):
    from selenium.webdriver.common.by import By

    console = lab["console"]
    driver = chrome()
    try:
        browser_login(driver, console.base, "kim")
        _wait(driver, lab, lambda d: d.current_url.endswith("/today"))
        driver.get(console.base + "/work")
        driver.execute_script("window.__sameDocument = 'yes'")  # gone if the page reloads
        before = set(driver.execute_script(
            "return [...document.querySelectorAll('article.item')].map(e => e.id);"))
        _hook(lab, "교정 비용은 얼마나 해요?")
        handle = _speech_call(lab, "01077773001", [(None, 30.0)], 40.0)
        try:
            def new_callback(d):
                # ids and texts read in one step in the page, so a live re-render cannot split them
                cards = d.execute_script(
                    "return [...document.querySelectorAll('article.kind-callback')]"
                    ".map(e => [e.id, e.innerText]);")
                fresh = [(i, t) for i, t in cards if i not in before]
                return fresh[0] if fresh and "비용" in fresh[0][1] else False

            card_id, card_text = _wait(driver, lab, new_callback, 90)
            assert driver.execute_script("return window.__sameDocument") == "yes"  # no reload happened
            assert "010-7777-3001" in card_text  # an admin sees the number
        finally:
            result = handle.wait()
        assert result.ok, result.describe()
        note_and_mark_done(driver, card_id, "견적 안내함")
        _wait(driver, lab, lambda d: "처리 완료로 표시했습니다" in d.page_source)
        assert not driver.find_elements(By.ID, card_id)
        callback_id = int(card_id.split("-")[1])
        _crm(lab)
        try:
            cb = crm_records.Callback.get_by_id(callback_id)
            assert cb.status == "done" and "견적 안내함" in cb.note and cb.phone == "01077773001"
            views = access_log.entries(actor="staff:kim")
            assert {"console.work.view", "console.work.live"} <= {v.action for v in views}
            assert all(v.origin == "127.0.0.1" for v in views)
        finally:
            crm.database.close()
        driver.get(console.base + "/admin/access")
        table = driver.find_element(By.CSS_SELECTOR, "table.access").text
        assert "staff:kim" in table and "console.work.live" in table
    finally:
        driver.quit()


def test_staff_see_masked_numbers_passwords_are_throttled_and_forms_need_their_token(lab):
    from selenium.webdriver.common.by import By

    console = lab["console"]
    driver = chrome(window=(390, 844))  # a phone
    try:
        browser_login(driver, console.base, "desk")
        _wait(driver, lab, lambda d: d.current_url.endswith("/today"))
        driver.get(console.base + "/calls")
        text = driver.find_element(By.TAG_NAME, "main").text
        assert "010-****-3001" in text and "010-7777-3001" not in text
        # a form whose CSRF token was taken out is refused, and nothing is stored
        driver.get(console.base + "/optouts")
        driver.execute_script("document.querySelector('form[action=\"/optouts/add\"] input[name=csrf_token]').remove()")
        driver.find_element(By.NAME, "phone").send_keys("010-4444-3001")
        driver.find_element(By.NAME, "reason").send_keys("데스크에서 거부")
        driver.find_element(By.CSS_SELECTOR, "form[action='/optouts/add'] button").click()
        _wait(driver, lab, lambda d: "보안 토큰이 맞지 않아" in d.page_source)
        _crm(lab)
        try:
            assert not crm_records.is_opted_out("01044443001")
        finally:
            crm.database.close()
    finally:
        driver.quit()
    driver = chrome()
    try:
        for _ in range(5):
            browser_login(driver, console.base, "lockme", "wrong-password-0")
            _wait(driver, lab, lambda d: "맞지 않습니다" in d.page_source)
        browser_login(driver, console.base, "lockme", "lockme-password-1")
        _wait(driver, lab, lambda d: "로그인 시도가 너무 많습니다" in d.page_source)
        assert driver.current_url.endswith("/login")
    finally:
        driver.quit()


def test_voicemail_by_a_real_call_is_transcribed_mailed_and_posted(lab, engine_running):
    config = lab["config"]
    clip = Path(settings.load().shared_dir) / VOICEMAIL_CLIP
    if not clip.is_file():
        pytest.skip("the shared Korean read-speech clips are not installed (shared_dir)")
    pack = PromptPack.load(config)
    _hook(lab, "직원분 좀 바꿔 주세요")  # opening hours: transfer, nobody in the lab answers -> voicemail
    after_transfer = 3.0 + _seconds(pack, "transfer", "leave_message") + 3.0
    handle = _speech_call(lab, "01077773002", [(None, after_transfer), (clip, 0.0), (None, 3.0)],
                          sipp.wav_seconds(sipp.demo_clip(config)) + after_transfer + sipp.wav_seconds(clip) + 12)
    result = handle.wait()
    assert result.ok, result.describe()
    assert heard_prompt(result.heard_pcm(), pack.pcm("leave_message"))[0], lab["engine"].tail()
    smtp, hook, console = lab["smtp"], lab["hook"], lab["console"]
    deadline = time.monotonic() + 240
    mails = []
    while time.monotonic() < deadline and not mails:
        mails = [m for m in smtp.messages if "010-7777-3002" in m.get_body(("plain",)).get_content()]
        time.sleep(1)
    assert mails, console.tail()
    body = mails[0].get_body(("plain",)).get_content()
    assert "커피" in body, body
    attachment = next(mails[0].iter_attachments())
    assert attachment.get_content_type() == "audio/wav" and attachment.get_content()[:4] == b"RIFF"
    posts = [json.loads(r["body"]) for r in hook.requests if r["headers"]["X-DentalCall-Event"] == "voicemail.new"]
    mine = [p for p in posts if p["caller"] == "010-****-3002"]
    assert mine and mine[0]["transcribed"] is True
    c = console.client("kim")
    try:
        page = c.get("/voicemail").text
        assert "커피" in page and f'/voicemail/{mine[0]["id"]}/audio' in page
        audio = c.get(f'/voicemail/{mine[0]["id"]}/audio')
        assert audio.status_code == 200 and audio.headers["content-type"] == "audio/wav"
        assert audio.content[:4] == b"RIFF" and len(audio.content) > 8000 * 2 * 3
    finally:
        c.close()


def test_an_emergency_in_opening_hours_rings_the_staff_phone_with_the_alert(lab, engine_running):
    from appliance.console.notify import hours

    config = lab["config"]
    console_config = settings.load(env=lab["console"].env)
    if not hours.staffed_now(console_config):
        pytest.skip("today is a Korean public holiday: alerts are held for the morning summary by design")
    pack = PromptPack.load(config)
    alert = pack.pcm("staff_alert")
    assert alert, "the prompt pack has no staff_alert recording"
    phone = sipp.place_uas(None, local_port=lab["phone_port"], local_ip=STAFF_PHONE_IP, mode="answer",
                           timeout=120)
    try:
        _hook(lab, "사랑니 뺀 자리에서 피가 안 멈춰요")
        handle = _speech_call(lab, "01077773003", [(None, 30.0)], 40.0)
        caller = handle.wait()
        assert caller.ok, caller.describe()
        rang = phone.wait(timeout=120)
    finally:
        phone.terminate()
    assert rang.ok, rang.describe() + lab["console"].tail()
    heard = sipp.read_pcm(rang.heard_pcm())
    # the alert plays twice back to back: check the first full copy (identical halves confuse the ordering)
    _, start = sipp.align(heard, alert[:16000])
    seconds = len(alert) / 16000
    first = heard[max(0, int((start - 0.3) * 8000)):int((start + seconds + 0.3) * 8000)]
    found, score, _ = heard_prompt(first, alert)
    assert found, (score, lab["console"].tail())
    assert len(heard) / 8000 > 1.8 * seconds  # and it was said twice
    _crm(lab)
    try:
        from appliance.console.notify import outbox

        cb = crm_records.Callback.select().where(crm_records.Callback.phone == "01077773003").get()
        assert cb.priority == 1
        assert outbox.Notification.get(outbox.Notification.key == f"ring:callback:{cb.id}").status == "sent"
    finally:
        crm.database.close()


def test_call_back_rings_the_staff_phone_then_dials_the_patient(lab, tmp_path):
    """전화 걸기: the staff member's own phone (a sipp callee) rings first; when it answers, Asterisk dials the
    patient through the trunk (another sipp callee, which speaks) and bridges them."""
    from appliance.console.models import WorkAction

    config = lab["config"]
    clip = sipp.demo_clip(config)
    _crm(lab)
    try:
        cb = crm_records.add_callback("교정 비용 문의", phone="0311234567", priority=5)
    finally:
        crm.database.close()
    staff_phone = sipp.place_uas(None, local_port=lab["phone_port"], local_ip=STAFF_PHONE_IP, mode="answer",
                                 timeout=90, workdir=tmp_path / "staff")
    patient = sipp.place_uas([(None, 1.0), (clip, 0.0), (None, 1.0)], local_port=lab["patient_port"],
                             local_ip=PATIENT_PHONE_IP, mode="answer", ring_seconds=1.0, hold_seconds=9.0,
                             timeout=90, workdir=tmp_path / "patient")
    c = lab["console"].client_for("desk209", "desk209-password-1")
    try:
        page = c.get("/work").text
        r = c.post(f"/work/callback/{cb.id}/call", data={"csrf_token": csrf_of(page)})
        assert "내선 209 전화기가 울립니다" in r.text
        far_end = patient.wait(timeout=90)
        near_end = staff_phone.wait(timeout=90)
    finally:
        patient.terminate()
        staff_phone.terminate()
        c.close()
    assert far_end.ok and near_end.ok, far_end.describe() + near_end.describe() + lab["console"].tail()
    invite = (far_end.workdir / "messages.log").read_text(errors="replace")
    assert "INVITE sip:0311234567@" in invite  # the patient's number went out through the trunk
    assert heard_prompt(near_end.heard_pcm(), sipp.read_pcm(clip))[0]  # staff heard the patient
    _crm(lab)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not WorkAction.select().where(
                WorkAction.action == "call_back_result", WorkAction.item == str(cb.id)).exists():
            time.sleep(0.5)
        results = [(a.actor, a.action, a.result) for a in WorkAction.select().where(WorkAction.item == str(cb.id))]
    finally:
        crm.database.close()
    assert results == [("staff:desk209", "call_back", "ringing 209"),
                       ("staff:desk209", "call_back_result", "answered")]


def test_staff_follow_a_call_to_its_patient_and_see_the_call_and_the_opt_out(lab):
    """A call linked to patient 1 (as a proven identity links it) and an opt-out of theirs: from the call's page
    the patient link leads to the patient page, which shows both; the console's request log keeps neither the
    patient id nor a number."""
    from selenium.webdriver.common.by import By

    from appliance.data.calllog import CallLog

    _crm(lab)
    try:
        log = CallLog("inbound", uniqueid="c-patient-page", caller="01020240001")
        log.link_patient("1")
        log.finish("booked", next_step="hangup")
        call_id = log.call.id
        crm_records.add_opt_out(None, patient_id="1", source="paper", scope="ad", note="서면으로 광고 거부")
    finally:
        crm.database.close()
    console = lab["console"]
    driver = chrome()
    try:
        browser_login(driver, console.base, "desk")
        _wait(driver, lab, lambda d: d.current_url.endswith("/today"))
        driver.get(f"{console.base}/calls/{call_id}")
        driver.find_element(By.CSS_SELECTOR, "dl.facts a.patient").click()
        _wait(driver, lab, lambda d: "/patients/1" in d.current_url)
        main = driver.find_element(By.TAG_NAME, "main").text
        calls = driver.find_element(By.CSS_SELECTOR, "table.calls").text
        optouts = driver.find_element(By.CSS_SELECTOR, "table.optouts").text
    finally:
        driver.quit()
    assert "환자번호" in main and "예약" in calls and "받은 전화" in calls
    assert "서면으로 광고 거부" in optouts and "서면" in optouts
    requests = console.tail(400)
    assert "GET /patients/… HTTP" in requests and "/patients/1 HTTP" not in requests
