"""Personal data in Asterisk's own files: voicemail messages, the CDR (``Master.csv``) and the log files.

Asterisk appends to the CDR and its logs (``O_APPEND``) while they are open, so they are rewritten *in place*:
read, drop the lines, add whatever Asterisk appended meanwhile, truncate. The log folder is not writable by the
engine's group, which is why nothing here renames or creates files beside them.
"""

from __future__ import annotations

import configparser
import contextlib
import csv
import datetime as dt
import fcntl
import re
from pathlib import Path
from typing import Any, Callable, Iterator

VOICEMAIL_CONTEXT = "dentalcall"
CDR_START_FIELD = 9  # cdr_csv: accountcode,src,dst,dcontext,clid,channel,dstchannel,lastapp,lastdata,start,...
_LOG_TIME = re.compile(r"^\[(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\]")
_NUMBER_IN_CALLERID = re.compile(r"<([^>]*)>")


def asterisk_dir(config: Any) -> Path:
    return Path(config.asterisk_dir)


# ---------------------------------------------------------------- rewriting append-only files


def rewrite_lines(path: Path, keep: Callable[[str], bool]) -> int:
    """Drop the lines ``keep`` rejects (called in file order), in place. Returns how many were dropped."""
    if not path.exists():
        return 0
    with open(path, "r+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            data = fh.read()
            lines = data.splitlines(keepends=True)
            kept = [line for line in lines if keep(line.decode("utf-8", "replace"))]
            dropped = len(lines) - len(kept)
            if not dropped:
                return 0
            fh.seek(0, 2)
            end = fh.tell()
            if end > len(data):  # Asterisk appended while we read: keep it
                fh.seek(len(data))
                kept.append(fh.read(end - len(data)))
            fh.seek(0)
            fh.write(b"".join(kept))
            fh.truncate()
            return dropped
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# ---------------------------------------------------------------- CDR


def cdr_file(config: Any) -> Path:
    return asterisk_dir(config) / "log" / "cdr-csv" / "Master.csv"


def _cdr_fields(line: str) -> list[str]:
    try:
        return next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return []


def cdr_lines(config: Any, match: Callable[[list[str]], bool]) -> list[dict[str, str]]:
    """CDR rows for which ``match(fields)`` is true, as dicts of the standard columns."""
    path = cdr_file(config)
    if not path.exists():
        return []
    names = ("accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata",
             "start", "answer", "end", "duration", "billsec", "disposition", "amaflags", "uniqueid", "userfield")
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = _cdr_fields(line)
        if fields and match(fields):
            out.append(dict(zip(names, fields)))
    return out


def drop_cdr_lines(config: Any, match: Callable[[list[str]], bool]) -> int:
    return rewrite_lines(cdr_file(config), lambda line: not match(_cdr_fields(line)))


def cdr_older_than(cutoff_utc: dt.datetime) -> Callable[[list[str]], bool]:
    """A CDR row matcher: the call started before ``cutoff_utc`` (cdr.conf has usegmtime = yes)."""
    stamp = cutoff_utc.strftime("%Y-%m-%d %H:%M:%S")

    def match(fields: list[str]) -> bool:
        return len(fields) > CDR_START_FIELD and re.match(r"^\d{4}-", fields[CDR_START_FIELD] or "") is not None \
            and fields[CDR_START_FIELD] < stamp

    return match


# ---------------------------------------------------------------- logs


def log_files(config: Any) -> list[Path]:
    """Asterisk's text logs of this instance (messages.log, the console log, rotated copies)."""
    folder = asterisk_dir(config) / "log"
    if not folder.exists():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and (p.name.startswith(("messages", "console",
                                                                                     "security", "full"))))


def drop_log_lines_before(path: Path, cutoff_local: dt.datetime) -> int:
    """Drop log lines stamped before ``cutoff_local`` (Asterisk writes local time); unstamped lines follow the
    stamped line above them."""
    stamp = cutoff_local.strftime("%Y-%m-%d %H:%M:%S")
    state = {"keep": True}

    def keep(line: str) -> bool:
        m = _LOG_TIME.match(line)
        if m:
            state["keep"] = m.group(1) >= stamp
        return state["keep"]

    return rewrite_lines(path, keep)


# ---------------------------------------------------------------- voicemail


def voicemail_root(config: Any) -> Path:
    return asterisk_dir(config) / "spool" / "voicemail" / VOICEMAIL_CONTEXT


def voicemail_messages(config: Any) -> Iterator[tuple[Path, dict[str, str]]]:
    """Every voicemail message: its ``msgNNNN.txt`` and that file's [message] fields."""
    root = voicemail_root(config)
    if not root.exists():
        return
    for txt in sorted(root.glob("*/*/msg*.txt")):
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        try:
            parser.read_string(txt.read_text(encoding="utf-8", errors="replace"))
        except configparser.Error:
            continue
        yield txt, dict(parser.items("message")) if parser.has_section("message") else {}


def voicemail_number(info: dict[str, str]) -> str:
    """The caller's number from a message's ``callerid`` ("Name" <number>, or a bare number)."""
    raw = info.get("callerid", "")
    m = _NUMBER_IN_CALLERID.search(raw)
    return (m.group(1) if m else raw).strip().strip('"')


def voicemail_files(txt: Path) -> list[Path]:
    """The message's files (its .txt and every audio format Asterisk wrote)."""
    return sorted(txt.parent.glob(txt.stem + ".*"))


def delete_voicemail(txt: Path) -> int:
    """Remove one message (Asterisk renumbers the folder the next time the box is opened)."""
    removed = 0
    for path in voicemail_files(txt):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed += 1
    return 1 if removed else 0


def voicemail_time(txt: Path, info: dict[str, str]) -> float:
    """When the message was left (epoch seconds): ``origtime``, else the file's modification time."""
    try:
        return float(info.get("origtime", ""))
    except ValueError:
        return txt.stat().st_mtime
