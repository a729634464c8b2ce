"""One injectable clock for the outbound layer: clinic local time, naive (like the EMR's datetimes)."""

from __future__ import annotations

import datetime as dt
from typing import Callable
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
