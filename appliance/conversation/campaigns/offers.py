"""Advertising calls (consent checked by the dialer): annual insurance scaling, recall after a long absence
(with the reason from the last treatment), insured treatment for 65+ or private dental insurance. A pitch
in one or two sentences without promises, then a booking offer; the opt-out was announced at the start."""

from __future__ import annotations

from typing import Any

from appliance.conversation.actions import Say
from appliance.conversation.asker import Actions, Flow, Step, said_no, said_yes
from appliance.conversation.outcomes import Outcome

PURPOSE = {"insurance_scaling": "ob_purpose_scaling", "recall": None,  # the recall pitch says why we call
           "insured_treatment": "ob_purpose_insured"}
RECALL_WHY = {"implant": "ob_recall_why_implant", "gum": "ob_recall_why_gum", "denture": "ob_recall_why_denture",
              "root_canal": "ob_recall_why_tooth", "crown": "ob_recall_why_tooth", "filling": "ob_recall_why_tooth",
              "scaling": "ob_recall_why_scaling"}


class OfferFlow(Flow):
    ENTRY = ("offer",)

    def __init__(self, dialog: Any):
        super().__init__(dialog)
        self.PURPOSE = PURPOSE[dialog.campaign]

    def _treatment(self) -> str:
        return "scaling" if self.d.campaign == "insurance_scaling" else "checkup"

    def start(self, match: Any) -> Actions:
        d = self.d
        if d.campaign == "insurance_scaling":
            pitch = ["insurance_scaling"]  # the rule as the desk explains it on inbound calls
        elif d.campaign == "recall":
            pitch = ["ob_recall_pitch"] + ([RECALL_WHY[d.detail]] if d.detail in RECALL_WHY else [])
        else:
            pitch = ["ob_senior_pitch" if d.data.get("track") == "senior" else "ob_private_pitch"]
        return d.ask("offer", ["ob_offer_booking"], before=[Say(k) for k in pitch])

    def _words(self, u: Any, text: str) -> Actions | None:
        if said_yes(u) or u.intent == "book":
            return self.d.slots.book(self._treatment(), self.d.patient_for_booking())
        if said_no(u):
            return self._declined()
        return None

    def _keys(self, digits: str) -> Actions | None:
        if digits[:1] == "1":
            return self.d.slots.book(self._treatment(), self.d.patient_for_booking())
        if digits[:1] == "2":
            return self._declined()
        return None

    def _declined(self) -> Actions:
        return self.d.end("ob_declined", Outcome.DECLINED, "declined")

    STEPS = {
        "offer": Step("offer", _words, _keys, reask=("sorry_again", "ob_offer_booking"),
                      keypad="ob_offer_booking", leads_to=("slot",)),
    }
