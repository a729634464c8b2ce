"""Synthetic EMR generator: fills the reference schema with realistic, deterministic Korean dental data.

``seed_demo(url, patients=N, seed=S)`` drops and recreates the reference tables, then bulk-inserts
patients (names, ages 5-95, phones with families sharing one mobile, insurance mix, consents, some
inactive or deceased), visits with treatments (scaling, fillings, root canals + crowns, extractions,
wisdom teeth, implants, dentures, ...) and future appointments. Same seed + same ``today`` → same data.

Consents have a history: some patients withdrew (a newer "N" row after a "Y"), some re-confirmed (a newer
"Y"), some children have a guardian's consent (``GUARD``); the newest row of a type is the one in force. A
few charts carry a 060 premium-rate number as their only phone (a data-entry slip no campaign may ring).

Fixed rows for demos and tests: the family phone ``DEMO_FAMILY_PHONE`` has three patients (a parent and
two children), all three active; patient 1 is an adult NHIS patient whose implant was placed yesterday (a Sunday
too: the fixed row does not move to Saturday).
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from typing import Any

from appliance.data.emr import drivers, schema

_LOGGER = logging.getLogger(__name__)

DEMO_FAMILY_PHONE = "010-2024-0001"

SURNAMES = [("김", 214), ("이", 147), ("박", 84), ("최", 47), ("정", 43), ("강", 23), ("조", 21), ("윤", 20),
            ("장", 20), ("임", 17), ("한", 15), ("오", 15), ("서", 15), ("신", 14), ("권", 14), ("황", 14),
            ("안", 13), ("송", 13), ("류", 12), ("전", 11), ("홍", 11), ("고", 9), ("문", 9), ("양", 8),
            ("손", 8), ("배", 8), ("백", 7), ("허", 6), ("유", 6), ("남", 5), ("심", 5), ("노", 5), ("하", 4),
            ("곽", 4), ("성", 4), ("차", 4), ("주", 4), ("우", 4), ("구", 4), ("민", 3), ("남궁", 1), ("제갈", 1)]
MALE = ["민준", "서준", "도윤", "예준", "시우", "하준", "주원", "지호", "지후", "준우", "현우", "준서", "도현", "건우",
        "우진", "선우", "민재", "현준", "연우", "유준", "정우", "승우", "승현", "시윤", "준혁", "은우", "지환", "승민",
        "성민", "동현", "영수", "영호", "영철", "상철", "정호", "성호", "재석", "광수", "종수", "병철", "진호", "태호"]
FEMALE = ["서연", "서윤", "지우", "서현", "민서", "하은", "하윤", "윤서", "지유", "지민", "채원", "수아", "지아",
          "다은", "은서", "예은", "수빈", "소율", "예린", "지원", "미경", "은영", "현정", "수진", "지영", "미영",
          "정희", "영숙", "순자", "영희", "경희", "명숙", "혜진", "은정", "선영", "미숙", "옥순", "정숙", "숙자",
          "말순"]
AREAS = ["02", "031", "032", "051", "053", "042", "062"]
DOCTORS = ["김민호", "이수진", "박정훈"]
CHAIRS = 5

CODE_NAMES = {code: name for code, (_, name) in schema.CODES.items()}


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _d(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _age_weights() -> list[tuple[int, int]]:
    out = []
    for age in range(5, 96):
        if age < 13:
            w = 5
        elif age < 20:
            w = 6
        elif age < 65:
            w = 10
        elif age < 80:
            w = 8
        else:
            w = 3
        out.append((age, w))
    return out


def _treatments_for(rng: random.Random, age: int) -> list[str]:
    """One visit's treatment codes, plausible for the age."""
    options: list[tuple[list[str], int]] = [
        (["U2233"], 30 if age >= 19 else 0),
        (["AA157"], 12),
        (["U0101"], 20),
        (["U0111"], 3),
        (["U0701"], 8),
        (["U0702", "CR001"], 5 if age >= 15 else 0),
        (["U4411"], 6),
        (["U4413"], 8 if 17 <= age <= 40 else 0),
        (["U4412"], 6 if age >= 30 else 0),
        (["UX111"], 4 if age >= 65 else 0),
        (["IMP01"], 5 if 40 <= age < 65 else (1 if age >= 65 else 0)),
        (["IMP02"], 2 if age >= 40 else 0),
        (["UD111"], 2 if age >= 65 else 0),
        (["UD121"], 2 if age >= 65 else 0),
        (["OR001"], 4 if 9 <= age <= 30 else 0),
        (["WH001"], 2 if 18 <= age <= 50 else 0),
    ]
    options = [o for o in options if o[1] > 0]
    codes = list(rng.choices([o[0] for o in options], weights=[o[1] for o in options])[0])
    if rng.random() < 0.25:
        extra = rng.choices([o[0] for o in options], weights=[o[1] for o in options])[0]
        codes += [c for c in extra if c not in codes]
    return codes


def _tooth(rng: random.Random, code: str) -> str | None:
    if code in ("U2233", "AA157", "OR001", "WH001", "UD111"):
        return None
    if code == "U4413":
        return rng.choice(["18", "28", "38", "48"])
    return str(rng.choice([1, 2, 3, 4])) + str(rng.randint(1, 7))


