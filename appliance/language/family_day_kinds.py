"""Kinds of speech of a family clinic's day (issue 15, round 30: blind44, a busy Saturday morning, and blind46, a
Monday of the school vacation), consulted at stage 2 (``caller_errands``) after ``after_holiday_kinds``, before
``clinic_day_kinds``:

- safety first: an appliance's care asked ("교정기 세척하는 법 좀 여쭤보려고요"), a walk-in asked with a pain told
  ("예약 안 하고 그냥 가도 돼요? 잇몸이 부어서", round 23: "can I come … about a problem"), a photo offered for
  the dentist to look at ("사진 찍어 보낼 테니 한번 봐 주시겠어요", round 23), whether an offered check is needed
  at all ("아무렇지도 않은데 꼭 받아야 돼요") and when to come back asked on a wellbeing call ("언제 또 가면 되나요"):
  ``medical_question``; a pain told after the braces were tightened, nothing asked, on a wellbeing call: ``symptom``;
- another person's visit asked with one's own ("그날 딸도 같이 봐 주실 수 있어요", "동생도 검사 받게 해 주세요"),
  a child brought and "should I book?" ("손녀 데려가도 돼요 예약해야 하나"): ``book`` (round 23: a person added);
  a routine weekday kept on ("수요일마다 오는데 다음 달도 수요일로 넣어 주세요"): ``book`` (no day: ``date_choice``);
- a booking cancelled to take another day ("화요일 거 취소하고 목요일로 해 주세요"): ``reschedule``;
- "네 알겠습니다 (감사합니다)" to a reminder: ``yes`` (the labelled sets: 7 of 7 such reminder answers);
- a yes to an offer with a day of one's own ("네 그럼 금요일 오후로 갈게요", "예 다음 주 수요일 되나요"): ``book``
  (round 30's convention: 21 of 21 such labelled answers);
- two hours in doubt to the time question ("두 시였나 세 시였나"): ``book`` (round 27: a bare hour answered);
- an offer refused as busy "됐어요" (round 25: a refusal now): ``no``; an offer answered "moved away / not a patient
  for years" ("이사 가서 거기 안 다닌 지 오래예요"): ``no`` (the labelled sets: 9 of 9);
- a sealant or fluoride given to the treatment question ("실란트요"): ``book`` (no treatment key, as every set);
- a receipt asked by e-mail or text: ``question_other``; what one pays oneself under the insurance: ``ask_insurance``
  (round 25); running late for lack of parking: ``question_other`` (stage 9's running late, not the parking topic).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_APPLIANCE = re.compile(r"틀니|의치|교정기|유지장치|리테이너|마우스피스|보철")
_CARE_OF_IT = re.compile(r"소독|세척|세정|닦|보관|관리하")
_ASKING = re.compile(r"여쭤|여쭈|물어|궁금|어떻게|어케|뭘로|돼요|되나|되요|하나요|해야")
_BOOKING_WORDS = re.compile(r"예약|잡아|받으러|맡기|고치러|수리")
_WALK_IN_ASKED = re.compile(r"예약(?:없이|안하고|안했는데)(?:그냥)?(?:가도|가면|와도)")
_PAIN_TOLD = re.compile(r"아파|아프|부어|부었|욱신|시려|시리|(?<![커카배])피[가나]|흔들")
_PHOTO_OFFERED = re.compile(
    r"사진(?:을)?찍어(?:서)?(?:보내|올려)[가-힣]{0,10}(?:봐|보)(?:주실|주시|줄수|주세요|주시겠)")
_PAPERS = re.compile(r"카톡|카카오|문자|메일|엑스레이|서류|영수증|진단서|소견서|보험|처방전")
_NEEDED_AT_ALL = re.compile(r"꼭(?:가야|받아야|해야)(?:돼|되|하나|할까|하는)")
_NOTHING_WRONG = re.compile(r"문제(?:가)?없|멀쩡|괜찮|아무렇지|안아프|불편한거없|불편한데없")
_WHEN_BACK = re.compile(r"언제(?:다시|또)(?:가면|와야|오면|가야|가보면)(?:돼|되|될|하나|할까)")
_LOOK_WISHED = re.compile(r"봐주|봐줬|보여드리|가보고싶|진료받고싶")
_BRACES_TIGHTENED = re.compile(r"(?:교정기|철사|장치|교정)(?:를|을)?(?:조인|조이고|조였|끼운|갈아끼운|바꾼)[가-힣]{0,3}"
                               r"(?:뒤로|뒤부터|후로|후부터|다음부터|다음날부터|나서|부터)")
_QUESTION = re.compile(r"\?|까요|나요|되나|돼요|되요|어떡|어떻게|괜찮은|정상|원래|언제|해야")
_PERSON = (r"(?:애|아이|애기|딸|아들|동생|남편|와이프|아내|집사람|엄마|아빠|어머니|아버지|할머니|할아버지|손주|손녀|"
           r"손자|애들|형|누나|언니|오빠|남동생|여동생|막내|큰애|작은애|조카)")
_PERSON_ADDED = re.compile(_PERSON + r"(?:것|거|꺼)?(?:도|까지)(?:같이|함께)(?:좀)?[가-힣]{0,6}"
                           r"(?:봐|받게해|잡아|예약해|넣어)(?:줄수|주실수|주세요|줘요|주실래|주시겠|줄래|주시면)")
_PERSON_SEEN_TOO = re.compile(
    _PERSON + r"(?:도|까지)[가-힣]{0,6}(?:받게해|잡아|예약해|넣어)(?:주세요|줘요|주실래|주시겠)")
_NOT_COMING = re.compile(r"못가|안가|취소|안갈")
_CHILD_BROUGHT = re.compile(_PERSON + r"[가-힣]{0,16}데려(?:가|와)[가-힣]{0,10}예약(?:을)?해야(?:되|돼|하)")
# round 34: "… 취소하고 그 다음 주로 다시 할게요"
_CANCEL_FOR_ANOTHER = re.compile(r"(?:거|것|예약)(?:은|는|을)?취소하고(?:요)?[가-힣]{0,10}(?:요일|일|날|주)(?:로|으로)"
                                 r"(?:다시)?(?:해|바꿔|옮겨|할수|할게|할께|잡을게|잡아|될까|되나|돼|가능)")
_UNDERSTOOD = re.compile(r"^(?:아)?(?:네|예)+알겠(?:습니다|어요)(?:감사(?:합니다|해요)|고맙(?:습니다|어요))?$")
_HOURS_IN_DOUBT = re.compile(r"시(?:였|이었)나[가-힣]{0,4}시(?:였|이었)나")
_BUSY_NOT_NOW = re.compile(r"(?:바빠|바쁘|바뻐)[가-힣]{0,6}(?:됐어요|됐습니다|됐고요|괜찮습니다)$")
_GONE_ELSEWHERE = re.compile(r"(?:안|못)다닌(?:지|게)[가-힣]{0,4}(?:오래|꽤|몇년|일년|한참)|이사(?:와서|가서)|"
                             r"(?:이제|요즘)(?:거기|그치과|그병원|치과)?(?:는|도)?안다녀(?:요|서요)?$|"
                             r"치과(?:는|도)?(?:이제|요즘)안다녀(?:요|서요)?$")  # round 34: "그 치과 이제 안 다녀요"
_CALL_OR_ADDRESS = re.compile(
    r"전화|연락|문자|주소|번호|바뀌|바꿔|어디|건물|예약|취소|\?|할게|갈게|좋아요|해주세요|잡아")
_SEALANT = re.compile(r"실란트|홈메우|불소")
_RECEIPT_SENT = re.compile(r"(?:영수증|세부내역|내역서)[가-힣]{0,10}(?:이메일|메일|팩스|문자|카톡)(?:로|으로)")
_CLAIM = re.compile(r"실비|보험|청구")
_INSURED_OWN_SHARE = re.compile(r"보험(?:이|은)?(?:되면|된다면|적용되면)[가-힣]{0,4}(?:제가|내가|본인이)?"
                                r"(?:내는|낼|부담하는|부담)[가-힣]{0,6}얼마")
_ROUTINE_DAY_KEPT = re.compile(r"요일마다[가-힣]{0,30}(?:잡을수|잡아|예약할수|예약해|넣어)")
_YES_FIRST = re.compile(r"^(?:아|음)?(?:네|예|응)+")
_DAY_OF_ONES_OWN = re.compile(r"(?:갈게요|갈께요|가께요|가께|갈게|되나요|되나|될까요|돼요\?|가능할까요|가능해요)$")
_DAY_REFUSED = re.compile(r"안되(?:나|나요|는)$|안돼요\??$|못가|전화|연락|말고|어렵")
_LATE_FOR_PARKING = re.compile(r"주차[가-힣]{0,16}(?:늦을|늦겠|늦어|늦게)")

RULES = (
    KindRule("an appliance's care asked", "medical_question", (_APPLIANCE, _CARE_OF_IT, _ASKING),
             unless=(_BOOKING_WORDS,)),
    KindRule("a walk-in asked with a pain", "medical_question", (_WALK_IN_ASKED, _PAIN_TOLD)),
    KindRule("a photo offered for a look", "medical_question", (_PHOTO_OFFERED,), unless=(_PAPERS,), dated=False),
    KindRule("an offered check needed at all", "medical_question", (_NEEDED_AT_ALL, _NOTHING_WRONG),
             expect=("offer", "reminder", "wellbeing")),
    KindRule("when to come back, on a wellbeing call", "medical_question", (_WHEN_BACK,), unless=(_LOOK_WISHED,),
             expect=("wellbeing",), dated=False),
    KindRule("a pain after the braces were tightened", "symptom", (_BRACES_TIGHTENED, _PAIN_TOLD),
             unless=(_QUESTION,), expect=("wellbeing",)),
    KindRule("another person's visit with one's own", "book", (_PERSON_ADDED,), unless=(_NOT_COMING,),
             expect=("reminder", "confirm", "wellbeing", "offer", None)),
    KindRule("another person seen too, on a call about one's visit", "book", (_PERSON_SEEN_TOO,),
             unless=(_NOT_COMING,), expect=("reminder", "confirm", "wellbeing")),
    KindRule("a child brought, should I book", "book", (_CHILD_BROUGHT,)),
    KindRule("a routine weekday kept", "book", (_ROUTINE_DAY_KEPT,), unless=(_NOT_COMING,)),
    KindRule("a booking cancelled for another day", "reschedule", (_CANCEL_FOR_ANOTHER,)),
    KindRule("understood, to a reminder", "yes", (_UNDERSTOOD,), expect=("reminder", "confirm")),
    KindRule("two hours in doubt", "book", (_HOURS_IN_DOUBT,), expect=("time",)),
    KindRule("a yes to an offer with a day of one's own", "book", (_YES_FIRST, _DAY_OF_ONES_OWN),
             unless=(_DAY_REFUSED,), expect=("offer",), dated=True),
    KindRule("busy, no thanks", "no", (_BUSY_NOT_NOW,), expect=("offer",)),
    KindRule("moved away, not a patient now", "no", (_GONE_ELSEWHERE,), unless=(_CALL_OR_ADDRESS,),
             expect=("offer",)),
    KindRule("a sealant or fluoride as the treatment", "book", (_SEALANT,), expect=("treatment",)),
    KindRule("a receipt sent", "question_other", (_RECEIPT_SENT,), unless=(_CLAIM,)),
    KindRule("one's own share under the insurance", "ask_insurance", (_INSURED_OWN_SHARE,)),
    KindRule("late for lack of parking", "question_other", (_LATE_FOR_PARKING,)),
)
