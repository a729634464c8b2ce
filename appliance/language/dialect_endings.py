"""경상도 sentence ends read as the standard ones before any rule reads the text (issue 15, round 31: blind45, a
clinic beside a traditional market). The rules were written in the standard forms and a few dialect spellings each;
reading the dialect's endings the standard way once lets every rule hear them:

- "…주이소", "그라이소", "오이소", "하이소" (…세요); "다시 해 주소" at the end (…주세요: no address asked there);
- "되능교", "있능교" (…나요);
- "가께요", "가께예", "할께예" (갈게요, 할게요); "알겠심더", "괜찮심더" (…습니다);
- "그라고" (그리고), "그라믄", "그라모" (그러면), "그라이소" (그러세요); round 32: "압니더", "합니더" (…ㅂ니다);
- "몇 시라 캤지요" (…라 했지요: what was said asked again);
- round 37 (blind59, a port city): "빠져가꼬", "깨져가가" (…가지고); "바까 주이소" (바꿔 주세요); "밥 묵고 가도",
  "묵어도", "묵으면" (먹다: eating asked before a visit is a medical question), only at a word's start and before
  a verb's ending ("묵은지", "묵념" stay);
- round 38 (blind60, a rainy day): "몬 가겠네예" (못 가겠네요: "몬" only as a word of its own before a verb), "빠진다
  캐서예" (빠진다 해서요: what another said).

Round 32 (blind48, a seaside town): the 전라도 endings the same way, read only at the end of a word:

- "어려운디", "맞는디", "한디" (…ㄴ데); "약하다든디" (…던데);
- "되겄소", "모르겄소" (…겠어요), "되겄어요" (되겠어요); "해 주쇼", "하쇼" (…세요); "괜찮허요", "괜찮소",
  "괜찮어", "감사허요", "생각허요", "뭐 허요" (괜찮아요, …해요);
- "좋으믄", "불믄", "된다믄야" (…면); "뜨니께" (…니까); "간당께" (간다니까); "긍께", "그랑께" (그러니까);
- "드리께라", "하께라", "가께라" (드릴게요, 할게요, 갈게요); "해야지라" (해야지요); "갈라요" (갈래요);
  "찍어볼라고요" (찍어보려고요); "될랑가" (될까);
- "쪼까", "쪼깐" (조금); "겁나" before a trouble ("겁나 시려요": 엄청, no fear told); a sentence's "…잉" after an
  ending ("갈게요잉") dropped.

Round 40 (blind65, a mid-sized city's 충청도 speakers): a word's final "…유" is "…요" ("아파유",
"헐거워유", "가야지유", "오후에유"), but for the words that end so ("아유", "이유", "우유", "수유", "모유",
"분유", "여유", "자유", "주유"): "아녀유" (아니에요), "겨유" (거예요), "그려유" (그래요), "…혀유" (…해요),
"되남유" (되나요), "같어유", "맞어유", "알어유", "몰러유", "아퍼유", "읎어유", "있시유" (같아요, 맞아요, 알아요,
몰라요, 아파요, 없어요, 있어요); "있슈", "없슈", "…었슈", "알겄슈" (…어요), "계슈" (계세요).

Only whole endings of a word are read; a shop's name ("다이소") or an address ("집 주소") stays as it was, and a word
that merely holds the letters ("허리", "디스크", "가능께") does not change.
"""

from __future__ import annotations

import re

_WORD_END = r"(?=$|[\s?.!,~])"

_HANGUL_FIRST = 0xAC00


def _final_consonant(syllable: str) -> int:
    """The index of a Hangul syllable's final consonant (0: none, 4: ㄴ, 8: ㄹ), -1 for any other letter."""
    code = ord(syllable) - _HANGUL_FIRST
    return code % 28 if 0 <= code < 11172 else -1


_NAMES_IN_DI = frozenset("캔핸반샌앤")  # "캔디", "핸디", "반디": words, no ending


def _n_ending_de(match: re.Match[str]) -> str:
    """"어려운디" → "어려운데": 디 after a syllable closed by ㄴ (a connective), else unchanged."""
    before = match.group(1)
    return before + ("데" if _final_consonant(before) == 4 and before not in _NAMES_IN_DI else "디")


def _l_ending_kka(match: re.Match[str]) -> str:
    """"될랑가" → "될까": 랑가 after a syllable closed by ㄹ, else unchanged."""
    return match.group(1) + ("까" if _final_consonant(match.group(1)) == 8 else "랑가")


