"""One injectable clock for the outbound layer: clinic local time, naive (like the EMR's datetimes), and
whether the system clock can be trusted for the advertising hours (NTP synchronised)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable
from zoneinfo import ZoneInfo

Clock = Callable[[], dt.datetime]


def clinic_clock(timezone: str = "Asia/Seoul") -> Clock:
    zone = ZoneInfo(timezone)

    def now() -> dt.datetime:
        return dt.datetime.now(zone).replace(tzinfo=None, microsecond=0)

    return now


def fixed(moment: dt.datetime) -> "FakeClock":
    return FakeClock(moment)


class FakeClock:
    """A settable clock for tests: ``clock()`` returns the time, ``clock.advance(minutes=5)`` moves it."""

    def __init__(self, moment: dt.datetime):
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta: float) -> dt.datetime:
        self.moment += dt.timedelta(**delta)
        return self.moment

    def set(self, moment: dt.datetime) -> None:
        self.moment = moment


# --- is the system clock trustworthy? ---------------------------------------------------------------------
# Advertising calls depend on the time of day by law (08:00-21:00): while the system clock is not
# synchronised (no NTP yet after a power cut, a dead RTC battery) the dialer places no advertising call.
# ``ClockSync`` is injectable: tests pass a callable returning True/False/None.
ClockSync = Callable[[], "bool | None"]
STA_UNSYNC = 0x0040  # adjtimex status bit: the kernel's clock is not synchronised
TIME_ERROR = 5


def ntp_synchronised() -> bool | None:
    """True/False from ``timedatectl show -p NTPSynchronized`` (systemd), else from the kernel's adjtimex
    status; None when neither can tell."""
    import subprocess

    try:
        out = subprocess.run(["timedatectl", "show", "-p", "NTPSynchronized", "--value"], capture_output=True,
                             text=True, timeout=3)
        if out.returncode == 0 and out.stdout.strip() in ("yes", "no"):
            return out.stdout.strip() == "yes"
    except (OSError, subprocess.SubprocessError):
        pass
    return _adjtimex_synchronised()


def _adjtimex_synchronised() -> bool | None:
    import ctypes
    import ctypes.util

    class Timex(ctypes.Structure):
        _fields_ = [("modes", ctypes.c_uint), ("offset", ctypes.c_long), ("freq", ctypes.c_long),
                    ("maxerror", ctypes.c_long), ("esterror", ctypes.c_long), ("status", ctypes.c_int),
                    ("constant", ctypes.c_long), ("precision", ctypes.c_long), ("tolerance", ctypes.c_long),
                    ("time_sec", ctypes.c_long), ("time_usec", ctypes.c_long), ("tick", ctypes.c_long),
                    ("ppsfreq", ctypes.c_long), ("jitter", ctypes.c_long), ("shift", ctypes.c_int),
                    ("stabil", ctypes.c_long), ("jitcnt", ctypes.c_long), ("calcnt", ctypes.c_long),
                    ("errcnt", ctypes.c_long), ("stbcnt", ctypes.c_long), ("tai", ctypes.c_int),
                    ("padding", ctypes.c_int * 11)]

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        timex = Timex()  # modes 0: read only
        state = libc.adjtimex(ctypes.byref(timex))
    except (OSError, AttributeError):
        return None
    if state < 0:
        return None
    return state != TIME_ERROR and not (timex.status & STA_UNSYNC)


def clock_sync_for(config: Any) -> ClockSync:
    """The check the dialer uses: ``outbound_clock_check = ntp`` (default) asks the system; ``off`` (test and
    demo machines without NTP only; ``doctor`` warns) trusts the clock."""
    if (config.outbound_clock_check or "ntp").strip().lower() == "off":
        return lambda: True
    return ntp_synchronised
