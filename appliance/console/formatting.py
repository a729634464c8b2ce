"""How the console shows things: clinic-local times, Korean labels, numbers masked by role, SVG bar charts.

The CRM stores UTC (naive); every time on screen is the clinic's (``timezone`` setting).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Iterable
from zoneinfo import ZoneInfo

from appliance.console.accounts import Staff
from appliance.console.web import number_for

OUTCOMES_KO = {
    "answered": "AI 응대 완료", "callback_requested": "콜백 요청", "transferred": "직원 연결",
    "voicemail": "음성사서함", "caller_hung_up": "통화 중 끊김", "failed": "오류 → 직원/사서함",
    "booked": "예약", "confirmed": "예약 확인", "rescheduled": "예약 변경", "cancelled": "예약 취소",
    "declined": "거절", "wrong_number": "잘못 건 전화", "opted_out": "수신거부", "voicemail_left": "메시지 남김",
    "unreachable": "연결 안 됨", "problem_reported": "불편 호소", "emergency": "응급",
}
TREATMENTS_KO = {
    "scaling": "스케일링", "implant": "임플란트", "filling": "충치 치료", "root_canal": "신경 치료",
    "extraction": "발치", "wisdom_tooth": "사랑니 발치", "orthodontics": "교정", "whitening": "미백",
    "checkup": "검진", "denture": "틀니", "crown": "크라운", "gum": "잇몸 치료",
}
WEEKDAYS_KO = "월화수목금토일"


def to_utc_naive(local: dt.datetime, zone: str) -> dt.datetime:
    """A clinic-local naive time as the CRM's UTC naive time."""
    return local.replace(tzinfo=ZoneInfo(zone)).astimezone(dt.timezone.utc).replace(tzinfo=None)


def local_day_bounds(day: dt.date, zone: str) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a clinic-local day in CRM (UTC naive) time."""
    start = dt.datetime.combine(day, dt.time(0))
    return to_utc_naive(start, zone), to_utc_naive(start + dt.timedelta(days=1), zone)


def clinic_today(zone: str) -> dt.date:
    return dt.datetime.now(ZoneInfo(zone)).date()


@dataclasses.dataclass
class Formatter:
    staff: Staff
    zone: str

    def local(self, value: dt.datetime | None) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo(self.zone)).replace(tzinfo=None)

    def time(self, value: dt.datetime | None) -> str:
        local = self.local(value)
        return f"{local:%H:%M}" if local else "-"

    def when(self, value: dt.datetime | None) -> str:
        """Today: 14:05; otherwise 11/23(월) 14:05."""
        return self.when_local(self.local(value))

    def when_local(self, local: dt.datetime | None) -> str:
        """``when`` for a value already in clinic time (the text outbox and the dialer keep clinic time)."""
        if local is None:
            return "-"
        if local.date() == clinic_today(self.zone):
            return f"{local:%H:%M}"
        return f"{local.month}/{local.day}({WEEKDAYS_KO[local.weekday()]}) {local:%H:%M}"

    def full(self, value: dt.datetime | None) -> str:
        local = self.local(value)
        return f"{local:%Y-%m-%d %H:%M:%S}" if local else "-"

    def slot(self, value: dt.datetime | None) -> str:
        """A booking slot (clinic-local already, as the EMR keeps it)."""
        if value is None:
            return "-"
        return f"{value.month}/{value.day}({WEEKDAYS_KO[value.weekday()]}) {value:%H:%M}"

    def day(self, value: dt.date | None) -> str:
        """A date: 11/23(월) this year, 2025-11-23 another."""
        if value is None:
            return "-"
        if value.year != clinic_today(self.zone).year:
            return value.isoformat()
        return f"{value.month}/{value.day}({WEEKDAYS_KO[value.weekday()]})"

    def number(self, value: str | None, revealed: bool = False) -> str:
        return number_for(self.staff, value, revealed)

    @staticmethod
    def outcome(value: str | None) -> str:
        return OUTCOMES_KO.get(value or "", value or "진행 중")

    @staticmethod
    def treatment(value: str | None) -> str:
        return TREATMENTS_KO.get(value or "", value or "-")

    @staticmethod
    def seconds(value: float | None) -> str:
        if value is None:
            return "-"
        value = int(round(value))
        return f"{value // 60}분 {value % 60:02d}초" if value >= 60 else f"{value}초"

    @staticmethod
    def won(value: int | None) -> str:
        return "-" if value is None else f"{value:,}원"


@dataclasses.dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    series: int


def bar_chart(labels: list[str], series: Iterable[Iterable[int]], *, height: int = 160,
              group_width: int = 64) -> dict[str, Any]:
    """Geometry of a grouped bar chart for the SVG template (no JavaScript, no chart library)."""
    rows = [list(s) for s in series]
    top = max([v for row in rows for v in row] + [1])
    n = max(len(rows), 1)
    bar_w = (group_width - 12) / n
    bars = []
    for i, _ in enumerate(labels):
        for s, row in enumerate(rows):
            value = row[i] if i < len(row) else 0
            h = (height - 20) * value / top
            bars.append(Bar(x=i * group_width + 6 + s * bar_w, y=height - h, width=bar_w - 2, height=h,
                            value=value, series=s))
    return {"labels": labels, "bars": bars, "width": group_width * max(len(labels), 1), "height": height,
            "group_width": group_width, "top": top}
