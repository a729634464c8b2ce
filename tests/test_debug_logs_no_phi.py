"""--debug makes our own code verbose, never the libraries whose debug lines carry call data: peewee logs every SQL
statement with its parameters (a caller's number, a transcript), panoramisk every raw AMI event (caller IDs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import logging
import peewee
from appliance.cli import cli

cli(["--debug", "nlu", "parse", "내일 세 시 예약이요"], standalone_mode=False)
logging.getLogger("appliance.check").debug("our own debug line")

class Caller(peewee.Model):
    number = peewee.CharField()

db = peewee.SqliteDatabase(":memory:")
with db.bind_ctx([Caller]):
    db.create_tables([Caller])
    Caller.create(number="010-9876-5432")
    Caller.get(Caller.number == "010-9876-5432")
logging.getLogger("panoramisk.manager").debug("Receive: CallerIDNum 01098765432")
"""


def test_a_debug_run_logs_our_detail_but_no_sql_parameters_or_ami_caller_ids():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "our own debug line" in run.stderr  # --debug did make our own code verbose
    assert "9876" not in run.stderr
