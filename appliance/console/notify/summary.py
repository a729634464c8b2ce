"""The daily summary (morning e-mail and webhook): yesterday's calls, what is waiting, and the urgent
requests that came in after hours (their alerts were held for this)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from typing import Any, Iterable

from peewee import fn

from appliance.console.formatting import OUTCOMES_KO, WEEKDAYS_KO, Formatter, local_day_bounds
from appliance.data import phone as phones
from appliance.data.crm import Call
from appliance.data.crm_records import Callback

WORK_LABELS = {"emergency": "응급", "callback": "콜백", "booking": "예약 요청", "note": "사전 문진",
               "voicemail": "음성메시지"}


@dataclasses.dataclass
class Summary:
    day: dt.date  # the day the summary is sent (covers the day before)
    calls: int
    outcomes: Counter
    open_counts: dict[str, int]
    held: list[Callback]

    def subject(self, clinic: str) -> str:
        waiting = sum(self.open_counts.values())
        return (f"[{clinic}] {self.day.month}월 {self.day.day}일({WEEKDAYS_KO[self.day.weekday()]}) 아침 요약 "
                f"· 처리할 일 {waiting}건")

    def text(self, clinic: str, zone: str, console_url: str) -> str:
        fmt = Formatter(staff=None, zone=zone)  # type: ignore[arg-type]
        yesterday = self.day - dt.timedelta(days=1)
        lines = [f"{clinic} 아침 요약 ({self.day.isoformat()})", ""]
        parts = ", ".join(f"{OUTCOMES_KO.get(o, o)} {n}" for o, n in self.outcomes.most_common())
        lines.append(f"어제({yesterday.month}/{yesterday.day}) 전화: 총 {self.calls}통"
                     + (f" ({parts})" if parts else ""))
        lines.append("")
        if self.held:
            lines.append(f"진료 시간 외에 들어온 급한 요청: {len(self.held)}건")
            for cb in self.held:
                label = "응급" if cb.priority <= 1 else f"우선순위 {cb.priority}"
                lines.append(f" - {label} · {phones.masked(cb.phone)} · {fmt.when(cb.created_at)}")
            lines.append("")
        waiting = ", ".join(f"{WORK_LABELS[k]} {v}" for k, v in self.open_counts.items() if v)
        lines.append(f"처리할 일: {waiting or '없음'}")
        lines.append(f"직원 콘솔: {console_url}/work")
        return "\n".join(lines) + "\n"

    def payload(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "calls_yesterday": self.calls, "outcomes": dict(self.outcomes),
                "open": self.open_counts, "held_urgent": len(self.held)}


def build(day: dt.date, zone: str, held_ids: list[int]) -> Summary:
    from appliance.console.workqueue import open_counts

    start, end = local_day_bounds(day - dt.timedelta(days=1), zone)
    rows: Iterable[tuple[str | None, int]] = (  # (peewee's stubs type .tuples() as the model)
        Call.select(Call.outcome, fn.COUNT(Call.id)).where(Call.started_at >= start, Call.started_at < end)
        .group_by(Call.outcome).tuples())  # type: ignore[assignment]
    outcomes = Counter({(o or "in_progress"): n for o, n in rows})
    held = list(Callback.select().where(Callback.id.in_(held_ids or [0])).order_by(Callback.created_at))
    return Summary(day=day, calls=sum(outcomes.values()), outcomes=outcomes, open_counts=open_counts(), held=held)
