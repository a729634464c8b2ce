"""Helpers for the operations tests: a CRM filled through the appliance's own modules (calls with turns,
callbacks, opt-outs, booking requests, an outbound queue), a recorded prompt pack, the clinic's config and
secrets, and row-by-row / checksum snapshots to compare before and after.

Runs as a script too, with whatever ``appliance`` the interpreter has (an older release's venv in the upgrade
test): ``python tests/ops_helpers.py populate N`` fills the CRM of ``$DENTALCALL_HOME``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import sqlite3
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

WED_10 = dt.datetime(2026, 11, 25, 10, 0)


def populate_crm(n_calls: int = 30, seed: int = 17) -> dict[str, int]:
    """Fill the bound CRM through the real writers; returns what was made."""
    from appliance.data import crm_records
    from appliance.data.calllog import CallLog
    from appliance.outbound import queue

    queue.ensure_tables()
    rnd = random.Random(seed)
    for i in range(n_calls):
        log = CallLog("inbound", uniqueid=f"1700000000.{i}", channel=f"PJSIP/trunk-kt-{i:08x}",
                      caller=f"0101234{5000 + i}", called="0212345678")
        log.turn("bot", "안녕하세요, 미소치과 AI 상담원입니다.", intent=None, meta={"key": "greeting"})
        log.turn("caller", rnd.choice(["예약하고 싶어요", "내일 진료하나요?", "임플란트 가격이 궁금해요"]),
                 intent=rnd.choice(["book", "hours", "price"]), latency_ms=rnd.randrange(300, 900))
        log.finish(rnd.choice(["answered", "transferred", "caller_hung_up"]), next_step="hangup",
                   meta={"summary": f"요약 {i}"})
        if i % 5 == 0:
            crm_records.add_callback("booking_request", phone=f"0101234{5000 + i}", priority=3, call_id=log.call.id)
    done = crm_records.add_callback("pain", phone="01099990000", priority=1)
    crm_records.Callback.update(status="done", done_at=WED_10).where(crm_records.Callback.id == done.id).execute()
    for phone, scope in (("01011112222", "ad"), ("01033334444", "all"), ("01055556666", "ad")):
        crm_records.add_opt_out(phone, source="call_dtmf", scope=scope)
    crm_records.BookingRequest.create(idempotency_key="call-3-booking", patient_id="P0003", phone="01012345003",
                                      treatment="scaling", start=WED_10 + dt.timedelta(days=2), status="requested")
    for i in range(6):
        task = queue.add_task(campaign="recall", kind="INFO", patient_id=f"P{100 + i}", phone=f"0109876{1000 + i}",
                              day=WED_10.date(), reason="recall", ref=f"2026-11-{i}", now=WED_10,
                              expires_at=WED_10 + dt.timedelta(days=3))
        if i < 2:
            attempt = queue.claim(task.id, WED_10)
            queue.finish_attempt(attempt.id, queue.NO_ANSWER, WED_10, retry_minutes=[30])
    return {"calls": n_calls, "opt_outs": 3, "tasks": 6}


def make_pack(prompts_dir: Path, name: str = "clinic-voice", seed: int = 5) -> Path:
    """A small 'recorded' pack: 8 kHz WAVs of noise and a manifest, like `dentalcall prompts import` makes."""
    import numpy as np

    from appliance.speech import audio

    folder = prompts_dir / name
    (folder / "fragments").mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    manifest: dict[str, Any] = {"name": name, "voice": "recorded", "sample_rate": 8000, "prompts": {}, "fragments": {}}
    for key in ("greeting", "how_can_i_help", "apology"):
        data = audio.wav_bytes((rng.normal(0, 3000, 8000).astype("int16")).tobytes())
        (folder / f"{key}.wav").write_bytes(data)
        manifest["prompts"][key] = {"text": key, "file": f"{key}.wav", "sha256": hashlib.sha256(data).hexdigest()}
    data = audio.wav_bytes((rng.normal(0, 3000, 4000).astype("int16")).tobytes())
    (folder / "fragments" / "num_1.wav").write_bytes(data)
    manifest["fragments"]["num_1"] = {"text": "일", "file": "fragments/num_1.wav"}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))
    return folder


def populate_config(config: Any, passphrase: str = "correct-horse-battery-staple") -> None:
    """Settings, a trunk and a staff phone (secrets), clinic facts and the backup passphrase."""
    from appliance import settings
    from appliance.data.clinic import facts
    from appliance.ops.backup import secret_box
    from appliance.telephony.asterisk import TelephonyState

    settings.write_config(config, {"clinic_name": "행복치과", "staff_extensions": "201,202",
                                   "prompt_pack": "clinic-voice"})
    config.secret("ami_secret")
    state = TelephonyState(config)
    state.add_trunk("kt", "sip.example-carrier.kr", "0212345678", "Trunk-Secret-1234", number="0212345678")
    state.add_extension("201", "데스크", "Qx7tM2kLp9wZr4vN")
    (Path(config.config_dir) / "clinic.toml").write_text(facts.EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    secret_box.store_passphrase(config, passphrase)


def table_rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, ordered: the row-by-row picture of a CRM."""
    scheme = urlparse(url).scheme
    if scheme == "sqlite":
        conn = sqlite3.connect(url[len("sqlite:///"):])
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                             "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        quote = '"'
    elif scheme.startswith("postgres"):
        import psycopg2

        conn = psycopg2.connect(url)
        cur = conn.cursor()
        cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
        tables = [r[0] for r in cur.fetchall()]
        quote = '"'
    else:
        import pymysql

        p = urlparse(url)
        conn = pymysql.connect(host=p.hostname, port=p.port, user=p.username, password=p.password or "",
                               database=p.path.lstrip("/"), charset="utf8mb4")
        cur = conn.cursor()
        cur.execute("SHOW TABLES")
        tables = sorted(r[0] for r in cur.fetchall())
        quote = "`"
    out = {}
    try:
        for table in tables:
            cur = conn.cursor()
            cur.execute(f"SELECT * FROM {quote}{table}{quote} ORDER BY 1")
            out[table] = [tuple(row) for row in cur.fetchall()]
    finally:
        conn.close()
    return out


def file_hashes(folder: Path) -> dict[str, str]:
    folder = Path(folder)
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


if __name__ == "__main__":
    if sys.argv[1:2] == ["populate"]:
        from appliance import settings
        from appliance.data import crm

        crm.open_for(settings.load())
        print(json.dumps(populate_crm(int(sys.argv[2]) if len(sys.argv) > 2 else 30)))
