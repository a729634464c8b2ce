"""An opt-out asked for on an inbound call (수신거부): stored at once, or the truth and a staff task.

The refusal is stored against the number the call came from and, when the caller proved who they are,
against the patient. A withheld number gives nothing to store against: the caller may prove who they are
(birth date and name, when the EMR profile can search by birth date) and the refusal is stored against the
patient; otherwise the caller is told it could not be done now and staff get a task with the request.
Never "수신거부 처리되었습니다" for what was not stored.

The scope stored is the one the caller's words name (:func:`appliance.language.channels_and_consent.opt_out_scope`:
"앞으로 이런 전화 하지 마세요" refuses calls, "문자는 보내지 마세요" texts, a bare "수신거부요" advertising), and the
confirmation says what was stored (``phrases.OPT_OUT_DONE``).
"""

from __future__ import annotations

from typing import Any

from appliance.conversation.actions import Say
from appliance.conversation.asker import Actions, Flow
from appliance.conversation.outcomes import EventKind, Outcome
from appliance.conversation.phrases import OPT_OUT_DONE
from appliance.conversation.privacy import can_find_by_birth
from appliance.data import crm_records, phone as phones
from appliance.language.channels_and_consent import opt_out_scope


class OptOutFlow(Flow):
    def __init__(self, dialog: Any):
        super().__init__(dialog)
        self.source = "call_speech"
        self.scope = "ad"
        self.tried_identity = False

    def start(self, source: str, words: str | None = None) -> Actions:
        d = self.d
        self.source = source
        self.scope = opt_out_scope(words, None) if words else "ad"
        d.topics.append("opt_out")
        pid = d.pid() if d.identity.confirmed else None
        if (phones.canonical(d.caller) or pid) and d.backend.opt_out(d.caller, pid, source, self.scope, now=d.now()):
            return self._stored()
        if can_find_by_birth(d.backend) and not self.tried_identity:
            self.tried_identity = True
            return d.identity.verify(candidates=[], then=self._proven, fail=self._not_stored,
                                     find_by_birth=lambda b6: d.backend.patients_by_birth(b6, d.now().date()),
                                     before=[Say("ack")])  # "네, 본인 확인을 위해 …"
        return self._not_stored("withheld")

    def _proven(self, match: Any) -> Actions:
        d = self.d
        d.patient, d.guardian = match.patient, match.guardian
        if d.backend.opt_out(d.caller, d.pid(), self.source, self.scope, now=d.now()):
            return self._stored()
        return self._not_stored("not stored")

    def _stored(self) -> Actions:
        d = self.d
        d.landed["opt_out"] = True
        d.event(EventKind.OPT_OUT, source=self.source, scope=self.scope)
        d.outcome = Outcome.OPTED_OUT
        return d.anything_else([Say(OPT_OUT_DONE[self.scope])])

    def _not_stored(self, reason: str) -> Actions:
        d = self.d
        d.landed["opt_out"] = False
        d.landed["opt_out_request"] = True
        d.event(EventKind.OPT_OUT_REQUEST, reason=reason)
        d.leave_callback("수신거부 요청 (발신번호 없음: 직원 처리 필요)", priority=4,
                         note=f"수신거부 요청 ({crm_records.OPT_OUT_SCOPES[self.scope]}), {reason}")
        return d.anything_else([Say("opt_out_not_stored")])
