"""Round 15: replies to the clinic's questions that the older reply rules misread (short, busy, elderly, regional).

Read early by ``understanding`` (after emergencies, opt-outs and questions about the call): each rule is tied to the
question just asked (``expect``) and says one of the reply kinds (yes, no, callback_later, wrong_number, other) or
nothing. Examples it decides:

* later, in few words or with where one is: "아니 지금 말고 이따", "결혼식장이에요 나중에요 나중에", "지하철이라 내려서
  할게요", "집에 가서 전화할게", "전화는 괜찮은데 저녁에만 해 주세요", "문자로 보내 주시면 읽어 볼게요";
* doing fine, to "불편하신 데 없으세요?": "부은 건 좀 빠졌어요", "피 멎었어요", "다 아물었소", "괜찮습니다 일하는 중이라
  이만";
* a slot turned down: "그날은 장날이라 못 가요", "그건 좀 늦고요 네 시 반으로 당겨 주시면", "그 주 말고 다음 주는
  어때요", "아녀 아녀 그날 말고", a read-back corrected "맞는데 한 명 아니고 두 명이에요";
* a yes in dialect or in other words: "오냐 알겠다", "그랴 그렇게 혀", "야 해 주시오", "그렇소 본인이오",
  "네 알아요 모레 아침 아홉 시요", "제가 들을게요", "네에";
* not the person, not the patient: "이 집엔 그런 할매 안 사는데예", "딴 사람이랑 헷갈리신 것 같아요",
  "예약한 적 없는데요", "여기 회사 번호예요"; but a daughter-in-law answering for a patient who is out is a no;
* nothing said yet: "아 네 그 뭐냐", "네? 네?" (the caller did not hear us).

Pure: compact text and the slots found in, an intent out. The words are matched on the compact text (no spaces).
"""

from __future__ import annotations

import re

from appliance.language import lexicon as lx
from appliance.language import reply_words as rw
from appliance.language.replies import SURE

ANSWERS = frozenset({"proposal", "offer", "confirm", "reminder", "slot", "yes_no"})
SLOT_ASKED = frozenset({"proposal", "slot"})
IDENTITY = frozenset({"yes_no", "confirm", "reminder"})

