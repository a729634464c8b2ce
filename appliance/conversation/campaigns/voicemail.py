"""An answering machine: one short message without any health detail, then hang up.

It says who calls (the clinic, by its AI assistant) and the clinic's number read digit by digit; an
advertising campaign's message says it is an advertisement and how to refuse (정보통신망법 §50: sender,
contact, a free way to refuse)."""

from __future__ import annotations

import dataclasses

from appliance.conversation.actions import Action, End, Event, Heard, Say, says
from appliance.conversation.outcomes import NextStep, Outcome
from appliance.data import phone as phones
from appliance.language import speak


@dataclasses.dataclass
class VoicemailDialog:
    kind: str = "INFO"
    clinic_phone: str | None = None
    events: list[Event] = dataclasses.field(default_factory=list)
    outcome: Outcome = Outcome.VOICEMAIL_LEFT
    state: str = "voicemail"

    def start(self) -> list[Action]:
        advert = self.kind == "AD"
        out: list[Action] = list(says("ob_voicemail_ad" if advert else "ob_voicemail", barge_in=False))
        number = phones.canonical(self.clinic_phone)
        if number:
            out += [Say("ob_voicemail_number", barge_in=False), Say(text=speak.say_phone(number) + ".", barge_in=False)]
        out.append(Say("ob_voicemail_ad_end" if advert else "ob_voicemail_end", barge_in=False))
        return out + [End(NextStep.HANGUP, Outcome.VOICEMAIL_LEFT, summary="voicemail")]

    def on_input(self, heard: Heard) -> list[Action]:  # pragma: no cover - never listens
        return [End(NextStep.HANGUP, Outcome.VOICEMAIL_LEFT)]
