"""Whether an utterance asks or tells, read from its shape: a "?" in the transcript, a word ending as a question
("…나요", "…까요", "…죠", dialect "…노", "…능교"), an indirect question ("…인지 알고 싶어요"), or a wh-word with a
polite ending ("몇 분 걸려요"); a short afterthought after the sentence end ("…많아요 지금 가면") does not change it.

All patterns match the compact text (no spaces or punctuation), like those in ``lexicon``.
"""

from __future__ import annotations

import re


def _c(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts))


# Interrogative shape: "?" in the transcript, a word ending as a question, or a wh-word and a polite ending.
QUESTION_END = re.compile(
    r"(?:(?<![가이도피새리열맛땀물])나요|실수있어요|(?:는|은|된|한)거(?:예요|에요)|까요|(?:건|인|은|는|던|한|된)가요|"
    r"죠|지요|는지|을까|는가|은가|인가|건가|건지|던가|습니까|십니까|냐|냬|남요|능교|니꺼|니껴|까예)$"
)
# "피가 좀 나요", "소리 나요": the verb 나다, not the question ending -나요
_TOLD_NAYO = re.compile(
    r"(?:(?<![커카배])피|냄새|소리|열|맛|땀|물|고름|진물|금|혹|싹|뾰루지|염증|상처|구멍|생각|기억|화|짜증)(?:가|이|도|는|은)?"
    r"(?:좀|많이|조금|조금씩|약간씩|가끔씩|자주|매일|자꾸|자꾸만|계속|막|살짝|약간|가끔|또|너무|진짜)*나요$"
)
POLITE_END = re.compile(r"(?:요|까|죠|냐|니|나|유|소|쇼|예)$")
# Ends that tell, not ask ("이어서 받아야 되는데요", "상담 받고 싶어요")
TELLING_END = re.compile(
    r"(?:는데요|거든요|[을할갈들볼릴]게요|[을할갈들볼릴]께요|주세요|싶어요|려고요|려구요|할래요|합니다|됐어요|했어요|해서요)$"
)
# A question asked indirectly: "…인지 알고 싶어요", "…맞는지 확인하고 싶습니다"; round 32: wondered aloud
# ("임플란트가 될까 모르겠어요")
INDIRECT_QUESTION = re.compile(
    r"(?:는지|은지|인지|건지|을지|던지)(?:좀|를|도)?(?:확인|알고싶|알아보|알려|궁금|여쭤|여쭈|물어|모르겠)"
    r"|(?<=[될할있을])까(?:잘)?모르겠"
)
WH = _c(
    r"언제", r"어떻게", r"어떡", r"왜", r"얼마나", r"몇", r"며칠", r"어디", r"뭐", r"무엇", r"무슨", r"어느", r"어떤",
    r"궁금", r"여쭤", r"물어보",
)

def _ends_a_word_as_question(text: str) -> bool:
    """A word in the middle ends as a question ("봐 주시나요 다섯 살인데"), read with the words before it
    ("피가 나요" is a statement: 나다 + 요; "사랑니 나는지 잇몸이" embeds "-는지" in a statement)."""
    said = ""
    for word in text.split():
        said += re.sub(r"[^가-힣a-z0-9]", "", word.lower())
        if _asks(said) and not said.endswith(("는지", "은지", "던지", "ㄴ지")):
            return True
    return False


# Plain and dialect question ends that are words too ("하나" is "one"): asked only at the very end
FINAL_QUESTION_END = re.compile(
    r"(?:[되있없]나|하나|[되하캤했가좋]노|기가|긴가|는겨|는감|는교|건교|나예|겄소|것소|쓰까|까유|남유|래유|대유|나유|쥬|지유)$"
)


def _asks(said: str) -> bool:
    return bool(QUESTION_END.search(said)) and not _TOLD_NAYO.search(said)


