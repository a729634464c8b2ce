"""Profiles load and validate; the read-only guard; the MS SQL (DentWeb guess) profile is checked for T-SQL
syntax only (sqlglot), never against a live server."""

import re
from pathlib import Path

import pytest

from appliance.data.emr import drivers, profile, schema
from appliance.errors import ConfigError


def test_shipped_profiles_load():
    assert {"reference", "dentweb-guess"} <= set(profile.available())
    ref = profile.load("reference")
    assert ref.verified and ref.can_write
    guess = profile.load("dentweb-guess")
    assert not guess.verified and not guess.can_write and guess.dialects == ["mssql"]
    assert "UNVERIFIED" in guess.notes
    assert ref.category("U2233", None) == "scaling"
    assert ref.category("XYZ", "하악 사랑니 발치") == "wisdom_tooth"
    assert ref.value("insurance", "21") == "medical_aid_1"
    assert ref.value("insurance", "99") == "none"


@pytest.mark.parametrize("sql", [
    "DELETE FROM PATIENT",
    "SELECT 1; DROP TABLE PATIENT",
    "UPDATE PATIENT SET PT_NAME = 'x'",
    "SELECT * INTO OUTFILE '/tmp/x' FROM PATIENT",
    "WITH x AS (SELECT 1) INSERT INTO T SELECT * FROM x",
    "EXEC xp_cmdshell 'dir'",
])
def test_read_only_guard_rejects(sql):
    with pytest.raises(ConfigError):
        drivers.check_read_only(sql)


def test_read_only_guard_allows_keywords_in_strings():
    drivers.check_read_only("SELECT PT_ID FROM PATIENT WHERE PT_MEMO = 'DELETE; UPDATE'")


def test_param_translation():
    sql = "SELECT a FROM t WHERE x = :x AND y LIKE '%:notparam%' AND z::text = :z"
    assert drivers.translate(sql, "postgresql") == \
        "SELECT a FROM t WHERE x = %(x)s AND y LIKE '%%:notparam%%' AND z::text = %(z)s"
    assert drivers.translate(sql, "sqlite") == sql
    expanded, params = drivers.expand_lists("SELECT 1 WHERE a IN (:p)", {"p": ["1", "2"]})
    assert expanded == "SELECT 1 WHERE a IN (:p_0, :p_1)" and params == {"p_0": "1", "p_1": "2"}


def test_bad_profile_errors_name_the_section(tmp_path):
    text = profile.load("reference").path.read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('[queries.doctors]\nsql = "SELECT', '[queries.doctors]\nsql = "DELETE FROM DOCTOR --'),
                   encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[queries.doctors\]"):
        profile.load(bad)
    missing = tmp_path / "missing.toml"
    missing.write_text(re.sub(r"\[queries.get_patient\].*?(?=\n\[)", "", text, flags=re.S), encoding="utf-8")
    with pytest.raises(ConfigError, match="get_patient"):
        profile.load(missing)
    with pytest.raises(ConfigError, match="shipped profiles"):
        profile.load("nosuch")


def test_url_masking_and_password_split():
    url = "mssql://sa:p%40ss@10.0.0.5:1433/DENTWEBDB"
    assert drivers.mask_url(url) == "mssql://sa:***@10.0.0.5:1433/DENTWEBDB"
    clean, pw = drivers.split_password(url)
    assert clean == "mssql://sa@10.0.0.5:1433/DENTWEBDB" and pw == "p@ss"
    assert drivers.parse_url(drivers.with_password(clean, pw)).password == "p@ss"
    assert drivers.parse_url("sqlite:////var/x.db").database == "/var/x.db"
    with pytest.raises(ConfigError):
        drivers.parse_url("oracle://x@y/z")


def test_mssql_profile_and_ddl_parse_as_tsql():
    sqlglot = pytest.importorskip("sqlglot")
    guess = profile.load("dentweb-guess")
    for op, entry in guess.queries.items():
        sql = re.sub(r"(?<![:\w]):([A-Za-z_]\w*)", r"@\1", entry["sql"])
        tree = sqlglot.parse_one(sql, read="tsql")
        assert tree.key in ("select", "union"), op
        assert " LIMIT " not in tree.sql(dialect="tsql").upper(), op
    # target lists are read a page at a time in patient-id order and counted (connector.list_sql / count_sql)
    from appliance.data.emr.connector import count_sql, list_sql

    consent = "(" + guess.filters["ad_consent"] + ")"
    for op in ("last_visits", "scaling_unused", "seniors", "private_insurance"):
        for sql in (list_sql(guess.sql(op, "mssql"), "mssql", [consent, "cq.id > :page_after"], True),
                    list_sql(guess.sql(op, "mssql"), "mssql", [], False), count_sql(guess.sql(op, "mssql"), [consent])):
            tree = sqlglot.parse_one(re.sub(r"(?<![:\w]):([A-Za-z_]\w*)", r"@\1", sql), read="tsql")
            assert tree.key == "select" and " LIMIT " not in tree.sql(dialect="tsql").upper(), op
    for stmt in schema.ddl("mssql"):
        sqlglot.parse_one(stmt, read="tsql")


def test_reference_ddl_all_dialects():
    for d in schema.DIALECTS:
        text = schema.ddl_text(d)
        assert "CREATE TABLE PATIENT" in text and "RESERVATION" in text
    shipped = Path(schema.__file__).with_name("reference_postgresql.sql").read_text(encoding="utf-8")
    assert shipped == schema.ddl_text("postgresql")
