"""The shared asker: one open question at a time, looked up in the flows' explicit state tables.

Every dialog (the inbound receptionist, each campaign call) is a set of flows. A flow declares its questions
in ``STEPS``: state name -> :class:`Step` (what the answer is expected to be, the handler for words and the
handler for keys, how to ask again, the keypad version, and the states the answer may lead to). The asker
dispatches each caller input to the open step and runs, once for every dialog, what a desk does when it is
not understood::

    1st miss: (after silence "여보세요?") the step's re-ask, in other words
    2nd miss: the step's keypad version ("… 1번, … 2번을 눌러 주세요"), and keypad mode from then on
    3rd miss (or 6 in the call): the dialog's ``give_up`` (staff handover or a callback)

A step with ``on_miss`` (an optional answer: a name, a free description) decides itself instead.
Transitions are recorded in ``trace`` so tests can check them against the declared graph
(:mod:`appliance.conversation.graph`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from typing import Any, Callable, ClassVar, Iterable

from appliance.conversation.actions import Action, End, Event, Heard, Listen, Say, says, spoken_keys
from appliance.conversation.outcomes import EventKind, NextStep

_LOGGER = logging.getLogger(__name__)

Actions = list[Action]
WordsHandler = Callable[[Any, Any, str], "Actions | None"]  # (flow, understanding, text)
KeysHandler = Callable[[Any, str], "Actions | None"]  # (flow, digits)
MissHandler = Callable[[Any, int], "Actions | None"]  # (flow, misses so far) -> actions instead of the ladder
Understand = Callable[[str, dt.datetime, "str | None"], Any]

HINTS: dict[str, list[str]] = {
    "need": ["예약", "예약 변경", "예약 취소", "진료시간", "점심시간", "주차", "위치", "비용", "보험", "직원 연결"],
    "treatment": ["스케일링", "임플란트", "충치 치료", "신경 치료", "발치", "사랑니 발치", "교정", "미백", "검진",
                  "틀니", "크라운", "잇몸 치료", "치석 제거", "사랑니", "신경치료", "충치", "상담"],
    "date": ["오늘", "내일", "모레", "이번 주", "다음 주", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일",
             "오전", "오후", "가장 빠른 날"],
    "yes_no": ["네", "아니요", "맞아요", "괜찮아요"],
    "digits": ["공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"],
    "birth": ["년", "월", "일", "공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구", "십"],
    "free": ["네", "아니요", "잇몸", "어금니", "앞니", "시려요", "아파요", "충치", "흔들려요"],
    "offer": ["네", "아니요", "좋아요", "괜찮아요", "됐어요"],
    "proposal": ["네", "좋아요", "아니요", "다른 시간", "오전", "오후", "내일", "다음 주"],
    "wellbeing": ["네", "아니요", "있어요", "없어요", "모르겠어요"],
    "reminder": ["네", "갈게요", "변경", "취소", "못 가요"],
    "confirm": ["네", "아니요", "취소", "그대로"],
    "cancel_confirm": ["네", "아니요", "취소", "그대로"],  # "예약을 취소해 드릴까요?": "네 갈게요" keeps the visit
    "which": ["모두", "전부", "둘 다", "한 명만", "첫 번째", "두 번째"],
}


@dataclasses.dataclass(frozen=True)
class Step:
    """One question a dialog can have open: how its answer is heard and where it may lead."""

    expect: str
    """What was asked, for the understanding ("yes_no", "date", "treatment", "birth" …)."""
    words: WordsHandler
    keys: KeysHandler
    reask: tuple[str, ...]
    """Phrases said on the first miss (the question in other words): keys or ``phrases.JOINED`` names."""
    keypad: str | None = None
    """Phrase (key or ``JOINED`` name) of the keypad version (second miss); None only for optional answers
    (``on_miss``)."""
    leads_to: tuple[str, ...] = ()
    """States an answer to this question may open (the declared graph)."""
    routes: bool = False
    """An answer off the question ("그럼 진료시간은요?") may start any flow: the dialog's ``ENTRIES``."""
    on_miss: MissHandler | None = None
    max_digits: int = 1
    timeout_s: float = 8.0
    hints: str | None = None