# --- later -----------------------------------------------------------------------------------------------------
_LATER_END = re.compile(
    r"(?:나중에|이따가?|있다가|좀있다)(?:다시)?(?:요|해요)?(?:나중에(?:요)?|이따(?:요)?)?$|(?:저녁|밤)에다시(?:요)?$"
)
_NOT_NOW_BUT_LATER = re.compile(r"지금(?:은)?말고(?:이따|나중|저녁|밤|좀있다|있다가)")
_WHEN_THERE = re.compile(
    r"(?:내려서|내리면|도착해서|도착하면|들어가서|집에가서|끝나고|끝나면|가서보고)(?:제가)?(?:다시)?"
    r"(?:할게|할께|하께|전화|연락|통화|걸)"
)
_ONLY_AT = re.compile(r"(?:저녁|밤|오후|오전|주말|퇴근후|퇴근하고|점심)(?:에|때)?만(?:전화|연락)?(?:해|주|걸어|하)")
_AFTER_MINUTES = re.compile(r"(?:분|시간)(?:뒤|후)(?:에)?(?:다시)?(?:걸어|전화|연락|통화)")
# "나중에 필요하면 제가 연락할게요", "이번엔 패스할게요": a no, the caller may ring one day
_IF_EVER = re.compile(r"(?:면|때)(?:제가|내가)?(?:다시)?(?:전화|연락)|패스|됐|생각없|필요없|관심없|안할")
_BY_TEXT = re.compile(r"문자로[가-힣]{0,8}(?:남겨|주|줘|보내|넣어)")
_READ_IT_LATER = re.compile(r"읽어|보고|확인(?:하고|할게|해볼)|까먹|잊어버릴|시끄러|안들려|잘안들")
# --- doing fine, to "불편하신 데 없으세요?" -----------------------------------------------------------------------
_HEALED = re.compile(
    r"(?:부은|붓기|부기|부은거|부은것)(?:건|게|는|도|가)?(?:좀|다|많이|거의)*(?:빠졌|가라앉|내렸)|"
    r"(?<![커카배])피(?:는|도|가)?(?:다)?(?:멎었|멈췄|안나)|아물었|잘맞(?:아|고|어|는)|잘먹(?:고|어|어요)|암시랑토|별일없|별문제없"
)
_STILL = re.compile(r"아직|근데|그런데|는데(?:요)?아|데아파|데시려")
_YES_OKAY = re.compile(r"(?:네|예)(?:괜찮(?:아요|습니다|어요)|잘지내)|잘지내(?:요|고있어요)$")
_OKAY_FIRST = re.compile(r"^(?:아|어|음)?(?:네|예)*(?:괜찮(?:아요|습니다|어요|아)|잘지내)")
_ASKED_AFTER = re.compile(r"근데|그런데|는데(?!요)|지만|언제|정상|어떻게|나요|까요|거야|거죠|되죠|돼요$|해요$|예요$")
_CALL_WORDS = re.compile(r"전화|연락|통화|걸어|다시|나중|이따")
# --- a slot turned down --------------------------------------------------------------------------------------------
_NO_START = re.compile(r"^(?:아녀|아니여|아인데|아닌데|아이요)")
_CANT_MAKE_IT = re.compile(r"못(?:가|와|갈|가요|가겠)|안(?:돼|되)(?!나|는지|면)")
_TOO_LATE_OR_EARLY = re.compile(r"(?:늦|이르|빠르|일러|멀)(?:고요|고|구|어서|은데|네요)")
_SLOT_WORD = re.compile(r"시|반|분|요일|일|주|날|오전|오후|아침|저녁")
_NEXT_ONE_ASKED = re.compile(r"^(?:그)?(?:다음|담)(?:날|주|시간|달)(?:은|는)$")  # "아 그 다음 날은"
_COUNTER_ASKED = re.compile(r"(?:은|는)(?:어때요|어떠세요|어때|괜찮아요|괜찮으세요|돼요|되나요|가능해요|가능한가요)$")
_TURNED = re.compile(
    r"안(?:돼|되)|어렵|힘들|말고|말구|아니|이르|늦|곤란|서요|라서|빼고|별로|그런데|그렇|는데|고(?:요)?(?=[가-힣])"
)
_OTHER_ASKED = re.compile(r"말고.{0,14}(?:어때|안돼|안될|괜찮|가능)")
_READBACK_FIXED = re.compile(r"맞는데[가-힣]{1,8}아니고[가-힣]{1,12}(?:이에요|예요|에요|요)")
# --- yes ----------------------------------------------------------------------------------------------------------
_DIALECT_YES = re.compile(
    r"^(?:오냐|그랴|그려|좋심더|좋지요|좋제|맞어|맞소|그렇소|그렇지요|야(?=해|내가|그라|그러|맞|알|좋|그래|그려|예|네))"
)
_THAT_WAY = re.compile(r"(?:그리|그래|그렇게)(?:좀)?(?:해|혀)(?:줘|주이소|주소|주쇼|주시오|놔|요)?|적어놔|본인이오")
_YES_WORDS_ONLY = re.compile(r"^(?:오냐|그랴|그려|알겠다|알았다|알긋다|알겄다|네에+|예에+)+(?:요)?$")
_THAT_ONE = re.compile(r"^(?:그걸로|그거로|그것으로|그때로|그날로|그시간으로)(?:요|해요|할게요|할께요)?$")
_GUARDIAN = re.compile(r"^(?:네|예)+(?:제가)?[가-힣]{0,6}보호자(?:예요|에요|입니다|인데요|이에요)")
_KNOWN = re.compile(r"^(?:네|예)+(?:알아요|알고있어요|알죠|기억해요|기억하고있어요)")
_WILL_LISTEN = re.compile(r"제가(?:대신)?(?:들을게|들을께|듣겠|들을게요)")
_THEN_WILL_DO = re.compile(r"(?:그라믄|그러면|그럼|그라모)(?:하께|할게|할께|하지|해야지)(?:요)?$")
_GOING_LAST = re.compile(r"(?:네|예)(?:네|예)?(?:갈게요|갈께요|가요|갑니다)$")
_GOING_ANY = re.compile(r"(?:그날|그때|내일|모레)?(?:가요|갈게요|갈께요|갑니다)")
_MOVE_OR_CANCEL = re.compile(r"변경|바꿔|바꾸|옮겨|미뤄|당겨|당길|늦춰|늦출|취소|못가|못갈|안가|안갈|근데|그런데")
_NOT_WANTED = re.compile(
    r"(?:필요|관심|생각)(?:이|은|는|도)?(?:별로)?없(?:슴다|심더|어예|당께|소|다|어요|습니다)(?:네|예)"
)
_DECLINED = re.compile(
    r"(?:안|못)(?:해요|해$|할거|할꺼|할래|할게|할께|하끼|하께|해도될|해도돼|받을래|받을게)|(?:다음에|담에|나중에)(?:하께|하끼|할께)"
)
_PRICE = re.compile(r"얼마(?!나)")  # "그거 하면 얼마예요 … 안 할래요": the price is asked first ("그 가격이면" is not)
_TAKEN_WITH_A_DAY = re.compile(r"^(?:네|예)+(?:네|예)?(?:할게요|할께요|해주세요|받을게요|해볼게요)")
# --- wrong number, not the patient ---------------------------------------------------------------------------------
_NO_SUCH_PERSON = re.compile(
    r"(?:그런|그)(?:할매|할머니|할아버지|할배|애|아이|여자|남자|학생|사람|분)[가-힣]{0,3}(?:안사|안살|없|모르)"
)
_MIXED_UP = re.compile(r"(?:딴|다른)(?:사람|분|환자)(?:이랑|랑|하고|과|와|으로|로)[가-힣]{0,3}(?:헷갈|착각|혼동|잘못)")
_NEVER_BOOKED = re.compile(r"예약(?:한|하신|잡은|했던)적(?:이|도|은)?없|치과(?:에)?안다니(?:는데|거든|고|요)")
_OTHER_PLACE = re.compile(r"(?:회사|가게|사무실|식당|학원|공장|매장)번호(?:예요|에요|인데|입니다)")
_RELATIVE = re.compile(
    r"(?:며느리|딸|아들|사위|손자|손녀|남편|아내|집사람|영감)(?:라예|라요|인데|이에요|예요|입니다|요)"
)
_AWAY = re.compile(r"안계(?:세|시|셔)|지금없|나갔|나가(?:셨|있|계)|출근(?:했|하셨)|외출|주무(?:세|시)|입원")
_WHY_CALLED = re.compile(r"무슨일|왜(?:전화|연락)|뭐때문에|무슨용건")
# --- nothing said yet ---------------------------------------------------------------------------------------------
_ONLY_FUMBLING = re.compile(r"^(?:아|어|음)?(?:네|예)*(?:(?:그|저)?(?:뭐냐|거시기|뭐시냐|뭐더라|뭐였지|뭐지))+$")