def asked_at_the_end(text: str, compact: str) -> bool:
    """The sentence ends as a question ("…우짜면 좋노", "…괜찮아요?"), not only a word inside it ("브릿지인가 …")."""
    return text.rstrip().endswith("?") or _asks(compact) or bool(FINAL_QUESTION_END.search(compact))


def strongly_asked(text: str, compact: str) -> bool:
    """A "?" or a question ending (a wh-word alone is not enough: "혀에 뭐가 났어요" tells)."""
    return "?" in text or _asks(compact) or bool(FINAL_QUESTION_END.search(compact)) or _ends_a_word_as_question(text)


def is_question(spaced: str, compact: str) -> bool:
    """True when the utterance is asked, not told: a "?", a word ending as a question ("봐 주시나요 다섯 살인데"),
    or a wh-word with a polite ending ("몇 분 걸려요")."""
    if "?" in spaced or _asks(compact) or FINAL_QUESTION_END.search(compact) or _ends_a_word_as_question(spaced):
        return True
    if INDIRECT_QUESTION.search(compact):
        return True  # "검진 대상이 맞는지 확인하고 싶습니다"
    if "아니면" in compact and POLITE_END.search(compact):
        return True  # "원장님이 직접 하세요 아니면 다른 선생님이 하세요"
    return bool(WH.search(compact) and POLITE_END.search(before_afterthought(spaced, compact)))


_AFTERTHOUGHT = re.compile(r"(?:요|까|죠)((?:\s+[가-힣0-9]{1,4}){1,2})$")


# A reason trailing the sentence ("진료확인서 발급 돼요 회사에 내야 돼서"), or one more thing ("…잡아 주세요
# 스케일링도")
_REASON_AFTERTHOUGHT = re.compile(
    r"(?:요|까|죠)((?:\s+[가-힣0-9]+){0,3}\s+[가-힣0-9]*(?:서|라서|니까|때문에)|\s+[가-힣0-9]{1,8}도요?)$"
)


def before_afterthought(spaced: str, compact: str) -> str:
    """The compact text without a short afterthought after the sentence end: "대기 많아요 지금 가면" → "대기많아요",
    "애들도 봐 줘요 4살" → "애들도봐줘요" (a spoken sentence often trails one or two short words), or without a
    reason or one more thing said after it ("발급 돼요 회사에 내야 돼서" → "발급돼요")."""
    said = re.sub(r"[^\s가-힣0-9]", "", spaced.lower())
    m = _AFTERTHOUGHT.search(said) or _REASON_AFTERTHOUGHT.search(said)
    return compact[: len(compact) - len(m.group(1).replace(" ", ""))] if m else compact


# A question, then the reason for it ("그날 몇 시간 걸려요 회사에 말해야 돼서요")
_QUESTION_THEN_REASON = re.compile(
    r"^(.*?[가-힣](?:요|까|죠)[?]?)\s+(?:\S+\s+){0,4}\S*(?:서요|라서|니까|때문에|거든요)$"
)


def asked_before_reason(text: str) -> bool:
    """The sentence asks, and a reason trails it: the reason is no answer by itself."""
    m = _QUESTION_THEN_REASON.match(text.strip())
    if m is None:
        return False
    first = m.group(1)
    return is_question(first, re.sub(r"[^가-힣a-z0-9]", "", first.lower()))


# round 14: a question, then an aside told about it ("거즈 몇 시간 물고 있어야 돼요 벌써 빼 버렸는데")
_QUESTION_THEN_ASIDE = re.compile(r"^(.*?[가-힣](?:요|까|죠)[?]?)\s+(?:\S+\s+){0,3}\S*(?:는데|는데요|었는데|았는데)$")


def asked_before_aside(text: str) -> bool:
    """The sentence asks, and a short aside trails it: the aside does not make it told."""
    m = _QUESTION_THEN_ASIDE.match(text.strip())
    if m is None:
        return False
    first = m.group(1)
    return is_question(first, re.sub(r"[^가-힣a-z0-9]", "", first.lower()))
