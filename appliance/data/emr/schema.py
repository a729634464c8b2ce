"""The reference EMR schema: DentWeb-like uppercase tables, dates as ``YYYYMMDD`` strings, rendered as DDL
for PostgreSQL, MariaDB/MySQL, SQLite and MS SQL Server.

It is what ``emr seed-demo`` fills and what ``profiles/reference.toml`` reads. Real products differ (see
docs/emr-profiles.md); this schema exists so every query of a profile can be exercised on a real server.

Code tables (``PT_INSTYPE``, ``RSV_STATUS``, treatment codes) are described in ``CODES``.
"""

from __future__ import annotations

# (column, type, nullable); types: id (int PK), int, str:N (varchar), nstr:N (unicode varchar), char:N
TABLES: dict[str, list[tuple[str, str, bool]]] = {
    "DOCTOR": [("DR_ID", "id", False), ("DR_NAME", "nstr:40", False), ("DR_USE", "char:1", False)],
    "CHAIR": [("CH_ID", "id", False), ("CH_NAME", "nstr:40", False), ("CH_USE", "char:1", False)],
    "PATIENT": [
        ("PT_ID", "id", False),
        ("PT_CHARTNO", "str:20", False),
        ("PT_NAME", "nstr:40", False),
        ("PT_HP", "str:20", True),  # mobile, usually 010-1234-5678
        ("PT_TEL", "str:20", True),  # landline / guardian
        ("PT_BIRTH", "char:8", True),  # YYYYMMDD
        ("PT_SEX", "char:1", True),  # M | F
        ("PT_INSTYPE", "char:2", False),  # 11 건강보험, 21 의료급여1종, 22 의료급여2종, 00 일반(비보험)
        ("PT_PRIVINS", "char:1", False),  # Y: private dental insurance noted
        ("PT_STATUS", "char:1", False),  # A active, I inactive, D deceased
        ("PT_FIRSTDATE", "char:8", True),
        ("PT_EDITDATE", "char:14", True),
        ("PT_ADDR", "nstr:200", True),
        ("PT_MEMO", "nstr:400", True),
    ],
    "CONSENT": [
        ("CS_ID", "id", False),
        ("CS_PTID", "int", False),
        ("CS_TYPE", "str:10", False),  # MKT marketing calls/SMS, NIGHT 21-08 ads, PRIV privacy, GUARD a legal
        # guardian's consent for a child under 14 (개인정보보호법 §22-2); the newest row of a type is in force
        ("CS_AGREE", "char:1", False),  # Y | N
        ("CS_DATE", "char:8", True),
    ],
    "RECEIPT": [
        ("RCP_ID", "id", False),
        ("RCP_PTID", "int", False),
        ("RCP_DATE", "char:8", False),
        ("RCP_TIME", "char:4", True),
        ("RCP_DRID", "int", True),
    ],
    "TREAT_DETAIL": [
        ("TD_ID", "id", False),
        ("TD_RCPID", "int", False),
        ("TD_PTID", "int", False),
        ("TD_DATE", "char:8", False),
        ("TX_CODE", "str:12", False),
        ("TX_NAME", "nstr:60", True),
        ("TOOTH", "str:8", True),  # FDI, e.g. 36
        ("TD_DRID", "int", True),
    ],
    "RESERVATION": [
        ("RSV_ID", "id", False),
        ("RSV_PTID", "int", True),
        ("RSV_DATE", "char:8", False),
        ("RSV_TIME", "char:4", False),  # HHMM
        ("RSV_MIN", "int", False),
        ("RSV_DRID", "int", True),
        ("RSV_CHAIR", "int", True),
        ("RSV_STATUS", "char:1", False),  # R booked, C confirmed, X cancelled, D done, N no-show
        ("RSV_TXNAME", "nstr:60", True),
        ("RSV_MEMO", "nstr:400", True),
        ("RSV_REGDATE", "char:14", True),
    ],
}