def later(compact: str, core: str, expect: str | None, slot_named: bool) -> bool:
    """Asked to call again or to send it by text to read later, not answering the question now."""
    if expect not in ANSWERS | {"wellbeing"} or lx.CANCEL.search(compact) or lx.RESCHEDULE.search(compact):
        return False
    if _NOT_NOW_BUT_LATER.search(compact) or _AFTER_MINUTES.search(compact) or _ONLY_AT.search(compact):
        return True
    if _LATER_END.search(core) and not (slot_named or rw.YES_START.match(core) or lx.SYMPTOM.search(compact)):
        return True  # "결혼식장이에요 나중에요 나중에", "애 재우고 있어요 … 나중에요"
    if _WHEN_THERE.search(compact) and not _IF_EVER.search(compact):
        return True  # "지하철이라 내려서 할게요", "달력이 집에 있응께 가서 보고 전화 드릴게유"
    return bool(expect in ANSWERS and _BY_TEXT.search(compact) and _READ_IT_LATER.search(compact)
                and not rw.YES_START.match(core))  # "문자로 자세한 내용 보내 주시면 읽어 볼게요"


def reply_kind(text: str, compact: str, core: str, expect: str | None, slot_named: bool
               ) -> tuple[str, float] | None:
    """One of the reply kinds for a reply the older rules misread, or None (see the module docstring)."""
    if not compact:
        return None
    lost_thread = re.search(r"(?:뭐였|뭐)더라$", compact) and not slot_named
    if _ONLY_FUMBLING.match(core or compact) or lost_thread or (expect in ANSWERS and text.count("?") >= 2
                                                 and re.fullmatch(r"(?:네|예)+", compact)):
        return "other", SURE  # "아 네 그 뭐냐", "네? 네?": nothing said yet, or the caller did not hear us
    if expect in ANSWERS | {None} and _YES_WORDS_ONLY.match(compact):
        return "yes", SURE  # "오냐 알겠다", "네에"
    if expect in IDENTITY and _RELATIVE.search(compact) and _AWAY.search(compact) and not _CALL_WORDS.search(compact):
        return "no", SURE  # "그 사람 아니고 그 사람 며느리라예 지금 밖에 나갔어요": the patient is out
    if expect in ANSWERS | {None} and (_NO_SUCH_PERSON.search(compact) or _MIXED_UP.search(compact) or (
            expect in ANSWERS and (_NEVER_BOOKED.search(compact) or _OTHER_PLACE.search(compact)))):
        return "wrong_number", SURE  # "이 집엔 그런 할매 안 사는데예", "딴 사람이랑 헷갈리신 것 같아요"
    if expect in IDENTITY and re.search(r"(?:거기|여기)(?:가)?치과", compact) and _WHY_CALLED.search(compact):
        return "other", SURE  # "아 거기 치과예요 무슨 일로 전화하셨어요": not the patient's answer yet
    if later(compact, core, expect, slot_named):
        return "callback_later", SURE
    if expect == "offer" and _TAKEN_WITH_A_DAY.match(core) and slot_named and not rw.NEGATION.search(compact):
        return "book", SURE  # "네 해 볼게요 스케일링 다음 주 화요일": the offer taken and the day named, a booking
    if expect == "offer" and (_NOT_WANTED.search(compact) or _DECLINED.search(compact) and not (
            slot_named or rw.YES_START.match(core) or lx.CALLBACK.search(compact) or _PRICE.search(compact))) and not (
            text.rstrip().endswith("?")):
        return "no", SURE  # "필요 없슴다 네", "미백은 안 해요", "돈이 없어서 못 해요", "다음에 하께"
    if expect == "wellbeing" and not lx.BOOK.search(compact):
        return _wellbeing(compact, core)
    if expect in SLOT_ASKED and slot_named and _COUNTER_ASKED.search(compact) and not _TURNED.search(compact):
        return "book", SURE  # "다음 주 목요일은 어때요?": another day asked for, nothing turned down (not a no)
    if expect in SLOT_ASKED:
        turned_down = _slot_turned_down(compact, core, slot_named)
        if turned_down is not None:
            return turned_down
    if expect == "confirm" and (_READBACK_FIXED.search(compact) or _NO_START.match(core)) and not (
            lx.CANCEL.search(compact) or lx.RESCHEDULE.search(compact)):
        return "no", SURE  # "어 맞는데 한 명 아니고 두 명이에요", "아 아닌데 그 시간 아니여"
    if expect in ("reminder", "confirm") and _KNOWN.match(core) and not _MOVE_OR_CANCEL.search(compact):
        return "yes", SURE  # "네 알아요 모레 아침 아홉 시요 틀니 찾으러": the visit read back, known
    return None if slot_named else _yes(compact, core, expect)


