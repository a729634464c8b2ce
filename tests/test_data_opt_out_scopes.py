"""The one rule "may we contact this person on CHANNEL for PURPOSE" (``crm_records.is_opted_out`` /
``crm_records.refuses``) for each opt-out scope, on a real SQLite CRM, and the campaign planner's copy of it
(``outbound.history.OptOuts``): ``calls`` blocks every call but no text, ``texts`` the reverse, ``ad`` only
advertising, ``all`` everything."""

from __future__ import annotations

import pytest

from appliance.data import crm_records
from appliance.outbound.history import OptOuts

# scope -> (reminder call, advertising call, reminder text, advertising text) refused?
RULE = {
    "ad": (False, True, False, True),
    "calls": (True, True, False, False),
    "texts": (False, False, True, True),
    "all": (True, True, True, True),
}


@pytest.mark.parametrize("scope", list(RULE))
def test_each_scope_refuses_its_channels_and_purposes(crm_db, scope):
    crm_records.add_opt_out("010-4444-5555", patient_id="77", source="staff", scope=scope)
    reminder_call, ad_call, reminder_text, ad_text = RULE[scope]
    for who in (("01044445555", None), (None, "77")):  # by number and by patient
        assert crm_records.is_opted_out(*who, advertising=False, channel="call") is reminder_call
        assert crm_records.is_opted_out(*who, advertising=True, channel="call") is ad_call
        assert crm_records.is_opted_out(*who, advertising=False, channel="text") is reminder_text
        assert crm_records.is_opted_out(*who, advertising=True, channel="text") is ad_text
    assert not crm_records.is_opted_out("010-4444-6666", advertising=True, channel="text")  # someone else
    assert [crm_records.refuses(scope, c, a) for c, a in (("call", False), ("call", True), ("text", False),
                                                          ("text", True))] == list(RULE[scope])


@pytest.mark.parametrize("scope", list(RULE))
def test_the_planner_reads_the_same_rule(crm_db, scope):
    crm_records.add_opt_out("010-4444-5555", patient_id="77", source="staff", scope=scope)
    optouts = OptOuts.from_crm()
    reminder_call, ad_call, _, _ = RULE[scope]
    assert optouts.refused("77", [], advertising=False) is reminder_call
    assert optouts.refused("78", ["01044445555"], advertising=True) is ad_call


def test_the_default_channel_is_the_call_and_old_rows_keep_their_meaning(crm_db):
    """Rows from before the channel scopes: ``ad`` stops adverts, ``all`` every call and every text."""
    crm_records.add_opt_out("010-1111-2222", source="call_dtmf", scope="ad")
    crm_records.add_opt_out("010-3333-4444", source="sms", scope="all")
    assert crm_records.is_opted_out("01011112222") and not crm_records.is_opted_out("01011112222", advertising=False)
    assert crm_records.is_opted_out("01033334444", advertising=False)
    assert crm_records.is_opted_out("01033334444", advertising=False, channel="text")


def test_an_unknown_scope_or_channel_is_a_clear_error_and_stores_nothing(crm_db):
    with pytest.raises(ValueError, match="scope 'sms'"):
        crm_records.add_opt_out("010-1111-2222", source="staff", scope="sms")
    assert crm_records.OptOut.select().count() == 0
    with pytest.raises(ValueError, match="channel 'fax'"):
        crm_records.is_opted_out("010-1111-2222", channel="fax")
