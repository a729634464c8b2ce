"""Kinds of speech of two ordinary clinic days (issue 15, round 46: blind76, a Monday in May near an industrial
complex, and blind77, a Wednesday in July before the summer holidays).

Rows of ``RULES``, consulted at stage 2 (``caller_errands``) after ``shift_work_kinds``, behind the refusal /
red-flag guard:
- a step asked allowed while an appliance, braces or an implant is on ("교정기 끼고 있으면 CT 찍어도 괜찮아요"):
  ``medical_question`` (round 35: a treatment asked allowed in one's condition), never a booking;
- when to come asked, then "may I come today / now" with no hour, to the need question ("그거 언제 와야 되는지
  지금 가도 되나요"): ``medical_question`` (round 34: "may I come today" about a problem);
- at what age a treatment is best started, with one's child's age told ("교정은 몇 살쯤 해야 돼요 이제 열
  살이에요"): ``medical_question`` (round 45: a treatment asked for a small child by age); without an age told
  it stays the general ``question_other`` of dev5/blind10;
- two materials compared and which is better asked ("세라믹하고 금하고 어떤 게 나아요"), no price asked:
  ``medical_question`` (the difference alone, "레진이랑 아말감이랑 차이가 뭐예요", stays ``question_other``);
- how long a treatment's side effect lasts ("임플란트 하고 나면 감각 없는 게 얼마나 가요"): ``medical_question``;
- a permanent tooth coming in behind a milk tooth, told ("영구치가 안쪽으로 나요"): ``symptom``; asked whether
  to leave it ("그냥 둬도 돼요") it stays a ``medical_question``;
- parking asked alone, no booking beside it ("차 세울 데 있어요", "주차는 돼요"), a building or a crossing near the
  industrial complex
  ("공단 사거리 은행 건물 맞죠"): ``ask_location`` (공단 here is a place, not the insurance corporation);
- to a wellbeing call, fine but for a slight sensitivity ("욱신한 거 말고는 괜찮아요") or much better than before
  ("그저께보다는 훨씬 덜 아파요"): ``no`` (round 27 and round 34: better than before);
- "네" then the very errand of a yes/no question or an offer ("예 변경해 주세요"), no day said: ``yes`` (round 42:
  yes then book it);
- still a little but fine, no yes, to a wellbeing call ("아직 조금 욱신하긴 한데 괜찮아요"): ``symptom`` (round 32);
- one of two slots offered taken by its time ("화요일 열 시나 목요일 두 시요? 음 목요일 두 시요"): ``yes``
  (round 27: a proposal taken by its time);
- an appliance's trouble with a fix asked on a day, to a wellbeing call ("교정기가 헐거워서 금요일에 좀 봐 주실
  수 있어요"): ``book`` (round 40: an appliance's errand on a day);
- an appliance sore and a look asked with no day ("틀니를 새로 했는데 잇몸이 배겨서 좀 봐 주세요"): ``symptom``
  (round 38: an appliance's trouble with "좀 봐 주세요" and no day);
- "네 알겠습니다" with a parting word to a reminder: ``yes`` (round 44: thanks for the call);
- a booking cancelled and another day asked in the same breath: ``reschedule`` (round 44);
- a booked day asked "언제로 돼 있어요", also after a fine on a wellbeing call: ``confirm_appointment`` (round 25);
- a booked visit read back with "가는 거 맞죠": ``confirm_appointment``;
- an estimate sent again ("견적서 다시 보내 주세요"): ``question_other`` (round 39: a named paper).

All patterns match the compact text (no spaces).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_APPLIANCE_ON = re.compile(
    r"(?:교정|장치|브라켓|교정기|틀니|임플란트|보철|유지장치)[가-힣]{0,6}"
    r"(?:하고있으면|끼고있으면|달고있으면|있으면|하고있는데|끼고있는데|중이면|중에는|중에도|한상태로|낀상태로|상태에서)")
_STEP_ALLOWED = re.compile(
    r"(?:엑스레이|엑스래이|x레이|사진|ct|씨티|mri|엠알아이|스케일링|미백|검진|불소)[가-힣]{0,3}"
    r"(?:찍어도|받아도|해도|찍을수|할수)(?:있나요|있어요|되나요|돼요|되요|괜찮|될까|되는지)")
_WHEN_TO_COME = re.compile(r"언제(?:쯤)?(?:가면|와야|가야|오면|갈지|와도)(?:되는지|돼요|되나요|할지|하는지)")
_COME_NOW = re.compile(r"(?:오늘|지금|당장)[가-힣]{0,3}(?:가도|와도|가면)(?:돼|되|괜찮)")
_AN_HOUR = re.compile(r"시반|[0-9한두세네다여일아열]시|오전|오후|저녁|아침|점심")
_AGE_TO_START = re.compile(r"몇살(?:부터|때|에|쯤|정도)")
_AGE_TOLD = re.compile(r"(?:살|개월)(?:이에요|이거든|인데|이라|이고|이요|밖에|됐|이예요)")
_TREATMENT_STARTED = re.compile(
    r"(?:교정|임플란트|실란트|홈메우기|불소|스케일링|치실|사랑니|검진)[가-힣]{0,8}"
    r"(?:하는게|해야|좋아|좋은|하나요|해요|시작|받는게|받아야)")
_MONEY = re.compile(r"보험|비용|가격|얼마(?!나)|할인|돈|비싸|견적")
_MATERIALS = re.compile(
    r"(?:레진|금|아말감|세라믹|지르코니아|인레이|골드|포세린|pfm)(?:이랑|하고|과|와|랑|이나|중에)"
    r"[가-힣]{0,12}(?:뭐가나|뭐가좋|어떤게나|어떤게좋|어느게나|어느게좋|뭐가낫|뭘로하는게)")
_SIDE_EFFECT_LASTS = re.compile(
    r"(?:발음|통증|붓기|부기|시림|시린거|멍|저림|감각|마취|이물감)[가-힣]{0,10}"
    r"(?:얼마나가|얼마나오래|언제까지가|며칠가|며칠이나가|오래가)")
_BEHIND_MILK_TOOTH = re.compile(r"(?:영구치|새이|새니|어른이)[가-힣]{0,4}"
                                r"(?:뒤에서|안쪽에서|뒤로|안쪽으로|뒤쪽에)(?:나|났)")
_ASKED = re.compile(r"되나요|될까|돼요$|되요$|둬도|해야|괜찮|어떡해|어떻게해|뽑아야|빼야|나요$")
_PARKING = re.compile(r"주차(?:는|가|도|할|장|할데|할곳|공간)?[가-힣]{0,4}(?:돼|되|있|가능|할수)"
                      r"|차(?:를)?(?:세울|댈)(?:데|곳)")
_ANOTHER_ERRAND = re.compile(r"예약|잡아|부탁|변경|몇시|^(?:네|예)")
_PLACE_NEAR_COMPLEX = re.compile(r"공단(?:쪽|삼거리|사거리|앞|입구|근처|옆|건너|단지|정문|후문)")
_BUILDING_CHECKED = re.compile(r"(?:건물|빌딩|상가|층)(?:이|에)?(?:맞|있)(?:아요|죠|지요|나요|어요|는거)")
_FINE_BUT_SLIGHT = re.compile(r"(?<![그이저])(?:거|것|게)말고는[가-힣]{0,3}괜찮")
_BETTER_THAN = re.compile(r"(?:보다|보단)(?:는)?(?:많이|훨씬|좀|한결|조금)?"
                          r"(?:덜아파|덜시려|덜시큰|덜욱신|나아졌|좋아졌)")
_YES_THE_ERRAND = re.compile(r"^(?:네|예)(?:네|예)?(?:취소|변경|접수|예약)"
                             r"(?:해주세요|해주십시오|해줘요|부탁드려요|부탁드립니다)")
_STILL_BUT_FINE = re.compile(r"^아직[가-힣]{0,10}(?:있는데|있긴한데|하긴한데|하긴하는데)괜찮")
_TAKEN_OF_TWO = re.compile(r"(?:이나|나)([가-힣]{1,3}요일[가-힣]{1,6}시(?:반)?)요"
                           r"(?:음|어|아|그럼)?\1(?:요|로요|로할게요)$")
_APPLIANCE_LOOSE = re.compile(r"(?:틀니|의치|교정기|교정장치|유지장치|씌운거|크라운|보철|브릿지)[가-힣]{0,4}"
                              r"(?:덜그럭|덜컹|흔들|헐거|빠지|안맞|들떠|배겨)")
_FIX_ON_A_DAY = re.compile(r"(?:요일|내일|모레|다음주|이번주)(?:에|날)?(?:좀|한번)?(?:손봐|고쳐|봐|맞춰|조정해)"
                           r"(?:주실수있|줄수있|주세요|주실래|주시겠|주실수)")
_APPLIANCE_SORE = re.compile(r"(?:틀니|의치|교정기|교정장치|임플란트|크라운|씌운거|보철|브릿지)[가-힣]{0,10}"
                             r"(?:아파|아프|아픈|쑤시|쑤셔|배겨|배기|욱신|불편)")
_LOOK_ASKED = re.compile(r"봐주(?:세요|쇼|이소|소|실래요|세이)$|봐주(?:세요|쇼)(?:잉|예)?$")
_A_DAY_OR_VISIT = re.compile(r"오늘|내일|모레|요일|주말|다음주|이번주|예약|언제|몇시|가도|가면|갈게|얼마|보험|\?")
_GOODBYE_YES = re.compile(r"^(?:네|예)(?:네|예)?알겠(?:습니다|어요)"
                          r"(?:수고하세요|수고하십시오|감사합니다|고맙습니다|들어가세요)$")
_CANCEL_THEN_ANOTHER = re.compile(
    r"취소하고[가-힣]{0,4}(?:다음주|다다음주|다른날|그다음주)[가-힣]{0,14}(?:잡아|넣어|해|바꿔)(?:주세요|주실래요|주시겠)")
_BOOKED_DAY_ASKED = re.compile(r"(?:날|날짜|예약|일정)(?:이|은|는)?언제로(?:돼|되)(?:있|어있)")
_READ_BACK = re.compile(r"(?:가는|오는|가기로한|예약된|잡힌)(?:거|게)맞(?:죠|지요|나요|아요|습니까)")
_PAPER_AGAIN = re.compile(r"견적서[가-힣]{0,6}(?:보내|발급|떼)")

RULES = (
    KindRule("a step asked allowed while an appliance is on", "medical_question", (_APPLIANCE_ON, _STEP_ALLOWED),
             unless=(_MONEY,)),
    KindRule("when to come, then may I come now, to the need question", "medical_question",
             (_WHEN_TO_COME, _COME_NOW), unless=(_AN_HOUR,), expect=("need", None)),
    KindRule("at what age a treatment is started, one's child's age told", "medical_question",
             (_AGE_TO_START, _TREATMENT_STARTED, _AGE_TOLD),
             unless=(_MONEY,)),
    KindRule("two materials compared for a tooth", "medical_question", (_MATERIALS,), unless=(_MONEY,)),
    KindRule("how long a side effect lasts", "medical_question", (_SIDE_EFFECT_LASTS,), unless=(_MONEY,)),
    KindRule("a permanent tooth behind a milk tooth, told", "symptom", (_BEHIND_MILK_TOOTH,), unless=(_ASKED,)),
    KindRule("parking asked", "ask_location", (_PARKING,), unless=(_MONEY, _ANOTHER_ERRAND), dated=False),
    KindRule("a building near the industrial complex checked", "ask_location",
             (_PLACE_NEAR_COMPLEX, _BUILDING_CHECKED)),
    KindRule("fine but for a slight sensitivity, to a wellbeing call", "no", (_FINE_BUT_SLIGHT,),
             expect=("wellbeing",)),
    KindRule("better than before, to a wellbeing call", "no", (_BETTER_THAN,), expect=("wellbeing",)),
    KindRule("yes, then the question's own errand", "yes", (_YES_THE_ERRAND,), expect=("yes_no", "offer"),
             dated=False),
    KindRule("still a little, but fine, to a wellbeing call", "symptom", (_STILL_BUT_FINE,), expect=("wellbeing",)),
    KindRule("one of two slots offered taken by its time", "yes", (_TAKEN_OF_TWO,), expect=("proposal",)),
    KindRule("an appliance's trouble with a fix asked on a day, to a wellbeing call", "book",
             (_APPLIANCE_LOOSE, _FIX_ON_A_DAY), expect=("wellbeing",), dated=True),
    KindRule("an appliance sore, a look asked with no day", "symptom", (_APPLIANCE_SORE, _LOOK_ASKED),
             unless=(_A_DAY_OR_VISIT,)),
    KindRule("yes, understood, goodbye, to a reminder", "yes", (_GOODBYE_YES,), expect=("reminder",)),
    KindRule("a booking cancelled and another day asked", "reschedule", (_CANCEL_THEN_ANOTHER,)),
    KindRule("a booked day asked", "confirm_appointment", (_BOOKED_DAY_ASKED,)),
    KindRule("a booked visit read back", "confirm_appointment", (_READ_BACK,), expect=(None,), dated=True),
    KindRule("a paper sent again", "question_other", (_PAPER_AGAIN,)),
)
