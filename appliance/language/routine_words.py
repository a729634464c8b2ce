"""Day words in clipped speech and clock times told as a reason (round 17, blind24).

- "낼" is young speech for 내일 ("오키 그 낼 거 그냥 취소요") where no payment is named ("돈 낼 거예요" pays);
  "어젯밤", "그젯밤" are the day before and the night ("어젯밤부터 계속 피가 나요" -> yesterday);
- a clock time told as the reason for a routine ("유치원 끝나는 게 두 시라서 그 끝나고 데려갈게요", "일 끝나고 가면
  일곱 시 넘는데 야간 진료 하는 날로 …") is no time asked for: the visit's time stays open (``None``) unless
  another time follows; round 19: the hour a routine ends, then the request ("산에 갔다 오면 열한 시쯤 되거든
  그러니까 목요일 열한 시 반에"): the time after it.
"""

from __future__ import annotations

import re

from appliance.language.times import DayParts, TimeResult, find_time

# "낼" before a part of the day, a clock time, a visit or "거 " ("낼 거 취소요"), not "회사에 낼 서류", "휴가 낼 수",
# round 47: not handed in somewhere ("보험 회사에 낼 거", "학교에 낼 거": 에 / 한테 before it)
_CLIPPED_TOMORROW = re.compile(
    r"(?:^|(?<=\s))(?<!에\s)(?<!한테\s)낼(?=요|은|도|까지|\s?(?:오전|오후|아침|점심|저녁|몇|[한두세네다여일아열]\S{0,2}\s?시|예약|거\s|꺼\s|거$))"
)
_MONEY = re.compile(r"돈|비용|값|요금|카드|현금|계산|세금|결제|보험료|본인부담|수납|원(?:\s|$|이|을|만)")
# the hour something ends, the visit after it ("두 시라서 그 끝나고 데려갈게요"); an hour passed, a day asked ("일곱 시
# 넘는데 야간 진료 하는 날로"); not "일곱 시 넘어서 되는 날", "퇴근하면 일곱 시라서" (the time wished)
_TIME_AS_REASON = re.compile(
    r"(?:시|반)\s?(?:이라서|라서)\s(?:그\s?|그거\s?)?(?:끝나고|끝나면|마치고|나서)|"
    r"(?:시|반)\s?넘는데\s(?:\S+\s){0,2}(?:하는|되는|있는)\s?날로"
)

# round 19: "열한 시쯤 되거든 그러니까 …": the hour one's routine reaches, the request after it
_ROUTINE_HOUR_THEN = re.compile(
    r"(?:시|반)\s?(?:쯤\s?)?(?:되거든|되니까|되는데|돼서|이거든)(?:요)?\s(?:그러니까|그니까|그래서)?"
)


def tidy_day_words(text: str) -> str:
    """"낼" read as 내일 where no money is named; "어젯밤" as "어제 밤"."""
    if not _MONEY.search(text):
        text = _CLIPPED_TOMORROW.sub("내일", text)
    text = re.sub(r"어젯(?=밤|저녁)", "어제 ", text)
    return re.sub(r"그젯(?=밤|저녁)", "그제 ", text)


def time_told_as_reason(spaced: str, when: TimeResult, dayparts: DayParts, expect: str | None) -> TimeResult:
    """``when``, or no time where its clock time was only the reason ("…두 시라서 그 끝나고 …") and none follows."""
    if expect is not None or when.time is None:
        return when
    if (routine := _ROUTINE_HOUR_THEN.search(spaced)) is not None:
        after = find_time(spaced[routine.end():], dayparts)
        return after if after.time else when
    reason = _TIME_AS_REASON.search(spaced)
    if reason is None:
        return when
    after = find_time(spaced[reason.end():], dayparts)
    return when if after.time or after.time_range else TimeResult(None, None)
