"""What the campaigns did and earned: per campaign and period, targeted → dialled → answered → outcomes →
bookings → estimated revenue (bookings priced at the middle of the clinic's price range for the treatment)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections import Counter
from typing import Any

from appliance.outbound import campaigns as camps
from appliance.outbound import queue


@dataclasses.dataclass
class Row:
    campaign: str
    targeted: int = 0
    dialled: int = 0
    attempts: int = 0
    answered: int = 0
    outcomes: Counter = dataclasses.field(default_factory=Counter)
    bookings: int = 0
    revenue: int = 0
    unpriced_bookings: int = 0


def price_of(facts: Any, treatment: str | None) -> int | None:
    if facts is None or not treatment:
        return None
    p = facts.prices.get(treatment)
    return None if p is None else (p.min + p.max) // 2


def build(since: dt.date, until: dt.date, *, facts: Any = None, campaign: str | None = None) -> list[Row]:
    from appliance.data.crm_records import BookingRequest

    t0 = dt.datetime.combine(since, dt.time(0))
    t1 = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(0))
    q = queue.Task.select().where(queue.Task.created_at >= t0, queue.Task.created_at < t1)
    if campaign:
        q = q.where(queue.Task.campaign == campaign)
    rows: dict[str, Row] = {}
    tasks = list(q)
    ids = [t.id for t in tasks]
    attempts: dict[int, list[queue.DialAttempt]] = {}
    for i in range(0, len(ids), 500):
        for a in queue.DialAttempt.select().where(queue.DialAttempt.task.in_(ids[i:i + 500])):
            attempts.setdefault(a.task_id, []).append(a)
    bookings: dict[int, list[Any]] = {}
    for b in BookingRequest.select().where(BookingRequest.source == "campaign",
                                           BookingRequest.status.in_(("booked", "requested", "confirmed"))):
        key = b.idempotency_key or ""
        if key.startswith("ob") and ":" in key and (b.meta or {}).get("action") != "cancel":
            try:
                bookings.setdefault(int(key[2:key.index(":")]), []).append(b)
            except ValueError:
                continue
    for t in tasks:
        row = rows.setdefault(t.campaign, Row(t.campaign))
        row.targeted += 1
        mine = attempts.get(t.id, [])
        row.attempts += len(mine)
        row.dialled += bool(mine)
        row.answered += any(a.answered_at or a.call_id or a.status == queue.FINISHED for a in mine)
        if t.outcome:
            row.outcomes[t.outcome] += 1
        for b in bookings.get(t.id, []):
            row.bookings += 1
            price = price_of(facts, b.treatment)
            if price is None:
                row.unpriced_bookings += 1
            else:
                row.revenue += price
    order = {name: i for i, name in enumerate(camps.CAMPAIGNS)}
    return sorted(rows.values(), key=lambda r: order.get(r.campaign, 99))


def as_text(rows: list[Row], since: dt.date, until: dt.date) -> str:
    lines = [f"Outbound report {since.isoformat()} .. {until.isoformat()}"]
    if not rows:
        return lines[0] + "\n(no campaign calls in this period)"
    lines.append(
        f"{'campaign':<20}{'targeted':>9}{'dialled':>9}{'answered':>9}{'booked':>8}{'revenue(원)':>14}  outcomes"
    )
    total = Row("TOTAL")
    for r in rows:
        outs = ", ".join(f"{k} {v}" for k, v in sorted(r.outcomes.items(), key=lambda kv: -kv[1]))
        lines.append(
            f"{r.campaign:<20}{r.targeted:>9}{r.dialled:>9}{r.answered:>9}{r.bookings:>8}{r.revenue:>14,}  {outs}"
        )
        total.targeted += r.targeted
        total.dialled += r.dialled
        total.answered += r.answered
        total.bookings += r.bookings
        total.revenue += r.revenue
        total.unpriced_bookings += r.unpriced_bookings
    lines.append(f"{'TOTAL':<20}{total.targeted:>9}{total.dialled:>9}{total.answered:>9}{total.bookings:>8}{total.revenue:>14,}")
    if total.unpriced_bookings:
        lines.append(f"({total.unpriced_bookings} bookings have no price in clinic facts [prices] and count as 0)")
    return "\n".join(lines)


OUTCOME_COLUMNS = ("booked", "confirmed", "rescheduled", "cancelled", "declined", "callback_requested",
                   "wrong_number", "opted_out", "voicemail_left", "unreachable", "problem_reported", "answered",
                   "transferred", "failed")


def as_csv(rows: list[Row]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["campaign", "targeted", "dialled", "attempts", "answered", *OUTCOME_COLUMNS, "other_outcomes",
                "bookings", "revenue_krw", "unpriced_bookings"])
    for r in rows:
        other = sum(v for k, v in r.outcomes.items() if k not in OUTCOME_COLUMNS)
        w.writerow([r.campaign, r.targeted, r.dialled, r.attempts, r.answered,
                    *[r.outcomes.get(k, 0) for k in OUTCOME_COLUMNS], other, r.bookings, r.revenue,
                    r.unpriced_bookings])
    return buf.getvalue()