def _wellbeing(compact: str, core: str) -> tuple[str, float] | None:
    if _ASKED_AFTER.search(compact):
        return None  # "부기는 빠졌는데 볼에 멍이 들었어요 이것도 정상인가요", "괜찮아요 근데 양치는 언제부터 해요"
    rest = _HEALED.sub("", compact)
    if _HEALED.search(compact) and not (lx.SYMPTOM.search(rest) or _STILL.search(rest)):
        return "no", SURE  # "그 부은 건 좀 빠졌어요", "이 뺀 데 인자 다 아물었소 걱정 마쇼"
    if (_OKAY_FIRST.match(core) or _YES_OKAY.search(compact)) and not (
            lx.SYMPTOM.search(compact) or _CALL_WORDS.search(compact) or _STILL.search(compact)):
        return "no", SURE  # "아 네 괜찮습니다 일하는 중이라 이만", "장례식장이라 … 괜찮아요 잘 지내요"
    return None


def _slot_turned_down(compact: str, core: str, slot_named: bool) -> tuple[str, float] | None:
    if rw.YES_START.match(core) or lx.CANCEL.search(compact.replace("못가", "")) and "예약" in compact:
        return None
    if _NO_START.match(core) or _OTHER_ASKED.search(compact) or _NEXT_ONE_ASKED.match(core):
        return "no", SURE  # "아녀 아녀 그날 말고", "그 주 말고 다음 주 같은 요일은 어때요"
    this_one = re.search(r"(?:날|때|시간|오전|오후)(?:은|는)", compact)
    if _CANT_MAKE_IT.search(compact) and (this_one or not slot_named):
        return "no", SURE  # "그날은 장날이라 못 가요", "오전은 안 돼 아들이 출근해서 …"
    if _TOO_LATE_OR_EARLY.search(compact) and _SLOT_WORD.search(compact):
        return "no", SURE  # "그건 좀 늦고요 네 시 반 정도로 당겨 주시면 좋겠어요": the new time is the slot
    return None


