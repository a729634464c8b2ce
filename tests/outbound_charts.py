"""Hand-made charts added to a seeded reference EMR for the outbound rule tests: one patient per situation
(a withdrawn consent, a child with and without a guardian's consent, a family sharing one mobile, 65+ benefit
histories, a 060 number, odd values), written with plain SQL so each test knows exactly what the EMR holds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from appliance.data.emr import drivers


def d8(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


class Charts:
    """Writes patients, visits, treatments, consents and appointments with ids from 90000 up."""

    def __init__(self, url: str):
        self.conn = drivers.connect(url, read_only=False, connect_timeout=5, statement_timeout=30)
        self.ids = {}
        for kind, table, col in (("rcp", "RECEIPT", "RCP_ID"), ("td", "TREAT_DETAIL", "TD_ID"),
                                 ("cs", "CONSENT", "CS_ID"), ("rsv", "RESERVATION", "RSV_ID")):
            top = self.conn.query(f"SELECT MAX({col}) AS n FROM {table}")[0]["n"] or 0
            self.ids[kind] = max(900000, int(top))

    def close(self) -> None:
        self.conn.close()

    def _next(self, kind: str) -> int:
        self.ids[kind] += 1
        return self.ids[kind]

    def execute(self, sql: str, params: dict[str, Any] | None = None) -> None:
        self.conn.begin(serializable=False)
        self.conn.execute(sql, params or {})
        self.conn.commit()

    def patient(self, pid: int, *, born: dt.date, hp: str | None, tel: str | None = None, instype: str = "11",
                privins: str = "N", status: str = "A", name: str = "홍길동") -> int:
        self.execute("INSERT INTO PATIENT (PT_ID, PT_CHARTNO, PT_NAME, PT_HP, PT_TEL, PT_BIRTH, PT_SEX, PT_INSTYPE,"
                     " PT_PRIVINS, PT_STATUS, PT_FIRSTDATE) VALUES (:id, :chart, :name, :hp, :tel, :born, 'F', :ins,"
                     " :priv, :status, '20150101')",
                     {"id": pid, "chart": f"{pid:07d}", "name": name, "hp": hp, "tel": tel, "born": d8(born),
                      "ins": instype, "priv": privins, "status": status})
        return pid

    def visit(self, pid: int, day: dt.date, *codes: str) -> None:
        rcp = self._next("rcp")
        self.execute("INSERT INTO RECEIPT (RCP_ID, RCP_PTID, RCP_DATE, RCP_TIME, RCP_DRID)"
                     " VALUES (:id, :pid, :d, '1000', 1)", {"id": rcp, "pid": pid, "d": d8(day)})
        for code in codes:
            self.execute("INSERT INTO TREAT_DETAIL (TD_ID, TD_RCPID, TD_PTID, TD_DATE, TX_CODE, TX_NAME, TOOTH,"
                         " TD_DRID) VALUES (:id, :rcp, :pid, :d, :code, :code, '36', 1)",
                         {"id": self._next("td"), "rcp": rcp, "pid": pid, "d": d8(day), "code": code})

    def consent(self, pid: int, kind: str, agree: str, day: dt.date) -> None:
        self.execute("INSERT INTO CONSENT (CS_ID, CS_PTID, CS_TYPE, CS_AGREE, CS_DATE) VALUES (:id, :pid, :k, :a, :d)",
                     {"id": self._next("cs"), "pid": pid, "k": kind, "a": agree, "d": d8(day)})

    def appointment(self, pid: int, day: dt.date | None, hhmm: str = "1030", minutes: Any = 30,
                    status: str = "R") -> int:
        rid = self._next("rsv")
        self.execute("INSERT INTO RESERVATION (RSV_ID, RSV_PTID, RSV_DATE, RSV_TIME, RSV_MIN, RSV_DRID, RSV_CHAIR,"
                     " RSV_STATUS, RSV_TXNAME) VALUES (:id, :pid, :d, :t, :m, 1, 1, :s, '스케일링')",
                     {"id": rid, "pid": pid, "d": d8(day) if day else "", "t": hhmm, "m": minutes, "s": status})
        return rid