# 전라도 (round 32); each only at the end of a word
_JEOLLA_READINGS = (
    (re.compile(r"([가-힣])디" + _WORD_END), _n_ending_de),
    (re.compile(r"([가-힣])랑가" + _WORD_END), _l_ending_kka),
    (re.compile(r"(?<=[가-힣])겄소" + _WORD_END), "겠어요"),
    (re.compile(r"(?<=[가갈하할되될오올])것소" + _WORD_END), "겠어요"),  # round 38: "가것소"
    (re.compile(r"(?<=[가-힣])겄(?=[어다네지습는])"), "겠"),
    (re.compile(r"(?<=[주하보오가])쇼" + _WORD_END), "세요"),
    (re.compile(r"(?<![가-힣])괜찮(?:허요|소|어|어요|어유)" + _WORD_END), "괜찮아요"),
    (re.compile(r"(?<![가-힣허])허요" + _WORD_END), "해요"),
    (re.compile(r"(?<=[사각])허요" + _WORD_END), "해요"),
    (re.compile(r"(?<=[가-힣])믄(?=야?(?:$|[\s?.!,~]))"), "면"),
    (re.compile(r"(?<=[가-힣])니께" + _WORD_END), "니까"),
    (re.compile(r"(?<=[가-힣])당께" + _WORD_END), "다니까"),
    (re.compile(r"(?<![가-힣])(?:긍께|그랑께|그렁께)" + _WORD_END), "그러니까"),
    (re.compile(r"(?<![가-힣])드리께(?:라|요)" + _WORD_END), "드릴게요"),
    (re.compile(r"(?<![가-힣])하께라" + _WORD_END), "할게요"),
    (re.compile(r"(?<![가-힣])가께라" + _WORD_END), "갈게요"),
    (re.compile(r"(?<=[가-힣]지)라" + _WORD_END), "요"),
    (re.compile(r"(?<![가-힣])([갈할볼올])라요" + _WORD_END), r"\1래요"),
    (re.compile(r"(?:(?<=찍어)|(?<=받아)|(?<=해))볼라고(?=요?(?:$|[\s?.!,~]))"), "보려고"),
    (re.compile(r"(?<![가-힣])(?:할|하실)라고(?=요?(?:$|[\s?.!,~]))"), "하려고"),
    (re.compile(r"(?<![가-힣])갈라고(?=요?(?:$|[\s?.!,~]))"), "가려고"),
    (re.compile(r"(?<![가-힣])쪼(?:까|깐|끔)" + _WORD_END), "조금"),
    (re.compile(r"(?<![가-힣])겁나(?=\s(?:[가-힣]+\s)?(?:시려|시리|아파|아프|쑤셔|쑤시|부어|붓|욱신|흔들|찌릿|시큰))"),
     "엄청"),
    (re.compile(r"(?<=[요다께어지])잉(?=\s*[?.!~]*$)"), ""),
)

