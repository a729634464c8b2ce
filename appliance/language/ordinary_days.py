"""Kinds of speech an ordinary clinic day brings (issue 15, round 25: blind34 and blind35), consulted at stage 2
(``caller_errands``) after ``choices_and_hedges``:

- the offer or the proposal thought over, or a diary checked, then a call back promised ("생각해 보고 제가
  전화드릴게요", "회사 일정 보고 다시 연락드릴게요"): ``callback_later``; with a refusal of the offer now ("지금은 좀",
  "됐어요", "필요하면"): left to the refusal rules (``no``);
- a condition on the insurance then a plain yes to an offer ("틀니 보험 되면 해야지 예 가께요"): ``yes`` (a tag
  question still waiting for its answer, "보험 되는 거 맞죠 그럼 해야죠", stays the question);
- a yes to "is this X?" followed by "who is calling?" ("네 그런데요 어디시라고요"): ``yes``;
- papers issued for work or school ("진단서 떼려면 미리 말해야 돼요"): ``question_other`` unless their price is asked;
- a pain pulling towards the ear or the jaw ("뽑은 자리가 귀 쪽까지 땡겨요"): ``symptom``, never a visit moved
  forward (당겨);
- a clock time asked for today with a pain as the reason ("네 시 반에 혹시 오늘 안 될까요 이가 계속 아파서"): ``book``
  (a slot is named; "can I come today" without a time stays ``medical_question``);
- where to leave the car ("차 가지고 가면 어디다 대요"): ``ask_location``, as parking is;
- a check-up wanted with a day and a time, then the evening hours checked ("검진 수요일 저녁 일곱 시 야간 하시죠"):
  ``book``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule, first_kind

_ANSWERED = ("offer", "proposal", "confirm", "reminder", "yes_no", "date", "time")
_THOUGHT_OVER_THEN_CALL = re.compile(  # round 29: talked over, "다시 걸게요"
    r"(?:생각해|생각좀해|얘기해|상의해|의논해|일정|스케줄|달력|확인해)(?:을|를)?(?:좀)?(?:보고|봐보고|보구)"
    r"[가-힣]{0,6}(?:(?:전화|연락|문자)(?:드릴게|드릴께|할게|할께|드리겠|줄게|드릴)|걸게|걸께|걸겠)")
_REFUSED_NOW = re.compile(r"지금은|됐어요|됐습니다|괜찮습니다|필요하면|안할래|취소")
# round 34: "… 예 그러면 갈게요" ("그라믄" read as "그러면")
_INSURED_THEN_YES = re.compile(r"보험[가-힣]{0,4}(?:되면|된다면|해주면)[가-힣]{0,8}(?:예|네)(?:그러면|그럼)?"
                               r"(?:가께요|갈게요|갈께요|"
                               r"할게요|할께요|받을게요)$")
_TAG_QUESTION = re.compile(r"맞죠|되죠|되나요|돼요그럼")
_CANNOT = re.compile(r"못가|못갈|안갈|안할")
_YES_WHO_CALLS = re.compile(r"^(?:네|예)(?:그런데요|그런데|맞는데요|전데요|접니다|제가맞는데요)"
                            r"(?:어디|누구|누구세요|어디세요|실례지만)")
_PAPERS_ISSUED = re.compile(r"(?:진단서|소견서|확인서|진료비내역서|통원확인서)[가-힣]{0,4}(?:떼|발급)")
_PRICE = re.compile(r"얼마|비용|돈|발급비|수수료|비따로")
_CHECKUP_WANTED = re.compile(r"(?:보려고요|보려구요|받으려고요|하려고요)[가-힣]{0,6}(?:검진|검사|스케일링)")
_EVENING_ASKED = re.compile(r"야간(?:하시죠|진료하시죠|하죠|되죠)")

_PULLING_PAIN = re.compile(r"(?:귀|턱|목|머리|볼|관자놀이|눈)(?:쪽|까지|쪽까지|쪽으로|으로|로)(?:막|좀|자꾸)?"
                           r"(?:땡겨|땡기|당겨|당기)")
_VISIT_WORDS = re.compile(r"예약|날짜|일정|시간(?:을|좀)?(?:당겨|땡겨)|(?:앞으로|일찍)")
_SLOT_FOR_PAIN = re.compile(r"시(?:반)?에(?:혹시)?(?:오늘|내일)?(?:은|도)?"
                            r"(?:안될까요|될까요|되나요|가능할까요|가능한가요)"
                            r"[가-힣]{0,8}(?:아파서|시려서|시큰해서|욱신거려서)$")
_PARKED_WHERE = re.compile(r"차(?:를)?(?:가지고|갖고|끌고|몰고)(?:가면|오면|갈건데|가는데)[가-힣]{0,4}"
                           r"(?:어디|어디다|어디에)(?:대|세워|세우|주차)")

_KINDS = (
    KindRule("a pain pulling towards the ear or jaw", "symptom", (_PULLING_PAIN,), unless=(_VISIT_WORDS,),
             expect=("wellbeing", "yes_no", None)),
    KindRule("a clock time asked for today, a pain as the reason", "book", (_SLOT_FOR_PAIN,), expect=(None,),
             dated=True),
    KindRule("thought over, then a call back", "callback_later", (_THOUGHT_OVER_THEN_CALL,), unless=(_REFUSED_NOW,),
             expect=_ANSWERED + (None,)),
    KindRule("a condition on the insurance, then a yes", "yes", (_INSURED_THEN_YES,), unless=(_TAG_QUESTION, _CANNOT),
             expect=("offer", "proposal")),
    KindRule("a yes, then who is calling", "yes", (_YES_WHO_CALLS,), expect=("yes_no",)),
    KindRule("where to leave the car", "ask_location", (_PARKED_WHERE,)),
    KindRule("papers issued for work", "question_other", (_PAPERS_ISSUED,), unless=(_PRICE,), expect=(None,)),
    KindRule("a check-up with a day, the evening hours checked", "book", (_CHECKUP_WANTED, _EVENING_ASKED),
             expect=(None,), dated=True),
)


def ordinary_day_kind(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The intent of one of the kinds above, or None (see the module docstring)."""
    return first_kind(_KINDS, compact, expect, dated)