INDEXES = [
    ("IX_PATIENT_HP", "PATIENT", ["PT_HP"]),
    ("IX_PATIENT_TEL", "PATIENT", ["PT_TEL"]),
    ("IX_PATIENT_BIRTH", "PATIENT", ["PT_BIRTH"]),
    ("IX_CONSENT_PT", "CONSENT", ["CS_PTID", "CS_TYPE"]),
    ("IX_RECEIPT_PT", "RECEIPT", ["RCP_PTID", "RCP_DATE"]),
    ("IX_RECEIPT_DATE", "RECEIPT", ["RCP_DATE"]),
    ("IX_TD_RCP", "TREAT_DETAIL", ["TD_RCPID"]),
    ("IX_TD_CODE_DATE", "TREAT_DETAIL", ["TX_CODE", "TD_DATE"]),
    ("IX_TD_DATE", "TREAT_DETAIL", ["TD_DATE"]),
    ("IX_TD_PT", "TREAT_DETAIL", ["TD_PTID", "TD_DATE"]),
    ("IX_RSV_DATE", "RESERVATION", ["RSV_DATE", "RSV_TIME"]),
    ("IX_RSV_PT", "RESERVATION", ["RSV_PTID", "RSV_DATE"]),
]

# Demo treatment codes. U2233 (치석제거, 전악) is the annual NHIS scaling code; the others are illustrative
# ([G]) and the profile maps them by code and by Korean name keywords.
CODES: dict[str, tuple[str, str]] = {
    "U2233": ("scaling", "치석제거(스케일링)"),
    "U2232": ("gum", "치석제거(부분)"),
    "U4412": ("gum", "치주소파술"),
    "U0101": ("filling", "레진충전"),
    "U0111": ("filling", "글래스아이오노머충전"),
    "U0701": ("root_canal", "근관치료(발수)"),
    "U0702": ("root_canal", "근관충전"),
    "U4411": ("extraction", "발치(단순)"),
    "U4413": ("wisdom_tooth", "사랑니발치(매복)"),
    "UX111": ("implant", "임플란트식립(보험)"),
    "IMP01": ("implant", "임플란트식립(비급여)"),
    "IMP02": ("implant", "임플란트보철"),
    "UD111": ("denture", "완전틀니(보험)"),
    "UD121": ("denture", "부분틀니(보험)"),
    "CR001": ("crown", "지르코니아크라운"),
    "OR001": ("orthodontics", "교정진단"),
    "WH001": ("whitening", "전문가미백"),
    "AA157": ("checkup", "구강검진"),
}
INSTYPES = {"11": "nhis", "21": "medical_aid_1", "22": "medical_aid_2", "00": "none"}
RSV_STATUS = {"R": "booked", "C": "confirmed", "X": "cancelled", "D": "done", "N": "no_show"}

DIALECTS = ("postgresql", "mysql", "sqlite", "mssql")


def _type(kind: str, dialect: str, table: str) -> str:
    name, _, size = kind.partition(":")
    if name == "id":
        return {
            "postgresql": "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
            "mysql": "INT NOT NULL AUTO_INCREMENT PRIMARY KEY",
            "sqlite": "INTEGER PRIMARY KEY",
            "mssql": "INT IDENTITY(1,1) PRIMARY KEY",
        }[dialect]
    if name == "int":
        return "INTEGER" if dialect != "mysql" else "INT"
    if name == "char":
        return f"CHAR({size})"
    if name == "nstr":
        return f"NVARCHAR({size})" if dialect == "mssql" else f"VARCHAR({size})"
    return f"VARCHAR({size})"


def ddl(dialect: str) -> list[str]:
    """CREATE TABLE / CREATE INDEX statements for ``dialect`` (postgresql | mysql | sqlite | mssql)."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; one of {', '.join(DIALECTS)}")
    out = []
    for table, columns in TABLES.items():
        cols = []
        for col, kind, nullable in columns:
            sql = f"    {col} {_type(kind, dialect, table)}"
            if kind != "id":
                sql += "" if nullable else " NOT NULL"
            cols.append(sql)
        tail = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci" if dialect == "mysql" else ""
        out.append(f"CREATE TABLE {table} (\n" + ",\n".join(cols) + f"\n){tail}")
    for name, table, cols in INDEXES:
        out.append(f"CREATE INDEX {name} ON {table} ({', '.join(cols)})")
    return out


def ddl_text(dialect: str) -> str:
    return ";\n\n".join(ddl(dialect)) + ";\n"


def drop(dialect: str) -> list[str]:
    if dialect == "mssql":
        return [f"IF OBJECT_ID('{t}', 'U') IS NOT NULL DROP TABLE {t}" for t in TABLES]
    return [f"DROP TABLE IF EXISTS {t}" for t in TABLES]