def _yes(compact: str, core: str, expect: str | None) -> tuple[str, float] | None:
    if expect is None and (_DIALECT_YES.match(core) or _THAT_WAY.fullmatch(core)) and not rw.NEGATION.search(compact):
        return "yes", 0.85  # "그랴 그렇게 혀" out of the blue: agreeing
    if expect not in ANSWERS or rw.NEGATION.search(compact) or _MOVE_OR_CANCEL.search(compact):
        return None
    if _DIALECT_YES.match(core) or (_THAT_WAY.search(compact) and not lx.BOOK.search(compact)) or (
            expect in SLOT_ASKED and _THAT_ONE.match(core)) or expect == "yes_no" and _GUARDIAN.match(core):
        return "yes", SURE  # "그랴 그렇게 혀", "야 해 주시오 언제 가믄 되요", "그렇소 본인이오"
    if expect == "yes_no" and _WILL_LISTEN.search(compact):
        return "yes", SURE  # "엄마 폰인데 제가 받았어요 … 제가 들을게요"
    if expect == "offer" and (_THEN_WILL_DO.search(core) or _GOING_LAST.search(core)):
        return "yes", SURE  # "틀니 그거 나도 해 주나 그라믄 하께요", "… 들고 가면 되는 거죠 네 갈게요"
    if expect == "reminder" and rw.YES_START.match(core) and _GOING_ANY.search(compact):
        return "yes", SURE  # "아 네 네 그날 가요 지금 상가라서요 끊을게요"
    return None
