"""Campaign definitions: what each campaign is for, its legal type (INFO or AD) and its tunable params.

The clinic switches campaigns on and tunes them (``dentalcall campaigns enable NAME``, params in the CRM
table ``outbound_campaign``); the defaults here apply until then. Every param is typed and range-checked
(``appliance.outbound.params``): ``set_param`` refuses a bad value, and ``state`` raises ``ParamError`` for a
stored one that breaks a rule (that campaign fails, the others go on). Priorities decide which campaign gets
a patient when two want them the same day (one call per patient per day).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from appliance.outbound import params as specs
from appliance.outbound.params import ParamError
from appliance.outbound.window import AD, INFO


@dataclasses.dataclass(frozen=True)
class Campaign:
    name: str
    kind: str  # INFO | AD
    title: str  # Korean, for staff
    priority: int  # 1 first (dedup across campaigns)
    defaults: dict[str, Any]
    goal: str  # confirm | book | check
    treatment: str | None = None  # what a booking made on this call is for (price list, duration)

    def params(self, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
        out = dict(COMMON_DEFAULTS)
        out.update(self.defaults)
        out.update(overrides or {})
        return out


COMMON_DEFAULTS: dict[str, Any] = {
    "hours": "",  # narrow the calling window, e.g. "10:00-17:00" (AD never outside 08:00-21:00)
    "max_attempts": 3,
    "cooldown_days": 0,  # do not call the same patient for this campaign again within N days
    "daily_limit": 200,  # tasks queued per day at most
}

CAMPAIGNS: dict[str, Campaign] = {c.name: c for c in (
    Campaign("reminder", INFO, "예약 전 알림 (직전 진료일)", 1, {"days_before": 1, "max_attempts": 3}, "confirm"),
    Campaign("happy_call", INFO, "치료 다음 날 안부 전화", 2,
             {"categories": ["extraction", "wisdom_tooth", "root_canal", "implant", "gum"], "max_attempts": 2},
             "check"),
    Campaign("implant_checkup", INFO, "임플란트 수술 한 달 점검", 3,
             {"days_after": 30, "window_days": 7, "cooldown_days": 60}, "book", "checkup"),
    Campaign("insured_treatment", AD, "보험 적용 치료 안내 (65세 이상·치아보험)", 4,
             {"senior_age": specs.SENIOR_AGE, "seen_within_months": 60, "private_every_months": 3,
              "recent_surgery_days": 90, "cooldown_days": 90},
             "book", "checkup"),
    Campaign("insurance_scaling", AD, "연 1회 보험 스케일링 안내", 5,
             {"adult_age": 19, "seen_within_months": 36, "cooldown_days": 60,
              "months": [11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]},
             "book", "scaling"),
    Campaign("recall", AD, "장기 미방문 리콜", 6, {"months": 6, "max_months": 60, "cooldown_days": 90}, "book",
             "checkup"),
)}

CONSENT_VALID_DAYS = 730  # 정보통신망법: marketing consent is reconfirmed every 2 years


def get(name: str) -> Campaign:
    try:
        return CAMPAIGNS[name]
    except KeyError:
        raise KeyError(f"unknown campaign {name!r}; known: {', '.join(CAMPAIGNS)}") from None


def stored(name: str) -> tuple[bool, dict[str, Any]]:
    """(enabled, params) as stored, defaults merged, unchecked (for listing a broken campaign)."""
    from appliance.outbound.queue import CampaignState

    campaign = get(name)
    row = CampaignState.get_or_none(CampaignState.name == name)
    return (bool(row and row.enabled), campaign.params(row.params if row else None))


def state(name: str) -> tuple[bool, dict[str, Any]]:
    """(enabled, typed params) for a campaign, defaults merged; ``ParamError`` when a stored value is invalid."""
    enabled, params = stored(name)
    return enabled, specs.check_all(name, params)


def set_enabled(name: str, enabled: bool) -> None:
    """Switch a campaign on or off (``disable`` also cancels its queued calls)."""
    from appliance.outbound.queue import CampaignState

    get(name)
    CampaignState.insert(name=name, enabled=enabled, params={}, updated_at=dt.datetime.now()).on_conflict(
        conflict_target=[CampaignState.name], update={CampaignState.enabled: enabled,
                                                      CampaignState.updated_at: dt.datetime.now()}).execute()


def disable(name: str, now: dt.datetime) -> int:
    """Switch a campaign off and cancel its calls not yet dialled (the CLI and the console): how many."""
    from appliance.outbound import queue

    set_enabled(name, False)
    return queue.cancel_queued(name, now)


def set_param(name: str, key: str, value: Any) -> dict[str, Any]:
    """Store one param after checking its type and range (``ParamError`` with the rule otherwise)."""
    from appliance.outbound.queue import CampaignState

    campaign = get(name)
    if key not in campaign.params():
        raise ParamError(f"campaign {name} has no setting {key!r}; known: {', '.join(sorted(campaign.params()))}")
    typed = specs.parse(name, key, value)
    row = CampaignState.get_or_none(CampaignState.name == name)
    params = dict(row.params or {}) if row else {}
    params[key] = typed
    specs.check_all(name, campaign.params(params))
    if row is None:
        CampaignState.create(name=name, enabled=False, params=params, updated_at=dt.datetime.now())
    else:
        CampaignState.update(params=params, updated_at=dt.datetime.now()).where(CampaignState.name == name).execute()
    return campaign.params(params)


def enabled_campaigns() -> list[Campaign]:
    return [c for c in CAMPAIGNS.values() if stored(c.name)[0]]
