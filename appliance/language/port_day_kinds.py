"""Kinds of speech of two ordinary clinic days (issue 15, round 37: blind58, a Wednesday in March, and blind59, a
Monday in a 경상도 port city), consulted at stage 2 (``caller_errands``), after ``school_day_kinds``, behind the
refusal / red-flag guard (``RULES``):

- how often a treatment is repeated, asked as "얼마에 한 번" or "얼마마다" ("불소는 얼마에 한 번씩 발라요"):
  ``question_other`` (round 28: how often a treatment is repeated), no price is asked, unless a price word is said;
- a walk-in without a booking asked for now or today ("예약 없이 지금 가면 봐 주세요", "예약 안 하고 그냥 가도
  돼요 지금"): ``book`` (round 36: a walk-in asked for now, 6 of 6 such labels); how long one waits without one
  ("예약 없이 가면 오래 기다려요") stays a question, a pain beside it is left to the care rules;
- a problem with an appliance or a crown told, then "do you fix it" with no day ("틀니가 잘 안 맞는데 고쳐
  주나요", "씌운 게 헐거워졌는데 손봐 주세요"): ``symptom`` (round 23: a problem described and "can you fix it"
  with no day), not a question for the dentist.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_HOW_OFTEN = re.compile(r"얼마(?:에|만에)한번|얼마마다|얼마에한번씩")
_PRICE_WORD = re.compile(r"비용|가격|원이|원씩|돈|진료비|만원")

_WITHOUT_BOOKING = re.compile(r"예약(?:없이|안하고|안잡고)(?:그냥)?(?:지금|오늘|바로)?(?:가도|가면|갈수|들어가도)")
_NOW_OR_TODAY = re.compile(r"지금|오늘|바로")
_WAIT_ASKED = re.compile(r"기다려|기다리|오래|대기|아파|아프|시려|욱신|부었|(?<![커카배])피가")

_APPLIANCE_TROUBLE = re.compile(
    r"(?:틀니|씌운거|씌운게|크라운|브릿지|보철|교정기|유지장치|장치)[가-힣]{0,6}"
    r"(?:안맞|헐거|덜걱|들떠|들뜨|깨졌|부러졌|빠졌|흔들|떨어졌)")
_FIX_IT = re.compile(r"(?:고쳐|손봐|수리해|맞춰)(?:주나요|주세요|줘요|주실수있|줄수있|주시나요|주시죠)")
_A_DAY_OR_VISIT = re.compile(r"오늘|내일|모레|요일|주말|다음주|이번주|예약|언제|몇시|가도|가면|갈게")

RULES = (
    KindRule("how often a treatment is repeated", "question_other", (_HOW_OFTEN,), (_PRICE_WORD,)),
    KindRule("a walk-in without a booking, now", "book", (_WITHOUT_BOOKING, _NOW_OR_TODAY), (_WAIT_ASKED,)),
    KindRule("an appliance's trouble, fixed?", "symptom", (_APPLIANCE_TROUBLE, _FIX_IT), (_A_DAY_OR_VISIT,),
             dated=False),
)
