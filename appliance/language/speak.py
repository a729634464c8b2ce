"""Korean speech normalisation: write numbers the way a good 실장님 says them on the phone.

The output is Hangul only (no digits), spaced the way the words are spoken, so both the fragment layer
(recorded pieces) and a TTS voice read it the same way:

>>> say_date(datetime.date(2026, 12, 1))
'십이월 일 일 화요일'
>>> say_time(datetime.time(15, 30))
'오후 세 시 반'
>>> say_price(15000)
'만 오천 원'
>>> say_phone("010-1234-5678")
'공일공, 일이삼사, 오육칠팔'
>>> say_count(2, "개")
'두 개'

Rules (domain notes §4): hours are native (한·두·세 … 열두 시) with 오전/오후; minutes are Sino (십오 분), 30 is
반; 12:00–12:59 is 낮; months 유월/시월; money Sino with the 만 unit spoken alone for 10,000 (만 원, not 일만 원);
phone numbers digit by digit in Sino with 공 for 0 and a pause (comma) between groups; counted things native
(한 번, 두 개) except the Sino counters (분, 원, 일, 개월, 년, 회 …).
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = [
    "sino", "native", "say_date", "say_time", "say_datetime", "say_price", "say_phone", "say_digits", "say_count",
    "say_month", "say_day", "say_hour", "normalise", "WEEKDAYS",
]

SINO_DIGITS = ("영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구")
PHONE_DIGITS = ("공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구")
_SMALL_UNITS = ((1000, "천"), (100, "백"), (10, "십"))
_BIG_UNITS = ((10 ** 12, "조"), (10 ** 8, "억"), (10 ** 4, "만"))

MONTHS = ("", "일월", "이월", "삼월", "사월", "오월", "유월", "칠월", "팔월", "구월", "시월", "십일월", "십이월")
WEEKDAYS = ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일")

# native numbers: (counting form, form before a counter)
_NATIVE_ONES = (("", ""), ("하나", "한"), ("둘", "두"), ("셋", "세"), ("넷", "네"), ("다섯", "다섯"),
                ("여섯", "여섯"), ("일곱", "일곱"), ("여덟", "여덟"), ("아홉", "아홉"))
_NATIVE_TENS = ("", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔")
HOURS = ("", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "열한", "열두")


def _sino_below_10000(n: int) -> str:
    out = []
    for value, unit in _SMALL_UNITS:
        d, n = divmod(n, value)
        if d:
            out.append(("" if d == 1 else SINO_DIGITS[d]) + unit)
    if n:
        out.append(SINO_DIGITS[n])
    return "".join(out)


def sino(n: int, spaced: bool = True) -> str:
    """Sino-Korean reading: 3 → 삼, 15 → 십오, 15000 → 만 오천, 123000 → 십이만 삼천 (space after 만/억)."""
    n = int(n)
    if n < 0:
        return "마이너스 " + sino(-n, spaced)
    if n == 0:
        return "영"
    groups = []
    for value, unit in _BIG_UNITS:
        d, n = divmod(n, value)
        if d:
            # 10,000 alone is 만 (not 일만); 억/조 keep 일 (일억)
            head = "" if (d == 1 and unit == "만") else _sino_below_10000(d) if d < 10000 else sino(d, False)
            groups.append(head + unit)
    if n:
        groups.append(_sino_below_10000(n))
    return (" " if spaced else "").join(groups)


def native(n: int, attributive: bool = True) -> str:
    """Native Korean 1–99 (한, 두, 세 … 스무, 스물한); ``attributive`` gives the form used before a counter.

    100 and above (and 0) are read in Sino, as Koreans do."""
    n = int(n)
    if n <= 0 or n >= 100:
        return sino(n)
    tens, ones = divmod(n, 10)
    if ones == 0:
        if tens == 2 and attributive:
            return "스무"
        return _NATIVE_TENS[tens]
    return _NATIVE_TENS[tens] + _NATIVE_ONES[ones][1 if attributive else 0]


def say_digits(digits: str, zero: str = "공") -> str:
    """Digit by digit in Sino: '0101' → '공일공일'."""
    table = (zero,) + PHONE_DIGITS[1:]
    return "".join(table[int(c)] for c in digits if c.isdigit())


# --- dates and times ----------------------------------------------------------


def _as_date(value) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value)[:10])


def say_month(month: int) -> str:
    return MONTHS[int(month)]


def say_day(day: int) -> str:
    return f"{sino(day)} 일"


_RELATIVE = {0: "오늘", 1: "내일", 2: "모레"}


def say_date(date, with_weekday: bool = True, with_year: bool = False, today=None) -> str:
    """``2026-12-01`` → '십이월 일 일 화요일' (유월, 시월; year only on request: '이천이십육 년 …').

    With ``today``, a date within two days is announced first, as the desk does: '내일, 십이월 일 일 화요일'."""
    d = _as_date(date)
    parts = []
    if today is not None and (_as_date(d) - _as_date(today)).days in _RELATIVE:
        parts.append(_RELATIVE[(d - _as_date(today)).days] + ",")
    if with_year:
        parts.append(f"{sino(d.year, spaced=False)} 년")
    parts += [say_month(d.month), say_day(d.day)]
    if with_weekday:
        parts.append(WEEKDAYS[d.weekday()])
    return " ".join(parts)


def _as_time(value) -> _dt.time:
    if isinstance(value, _dt.datetime):
        return value.time()
    if isinstance(value, _dt.time):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", text)
    if not m:
        raise ValueError(f"not a time: {value!r}")
    return _dt.time(int(m.group(1)), int(m.group(2)))


def period_of(hour: int) -> str:
    """오전 (0–11), 낮 (12), 오후 (13–17), 저녁 (18–21), 밤 (22–23, and midnight)."""
    if hour == 0 or hour >= 22:
        return "밤"
    if hour < 12:
        return "오전"
    if hour == 12:
        return "낮"
    if hour < 18:
        return "오후"
    return "저녁"


def say_hour(hour: int) -> str:
    """Native hour on the 12-hour clock: 15 → '세 시', 0 → '열두 시'."""
    h12 = hour % 12 or 12
    return f"{HOURS[h12]} 시"


def say_minute(minute: int, half: bool = True) -> str:
    if minute == 0:
        return ""
    if minute == 30 and half:
        return "반"
    return f"{sino(minute)} 분"


def say_time(time, with_period: bool = True, half: bool = True) -> str:
    """``15:30`` → '오후 세 시 반'; ``11:00`` → '오전 열한 시'; ``12:00`` → '낮 열두 시';
    ``15:15`` → '오후 세 시 십오 분'.

    Evenings say 저녁 (18:00 → '저녁 여섯 시'): clinics with night hours say it that way."""
    t = _as_time(time)
    parts = [period_of(t.hour)] if with_period else []
    parts.append(say_hour(t.hour))
    minute = say_minute(t.minute, half)
    if minute:
        parts.append(minute)
    return " ".join(parts)


def say_datetime(value, with_weekday: bool = True, today=None) -> str:
    """'십일월 이십오 일 수요일 오후 세 시 반' — the read-back of an appointment."""
    return f"{say_date(value, with_weekday, today=today)} {say_time(value)}"


# --- money, phones, counts ------------------------------------------------------


def say_price(won: int) -> str:
    """50000 → '오만 원', 15000 → '만 오천 원', 123000 → '십이만 삼천 원'."""
    return f"{sino(int(won))} 원"


def _phone_groups(digits: str) -> list[str]:
    n = len(digits)
    if digits.startswith("02") and n in (9, 10):
        return [digits[:2], digits[2:n - 4], digits[n - 4:]]
    if digits.startswith("0") and n in (10, 11):
        return [digits[:3], digits[3:n - 4], digits[n - 4:]]
    if n == 8 and digits[0] == "1":  # 1588-1234 style
        return [digits[:4], digits[4:]]
    if n in (7, 8):  # local number without area code
        return [digits[: n - 4], digits[n - 4:]]
    return [digits[i: i + 4] for i in range(0, n, 4)]


def say_phone(number: str) -> str:
    """'010-1234-5678' → '공일공, 일이삼사, 오육칠팔'; groups from the hyphens/spaces given, else Korean numbering."""
    text = str(number).strip()
    written = [g for g in re.split(r"[\s\-.)(]+", text) if g]
    if len(written) > 1 and all(g.isdigit() for g in written):
        groups = written
    else:
        groups = _phone_groups("".join(c for c in text if c.isdigit()))
    return ", ".join(say_digits(g) for g in groups)


# counters read with Sino numbers; everything else takes native numbers (한 번, 두 개, 세 명)
SINO_COUNTERS = frozenset({"분", "초", "원", "일", "개월", "주", "년", "회", "차", "층", "호", "번지", "퍼센트", "세",
                           "주일", "박"})
NATIVE_COUNTERS = frozenset({"번", "개", "명", "분께", "살", "시간", "시", "잔", "장", "병", "알", "가지", "군데",
                             "통", "번째", "달", "주먹", "대"})


def say_count(n: int, counter: str) -> str:
    """2, '개' → '두 개'; 1, '번' → '한 번'; 1, '번째' → '첫 번째'; 3, '개월' → '삼 개월' (Sino counters)."""
    n = int(n)
    if counter == "번째" and n == 1:
        return "첫 번째"
    if counter in SINO_COUNTERS or n <= 0 or n >= 100:
        return f"{sino(n)} {counter}"
    return f"{native(n)} {counter}"


# --- free text ---------------------------------------------------------------------

_PERIODS = "오전|오후|낮|저녁|밤|아침|새벽"
_NUM = r"\d{1,3}(?:,\d{3})+|\d+"

_RE_PHONE = re.compile(
    r"(?<![\d-])(0\d{1,2}[-\s.]\d{3,4}[-\s.]\d{4}|01[016789]\d{7,8}|0\d{8,9}|1[5-9]\d{2}-\d{4})(?![\d-])"
)
_RE_ISO_DATE = re.compile(
    r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?(?![\d])(\s*\(?[월화수목금토일]요일\)?)?"
)
_RE_KDATE = re.compile(r"(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?(?!\d)")
_RE_DAY = re.compile(r"(?<![\d.,])(\d{1,2})\s*일(?!요일)")
_RE_CLOCK = re.compile(rf"(?:({_PERIODS})\s*)?(?<!\d)(\d{{1,2}}):(\d{{2}})(?!\d)")
_RE_KTIME = re.compile(rf"(?:({_PERIODS})\s*)?(?<!\d)(\d{{1,2}})\s*시(?![간작])(?:\s*(\d{{1,2}})\s*분|\s*(반))?")
_RE_PRICE = re.compile(r"(?<![\d.,])((?:\d[\d,]*\s*[억만천]\s*)*\d[\d,]*|(?:\d[\d,]*\s*[억만천]\s*)+)\s*원(?!장)")
_RE_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_RE_KEYPAD = re.compile(r"(?<!\d)(\d)\s*번(?=\s*[,을은]|\s*(?:버튼|키)|\s*을?\s*눌러)")
_COUNTERS_ALT = "|".join(sorted(SINO_COUNTERS | NATIVE_COUNTERS, key=len, reverse=True))
_RE_COUNT = re.compile(rf"(?<![\d.,])({_NUM})\s*({_COUNTERS_ALT})(?![가-힣]*요일)")
_RE_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")


def _amount(text: str) -> int | None:
    """'1만 5천' → 15000, '15,000' → 15000, '12만3천' → 123000."""
    text = text.replace(",", "").replace(" ", "")
    if not text:
        return None
    total = 0
    for m in re.finditer(r"(\d+)([억만천]?)", text):
        total += int(m.group(1)) * {"": 1, "천": 1000, "만": 10000, "억": 10 ** 8}[m.group(2)]
    return total


def _hour24(period: str | None, hour: int) -> int:
    if period in ("오후", "저녁", "밤") and hour < 12:
        return hour + 12
    if period in ("오전", "아침", "새벽") and hour == 12:
        return 0
    return hour


def _clock(m: re.Match) -> str:
    period, hour, minute = m.group(1), int(m.group(2)), int(m.group(3))
    if hour > 23 or minute > 59:
        return m.group(0)
    if period:
        return f"{period} {say_time(_dt.time(hour % 12 if hour > 12 else hour, minute), with_period=False)}"
    return say_time(_dt.time(hour, minute))


def _ktime(m: re.Match) -> str:
    period, hour = m.group(1), int(m.group(2))
    minute = int(m.group(3)) if m.group(3) else (30 if m.group(4) else 0)
    if hour > 24 or minute > 59:
        return m.group(0)
    if period is None and hour > 12:  # "15시" → 오후 세 시
        return say_time(_dt.time(hour % 24, minute))
    spoken = say_time(_dt.time(hour % 24, minute), with_period=False)
    return f"{period} {spoken}" if period else spoken


def _iso_date(m: re.Match) -> str:
    try:
        d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return m.group(0)
    out = say_date(d, with_weekday=True)
    if m.group(4):
        out += " " + say_time(_dt.time(int(m.group(4)), int(m.group(5))))
    return out


def _kdate(m: re.Match) -> str:
    year, month, day = m.group(1), int(m.group(2)), m.group(3)
    if not 1 <= month <= 12 or (day and not 1 <= int(day) <= 31):
        return m.group(0)
    parts = [f"{sino(int(year), spaced=False)} 년"] if year else []
    parts.append(say_month(month))
    if day:
        parts.append(say_day(int(day)))
    return " ".join(parts)


def _price(m: re.Match) -> str:
    amount = _amount(m.group(1))
    if amount is None:
        return m.group(0)
    return say_price(amount)


def _percent(m: re.Match[str]) -> str:
    number = _RE_NUMBER.match(m.group(1))  # always: the percent pattern is a number
    return (_number(number) if number else m.group(1)) + " 퍼센트"


def _number(m: re.Match) -> str:
    whole = m.group(1)
    digits = whole.replace(",", "")
    if len(digits) > 1 and digits.startswith("0"):
        out = say_digits(digits)
    else:
        out = sino(int(digits))
    if m.group(2):
        out += " 점 " + say_digits(m.group(2), zero="영")
    return out


_TIME_ATOM = rf"(?:(?:{_PERIODS})\s*)?(?:\d{{1,2}}:\d{{2}}|\d{{1,2}}\s*시(?:\s*\d{{1,2}}\s*분|\s*반)?)"
_RE_TIME_RANGE = re.compile(rf"({_TIME_ATOM})\s*[~∼〜-]\s*({_TIME_ATOM})")
_RE_PRICE_RANGE = re.compile(r"(\d[\d,]*\s*[만천]?)\s*[~∼〜-]\s*(\d[\d,]*\s*[만천]?\s*원)")
_RE_DAY_RANGE = re.compile(r"(\d{1,2}\s*일)\s*[~∼〜-]\s*(\d{1,2}\s*일)")
# Latin words a Korean voice cannot read, as the desk says them
ACRONYMS = {"AI": "에이아이", "CT": "씨티", "X-ray": "엑스레이", "SMS": "문자", "ARS": "에이알에스", "OK": "오케이"}
_RE_ACRONYM = re.compile(r"(?<![A-Za-z])(" + "|".join(re.escape(a) for a in ACRONYMS) + r")(?![A-Za-z])")


def normalise(text: str) -> str:
    """Rewrite the digits in free text as spoken Korean: phones, dates, times, prices, counts, then plain numbers.

    >>> normalise("12월 3일 오후 3:30에 스케일링, 비용은 15,000원입니다.")
    '십이월 삼 일 오후 세 시 반에 스케일링, 비용은 만 오천 원입니다.'
    """
    text = _RE_ACRONYM.sub(lambda m: ACRONYMS[m.group(1)], text)
    if not any(c.isdigit() for c in text):
        return text
    text = _RE_PHONE.sub(lambda m: say_phone(m.group(1)), text)
    # ranges first: "9:30~18:30" → "… 부터 … 까지", "1만~2만 원" → "… 에서 …"
    text = _RE_TIME_RANGE.sub(lambda m: f"{m.group(1)}부터 {m.group(2)}까지", text)
    text = _RE_DAY_RANGE.sub(lambda m: f"{m.group(1)}부터 {m.group(2)}까지", text)
    text = _RE_PRICE_RANGE.sub(lambda m: f"{m.group(1).strip()}원에서 {m.group(2)}", text)
    text = _RE_ISO_DATE.sub(lambda m: _iso_date(m), text)
    text = _RE_KDATE.sub(_kdate, text)
    text = _RE_CLOCK.sub(_clock, text)
    text = _RE_KTIME.sub(_ktime, text)
    text = _RE_DAY.sub(lambda m: say_day(int(m.group(1))), text)
    text = _RE_PRICE.sub(_price, text)
    text = _RE_PERCENT.sub(_percent, text)
    text = _RE_KEYPAD.sub(lambda m: f"{SINO_DIGITS[int(m.group(1))]} 번", text)
    text = _RE_COUNT.sub(lambda m: say_count(int(m.group(1).replace(",", "")), m.group(2)), text)
    text = _RE_NUMBER.sub(_number, text)
    return text
