"""Worries heard elsewhere, the clinic's equipment and a question after a yes (issue 15, round 21: blind28).

Read on the compact text (no spaces) first in ``caller_errands`` (stage 2 of ``docs/understanding.md``), so each
rule is narrow:
- a sedated or numbed person not coming round or breathing strangely ("마취하고 온 아이가 숨을 이상하게 쉬어요"):
  ``emergency``, never a question about sedation;
- a health worry heard on YouTube, the news or from friends, asked whether it is true or what to do ("불소가 해롭다는
  얘기 들었는데 진짜예요", "아말감 수은 나온다던데 다 빼야 돼요"), with no day or time: ``medical_question``, never a
  booking, and so are a harm such as radiation or mercury asked about, a remedy heard of asked whether to do ("소금물로
  헹구면 좋아진다는데 해도 돼요") and which of two ways of care is right ("빼는 게 맞아요 끼는 게 맞아요"); a photo
  sent to ask what the trouble is ("사진 보내면 충치인지 봐 주세요"): ``medical_question`` too;
- old fillings or crowns to be replaced on a named day ("때운 거 바꾸려고요 금요일 오후"): ``book``, not a move;
- the money a piece of equipment or a sedation adds ("CT 찍는 거 따로 돈 받아요"): ``ask_price``;
- a yes followed by "근데" and the insurance or the opening days asked: that question (``ask_insurance``,
  ``ask_hours``), since staff must answer it before the offer is taken;
- "취소요" said first, with a reason after it: ``cancel``;
- the other treatment named with "말고" to the question of the treatment ("소리 나는 거 말고 신경치료요"): ``book``;
- the bot tested, then the parking asked ("너 로봇이야 근데 주차 돼요"): ``ask_location``;
- a hearsay symptom asked whether it lasts, a remedy heard of asked how to use, a thing worn asleep asked whether it
  harms ("끼고 자면 이가 틀어지진 않아요"): ``medical_question``;
- an extension asked to be put through ("내선 몇 번이에요 연결해 주세요"): ``talk_to_staff``; a call not heard over
  the noise with a later time to ring again: ``callback_later``; a visit put off ("받는 거 다음 주로 밀어 주세요"):
  ``reschedule``;
- an interpreter, a home visit, or care given without leaving a wheelchair: ``question_other`` for staff.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule, first_kind
from appliance.language.replies import SURE

_NOT_COMING_ROUND = re.compile(r"(?:마취|수면|진정)[가-힣]{0,16}(?:정신을?못차리|안깨어나|못깨어나|깨어나지않|"
                               r"숨을?(?:이상하게|잘못|제대로못|못)쉬|숨이(?:막|가빠|안쉬어))")
_HEARD = re.compile(r"(?:다던데|다더라|다길래|다는얘기|다는말|다고(?:하던데|하더라|들었|그러던데)|대서|래서|"
                    r"유튜브|뉴스에서|친구가그러)")
_HARM = re.compile(r"안좋|해롭|해로운|위험|부작용|수은|방사능|부러진|부러지|못찍|중독|독성")
_TRUE_ASKED = re.compile(r"진짜(?:예요|에요|야|인가|요)|사실(?:이에요|인가|예요)|맞(?:아요|나요|죠)|흔한|"
                         r"괜찮(?:아요|은가|나요)|(?:빼야|바꿔야|안해도|해도)(?:돼|되)")
_STRONG_HARM = re.compile(r"방사능|방사선|부작용|수은|해롭|해로운|독성|중독")
_REMEDY_ASKED = re.compile(r"(?:하면|쓰면|먹으면|바르면)[가-힣]{0,10}(?:다는데|다던데|대서|다길래)[가-힣]{0,6}"
                           r"해도(?:돼|되)")
_WHICH_IS_RIGHT = re.compile(r"게(?:맞|나|좋)[가-힣]{0,2}(?:요|죠)[가-힣]{1,16}게(?:맞|나|좋)[가-힣]{0,2}(?:요|죠)")
_COURSE_OR_USE_ASKED = re.compile(r"(?:계속|오래)가(?:요|나요|는)|어디에?(?:붙|발라|바르)|어떻게(?:붙|발라|바르)")
_WHILE_ASLEEP = re.compile(r"(?:끼고|하고|물고)자면[가-힣]{0,10}(?:않아요|않나요|안돼요|괜찮|돼요|되나요)")
_EXTENSION_PUT_THROUGH = re.compile(r"내선[가-힣]{0,10}(?:연결|바꿔|돌려)")
_HOME_VISIT = re.compile(r"방문진료|왕진|집으로와(?:서|주)")
_PUT_THROUGH = re.compile(r"(?:바꿔|연결해|돌려)(?:주|줘)")
_CALL_BACK_UNHEARD = re.compile(r"안들려[가-힣]{0,12}(?:점심|이따|나중|오후|저녁|퇴근)[가-힣]{0,8}"
                                r"다시(?:전화|걸어|주세요|해주)")
_VISIT_PUT_OFF = re.compile(r"(?:가는|잡힌|있는|받는)거[가-힣]{0,10}(?:좀)?(?:밀어|미뤄|옮겨)(?:주|줘)")
_BOOKING_WORDS = re.compile(r"예약|잡아|(?:가도|와도)될까|시(?:에|로)(?:갈|가요)")
_PHOTO_DIAGNOSIS = re.compile(r"사진[가-힣]{0,10}(?:보내|보낼|올리)[가-힣]{0,10}(?:충치|염증|괜찮은지|뭔지|인지)")
_RED_FLAG = re.compile(r"(?<![커카배])피가|부었|붓고|열이|못참")
_REPLACED = re.compile(r"(?:때운|씌운|아말감|금니|레진)[가-힣]{0,6}(?:바꾸|바꿀|교체)")
_PRICE_WORDS = re.compile(r"얼마|가격|비용")
_MONEY_ADDED = re.compile(r"(?<!뱃)돈(?:을|은)?(?:얼마|따로|더)|따로돈(?:받|내|들)|(?:얼마|돈)더(?:내|들|받)")
_YES_THEN_BUT = re.compile(r"^(?:네|예|응|좋아요|할게요)[가-힣a-z]{0,8}근데")
_INSURANCE = re.compile(r"보험|insurance|실비")
_DAYS_OPEN = re.compile(r"(?:토|일)요일(?:에|날)?도(?:해요|하나요|하세요|진료|문열|여나|여세요)|몇시까지(?:해|하)")
_VISIT_ASKED = re.compile(r"옮기|옮겨|미루|미뤄|바꾸|바꿔|예약|잡아|해주세요|할게|갈게")
_CANCEL_FIRST = re.compile(r"^(?:그|아|저)?취소(?:취소)?요")
_CORRECTED_TREATMENT = re.compile(r"말고[가-힣]{0,6}(?:치료|스케일링|임플란트|교정|검진|크라운|레진|사랑니)요")
_BOT_TESTED = re.compile(r"ai|로봇|기계|사람이야|사람이에요|이름뭐")
_PARKING = re.compile(r"주차[가-힣]{0,8}(?:무료|몇시간|돼|되나|있어|어디)")
_FOR_STAFF = re.compile(r"통역(?:해줄|해주실|해주는|하시는분|가능|서비스)|통역[가-힣]{0,4}(?:있어|되나|돼요)|"
                        r"휠체어에서[가-힣]{0,6}안내리")
_ALREADY_KNOWN = re.compile(r"알겠|알았")


_KINDS_BEFORE_THE_HOURS = (
    KindRule("a sedated person not coming round", "emergency", (_NOT_COMING_ROUND,), confidence=0.95),
    KindRule("a harm heard of asked whether true", "medical_question", (_HEARD, _HARM, _TRUE_ASKED),
             unless=(_BOOKING_WORDS,), dated=False),
    KindRule("a remedy heard of asked whether to do", "medical_question", (_REMEDY_ASKED,), unless=(_BOOKING_WORDS,)),
    KindRule("which of two ways of care is right", "medical_question", (_WHICH_IS_RIGHT,), unless=(_BOOKING_WORDS,)),
    KindRule("a strong harm asked whether true", "medical_question", (_STRONG_HARM, _TRUE_ASKED),
             unless=(_BOOKING_WORDS,), dated=False),
    KindRule("a hearsay symptom's course or a remedy's use", "medical_question", (_HEARD, _COURSE_OR_USE_ASKED),
             unless=(_BOOKING_WORDS,)),
    KindRule("a thing worn asleep", "medical_question", (_WHILE_ASLEEP,), unless=(_BOOKING_WORDS,)),
    KindRule("a photo sent to ask what the trouble is", "medical_question", (_PHOTO_DIAGNOSIS,), unless=(_RED_FLAG,)),
    KindRule("old fillings replaced on a named day", "book", (_REPLACED,), unless=(_PRICE_WORDS,), dated=True),
    KindRule("the money equipment or sedation adds", "ask_price", (_MONEY_ADDED,)),
    KindRule("a yes, then the insurance asked", "ask_insurance", (_YES_THEN_BUT, _INSURANCE)),
)
_KINDS_AFTER_THE_HOURS = (
    KindRule("cancel said first", "cancel", (_CANCEL_FIRST,)),
    KindRule("the other treatment named", "book", (_CORRECTED_TREATMENT,), expect=("treatment",)),
    KindRule("the bot tested, then the parking", "ask_location", (_BOT_TESTED, _PARKING)),
    KindRule("an extension put through", "talk_to_staff", (_EXTENSION_PUT_THROUGH,)),
    KindRule("unheard, rung again later", "callback_later", (_CALL_BACK_UNHEARD,)),
    KindRule("a visit put off", "reschedule", (_VISIT_PUT_OFF,)),
    KindRule("an interpreter or a wheelchair", "question_other", (_FOR_STAFF,)),
    KindRule("a home visit", "question_other", (_HOME_VISIT,), unless=(_PUT_THROUGH,)),
)


def hearsay_or_equipment(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The intent of one of the kinds above, or None (see the module docstring)."""
    compact = compact.lower()
    if (kind := first_kind(_KINDS_BEFORE_THE_HOURS, compact, expect, dated)) is not None:
        return kind
    # the opening days asked, maybe after a yes and "근데": a visit asked after the "근데" makes it no such question
    asked_after_yes = compact.split("근데", 1)[-1] if _YES_THEN_BUT.search(compact) else compact
    if _DAYS_OPEN.search(compact) and not (_VISIT_ASKED.search(asked_after_yes) or _ALREADY_KNOWN.search(compact)):
        return "ask_hours", SURE
    return first_kind(_KINDS_AFTER_THE_HOURS, compact, expect, dated)
