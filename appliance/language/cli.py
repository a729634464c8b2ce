"""``dentalcall nlu``: run the Korean understanding from the shell.

Contract (other tools and evaluations depend on it):

* ``dentalcall nlu parse --now 2026-11-23T10:00 --json "다음 주 화요일 오후 세 시 반에 스케일링 돼요?"`` prints ONE
  JSON object whose first keys are ``intent``, ``date``, ``time``, ``treatment`` (null when absent), followed by
  extra keys (``time_range``, ``confidence``, …), UTF-8, not ASCII-escaped.
* ``--jsonl -`` (or a file) reads one utterance per line and prints one JSON line per input line, in order,
  flushed line by line; an empty line gives an ``other`` result so the output stays aligned. A line that is a
  JSON object with ``text`` (and optionally ``now``, ``expect``) is read as such.
* ``--now`` defaults to the current time in Asia/Seoul; a zone offset is converted to Seoul time.

``dentalcall nlu examples tests/data/nlu`` rebuilds the statistical intent model's examples from the labelled sets.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import IO, Any

import click

_SEOUL = "Asia/Seoul"
_FIRST_KEYS = ("intent", "date", "time", "treatment")


def _seoul_tz() -> dt.tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(_SEOUL)
    except Exception:  # no tz database: Korea has had no DST since 1988
        return dt.timezone(dt.timedelta(hours=9))


def _parse_now(value: str | None) -> dt.datetime:
    if not value:
        return dt.datetime.now(_seoul_tz()).replace(tzinfo=None)
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"not an ISO date/time: {value!r}", param_hint="--now") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(_seoul_tz()).replace(tzinfo=None)
    return parsed


def _record(text: str, now: dt.datetime, expect: str | None) -> dict[str, Any]:
    from appliance.language import understand

    data = understand(text, now, expect=expect).to_dict()
    ordered = {key: data.pop(key) for key in _FIRST_KEYS}
    ordered.update(data)
    return ordered


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def _human(record: dict[str, Any]) -> str:
    shown = {k: v for k, v in record.items() if v not in (None, [], False) or k in _FIRST_KEYS}
    return "\n".join(f"{key:<11} {value if value is not None else '-'}" for key, value in shown.items())


@click.group()
def nlu() -> None:
    """Korean understanding: intents, dates, times and treatments of caller utterances."""


@nlu.command()
@click.argument("text", required=False)
@click.option("--now", "now_text", metavar="ISO", help="Reference time (default: now in Asia/Seoul).")
@click.option("--expect", help="What the dialog just asked: yes_no, offer, proposal, wellbeing, date, time …")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--jsonl", "jsonl", type=click.File("r", encoding="utf-8"), metavar="FILE|-",
              help="Read one utterance per line, print one JSON line each, in order.")
def parse(text: str | None, now_text: str | None, expect: str | None, as_json: bool, jsonl: IO[str] | None) -> None:
    """Parse TEXT (or every line of --jsonl) into intent and slots."""
    now = _parse_now(now_text)
    if jsonl is not None:
        if text is not None:
            raise click.UsageError("give TEXT or --jsonl, not both")
        for line in jsonl:
            line = line.rstrip("\r\n")
            line_now, line_expect, line_text = now, expect, line
            if line.lstrip().startswith("{"):
                try:
                    obj = json.loads(line)
                except ValueError:
                    obj = None
                if isinstance(obj, dict) and "text" in obj:
                    line_text = str(obj["text"])
                    line_now = _parse_now(obj["now"]) if obj.get("now") else now
                    line_expect = obj.get("expect", expect)
            click.echo(_dumps(_record(line_text, line_now, line_expect)))
        return
    if text is None:
        raise click.UsageError("give TEXT or --jsonl -")
    record = _record(text, now, expect)
    click.echo(_dumps(record) if as_json else _human(record))


@nlu.command("examples")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
def examples(data_dir: Path) -> None:
    """Rebuild the statistical model's examples from the labelled sets in DATA_DIR (tests/data/nlu)."""
    from appliance.language import statistical

    rows = statistical.examples_from_sets(data_dir)
    if not rows:
        raise click.ClickException(f"no labelled *.jsonl sets in {data_dir}")
    path = statistical.write_examples(rows)
    click.echo(f"{len(rows)} examples → {path}")
