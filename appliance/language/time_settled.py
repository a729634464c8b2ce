"""Which part of an utterance holds its settled time (issue 15, round 23: blind31).

``times.find_time`` reads the part this module points at:
- a time the caller is unsure of, doubting the part of the day at the end ("세 시였나요 오후 세 시 아
  오전이었나"): no time (staff or the dialog ask again);
- the earliest or the latest slot asked for ("그날 제일 늦은 시간으로", "제일 늦게 되는 시간"): no time, the
  dialog offers that slot; the hour named beside it is the old one;
- an hour said again at the end with its part of the day ("아홉 시요 아 … 아침 아홉 시"): that last saying, a
  clear self-correction; an hour given as a bound, then the slot within it at the end ("다섯 시 넘어서요 다섯 시
  반", round 41): that slot.
"""

from __future__ import annotations

import re

_PART_DOUBTED = re.compile(r"(?:^|\s|시|요)아\s?(?:오전|오후|아침|저녁|낮|밤)이었나(?:요)?\s*[?.]*\s*$")
_EDGE_SLOT = re.compile(r"(?:제일|가장|젤)\s?(?:늦은|늦게|빠른|일찍|이른)[가-힣\s]{0,10}시간")
# round 27: an hour doubted ("세 시였나 아 오전이 나은가 모르겠네") or refused with nothing in its place ("세 시는 안
# 되고 좀 더 늦게는 없어요"): no time
_HOUR_DOUBTED = re.compile(r"시(?:였|이었)나\s?(?:[가-힣]+\s?){0,4}(?:모르겠|헷갈|가물|나은가|나으려나)")
_HOUR_REFUSED = re.compile(r"시(?:는|은)\s?안\s?(?:되고|돼요|되는데|돼서)\s?(?:[가-힣]+\s?){0,3}"
                           r"(?:늦게|일찍|이르게|빠르게|다른)(?:는|은)?\s?(?:없|있|안\s?되|돼|되)")
_HOUR_RESAID = re.compile(r"(?:아침|오전|오후|저녁|밤|낮)\s?(?P<h>[가-힣]{1,3}|\d{1,2})\s?시(?:요|예요|"
                          r"이요)?\s*[?.]*\s*$")
_HOUR_SAID = r"(?:^|\s){h}\s?시"
# round 41: an hour given as a bound, then the slot within it at the end ("다섯 시 넘어서요 다섯 시 반"): that slot
_HOUR_NARROWED = re.compile(r"(?:^|\s)(?P<h>[가-힣]{1,3}|\d{1,2})\s?시\s?(?:반|[가-힣]{1,3}\s?분|\d{1,2}\s?분)"
                            r"(?:요|이요|쯤)?\s*[?.]*\s*$")
_HOUR_AS_BOUND = r"(?:^|\s){h}\s?시\s?(?:넘어|넘어서|지나서|지나고|이후|후에|쯤)"

# round 42: the hour of a booking moved to another day or part of the day, no new hour ("오늘 일곱 시 예약한
# 사람인데요 … 다음 주 화요일로 미룰 수 있을까요"): the old slot; the time is read after it (none, a range, a new hour)
_BOOKED_HOUR = re.compile(r"(?:[가-힣]{1,3}|\d{1,2})\s?시(?:\s?반)?\s?(?:예약|거)(?:을|를|이|은|인데|한|했는데|된|돼)?")
_MOVED_AFTER = re.compile(r"(?:로|으로)\s?(?:좀\s?)?(?:바꿔|바꿀|미뤄|미룰|옮겨|옮길|변경|늦춰|늦출)")
_SAME_HOUR = re.compile(r"같은\s?시간|시간은\s?그대로|그\s?시간(?:에|으로|대로)")

# round 45: an hour wondered at the end ("제 예약 몇 시였죠 세 시였나"): no time, as a doubted hour; an hour refused
# with "말고" ("열 시 말고 오후로 해 주세요"): the hour said after it, or none; an hour one will arrive past
# ("퇴근하고 가면 일곱 시 넘는데 …"), then a slot asked after it ("… 일곱 시 반도 받아 주세요"): that slot (alone, the
# hour arrived past is the time, as every earlier label reads it)
_HOUR_WONDERED = re.compile(r"시(?:였|이었)나\s*[?.]*\s*$")
_HOUR_NOT_THAT = re.compile(r"시\s?(?:반\s?)?(?:말고|말구)")
_ARRIVAL_PAST = re.compile(r"시\s?(?:좀\s?|조금\s?|쯤\s?|반\s?)?"
                           r"(?:넘는데|넘을\s?텐데|넘을\s?건데|넘거든요|넘겠는데|넘어요)")
_AN_HOUR_AFTER = re.compile(r"(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두|\d{1,2})\s?시")


def _hour_set_aside(text: str) -> int | None:
    """Where the text after an hour set aside starts (round 45), -1 when no other hour follows a refused one, None
    when no hour is set aside (or an hour arrived past is the only one)."""
    if (refused := _HOUR_NOT_THAT.search(text)) is not None:
        return refused.end() if _AN_HOUR_AFTER.search(text[refused.end():]) else -1
    arrived = _ARRIVAL_PAST.search(text)
    if arrived is not None and _AN_HOUR_AFTER.search(text[arrived.end():]):
        return arrived.end()
    return None


def _booked_hour_moved(text: str) -> int | None:
    """Where the text after a booked hour starts, when that booking is moved and its hour not kept (a new hour said
    after it is read there)."""
    booked = _BOOKED_HOUR.search(text)
    if booked is None:
        return None
    rest = text[booked.end():]
    if re.match(r"\s?(?:한|두|세|1|2|3)\s?시간", rest):
        return None  # round 48: moved by whole hours ("열 시 거 한 시간 뒤로"): ``times`` moves the hour itself
    if _MOVED_AFTER.search(rest) and not _SAME_HOUR.search(rest):
        return booked.end()
    return None


def settled_start(text: str) -> int | None:
    """Where the settled time's part of ``text`` starts (0: all of it), or None when no time is settled."""
    if (_PART_DOUBTED.search(text) or _EDGE_SLOT.search(text) or _HOUR_DOUBTED.search(text)
            or _HOUR_REFUSED.search(text) or _HOUR_WONDERED.search(text)):
        return None
    if (aside := _hour_set_aside(text)) is not None:
        return None if aside < 0 else aside
    if (moved := _booked_hour_moved(text)) is not None:
        return moved
    narrowed = _HOUR_NARROWED.search(text)
    if narrowed and re.search(_HOUR_AS_BOUND.format(h=re.escape(narrowed.group("h"))), text[: narrowed.start()]):
        return narrowed.start()
    last = _HOUR_RESAID.search(text)
    if last and re.search(_HOUR_SAID.format(h=re.escape(last.group("h"))), text[: last.start()]):
        return last.start()
    return 0
