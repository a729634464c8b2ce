"""Kinds of speech of two ordinary clinic days (issue 15, round 42: blind68, a Wednesday in March with families
moved to town; blind69, a Friday in August at a seaside resort with holiday makers and 경상도 speakers).

The caller's errands (``RULES``), consulted at stage 2 (``caller_errands``) after ``harvest_day_kinds``, behind the
refusal / red-flag guard:

- safety first: an activity asked allowed after a treatment ("사랑니 뽑고 바다 들어가도 되나요", "임플란트 심은 뒤에
  비행기 타도 돼요"): ``medical_question``, the dentist's call, never a booking;
- a walk-in asked for now with the trouble as its reason after ("지금 바로 가도 될까요 … 이가 시려서"), an
  appliance's trouble with a day and the errand of the visit ("… 내일 가 봐도 돼요 조정하러"), a visitor from
  elsewhere asking to be seen on a day ("놀러 왔는데 … 오늘 가도 되나"), an offer welcomed with a day of one's own
  ("마침 잘됐네 내일 가도 돼요"), a consultation wished then how to book ("상담 받아 보려고 하는데요 예약 어떻게
  해요"), a treatment to go on with no booking found ("이어서 해야 되는데 예약이 안 돼 있더라고요"), a day asked
  "not possible?" to the date question ("오늘은 안 돼요?"): ``book`` (rounds 30, 34 and 36);
- a reminder's slot put aside and another asked ("그 시간 말고 좀 이른 시간 없어요"): ``reschedule``;
- an offer declined for a clinic nearer home ("가까운 데 다니려고요"): ``no``;
- the way asked along a road or a landmark ("큰길 따라오면 보여요?"): ``ask_location``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

# safety first: after a treatment, an activity asked allowed
_AFTER_TREATMENT = re.compile(
    r"(?:뽑고|뽑은뒤|뽑은후|뽑고나서|빼고|뺀뒤|뺀후|발치하고|발치한뒤|발치후|심고|심은뒤|심은후|수술하고|수술한뒤|수술후|"
    r"치료하고|치료받고|마취하고|스케일링하고|스케일링받고|때우고|씌우고|꿰매고)")
_ACTIVITY_ALLOWED = re.compile(
    r"(?:바다|수영|물놀이|해수욕|수영장|목욕탕|목욕|사우나|찜질방|헬스|운동|등산|비행기|술|담배|샤워|골프|축구|"
    r"자전거|다이빙|스노클링|서핑|캠핑|여행|노래방|요가|뛰어|달리기|마라톤)[가-힣]{0,4}"
    r"(?:해도|가도|들어가도|타도|마셔도|피워도|해도|받아도|나가도|다녀와도)(?:돼|되|될|괜찮)")
_BOOKING_WORDS = re.compile(r"예약|잡아|넣어")
# a walk-in asked for now, the trouble as its reason after (round 36: today's booking)
_WALK_IN_NOW = re.compile(r"^(?:아|어|저)?지금(?:바로|당장)?(?:가도|가면)(?:될까요|되나요|돼요|되요|될까|되나)")
_TROUBLE_AFTER = re.compile(r"(?:시려|시리|시린|아파|아프|욱신|시큰|흔들|불편|빠졌|깨졌)")
# an appliance's trouble with a day and the errand of the visit ("조정하러", "고치러")
_ERRAND = re.compile(r"(?:조정|수리|손보|고치|맞추|깎으|깍으|붙이|줄이|조이)(?:하)?러|(?:조정|수리)받으러")
_MAY_I_COME = re.compile(r"(?:가도|가봐도|와도|가면)(?:돼|되|될|괜찮)")
# a visitor from elsewhere asking to be seen on a day
_VISITOR = re.compile(r"놀러|여행|휴가|외지|타지|관광|피서|출장")
_A_DAY_ASKED = re.compile(r"(?:오늘|내일|모레|지금|이따|[월화수목금토일]요일)(?:에|은|도)?(?:바로|좀)?"
                          r"(?:가도|가면)(?:될까|되나|돼|되요|되죠|될까요|되나요)")
# an offer welcomed, then a day of one's own
_WELCOMED = re.compile(r"^(?:아|오|어)?(?:마침|잘됐|잘됬|안그래도|그렇잖아도|그러잖아도)")
# a consultation wished, then how to book
_CONSULT_WISHED = re.compile(r"상담(?:을|도|좀)?(?:받아|받으|받고)")
_HOW_TO_BOOK = re.compile(r"예약(?:은|을|하려면)?(?:어떻게|어케)(?:해요|하나요|하면|해야|하죠)")
# a treatment to go on with, no booking found
_TO_GO_ON = re.compile(r"(?:이어서|계속|마저|마무리)[가-힣]{0,4}(?:해야|받아야|해야하|받아야하)")
_NO_BOOKING_FOUND = re.compile(r"예약이(?:안돼있|안되어있|안잡혀|없더라|없네|없다고|안돼있더)")
# "오늘은 안 돼요?" to the date question: a day asked (round 27: a bare day to it books, whatever)
_DAY_NOT_POSSIBLE_ASKED = re.compile(r"^(?:그럼|그러면|아)?(?:오늘|내일|모레|[월화수목금토일]요일|주말|이번주)"
                                     r"(?:은|는)?(?:바로)?(?:안돼요|안되나요|안될까요|안되요|안돼|안되죠|안됩니까)$")
# a reminder's slot put aside, another asked
_SLOT_PUT_ASIDE = re.compile(r"^(?:아|어|음)?(?:그시간|그날|그때)(?:은|는)?(?:말고|말구|대신)[가-힣]{0,4}"
                             r"(?:이른|늦은|빠른|다른|일찍|늦게)(?:시간|날|때)?[가-힣]{0,4}"
                             r"(?:없어요|없나요|있어요|있나요|되나요|돼요|안돼요|없을까요)\??$")
# an offer declined for a clinic nearer home
_NEARER_CLINIC = re.compile(r"(?:가까운|집근처|집앞|동네)(?:데|곳|치과|병원)?(?:로|에|에서|를)?[가-힣]{0,2}"
                            r"(?:다니려|다닐|다니고|옮기려|가려고|갈라고|다니려고)")
# the way along a road or from a landmark
_ALONG_THE_WAY = re.compile(r"(?:길|큰길|도로|해변|바닷가|사거리|골목|다리|쪽)(?:을|로|으로)?(?:따라|쭉)"
                            r"(?:오면|가면|걸어오면|내려오면|올라오면)(?:바로)?(?:보여|보이|나와|나오|있어요|있나요)")

RULES: tuple[KindRule, ...] = (
    KindRule("an activity after a treatment", "medical_question", (_AFTER_TREATMENT, _ACTIVITY_ALLOWED),
             (_BOOKING_WORDS,)),
    KindRule("a walk-in now, the trouble after", "book", (_WALK_IN_NOW, _TROUBLE_AFTER)),
    KindRule("an appliance's errand on a day", "book", (_ERRAND, _MAY_I_COME), dated=True),
    KindRule("a visitor asks for a day", "book", (_VISITOR, _A_DAY_ASKED), (_TROUBLE_AFTER,), dated=True),
    KindRule("an offer welcomed with a day", "book", (_WELCOMED, _A_DAY_ASKED), (_TROUBLE_AFTER,), expect=("offer",),
             dated=True),
    KindRule("a consultation, how to book", "book", (_CONSULT_WISHED, _HOW_TO_BOOK)),
    KindRule("to go on, no booking found", "book", (_TO_GO_ON, _NO_BOOKING_FOUND)),
    KindRule("a day asked not possible", "book", (_DAY_NOT_POSSIBLE_ASKED,), expect=("date", "time"), dated=True),
    KindRule("a reminder's slot put aside", "reschedule", (_SLOT_PUT_ASIDE,), expect=("reminder", "confirm")),
    KindRule("an offer declined for nearer", "no", (_NEARER_CLINIC,), expect=("offer",)),
    KindRule("the way along a road", "ask_location", (_ALONG_THE_WAY,)),
)