class Flow:
    """A part of a dialog with its own questions (``STEPS``) and its own state; shares the dialog's context."""

    STEPS: ClassVar[dict[str, Step]] = {}

    def __init__(self, dialog: Any):
        self.d = dialog


class Asker:
    """The base of every dialog: registered flows, the open question, re-asking, keypad mode, the trace."""

    START: ClassVar[tuple[str, ...]] = ()
    """States ``start()`` may open."""
    ENTRIES: ClassVar[tuple[str, ...]] = ()
    """States the dialog's router may open (from any step with ``routes=True``)."""
    ANYWHERE: ClassVar[tuple[str, ...]] = ()
    """States an interruption (opt-out, a question about us …) may open from any step."""
    LINKS: ClassVar[dict[str, tuple[str, ...]]] = {}
    """Extra edges of shared steps whose continuation the dialog decides (e.g. where identity goes next)."""
    SILENCE_KEY: ClassVar[str | None] = "silence"

    def __init__(self, *, now: Callable[[], dt.datetime], understand: Understand | None = None, max_turns: int = 40):
        self.now = now
        self._understand = understand
        self.max_turns = max_turns
        self.steps: dict[str, tuple[Flow, Step]] = {}
        self.state = "start"
        self.misses = 0
        self.total_misses = 0
        self.keypad = False
        self.turns = 0
        self.trace: list[tuple[str, str]] = []
        self.events: list[Event] = []
        self.on_patient_proven: list[Callable[[str], None]] = []
        """Told the patient id the moment the identity step proves who the caller is (the carrier links the call)."""
        self._hung = False

    # --- building -------------------------------------------------------------------------------------
    def add(self, flow: Flow) -> Any:
        for name, step in type(flow).STEPS.items():
            if name in self.steps:
                raise ValueError(f"state {name!r} declared twice")
            self.steps[name] = (flow, step)
        return flow

    def links(self) -> dict[str, tuple[str, ...]]:
        return dict(type(self).LINKS)

    # --- asking ---------------------------------------------------------------------------------------
    def ask(self, state: str, keys: Iterable[str] = (), before: Iterable[Action] = ()) -> Actions:
        """Open ``state`` as a new question: ``before`` + the phrases ``keys`` (keys or ``phrases.JOINED``
        names; + its keypad version in keypad mode, unless already said) + Listen."""
        spoken = spoken_keys(*keys)
        step = self.steps[state][1]
        out = list(before) + [Say(k) for k in spoken]
        if self.keypad and step.keypad and not set(spoken_keys(step.keypad)) <= set(spoken):
            out += says(step.keypad)
        self.misses = 0
        return out + self.listen(state)

    def again(self, keys: Iterable[str] = (), before: Iterable[Action] = ()) -> Actions:
        """The same question once more (its misses still count)."""
        return list(before) + says(*keys) + self.listen(self.state)

    def listen(self, state: str) -> Actions:
        step = self.steps[state][1]
        if state != self.state:
            self.trace.append((self.state, state))
        self.state = state
        hints = HINTS.get(step.hints or step.expect) or HINTS["yes_no"]
        return [Listen(expect=step.expect, timeout_s=step.timeout_s, hints=list(hints), max_digits=step.max_digits)]

    def understand(self, text: str, expect: str | None) -> Any:
        if self._understand is not None:
            return self._understand(text, self.now(), expect)
        from appliance.language import understand

        return understand(text, self.now(), expect=expect, fallback=self.fallback_for(expect))

    def fallback_for(self, expect: str | None) -> Any:
        return None

    def event(self, kind: EventKind, **data: Any) -> None:
        self.events.append(Event(kind, data))

    # --- the carrier API ------------------------------------------------------------------------------
    def on_input(self, heard: Heard) -> Actions:
        self.turns += 1
        if heard.hung_up:
            self._hung = True
            return self.hang_up()
        if self.turns > self.max_turns:
            return self.give_up(long_call=True)
        if self.state not in self.steps:
            _LOGGER.warning("input after the dialog ended (state %s)", self.state)
            return [End(NextStep.HANGUP, self.final_outcome())]
        flow, step = self.steps[self.state]
        if heard.dtmf:
            self.keypad = True
            out = self.interrupt_keys(heard.dtmf, step)
            if out is None:
                out = step.keys(flow, heard.dtmf)
            return out if out is not None else self.miss(silence=False)
        text = (heard.text or "").strip()
        if heard.silence or heard.rejected or not text:
            out = self.on_nothing(heard)
            return out if out is not None else self.miss(silence=heard.silence)
        self.keypad = False  # the caller speaks again: ask in words
        u = self.understand(text, step.expect)
        out = self.interrupt(u, text, step)
        if out is None:
            out = step.words(flow, u, text)
        return out if out is not None else self.miss(silence=False)

    def on_hangup(self) -> None:
        """The carrier saw the caller hang up (a phone call never delivers ``Heard(hung_up=True)``)."""
        if not self._hung:
            self._hung = True
            self.hang_up()

    def miss(self, silence: bool) -> Actions:
        """Not understood (or nothing heard): the one ladder every question shares."""
        flow, step = self.steps[self.state]
        self.misses += 1
        self.total_misses += 1
        if step.on_miss is not None:
            out = step.on_miss(flow, self.misses)
            if out is not None:
                return out
        if self.misses >= 3 or self.total_misses >= 6:
            return self.give_up()
        if self.misses == 1 and not self.keypad:
            first = [Say(self.SILENCE_KEY)] if silence and self.SILENCE_KEY else []
            return first + says(*step.reask) + self.listen(self.state)
        if step.keypad:
            self.keypad = True
            return says(step.keypad) + self.listen(self.state)
        return self.give_up()

    # --- what each dialog decides -----------------------------------------------------------------------
    def interrupt(self, u: Any, text: str, step: Step) -> Actions | None:
        """Words that matter whatever was asked (an emergency, an opt-out …); None to let the step answer."""
        return None

    def interrupt_keys(self, digits: str, step: Step) -> Actions | None:
        return None

    def on_nothing(self, heard: Heard) -> Actions | None:
        return None

    def give_up(self, long_call: bool = False) -> Actions:
        raise NotImplementedError

    def hang_up(self) -> Actions:
        raise NotImplementedError

    def final_outcome(self) -> str:
        raise NotImplementedError


