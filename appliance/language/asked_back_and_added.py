"""Questions asked back, a second person added, bills compared and night calls (issue 15, round 22: blind29).

Read on the compact text (no spaces) first in ``caller_errands`` (stage 2 of ``docs/understanding.md``), so each
rule is narrow:
- a slot question answered with a question ("몇 시가 되는데요", "언제 언제 비어 있는데요") when a day or a time was
  asked: ``book`` since round 23 (the dialog offers what is free); whether the doctor works that day ("그날 원장님
  계세요"), even said with a refusal after it, a bill compared with a friend's or last time's and asked why, and
  where a night emergency clinic is when no trouble is told: ``question_other``; paying ahead or with a foreign
  card: ``ask_price`` (round 23's convention);
- a reminder or a confirmation accepted while a second person is added ("네 갈게요 근데 남편도 같이 잡아 주세요"):
  ``book``, the added visit is the errand;
- "생각해 볼게요" with the caller ringing back: ``callback_later``; "알겠어요 끊을게요" unprompted: ``other``;
- a lost filling that does not hurt, asked whether a later day is fine ("안 아픈데 내일 가도 되죠"):
  ``medical_question``, never a booking; a tooth split with the nerve showing and great pain: ``emergency``;
- tomorrow's first slot asked for at night over a sensitivity, with no red flag: ``book``;
- a teenager asking, with no day named, whether they may come or be treated alone ("저 중학생인데 혼자 가도 돼요",
  "부모님 없이 빼도 돼요"): ``question_other``; a student card asked to lower the bill: ``ask_price``;
- a reminder kept but its treatment swapped ("스케일링 말고 검진으로 바꿔도 돼요"): ``reschedule``, while another
  treatment asked to be added the same day ("검진 말고 스케일링도 같이 되나요") is ``book`` (round 23);
- a yes, then "근데" and the visit's hour or day asked ("맞아요 근데 몇 시였죠"): ``confirm_appointment``;
- trouble told by food: a crown or filling come off, asked whether it is re-fixed if brought ("들고 가면 다시 붙여
  줘요") with no day named, and an ache felt now asked whether tomorrow will do ("쑤셔요 내일 가도 될까요"):
  ``symptom`` (the symptom is heard, not booked); a broken thing asked to be fixed on a named day: ``book``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule, first_kind

_SLOT_ASKED_BACK = re.compile(r"(?:몇시|언제|무슨요일|어느날)[가-힣]{0,6}(?:되는데요|있는데요|비어있는데요|되는데|"
                              r"비는데요|돼요|되나요|비어요|비었어요)$")
_YES = re.compile(r"^(?:네|예|응|좋아요|할게요|받아)")
_DOCTOR_THAT_DAY = re.compile(r"(?:그날|요일|그때|그시간)[가-힣]{0,6}(?:원장님|선생님)[가-힣]{0,4}"
                              r"(?:계세요|계시나요|계신가요|나오세요|나오시나요|진료하세요|진료하시나요|진료보세요)")
_PAID_AHEAD = re.compile(r"(?:미리|먼저|선)[가-힣]{0,8}(?:내|결제|계산)[가-힣]{0,6}(?:수있|돼|되나)|"
                         r"(?:해외|외국)카드")
_BILL_COMPARED = re.compile(r"(?:친구|남들|다른사람|작년|지난번|옆사람|동생|언니|형|누나|오빠|가족)[가-힣]{0,24}"
                            r"(?:더냈|더나왔|더비싸|비싸게|"
                            r"더받)[가-힣]{0,16}(?:이유|왜)")
_NIGHT_CLINIC_ASKED = re.compile(r"(?:야간|응급|밤에)[가-힣]{0,10}(?:하는데|하는곳|병원|치과)[가-힣]{0,6}"
                                 r"(?:알려|어디|있어|있나)")
_TROUBLE = re.compile(r"아파|아프|아픈|(?<![커카배])피[가나]|부었|붓|열이|숨|빠졌|부러|깨졌|쑤셔|욱신|시려|시린")
_SECOND_PERSON_ADDED = re.compile(r"(?:애|아이|우리애|남편|아내|와이프|엄마|아빠|딸|아들|동생|어머니|아버지)도"
                                  r"[가-힣]{0,16}(?:같이|하나더|잡아|봐줄|봐주|예약|해줄|해주)")
_ACCEPTED = re.compile(r"^(?:네|예|맞아요|맞아|응|그럼요)[가-힣]{0,8}(?:갈게|가요|갈께|맞아요|가겠)")
_THINK_THEN_RING = re.compile(r"생각해?볼게요[가-힣]{0,12}(?:제가|다시)[가-힣]{0,4}(?:전화|연락)(?:할게|드릴게)")
_HANG_UP = re.compile(r"^(?:아|어)?(?:네|예)?(?:알겠어요|알겠습니다|감사합니다|고맙습니다)(?:그럼)?"
                      r"(?:끊을게요|끊겠습니다)$")
_PAINLESS_WAIT_ASKED = re.compile(r"(?:안아픈데|아프진않은데|안아프긴한데|아프지는않은데)[가-힣]{0,12}"
                                  r"(?:가도|있다가|기다려도)(?:되죠|괜찮죠|괜찮겠죠|되겠죠)")
_SPLIT_NERVE_SHOWING = re.compile(r"(?:쪼개|갈라|부러|깨)[가-힣]{0,20}신경이?[가-힣]{0,2}보(?:이|여)[가-힣]{0,10}"
                                  r"(?:엄청|너무|많이|죽게)아파")
_FIRST_SLOT_ASKED = re.compile(r"(?:첫타임|첫시간|제일일찍|아침일찍)[가-힣]{0,6}(?:봐주세요|예약|잡아|갈게)")
_RED_FLAG = re.compile(r"(?<![커카배])피[가나]|부었|붓고|열이|숨|빠졌|부러|깨졌|못참|터졌")
_ALONE_AS_A_MINOR = re.compile(r"(?:중학생|고등학생|초등학생|미성년|학생인데|살이에요|살인데)")
_WITHOUT_A_GUARDIAN = re.compile(r"(?:혼자|부모님없이|보호자없이|엄마없이|아빠없이)[가-힣]{0,12}"
                                 r"(?:가도|와도|받아도|빼도|해도|받을수)[가-힣]{0,4}(?:돼요|되나요|되죠|될까요|있어요|있나요)")
_STUDENT_DISCOUNT = re.compile(r"학생증[가-힣]{0,12}(?:싸|할인|깎)")
_TREATMENT_SWAPPED = re.compile(r"(?:스케일링|검진|신경치료|레진|때우는거|임플란트|크라운|치료)말고[가-힣]{0,10}"
                                r"(?:으로|로)(?:만)?(?:바꿔|바꿀|해주|해도)")
_TREATMENT_ADDED = re.compile(r"말고[가-힣]{0,10}도같이(?:되나요|돼요|될까요|받을수)")
_YES_BUT_WHEN_ASKED = re.compile(r"^(?:네|예|맞아요|응)[가-힣]{0,16}근데[가-힣]{0,4}(?:몇시|며칠|언제|무슨요일)"
                                 r"(?:였죠|이었죠|였더라|였어요|이었어요|였나요)")
_BROUGHT_TO_REFIX = re.compile(r"(?:빠졌|부러졌|깨졌|떨어졌)[가-힣]{0,20}(?:들고|가져)가면[가-힣]{0,6}"
                               r"(?:붙여|끼워|고쳐)(?:줘요|주나요|주시나요|줄수있|주실수있)")
_FIX_ON_A_DAY = re.compile(r"(?:부러졌|깨졌|빠졌|떨어졌)[가-힣]{0,12}(?:고쳐|붙여|수리해)(?:주세요|줘요)")
_ACHE_NOW_WAIT_ASKED = re.compile(r"(?:쑤셔요|아파요|욱신거려요|욱신욱신해요|시려요)[가-힣]{0,6}(?:내일|아침)"
                                  r"[가-힣]{0,6}가도(?:될까요|되나요)")
_HURT = re.compile(r"(?<![커카배])피[가나]|부었|붓고|열이|숨|못참|아파|아프")
_BOOKING_ASKED = re.compile(r"예약|잡아|봐주세요|해주세요")


_KINDS = (
    KindRule("a tooth split with the nerve showing", "emergency", (_SPLIT_NERVE_SHOWING,), confidence=0.95),
    KindRule("a painless loss asked to wait", "medical_question", (_PAINLESS_WAIT_ASKED,)),
    # round 23's convention: a slot question asked back is booked (the dialog offers the free slots)
    KindRule("a slot question asked back", "book", (_SLOT_ASKED_BACK,), unless=(_YES,), expect=("time", "date")),
    # round 23's convention: paying, also ahead or by a foreign card, is a price question
    KindRule("paying ahead or a foreign card", "ask_price", (_PAID_AHEAD,)),
    KindRule("the doctor that day", "question_other", (_DOCTOR_THAT_DAY,)),
    KindRule("a bill compared", "question_other", (_BILL_COMPARED,)),
    KindRule("a night clinic asked, no trouble", "question_other", (_NIGHT_CLINIC_ASKED,), unless=(_TROUBLE,)),
    KindRule("a reminder accepted, a second person added", "book", (_ACCEPTED, _SECOND_PERSON_ADDED),
             expect=("reminder", "confirm")),
    KindRule("thinking it over, ringing back", "callback_later", (_THINK_THEN_RING,)),
    KindRule("hanging up unprompted", "other", (_HANG_UP,), expect=(None,)),
    KindRule("tomorrow's first slot", "book", (_FIRST_SLOT_ASKED,), unless=(_RED_FLAG,), dated=True),
    # a teenager alone, a student discount, a reminder's treatment swapped or added, a visit's hour asked
    KindRule("a teenager alone", "question_other", (_ALONE_AS_A_MINOR, _WITHOUT_A_GUARDIAN), dated=False),
    KindRule("a student discount", "ask_price", (_STUDENT_DISCOUNT,)),
    # round 23's convention: a treatment added to a booked visit is booked
    KindRule("a treatment added to a reminder", "book", (_TREATMENT_ADDED,), expect=("reminder", "confirm")),
    KindRule("a reminder's treatment swapped", "reschedule", (_TREATMENT_SWAPPED,), expect=("reminder", "confirm")),
    KindRule("a yes, then the visit's hour asked", "confirm_appointment", (_YES_BUT_WHEN_ASKED,),
             expect=("reminder", "confirm")),
    # trouble by food: a thing come off asked to be re-fixed, an ache asked to wait, a broken thing fixed on a day
    KindRule("a thing come off, brought to re-fix", "symptom", (_BROUGHT_TO_REFIX,), unless=(_HURT,), dated=False),
    KindRule("an ache now, asked to wait", "symptom", (_ACHE_NOW_WAIT_ASKED,), unless=(_BOOKING_ASKED,)),
    KindRule("a broken thing fixed on a day", "book", (_FIX_ON_A_DAY,), unless=(_HURT,), dated=True),
)


def asked_back_or_added(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The intent of one of the kinds above, or None (see the module docstring)."""
    return first_kind(_KINDS, compact, expect, dated)
