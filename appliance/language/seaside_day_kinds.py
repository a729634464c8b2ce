"""Kinds of speech of a seaside clinic's day (issue 15, round 32: blind48, a Tuesday in a small fishing town in
전라도 speech, and blind49, a Friday at a suburban clinic of implant and gum patients), consulted at stage 2
(``caller_errands``) after ``market_day_kinds``, before ``clinic_day_kinds``. The 전라도 endings are read the
standard way before any of this (``dialect_endings``), so the rules below are written in the standard forms:

- safety first: a yes to a reminder, then "근데" and what may be eaten or taken before the visit ("네 갈게요 근데
  전날 술 마셔도 돼요"), whether a treatment will make a trouble worse ("받고 나면 더 시리지 않아요"):
  ``medical_question``;
- a reminder answered only with what that day holds ("그날 집안 행사가 있어서요"): ``cancel`` (round 27: "can't
  come" with a reason and no day of one's own), surely: the model, which has seen such a reason with a day asked
  for, must not make it a move;
- a reminder answered "I know / I remember" with or without its day ("네 알고 있어요 목요일 두 시", "예약한 거
  기억하고 있어요"): ``yes`` (an echoed read-back, round 23), not a booking;
- the need question answered "that is all" ("아니요 그게 전부예요"): ``no`` (round 30: "nothing else" is ``no``);
- a wellbeing call answered with a yes, a slight discomfort conceded, then fine ("네 좀 뻐근하긴 한데 괜찮아요"):
  ``no`` (round 27: "yes, fine" on a wellbeing call); "아직 좀 시큰하긴 한데 괜찮아요", no yes and "still", stays
  ``symptom`` as blind8 and blind38 label it;
- an offer taken on an insurance condition, then a plain yes ("보험 되면야 해야지요 예 할래요", round 25): ``yes``;
- one's own share of an offer's cost asked ("제 돈으로 내는 건 얼마예요", round 25: 본인 부담): ``ask_insurance``;
- a receipt or a statement of charges asked to be sent or issued ("진료비 내역서 좀 떼 주실 수 있어요"), no 실비
  claim named: ``question_other`` (papers asked, round 23);
- a treatment wished, told as a purpose ("스케일링 받으려고요", "사랑니 상담 하고 싶어서"), nothing asked of it:
  ``book``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_YES_THEN_BUT = re.compile(r"^(?:아)?(?:네|예)[가-힣]{0,6}(?:근데|그런데|그치만|그러면)")
_BEFORE_VISIT_CARE = re.compile(
    r"(?:전날|전에|당일|그날|아침에|가기전|오기전)[가-힣]{0,10}"
    r"(?:먹으면안|먹어도|마셔도|마시면안|먹고가도|먹고와도|굶어|금식|약먹어도|약은|술)"
)
_WORSE_AFTER = re.compile(
    r"(?:고나면|고나서|고나서도|받으면|하면|끝나면)(?:더|많이|다시)?(?:시리|시려|아프|아파|흔들|부어|붓|헐)"
    r"[가-힣]{0,4}(?:않아요|않나요|나요|까요|죠|을까요|진않죠|않을까요)$"
)
_KNOWN = re.compile(r"(?:압니다|알아요|알고있어요|알고있습니다|알지요|알죠|기억해요|기억하고있어요|기억하고있습니다|"
                    r"기억나요|기억합니다|안잊었어요|안잊어버렸어요)")
_KNOWN_BUT = re.compile(r"바꿔|옮겨|취소|못가|못갈|몇시|언제|맞나요|맞죠|였죠|그랬죠|였나|였더라|근데|그런데|어떻게")
_THAT_DAY_TAKEN = re.compile(r"^(?:아이고|아이구|에고|아|어)?(?:그날|그날은|그때|그때는)[가-힣]{0,12}"
                             r"(?:(?:이|가)(?:있어서|있거든|있는데|있어가지고)|라서)(?:요)?$")
_ASKED_OF_THAT_DAY = re.compile(r"몇|언제|어디|하세요|되나|돼요|되죠|늦")
_ALL_I_NEED = re.compile(r"^(?:아니요|아뇨|아니|네|예)?그게(?:다|전부)(?:예요|에요|입니다|야|요)"
                         r"(?:수고하세요|감사합니다|고마워요|고맙습니다)?$")
_CONCEDED_FINE = re.compile(r"^(?:네|예)(?!아직)[가-힣]{0,10}(?:긴|기는)(?:한데|하는데|하지만|해도)[가-힣]{0,4}"
                            r"괜찮(?:아요|습니다|네요|아)$")
# round 38: "된다 하면야"
_INSURED_IF = re.compile(r"보험(?:으로|이)?(?:되면|된다면|된다하면|된다고하면|적용되면|해준다면|해주면)(?:야)?")
_PLAIN_YES_END = re.compile(r"(?:네|예)(?:갈래요|갈게요|할게요|할래요|해야죠|해야지요|가야죠|가야지요|하죠)$")
_OWN_SHARE = re.compile(r"(?:내|제|본인|우리)돈으로(?:내는|낼|내야하는|내야되는)(?:건|게|거|돈)?[가-힣]{0,4}얼마")
_RECEIPT_ASKED = re.compile(r"(?:영수증|내역서|세부내역|진료비내역|계산서)[가-힣]{0,8}(?:보내|떼|발급|뽑아|받을수)")
_CLAIM = re.compile(r"실비|보험")
_TREATMENT = re.compile(r"검진|스케일링|엑스레이|임플란트|틀니|충치|교정|미백|사랑니|발치|신경치료|레진|크라운|"
                        r"잇몸치료|"
                        r"상담|치료")
_WISHED = re.compile(r"(?:하고싶어서|받고싶어서|받으려고요|찍어보려고요|해보려고요|받아보려고요)$")
_ASKED_OF_IT = re.compile(r"얼마|비용|견적|되나|돼요|되는지|되죠|가능|언제|몇|어떻게|변경|취소|확인|얘기|통화|바꿔|"
                          r"옮기|\?")

RULES = (
    KindRule("a yes, then what may be eaten before the visit", "medical_question",
             (_YES_THEN_BUT, _BEFORE_VISIT_CARE)),
    KindRule("whether a treatment makes a trouble worse", "medical_question", (_WORSE_AFTER,)),
    KindRule("only a reason that day, to a reminder", "cancel", (_THAT_DAY_TAKEN,), unless=(_ASKED_OF_THAT_DAY,),
             expect=("reminder",)),
    KindRule("known, to a reminder", "yes", (_KNOWN,), unless=(_KNOWN_BUT,), expect=("reminder",)),
    KindRule("that is all, to the need question", "no", (_ALL_I_NEED,), expect=("need",)),
    KindRule("a slight discomfort conceded, fine, on a wellbeing call", "no", (_CONCEDED_FINE,),
             expect=("wellbeing",)),
    KindRule("an offer taken on an insurance condition", "yes", (_INSURED_IF, _PLAIN_YES_END), expect=("offer",)),
    KindRule("one's own share of the cost asked", "ask_insurance", (_OWN_SHARE,)),
    KindRule("a receipt asked for", "question_other", (_RECEIPT_ASKED,), unless=(_CLAIM,)),
    KindRule("a treatment wished", "book", (_TREATMENT, _WISHED), unless=(_ASKED_OF_IT,)),
)