def _consent_history(rng: random.Random, given: list[tuple[str, str, str]], first: dt.date, today: dt.date,
                     age: int) -> list[tuple[str, str, str]]:
    """Later consent rows (type, Y/N, YYYYMMDD) on top of the first ones: withdrawals, re-confirmations,
    a guardian's consent for children under 14."""
    out: list[tuple[str, str, str]] = []
    mkt = [row for row in given if row[0] == "MKT"]
    span = (today - first).days
    if mkt and span > 2:
        r = rng.random()
        later = _d(first + dt.timedelta(days=rng.randint(1, span - 1)))
        if mkt[-1][1] == "Y" and r < 0.12:
            out.append(("MKT", "N", later))  # withdrew
        elif mkt[-1][1] == "Y" and r < 0.30:
            out.append(("MKT", "Y", later))  # re-confirmed
        elif mkt[-1][1] == "N" and r < 0.25:
            out.append(("MKT", "Y", later))  # agreed after all
    if age < 14 and mkt and rng.random() < 0.4:
        out.append(("GUARD", "Y", mkt[0][2]))
    return out


def generate(patients: int, seed: int = 1, today: dt.date | None = None) -> dict[str, list[tuple]]:
    """Build every table's rows in memory (tuples in schema column order, ids included)."""
    rng = random.Random(seed)
    extra = random.Random(seed * 7919 + 1)  # consent history and odd numbers: the base data stays as it was
    today = today or dt.date.today()
    ages = _age_weights()
    age_values = [a for a, _ in ages]
    age_weights = [w for _, w in ages]
    rows: dict[str, list[tuple]] = {t: [] for t in schema.TABLES}
    rows["DOCTOR"] = [(i + 1, name, "Y") for i, name in enumerate(DOCTORS)]
    rows["CHAIR"] = [(i + 1, f"{i + 1}번 체어", "Y") for i in range(CHAIRS)]
    used_phones: set[str] = {DEMO_FAMILY_PHONE}
    family_pool: list[str] = []
    rcp_id = td_id = cs_id = 0
    slots: set[tuple[str, str, int]] = set()
    reservations: list[tuple] = []

    def new_mobile() -> str:
        while True:
            n = f"010-{rng.randint(2000, 9999)}-{rng.randint(0, 9999):04d}"
            if n not in used_phones:
                used_phones.add(n)
                return n

    for pid in range(1, patients + 1):
        if pid <= 3:  # the demo family on one phone
            age = (44, 12, 9)[pid - 1]
            sex = ("F", "M", "F")[pid - 1]
            surname = "김"
        else:
            age = rng.choices(age_values, weights=age_weights)[0]
            sex = rng.choice("MF")
            surname = _weighted(rng, SURNAMES)
        given = rng.choice(MALE if sex == "M" else FEMALE)
        birth = today - dt.timedelta(days=age * 365 + rng.randint(0, 364))
        if pid <= 3:
            hp = DEMO_FAMILY_PHONE
        elif age < 14 and family_pool and rng.random() < 0.7:
            hp = rng.choice(family_pool)  # children reached on a parent's mobile
        elif age > 85 and rng.random() < 0.3:
            hp = None
        else:
            hp = new_mobile()
            if 30 <= age <= 55 and rng.random() < 0.3:
                family_pool.append(hp)
                if len(family_pool) > 2000:
                    family_pool.pop(0)
        tel = None
        if age >= 60 and rng.random() < 0.35:
            area = rng.choice(AREAS)
            exchange = f"{rng.randint(200, 999)}{'' if area == '02' else rng.randint(0, 9)}"
            tel = f"{area}-{exchange}-{rng.randint(0, 9999):04d}"
        instype = rng.choices(["11", "21", "22", "00"], weights=[92, 3, 2, 3])[0]
        privins = "Y" if 20 <= age <= 70 and rng.random() < 0.22 else "N"
        status = "A"
        r = rng.random()
        if age >= 75 and r < 0.08:
            status = "D"
        elif r < 0.07:
            status = "I"
        if pid == 1:
            instype, status, privins = "11", "A", "N"
        elif pid <= 3:
            status = "A"  # the demo family stays reachable on its phone whatever the day draws
        first = today - dt.timedelta(days=rng.randint(30, 365 * 10))
        if first < birth + dt.timedelta(days=365 * 3):
            first = birth + dt.timedelta(days=365 * 3)
        # visits: a few lost patients, most seen in the last two years
        nvisits = max(1, min(40, int(rng.expovariate(1 / 6)) + 1))
        recent_bias = rng.random()
        last_possible = today - dt.timedelta(days=1)
        if recent_bias < 0.3:
            last_possible = today - dt.timedelta(days=rng.randint(200, 1500))
        if pid == 1:
            last_possible = today - dt.timedelta(days=1)
        if last_possible <= first:
            first = last_possible - dt.timedelta(days=30)
        span = (last_possible - first).days
        days = sorted({first + dt.timedelta(days=rng.randint(0, span)) for _ in range(nvisits)})
        if pid == 1:
            days = sorted(set(days) | {last_possible})
        for day in days:
            if day.weekday() == 6 and not (pid == 1 and day == last_possible):
                day -= dt.timedelta(days=1)  # closed on Sundays; patient 1's implant stays "yesterday" on a Monday
            rcp_id += 1
            doctor = rng.randint(1, len(DOCTORS))
            hhmm = f"{rng.randint(10, 18):02d}{rng.choice(['00', '30'])}"
            rows["RECEIPT"].append((rcp_id, pid, _d(day), hhmm, doctor))
            day_age = age - (today - day).days // 365
            codes = ["UX111"] if pid == 1 and day == last_possible else _treatments_for(rng, max(day_age, 3))
            for code in codes:
                td_id += 1
                rows["TREAT_DETAIL"].append((td_id, rcp_id, pid, _d(day), code, CODE_NAMES[code], _tooth(rng, code),
                                             doctor))
        consent_rows: list[tuple[str, str, str]] = []
        if rng.random() < 0.55:
            consent_rows.append(("MKT", "Y", _d(first)))
            if rng.random() < 0.15:
                consent_rows.append(("NIGHT", "Y", _d(first)))
        elif rng.random() < 0.3:
            consent_rows.append(("MKT", "N", _d(first)))
        consent_rows += _consent_history(extra, consent_rows, first, today, age)
        for kind, agree, day_text in consent_rows:
            cs_id += 1
            rows["CONSENT"].append((cs_id, pid, kind, agree, day_text))
        if pid > 3 and hp and age >= 20 and extra.random() < 0.005:
            hp = f"060-{extra.randint(200, 999)}-{extra.randint(0, 9999):04d}"  # premium rate, entered by mistake
        # future appointments
        if status == "A" and rng.random() < 0.08:
            for _ in range(20):
                day = today + dt.timedelta(days=rng.randint(1, 30))
                if day.weekday() == 6:
                    continue
                last_hour = 13 if day.weekday() == 5 else 18
                hour = rng.choice([h for h in range(10, last_hour) if h != 13])
                hhmm = f"{hour:02d}{rng.choice(['00', '30'])}"
                chair = rng.randint(1, CHAIRS)
                if (_d(day), hhmm, chair) in slots:
                    continue
                slots.add((_d(day), hhmm, chair))
                code = _treatments_for(rng, age)[0]
                reservations.append((None, pid, _d(day), hhmm, 30, rng.randint(1, len(DOCTORS)), chair,
                                     rng.choice("RRRC"), CODE_NAMES[code], None, _d(today) + "090000"))
                break
        name = surname + given
        rows["PATIENT"].append((pid, f"{pid:07d}", name, hp, tel, _d(birth), sex, instype, privins, status,
                                _d(first), _d(today) + "000000", None, None))
    rows["RESERVATION"] = [(i + 1,) + r[1:] for i, r in enumerate(reservations)]
    return rows