_READINGS = (
    (re.compile(r"(?<![가-힣])그라고" + _WORD_END), "그리고"),
    (re.compile(r"(?<![가-힣])그라(?:믄|모)" + _WORD_END), "그러면"),
    (re.compile(r"(?<![가-힣])그라(?=이소)"), "그러"),
    (re.compile(r"(?<=[주하오보가러드])이소" + _WORD_END), "세요"),
    (re.compile(r"(?<=[해줘봐러려어])(\s?)주소(?=\s*[.!~]*$)"), r"\1주세요"),
    (re.compile(r"능교" + _WORD_END), "나요"),
    (re.compile(r"(?<=[되하있가오시])는교" + _WORD_END), "나요"),  # round 41: "되는교"; 42: "계시는교"
    # round 42: "…아가/…어가" for "…아서/…어서" on the stems that say so ("손님이 많아가", "배 타고 있어가")
    (re.compile(r"(?<![가-힣])(있어|없어|많아|시려|바빠|늦어|멀어|추워|더워|급해)가" + _WORD_END), r"\1서"),
    (re.compile(r"(?<![가-힣])하입시더" + _WORD_END), "합시다"),  # round 42: "그래 하입시더"
    (re.compile(r"(?<![가-힣])가입시더" + _WORD_END), "갑시다"),
    (re.compile(r"(?<![가-힣])가께(?:요|예|유)" + _WORD_END), "갈게요"),  # round 35: 충청도 "가께유"
    (re.compile(r"(?<=[할갈])께예" + _WORD_END), "게요"),
    (re.compile(r"심더" + _WORD_END), "습니다"),
    (re.compile(r"(?<=[압합갑됩봅옵씁냅습입])니더" + _WORD_END), "니다"),  # round 38: "잘 지냅니더"; 41: "괜찮습니더"
    (re.compile(r"(?<=[라다])(\s?)캤(?=지|나|어|던)"), r"\1했"),
    (re.compile(r"(?<=[져워와어아해])\s?가(?:꼬|가)" + _WORD_END), "가지고"),  # round 37: "빠져가꼬"
    (re.compile(r"(?<![가-힣])바까(?=\s?주)"), "바꿔"),  # round 37: "바까 주이소"
    (re.compile(r"(?<![가-힣])묵(?=고|어도|어야|으면|으믄|으모|었|을|는데)"), "먹"),  # round 37
    # round 38 (blind60): "몬 가겠네예" (못 가겠네요), "빠진다 캐서예" (…다 해서요: what another said)
    (re.compile(r"(?<![가-힣])몬(?=\s(?:가|갈|간|갑|와|올|온|오|해|하|할|먹|봐|보|자|씹))"), "못"),
    (re.compile(r"(?<=겠네)예" + _WORD_END), "요"),
    (re.compile(r"(?<=[다라])(\s?)캐서(?:예|요)?" + _WORD_END), r"\1해서요"),
    # round 38 (blind61): 충청도 "괜찮혀유", "고마워유" (괜찮아요, 고마워요), 전라도 "하긴 헌디" (하긴 한데)
    (re.compile(r"(?<![가-힣])괜찮혀(?:유|요)" + _WORD_END), "괜찮아요"),
    (re.compile(r"(?<=긴\s)헌디" + _WORD_END), "한데"),
    (re.compile(r"(?<![가-힣])을마(?=나|만큼|냐|여)"), "얼마"),  # round 43 (blind71): "돈이 을마나 들어요"
)


# round 40: 충청도; the words that merely end in 유 stay
_WORDS_IN_YU = frozenset(("아유", "어유", "이유", "우유", "수유", "모유", "분유", "여유", "자유", "주유",
                          "석유", "경유", "보유", "소유", "치유", "아이유"))
_FINAL_YU = re.compile(r"(?<![가-힣])([가-힣]*)유" + _WORD_END)


def _yu_as_yo(match: re.Match[str]) -> str:
    """"아파유" → "아파요"; "이유", "우유", "모유수유" stay."""
    word = match.group(0)
    if word in _WORDS_IN_YU or word.endswith(("우유", "수유", "모유", "분유")):
        return word
    return match.group(1) + "요"


_CHUNGCHEONG_READINGS = (
    (_FINAL_YU, _yu_as_yo),
    (re.compile(r"(?<![가-힣])아녀요" + _WORD_END), "아니에요"),
    (re.compile(r"(?<![가-힣])겨요" + _WORD_END), "거예요"),
    (re.compile(r"(?<![가-힣])그려요" + _WORD_END), "그래요"),
    (re.compile(r"(?:(?<![가-힣])|(?<=죄송|감사|부탁|생각|걱정|말씀|고생|수고))혀요" + _WORD_END), "해요"),
    (re.compile(r"(?<=[되하가])남요" + _WORD_END), "나요"),
    (re.compile(r"(?<![가-힣])(같|맞|알)어요" + _WORD_END), r"\1아요"),
    (re.compile(r"(?<![가-힣])몰러요" + _WORD_END), "몰라요"),
    (re.compile(r"(?<![가-힣])아퍼요" + _WORD_END), "아파요"),
    (re.compile(r"(?<![가-힣])읎어요" + _WORD_END), "없어요"),
    (re.compile(r"(?<=있)시요" + _WORD_END), "어요"),
    (re.compile(r"(?<=[있없었았렀졌겄겠셨])슈(?=\??(?:$|[\s.!,~]))"), "어요"),
    (re.compile(r"(?<![가-힣])계슈" + _WORD_END), "계세요"),
    (re.compile(r"(?<=걱정\s)마셔요" + _WORD_END), "마세요"),
    (re.compile(r"(?<=[가-힣])하셔요" + _WORD_END), "하세요"),  # "수고하셔유": a closing
)


def standard_endings(text: str) -> str:
    """The text with the 경상도 and 전라도 endings above read as the standard ones; any other text unchanged."""
    for pattern, standard in _READINGS:
        text = pattern.sub(standard, text)
    for chungcheong, meant in _CHUNGCHEONG_READINGS:
        text = chungcheong.sub(meant, text)
    for jeolla, reading in _JEOLLA_READINGS:
        text = jeolla.sub(reading, text)
    return text
