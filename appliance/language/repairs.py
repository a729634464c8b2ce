"""Repairs (issue 15, round 14): a caller correcting themselves or the bot, and slots asked on the way.

* after a self-correction ("목요일 아니고 화요일이요", "미백이요 아 아니다 스케일링 먼저요") the slot is the one
  named after the last correction, never the one taken back (:func:`date_after_correction`,
  :func:`treatment_after_correction`);
* to "which day / time / treatment?" an answer that corrects itself ("아니 열 시 말고 열한 시요") still answers the
  question: a booking with the corrected slot, not a "no" (:func:`slot_answer_repaired`);
* to "which treatment?" an answer relayed from someone at the caller's side ("엄마 잠깐만 … 틀니 손보는 거래요")
  answers it too (:func:`relayed_treatment`);
* to a read-back ("…맞으시죠?", ``expect="confirm"``) a correction ("아니요 스케일링 말고 잇몸 치료요", "오늘
  아니고 내일이요") is a "no" with the corrected slot filled, not a new booking nor a wrong number
  (:func:`readback_corrected`); a move or a cancel said in so many words stays one;
* a need told and then a slot asked if free ("신경치료 이어서 받아야 되는데 모레 열 시 반 되나요") books: the
  question is whether the slot is free, not one for staff (:func:`slot_asked_if_free`).
"""

from __future__ import annotations

import re

from appliance.language.dates import DateResult
from appliance.language.treatments_named import treatments_named

# What takes a word back: "말고", "아니고", "아니다", "아니라" (not "아니면": several days offered, the first counts)
CORRECTION = re.compile(r"말고|말구|아니고|아니구|아니다|(?<!다름이 )(?<!다름이)(?<!다름 )(?<!다름)아니라")
# round 16: of days, one turned down for another counts too ("목요일은 싫고 금요일 오후 세 시 반은요")
# round 47: a day found to be another on the way ("내일 거 아 내일은 일요일이지 월요일 거를 …"): the one named after
_DATE_CORRECTION = re.compile(CORRECTION.pattern + r"|(?:은|는)\s?(?:싫고|싫구|안\s?되고|안\s?돼고|곤란하고)"
                              r"|(?:은|는)\s?[월화수목금토일]요일이(?:지|잖아|네|구나)(?!만)")
# Of treatments only a plain taking back counts: "임플란트가 아니고 브릿지인가" wonders, it does not correct
# round 15: one declined, another chosen ("미백은 안 할래요 그냥 스케일링만 할게요")
# round 17: "크라운 예약은 취소하고 대신 그 시간에 남편 스케일링을 넣어 주세요": the treatment put in its place
_TREATMENT_CORRECTION = re.compile(
    r"말고|말구|아니다|안(?:할래요|할게요|할께요|해요)(?:그냥|대신)|취소하고요?(?=대신|그시간에|그자리에|그날)"
)
_ANSWER_CORRECTED = re.compile(r"^(?:어|아|음|저)*(?:아니|아뇨|아니요|아니아니)|말고|말구|아니고|아니구|아니다")
# The answer ends on the slot ("…열한 시요 열한 시", "…이번 주 토요일")
_ENDS_ON_A_SLOT = re.compile(r"(?:시|반|분|요일|일|주|날|쯤)(?:이요|요|에|에요|으로|로|쯤|쯤에|으로요|로요)?$")
# Said last by someone at the caller's side and passed on: "…거래요", "…한대요", "…하라는데요"
_RELAYED_END = re.compile(r"(?:거|걸|것)(?:이)?(?:래요|라는데요|라고요|래)$|(?:한|하)?대요$|라는데요$")
# A slot asked if it is free: "…모레 오전 열 시 반 되나요", "…금요일 세 시 가능할까요"
_FREE_ASKED = re.compile(
    r"(?:시|반|분|요일|일)(?:에|은|는|도|쯤|쯤에|이나)?(?:되나요|돼요|되요|될까요|되는지|가능해요|가능한가요|가능할까요|"
    r"가능한지|비어있나요|비었나요|비어요|자리있나요|자리있어요)$"
)


def _last_correction_end(text: str, correction: re.Pattern[str] = CORRECTION) -> int | None:
    ends = [m.end() for m in correction.finditer(text)]
    return ends[-1] if ends else None


def date_after_correction(text: str, dates: list[DateResult]) -> DateResult | None:
    """The last date named after the last correction in ``text`` (the text ``dates`` were found in), if any."""
    end = _last_correction_end(text, _DATE_CORRECTION)
    if end is None:
        return None
    after = [found for found in dates if found.start >= end and (found.date or found.date_range)]
    days = [found for found in after if found.date]  # "…다음 주 목요일이요 이번 주는 안 돼요": the day, not the week
    return (days or after)[-1] if after else None


def treatment_after_correction(core: str, treatments: list[str]) -> list[str]:
    """The treatments, the first named after the last correction first ("미백이요 아 아니다 스케일링 먼저요")."""
    end = _last_correction_end(core, _TREATMENT_CORRECTION)
    if end is None or len(treatments) < 2:
        return treatments
    after = treatments_named(core[end:])
    if not after or after[0] not in treatments:
        return treatments
    return [after[0], *[name for name in treatments if name != after[0]]]


def slot_answer_repaired(core: str, expect: str | None, slot_named: bool, corrected_treatment: bool) -> bool:
    """To "which day / time / treatment?", an answer that corrects itself and names the slot asked for."""
    if expect not in ("date", "time", "treatment") or not slot_named or not _ANSWER_CORRECTED.search(core):
        return False
    return corrected_treatment if expect == "treatment" else bool(_ENDS_ON_A_SLOT.search(core))


def relayed_treatment(core: str, expect: str | None, treatments: list[str]) -> bool:
    """To "which treatment?", a treatment named by someone at the caller's side and passed on."""
    return expect == "treatment" and bool(treatments) and bool(_RELAYED_END.search(core))


def slot_asked_if_free(compact: str, has_slot: bool) -> bool:
    """A day or time named and asked if it is free, at the end of the sentence."""
    return has_slot and bool(_FREE_ASKED.search(compact))


# A move or a cancel said in so many words ("제 말은 취소가 아니라 변경이요"): not a plain correction
_MOVE_OR_CANCEL = re.compile(r"변경|바꿔|바꾸|바꿀|옮겨|옮기|미뤄|미루|취소|캔슬|연기|확인")
# round 38: a leading "네 시" is four o'clock, no yes
_YES_OR_ASKED = re.compile(
    r"^(?:네|예)(?!시(?!간))|(?:되나요|될까요|되요|돼요|가능해요|가능한가요|가능할까요|안돼요|안될까요)$")
_READBACK_CORRECTION = re.compile(
    r"말고|말구|아니고|아니구|(?<!다름이)(?<!다름)아니라|^(?:아니|아뇨|아니요|아닌데요?)(?:아니)*"
)


def readback_corrected(core: str, expect: str | None, slot_named: bool) -> bool:
    """To a read-back, a correction naming the right slot or treatment: a "no" carrying the corrected slot."""
    return (expect == "confirm" and slot_named and bool(_READBACK_CORRECTION.search(core))
            and bool(CORRECTION.search(core)) and not _MOVE_OR_CANCEL.search(core)
            and not _YES_OR_ASKED.search(core))  # "네 근데 세 시 말고 네 시로 되나요" asks to move it (round 38: not
    # a leading "네 시", four o'clock: "아 네 시 말고 다섯 시로요" corrects the read-back)