def seed_demo(url: str, patients: int = 1000, seed: int = 1, today: dt.date | None = None,
              progress: Any = None) -> dict[str, int]:
    """Drop and recreate the reference schema at ``url`` and fill it; returns row counts per table."""
    started = time.monotonic()
    data = generate(patients, seed, today)
    conn = drivers.connect(url, read_only=False, connect_timeout=5, statement_timeout=600)
    try:
        dialect = conn.dialect
        raw = conn.raw
        cur = raw.cursor()
        if dialect == "sqlite":
            raw.execute("PRAGMA journal_mode = WAL")
            raw.execute("PRAGMA synchronous = OFF")
            raw.execute("BEGIN")
        statements = schema.drop(dialect) + schema.ddl(dialect)
        for stmt in statements:
            cur.execute(stmt)
        # create indexes after the bulk load: faster
        creates = [s for s in statements if s.startswith("CREATE TABLE") or s.startswith("DROP") or s.startswith("IF ")]
        del creates
        for table, columns in schema.TABLES.items():
            names, marks = ", ".join(c for c, _, _ in columns), ", ".join("?" for _ in columns)
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
            drivers.executemany(conn, sql, data[table])
            if progress:
                progress(table, len(data[table]))
        if dialect == "postgresql":
            for table, columns in schema.TABLES.items():
                idcol = columns[0][0]
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table.lower()}', '{idcol.lower()}'), "
                            f"COALESCE((SELECT MAX({idcol}) FROM {table}), 0) + 1, false)")
        if dialect == "sqlite":
            raw.execute("COMMIT")
            raw.execute("ANALYZE")
        else:
            raw.commit()
            if dialect == "postgresql":
                raw.autocommit = True
                cur = raw.cursor()
                cur.execute("VACUUM ANALYZE")
            elif dialect == "mysql":
                for table in schema.TABLES:
                    cur.execute(f"ANALYZE TABLE {table}")
                    cur.fetchall()
                raw.commit()
    finally:
        conn.close()
    counts = {t: len(v) for t, v in data.items()}
    _LOGGER.info("seeded %s EMR: %d patients in %.1f s", conn.dialect, patients, time.monotonic() - started)
    return counts
