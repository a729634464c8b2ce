"""What the recogniser wrote, tidied before it is read: hesitations, misspelt sentence ends, split words, and the
voices that are not the caller's (a car's navigation half-transcribed on a hands-free call).

``tidy(text)`` applies them all; ``compact(text)`` is the text most rules read (no spaces, no punctuation);
``FILLERS`` (opening hesitations), ``ONLY_FILLERS`` and ``HESITATION`` (nothing said yet) are read by
``understanding`` on the spaced or compact text.
"""

from __future__ import annotations

import re

from appliance.language.dialect_endings import standard_endings
from appliance.language.routine_words import tidy_day_words
from appliance.language.symptom_lookalikes import plain_words

_PUNCT = re.compile(r"[\s.,!?~…·\"'“”‘’()\[\]\-\u3131-\u318e^;*]+")  # jamo too: "ㅠㅠ", "ㅋㅋ"


def compact(text: str) -> str:
    """The text without spaces, punctuation or lone jamo, lower case: what most rules read."""
    return _PUNCT.sub("", text).lower()


FILLERS = re.compile(
    r"^(?:(?:어+|음+|으음|흠|저기요?|그+|저|아+|에+|뭐|그러니까|있잖아요|아이고|이제|막|네에)(?:\s+|,|$))+"
)

# A hesitation inside the sentence ("다음 주 어 목요일", "그날은 어 제가 출장이라", "문자 그 저기 그만 보내세요"):
# a word of its own after the first, dropped before anything is read ("어 제가" is no "어제"); "그" only when
# another filler follows it (else it is "that": "그 시간으로 해 주세요")
INNER_FILLER = re.compile(
    r"(?<=\S)\s+(?:어+|음+|으+음|흠+|에+|저기요?|그(?=[\s,]+(?:그|저기|어+|음+)(?:[\s,]|$)))[,.…~]*(?=\s)"
)

# Nothing but hesitation ("음 그게 저기"): no intent at all, whatever the question ("어" alone may be a yes)
ONLY_FILLERS = re.compile(
    r"^(?:음+|어+|[으흐]+음|흠+|글쎄요?|에+|아+|저기요?|저|그+|그게|그거|저게|뭐지|뭐더라|뭐|그러니까|있잖아요?|이제|막|뭐냐|뭐였지|잠깐만요?)+$"
)
# "제가 뭘 물어보려고 했더라": the caller has lost the thread; nothing asked yet (round 10)
FORGOT_WHAT = re.compile(
    r"(?:뭘|뭐|무엇을|뭐를)(?:좀)?(?:물어|여쭤|말씀드리|말하|얘기하)(?:보)?려(?:고|구)?했(?:더라|지|는데|었는데)"
)
HESITATION = re.compile(r"음|흠|그게|그거|저기|저게|그러니까|뭐지|뭐더라|있잖|뭐냐|뭐였지")

# Sentence ends as speech recognition (or a texting caller) spells them: "괜찮아여", "주세여", "되나여" (…요);
# "지하철인대 …", "뻐근한대 …": 데 of a clause that goes on (the hearsay "아프대요" ends the sentence, it stays)
STT_YO = re.compile(r"(?<=[아어세게께래서데네지해돼되와워줘봐까나가])여(?=[\s?.!,~]|$)")
STT_DE = re.compile(r"(?<=[인는은던한운])대(?=\s+[가-힣0-9])")
# Words the recogniser split: "금요 일로" (금요일로), "이십 삼일" (the 23rd, not the 3rd), "다 음주"; "이 십 팔일"
# (the 28th) first joins its tens
SPLIT_WEEKDAY = re.compile(r"(?<=[월화수목금토일]요)\s+(?=일)")
# round 10: numbers read out slowly, syllable by syllable: "십 일 월" (November), "월 요 일"
SPLIT_NEXT = re.compile(r"(?<![가-힣])다\s+음\s?(?=주|달)")
SPLIT_MONTH = re.compile(r"(?<![가-힣])십\s+([일이])\s+월")
SPLIT_WEEKDAY_SYLLABLES = re.compile(r"(?<![가-힣])([월화수목금토일])\s+요\s+일")
SPLIT_TENS = re.compile(r"(?<=십)\s+(?=[일이삼사오육칠팔구]\s?일)|(?<=다)\s+(?=음\s?(?:주|달))")
SPLIT_TENS_DIGIT = re.compile(r"(?<![가-힣])([이삼])\s+(?=십\s?(?:[일이삼사오육칠팔구]\s?)?일)")

# "다음 주는 야간이에요 그 다음 주 월요일": the week after the week just named (which "그 …" takes back: see dates)
WEEK_AFTER_THAT = re.compile(r"((?:다음|담)\s?주[^.?!]{1,30}?(?<![가-힣])그\s?)(?:다음|담)\s?주")

# A car's navigation voice heard on a hands-free call ("300미터 앞에서 우회전입니다", "전방에 과속 단속 구간입니다"):
# not the caller's words ("앞에서" is no question about the way, "300" no time)
NAV_VOICE = re.compile(
    r"(?:(?:\d+|[일이삼사오육칠팔구]?[백천])\s?(?:미터|m|킬로미터|km)\s?(?:앞|전방|후|지나)|전방(?:에)?\s|경로를|목적지)"
    r"[^.?!]{0,30}?(?:입니다|합니다|있습니다|하십시오)[.!]?"
)


def tidy(text: str) -> str:
    """The transcript as the rules read it: without the navigation voice and inner hesitations, words that spell a
    symptom inside them (아파트) as their stand-ins (``symptom_lookalikes``), "…여" read as
    "…요", split numbers and weekdays joined, "그 다음 주" after a week named made the week after it."""
    text = plain_words(NAV_VOICE.sub(" ", text).strip())  # round 38: 아파트, 시리얼, 일부러 spell no symptom
    text = standard_endings(text)  # round 31: "주이소", "되능교", "가께예" read as the standard ends
    text = tidy_day_words(text)  # round 17: "낼" (내일) where no money is named, "어젯밤"
    text = SPLIT_NEXT.sub("다음 ", text)  # "다 음 주": the syllable 음 read out is no hesitation (round 10)
    text = INNER_FILLER.sub("", text)  # "다음 주 어 목요일": a hesitation is no word
    text = STT_DE.sub("데", STT_YO.sub("요", text))  # "괜찮아여", "지하철인대 …"
    text = SPLIT_TENS_DIGIT.sub(r"\1", text)  # "이 십 팔일"
    text = WEEK_AFTER_THAT.sub(r"\1다다음 주", text)
    text = SPLIT_WEEKDAY_SYLLABLES.sub(r"\1요일", SPLIT_MONTH.sub(r"십\1월", text))  # "십 이 월", "월 요 일"
    return SPLIT_TENS.sub("", SPLIT_WEEKDAY.sub("", text))  # "금요 일로", "이십 삼일"