def yes_no_keys(digits: str, yes: Callable[[], Actions], no: Callable[[], Actions]) -> Actions | None:
    """1 = yes, 2 = no, anything else not understood."""
    if digits[:1] == "1":
        return yes()
    if digits[:1] == "2":
        return no()
    return None


def said_yes(u: Any) -> bool:
    return getattr(u, "intent", None) == "yes" or getattr(u, "answer", None) == "yes"


def said_no(u: Any) -> bool:
    return getattr(u, "intent", None) == "no" or getattr(u, "answer", None) == "no"


LEAVE_AS_IS = r"그대로|둘게|둘께|두세요|둬|놔두|놓아\s*두"
"""The words that leave a visit as it is ("그대로 두세요"), shared with the move-or-cancel reader."""
KEEP = re.compile(LEAVE_AS_IS + r"|(?:^|\s|취소)안\s*(?:할|해)|하지\s*(?:마|말)|말아|말고")
"""Words that keep an appointment in an answer to "예약을 취소해 드릴까요?" ("그대로 두세요", "취소 안 해요"; a word
of its own: "미안해요" is no "안 해요")."""


def cancel_answer(u: Any, text: str) -> bool | None:
    """The answer to "예약을 취소해 드릴까요?" (understood with ``expect="cancel_confirm"``): True only for a clear
    yes to cancelling ("네", "네 취소해 주세요"); False when the visit stays ("아니요", "예 내일 갈게요", "그대로
    두세요"); None when unclear — the question is asked again, nothing is cancelled on a guess."""
    intent = getattr(u, "intent", None)
    if KEEP.search(text) or intent in ("no", "confirm_appointment"):
        return False
    if intent in ("yes", "cancel"):
        return True
    return None


def is_staff_key(digits: str, step: Step) -> bool:
    """0 alone (or first, on a one-key question) asks for staff everywhere."""
    return digits == "0" or (step.max_digits == 1 and digits[:1] == "0")
