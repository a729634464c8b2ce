"""Kinds of speech of two ordinary clinic days (issue 15, round 40: blind64, a Monday in January beside a large
hospital and a subway station, second opinions and dentures; blind65, a Thursday of Children's Day week, parents
booking for children, partial dentures, a few 충청도 speakers).

The caller's errands (``RULES``), consulted at stage 2 (``caller_errands``) after ``winter_day_kinds``, behind the
refusal / red-flag guard:

- a treatment's possibility wondered for one's condition, asked "isn't it impossible" ("이가 다 빠져서 임플란트는
  안 되는 거 아니에요?"): ``medical_question`` (round 32: a treatment wondered possible for one's condition);
- a treatment wondered whether it will help a trouble told ("누렇게 변했는데 미백하면 하얘져요"): ``medical_question``;
- an appliance or a crown's trouble told (also another's, "… 같대요"), then "can you fix it / put it back / have a
  look" with no day ("부분틀니 고리가 빠졌는데 고칠 수 있어요?", "씌운 게 빠져서 다시 붙일 수 있나 해서", "틀니가
  헐거워서 한번 가 봐야겠는데"): ``symptom`` (round 23: a problem described and "can you fix it" with no day); told
  with nothing asked ("나사가 빠진 거 같대요", "자꾸 빠질라 그래요 말할 때"): ``symptom`` too;
- a reminder answered "won't come", "can't bring the child" or "I'll cancel" with a reason after ("애가 아파서
  그날 못 데려갈 거 같아요", "취소할게요 애 아빠가 못 데려간대요"): ``cancel`` (round 27), no day to move to;
- running late, then a new time asked ("이십 분 늦을 거 같아서요 두 시 반으로 좀"): ``reschedule``;
- a reminder answered with another's treatment and one's own added ("그날 애 치료하고 제 스케일링도 같이 해 주실 수
  있어요"): ``book`` (round 23: a treatment added to a visit already booked);
- fine on a wellbeing call, then "but book me" with a day ("네 멀쩡해요 근데 다음 주 화요일 예약 잡아 주세요"):
  ``book``;
- the machine asked about ("누가 전화하는 거예요? 기계예요?"), no person asked for: ``question_other``;
- who does the treatment asked ("원장님이 직접 해 주세요?"): ``question_other``, for staff;
- an offer declined "not now" with a reason ("지금은 좀 그래요 애가 무서워해서"): ``no`` (round 25);
- an offer taken "가야지요" with a reason, no day ("예 가야지요 틀니 한 지 칠 년 넘었으니까"): ``yes``;
- a reminder's day echoed as a tag question, then "I'll go" ("틀니 찾는 날이죠 가야지요"): ``yes``;
- a treatment another clinic or a hospital advised, then "may I have it here / would you look again" ("대학병원에서
  사랑니 빼라고 해서요 여기서 빼도 되나 해서"): ``book``, a second opinion is a visit;
- another's number no longer used ("이 사람 이 번호 안 써요"): ``wrong_number``;
- what one pays with the insurance ("보험으로 임플란트 하면 제가 내는 돈은 얼마예요"): ``ask_insurance`` (round 38);
- a reminder known, "I forgot" then a yes ("아 맞다 깜빡했네 네 알겠습니다"): ``yes`` (round 30);
- a trouble told, its cause wondered ("이가 아프다고 하는데 충치인가 싶어서요"): ``symptom`` (as the sets label it);
- a walk-in asked now, no trouble told ("지금 바로 가도 진료 되나요"): ``book`` (round 36);
- a day at one's free hour asked ("점심시간에 스케일링 받을 수 있는 날 있어요"): ``book``, no place asked;
- "nothing, thanks" to the need question, "fine, don't worry" on a wellbeing call: ``no`` (rounds 27 and 32);
- a reminder answered "I'll ask my husband and call back": ``callback_later``;
- "is the clinic open now" ("지금 진료 끝났어요"): ``ask_hours``;
- a booked day told ("원래 … 목요일인데"), then another asked ("금요일로 바꿔 주세요"): ``reschedule``;
- a doctor asked whether in today, named after ("선생님 오늘 나오세요? 박 원장님이요"): ``talk_to_staff``;
- an appliance to be made again, wished ("틀니 다시 맞춰야 쓰겄어요"), no day: ``book``, a visit wished;
- an offer taken for several with a day of one's own ("네 애 둘 다 해 줄 수 있어요? 다음 주 화요일"): ``book``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_TREATMENT = r"(?:임플란트|틀니|부분틀니|교정|미백|스케일링|레진|크라운|브릿지|신경치료|라미네이트|사랑니|발치)"
_CONDITION_TOLD = re.compile(r"(?:는데|서|니까|인데)")
_NOT_POSSIBLE_ASKED = re.compile(_TREATMENT + r"(?:는|은|도)?(?:안|못)(?:되|돼|하)는(?:거|건|게)(?:아니|아닌)")
_HELPS_ASKED = re.compile(r"(?:는데|었는데|했는데)[가-힣]{0,6}" + _TREATMENT + r"(?:하면|받으면|해도)[가-힣]{0,4}"
                          r"(?:하얘|좋아|나아|없어|괜찮아|펴|들어가)(?:져요|지나요|질까요|지죠|져\?|요|지요)$")
_APPLIANCE_OR_CROWN = re.compile(r"틀니|브릿지|크라운|씌운|때운|임플란트|교정기|유지장치|고리|나사|보철")
_TROUBLE = re.compile(r"빠졌|빠진|빠져|깨졌|깨진|깨져|부러|헐거|헐렁|쓸려|쓸리|눌러|빠질라")
_FIX_ASKED = re.compile(
    r"(?:고칠|고쳐|붙일|붙여|손볼|봐줄|봐주실|수리할)(?:수)?(?:있|줄수있|주실수있)(?:어요|을까요|나요|나|능가|을까|는지)?"
    r"(?:해서|해서요|싶어서|싶어서요)?$|(?:한번|좀)?가봐야(?:쓰)?(?:겠는데|겠어요|겠네요|할거같아요|하겠는데)$")
_TOLD_END = re.compile(r"(?:같대요|같아요|그래요|그러네요|그런대요|말할때|먹을때|씹을때)$")
_A_DAY = re.compile(r"오늘|내일|모레|요일|다음주|이번주|몇시|[한두세네섯곱덟홉열]시|예약")
_CANT_BRING = re.compile(r"(?:못|안)(?:데려가|데려갈|데려간|데리고가|데리고갈|데리고간)")
_CANCEL_FIRST = re.compile(r"^(?:저)?(?:죄송한데|죄송하지만|미안한데)?(?:저)?취소(?:할게요|해주세요|해야겠어요|할께요)")
_MOVED = re.compile(r"(?:로|으로)(?:바꿔|미뤄|옮겨|변경)|다른날|다음주로|다음에가")
_LATE = re.compile(r"늦을|늦어|늦겠")
_NEW_TIME = re.compile(r"(?:시|반|분)(?:으로|로)(?:좀|좀요|바꿔주세요|해주세요|될까요|되나요|가능)$")
_OWN_ADDED = re.compile(r"(?:제|저|내|남편|아내|와이프)[가-힣]{0,6}(?:도|까지)같이(?:해|받|봐)"
                        r"(?:주실수있|줄수있|주세요|주시나요|될까요|되나요|돼요)")
_FINE_THEN_BUT = re.compile(r"^(?:네|예)?(?:멀쩡|괜찮|좋아|잘)[가-힣]{0,6}(?:근데|그런데|그리고)")
_BOOK_ASKED = re.compile(r"예약[가-힣]{0,4}(?:잡아|해|넣어)(?:주세요|줘요|주실래요)")
_MACHINE_ASKED = re.compile(r"기계(?:예요|에요|인가요|죠|야)|로봇(?:이에요|인가요|이죠)|"
                            r"자동(?:으로)?(?:전화|녹음)(?:예요|인가요)")
_PERSON_WANTED = re.compile(r"바꿔|연결|상담원|직원|사람(?:이랑|하고|좀|한테)")
_WONT_COME = re.compile(r"^(?:아|어|저)?(?:안|못)(?:갈래요|갈게요|가요|갈거예요|갈것같아요)")
_WHO_DOES_IT = re.compile(r"(?:원장님|선생님)(?:이|께서)?직접(?:해|하|봐|치료|수술)"
                          r"(?:주세요|주시나요|주시는|하세요|시나요)")
_NOT_NOW = re.compile(r"^(?:음|아|어)?지금은(?:좀|조금)(?:그래요|그렇네요|그렇고|어려워요|힘들어요)")
_TAKE_WITH_REASON = re.compile(r"^(?:네|예)(?:가야|해야|받아야)(?:지요|죠|지)[가-힣]{2,}"
                               r"(?:니까|거든요|라서|어서|아서)$")
_DAY_OR_WHEN = re.compile(r"언제|요일|오늘|내일|모레|다음주|[한두세네섯곱덟홉열]시")
_NOT_GOING = re.compile(r"안(?:할|해|갈|가)|못(?:해|가|갈)|다음에|나중에|됐어요")
_DAY_ECHOED = re.compile(r"(?:날|거|때)(?:이죠|죠|맞죠)(?:가야|갈게|가야지|갈께)(?:요|죠)?$")
_ELSEWHERE_ADVISED = re.compile(
    r"(?:다른치과|다른병원|대학병원|딴치과|다른데|큰병원|거기)(?:에서|서)[가-힣]{0,24}"
    r"(?:하라고|빼라고|뽑으라고|받으라고|해야된다고|해야한다고|해야된대서|빼야된다고|뽑아야된다고)")
_HERE_ASKED = re.compile(r"여기(?:서|에서)[가-힣]{0,4}(?:빼도|해도|받아도|뽑아도|할수있|될까|되나)|"
                         r"(?:다시|한번)[가-힣]{0,4}봐(?:주실수있|줄수있|주세요|주시나요)")
_NOT_THIS_NUMBER = re.compile(r"(?:이|그)(?:사람|분)[가-힣]{0,4}(?:이|그)?번호(?:안써|안쓰|안쓰세요|바뀌)|"
                              r"(?:이|그)(?:사람|분)[가-힣]{0,8}예전번호")
_WITH_INSURANCE = re.compile(r"보험(?:으로|을|이|해서|적용)[가-힣]{0,10}(?:하면|받으면|되면)")
_OWN_SHARE = re.compile(r"(?:제가|내가|본인이)?(?:내는|낼|부담하는|부담할)(?:돈|금액|비용)")
_FORGOT_THEN_YES = re.compile(r"(?:깜빡|까먹|잊어)[가-힣]{0,4}(?:네|예)(?:알겠습니다|알겠어요|갈게요)")

_CAUSE_WONDERED = re.compile(r"(?:아프|아파|시려|시리|찌릿|까맣|까매|누렇)[가-힣]{0,12}"
                             r"(?:충치|금간거|금간건|깨진거|깨진건|때문)인가싶어서(?:요)?$")
_WALK_IN_NOW = re.compile(r"^(?:저)?지금(?:바로)?(?:가도|가면)(?:진료|치료)?(?:되나요|돼요|될까요|받을수있)")
_BODY_TOLD = re.compile(r"아프|아파|시려|시리|욱신|부었|부어|(?<![커카배])피가|빠졌|깨졌|흔들")
_A_DAY_AT_AN_HOUR_ASKED = re.compile(r"(?:점심시간|퇴근하고|퇴근후|저녁|오전|오후)(?:에|에도)?[가-힣]{0,10}"
                                     r"(?:받을수있는|할수있는|되는|가능한)(?:날|시간|요일)(?:이)?(?:있어요|있나요|있을까요)")
_NOTHING_THANKS = re.compile(r"^(?:아니요|아뇨|네|예)?없어요(?:고마워요|감사합니다|감사해요|고맙습니다)$")
_NO_WORRY = re.compile(r"^(?:아유|아이고|어유)?괜찮아요(?:걱정마세요|걱정안하셔도돼요)$")
_ASK_THEN_CALL_BACK = re.compile(r"(?:물어보고|물어볼게요|여쭤보고|확인해보고)[가-힣]{0,6}(?:다시)?"
                                 r"(?:전화|연락)(?:드릴게요|할게요)$")
_OPEN_NOW = re.compile(r"^(?:지금|오늘)진료(?:끝났어요|끝났나요|끝났죠|하세요|하시나요)$")
_BOOKED_DAY_MOVED = re.compile(r"원래[가-힣]{0,12}(?:요일|일)인데[가-힣]{0,12}(?:요일|일|날)(?:로|으로)"
                               r"(?:바꿔|옮겨|변경해)"
                               r"(?:주세요|줘요|주실래요)$")
_PERSON_IN_TODAY = re.compile(r"^(?:저)?(?:선생님|원장님)(?:오늘|내일)(?:나오세요|나오시나요|계세요|출근하세요)"
                              r"[가-힣]{1,4}(?:원장님|선생님)(?:이요|요)$")
_SEVERAL_DONE = re.compile(r"^(?:네|예)(?:애|아이|애들)?(?:둘|셋|두명|세명)(?:다|모두)(?:해|봐)"
                           r"(?:줄수있|주실수있|주세요)")

_REDO_WISHED = re.compile(r"(?:틀니|보철|크라운|브릿지|교정기|유지장치)[가-힣]{0,4}다시(?:맞춰|해|만들어|새로해)야"
                          r"(?:쓰)?(?:겠어요|겠는데|겠네요|할거같아요|될거같아요)$")

RULES = (
    KindRule("a treatment wondered impossible for one's condition", "medical_question",
             (_CONDITION_TOLD, _NOT_POSSIBLE_ASKED)),
    KindRule("a treatment wondered to help a trouble", "medical_question", (_HELPS_ASKED,)),
    KindRule("an appliance's or a crown's trouble, fixed?", "symptom", (_APPLIANCE_OR_CROWN, _TROUBLE, _FIX_ASKED),
             (_A_DAY,)),
    KindRule("an appliance's or a crown's trouble told", "symptom", (_APPLIANCE_OR_CROWN, _TROUBLE, _TOLD_END),
             (_A_DAY,)),
    KindRule("a reminder, the child can't be brought", "cancel", (_CANT_BRING,), (_MOVED,), expect=("reminder",)),
    KindRule("a reminder, won't come first", "cancel", (_WONT_COME,), (_MOVED, _A_DAY), expect=("reminder",)),
    KindRule("a reminder, cancelled first with a reason", "cancel", (_CANCEL_FIRST,), (_MOVED,),
             expect=("reminder",)),
    KindRule("late, a new time asked", "reschedule", (_LATE, _NEW_TIME), dated=True),
    KindRule("a reminder, one's own treatment added", "book", (_OWN_ADDED,), expect=("reminder", "confirm")),
    KindRule("fine on a wellbeing call, but book me", "book", (_FINE_THEN_BUT, _BOOK_ASKED), expect=("wellbeing",),
             dated=True),
    KindRule("the machine asked about", "question_other", (_MACHINE_ASKED,), (_PERSON_WANTED,)),
    KindRule("who does the treatment asked", "question_other", (_WHO_DOES_IT,), (_BOOK_ASKED,)),
    KindRule("an offer declined not now, a reason", "no", (_NOT_NOW,), expect=("offer",)),
    KindRule("an offer taken with a reason", "yes", (_TAKE_WITH_REASON,), (_DAY_OR_WHEN, _NOT_GOING),
             expect=("offer",)),
    KindRule("a reminder's day echoed, I'll go", "yes", (_DAY_ECHOED,), expect=("reminder",)),
    KindRule("a treatment advised elsewhere, here asked", "book", (_ELSEWHERE_ADVISED, _HERE_ASKED)),
    KindRule("another's number no longer used", "wrong_number", (_NOT_THIS_NUMBER,)),
    KindRule("what one pays with the insurance", "ask_insurance", (_WITH_INSURANCE, _OWN_SHARE)),
    KindRule("a trouble told, its cause wondered", "symptom", (_CAUSE_WONDERED,)),
    KindRule("a walk-in now", "book", (_WALK_IN_NOW,), (_BODY_TOLD,)),
    KindRule("a day at one's free hour asked", "book", (_A_DAY_AT_AN_HOUR_ASKED,)),
    KindRule("nothing, thanks, to the need question", "no", (_NOTHING_THANKS,), expect=("need",)),
    KindRule("fine, don't worry, on a wellbeing call", "no", (_NO_WORRY,), expect=("wellbeing",)),
    KindRule("a reminder, another asked then a call back", "callback_later", (_ASK_THEN_CALL_BACK,),
             expect=("reminder",)),
    KindRule("open now asked", "ask_hours", (_OPEN_NOW,)),
    KindRule("a booked day moved to another", "reschedule", (_BOOKED_DAY_MOVED,), dated=True),
    KindRule("a doctor asked for by name, in today", "talk_to_staff", (_PERSON_IN_TODAY,)),
    KindRule("an offer taken for several, a day of one's own", "book", (_SEVERAL_DONE,), expect=("offer",),
             dated=True),
    KindRule("an appliance to be made again, wished", "book", (_REDO_WISHED,), (_A_DAY,)),
    KindRule("a reminder known, forgotten then yes", "yes", (_FORGOT_THEN_YES,), expect=("reminder",)),
)
