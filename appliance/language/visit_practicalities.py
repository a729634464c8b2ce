"""Practical asks around a visit that other words in them mislead (issue 15, round 19: blind26).

Read on the compact text (no spaces) at the start of ``caller_errands`` (stage 2 of ``docs/understanding.md``), so
each rule is narrow:
- the building's access for a walker, a wheelchair or a pushchair ("입구에 경사로 있어요", "유모차 두 대 놓을 데
  있어요"), also after a yes to a reminder: ``ask_location`` (the building, as the older sets label the lift);
- the fee of a paper (진단서, 소견서, 확인서, 진료기록 "떼는 데 얼마예요"): ``ask_price``, not a paper for staff;
- a photo of the trouble sent by message to be looked at ("부러진 거 사진 찍어서 카톡으로 보내면 봐 주실 수
  있어요"): ``question_other`` for staff, not an emergency (no red flag is told);
- the doctor of last time or a woman doctor wanted, with a day or a time and the visit asked ("여자 원장님 금요일에도
  계시면 그날 오후 두 시 검진으로요"): ``book``, not a question about the staff;
- an offer taken with its day or time named and the slot asked last ("네 좋아요 그럼 다음 주 월요일 오전 열 시로
  스케일링 잡아 주세요"): ``book`` (with no day nor time it stays a ``yes``);
- whether the doctor of last time still works there ("그 원장님 아직 거기 계세요"): ``question_other`` for staff;
- a companion asked along ("보호자 한 명 데리고 가도 되죠 저 혼자는 못 가서요"): ``question_other``, not a cancel;
- any time or any day fine, to the question of the time or the day ("시간은 상관없어요 하루 종일 집에 있어요",
  "평일 낮이면 다 돼요"): ``book``, the slot left to the clinic; the day left to staff ("날짜는 직원분이랑
  정할게요"): ``talk_to_staff``;
- the same hygienist or doctor asked after ("그날도 같은 위생사 선생님이죠"), a paper asked for or translated
  ("치료확인서 한 장씩 떼 주세요", "기록 번역해 주는 것도 해요"; an insurer's papers go to the insurance rules):
  ``question_other`` for staff;
- a broken appliance told with what it does and no visit asked ("유지장치 철사가 떨어져서 … 따끔해요"):
  ``symptom``, never a booking.
"""

from __future__ import annotations

import re

from appliance.language import reply_words as rw
from appliance.language.kind_rules import KindRule, first_kind

_ACCESS_THING = re.compile(r"경사로|보행기|휠체어|유모차|지팡이|목발|전동차|전동휠체어")
_ACCESS_ASKED = re.compile(
    r"경사로(?:가|는|도)?(?:있|없|되)|(?:놓을|둘|세워둘|세워놓을|댈|보관할)(?:데|곳|자리|공간)|(?:엘리베이터|승강기)"
    r"|(?:입구|계단|턱)(?:에|이|은|는)?[가-힣]{0,6}(?:있|없|높)"
)
_IN_THE_ROOM = re.compile(r"들어갈수|들어가도|타고들어|진료실|진료의자|의자로|치료받을수|진료받을수|탄채로|앉아")
_PAPER = re.compile(r"진단서|소견서|확인서|진료기록|의무기록|증명서|기록지|영문기록|진료비내역|세부내역|치과기록")
_PAPER_ASKED = re.compile(
    r"(?:떼|발급|뽑아|출력|번역|보내)(?:해)?(?:주세요|줘요|주실수|주나요|줄수|받을수|주는것도|주시나요|주시는것도)"
)
_INSURER = re.compile(r"보험|실비|실손|공단|산재")
_FEE_ASKED = re.compile(r"얼마(?!나)|비용|비싸|수수료|발급비|돈(?:이|은)?(?:들|받|내)")
_PHOTO_SENT = re.compile(r"사진(?:을|만)?찍어|사진[가-힣]{0,8}(?:보내|보낼|올리|올릴|전송)")
_LOOKED_AT = re.compile(r"봐(?:주|줄)|보실수|보시고|확인(?:해|해주|가능)|판단|알려(?:주|줄)")
_MESSAGE = re.compile(r"카톡|카카오|문자|메시지|톡으로|메일")
_RED_FLAG = re.compile(r"(?<![커카배])피[가나]|출혈|부었|붓|열이|숨|못참|죽겠|엄청아|너무아")
_DOCTOR_WANTED = re.compile(
    r"(?:여자|남자|그|같은|지난번|저번)[가-힣]{0,12}(?:원장님|선생님|의사|위생사)[가-힣]{0,12}(?:계시면|계신날|계실때|계시는날|있으면|되면)"
)
_VISIT_ASKED = re.compile(
    r"(?:으로|로)요$|(?:로|으로)?(?:해|잡아|넣어)(?:주세요|줘요|주실래요|주시겠어요)$|예약(?:할게요|하고싶어요|해주세요)$"
)
_SLOT_REQUESTED_LAST = re.compile(r"(?:로|으로)[가-힣]{0,8}(?:잡아|넣어|해|예약해)(?:주세요|줘요|주실래요|주시겠어요)$")
_ON_THEIR_DAY = re.compile(r"(?:계시는|계신|계실|나오시는|진료하시는)(?:날|때)(?:로|에)")
_DOCTOR = re.compile(r"원장님|선생님|의사")
_STILL_THERE = re.compile(
    r"아직(?:도)?(?:거기|그치과|그병원|그쪽)?(?:에)?(?:계세요|계시나요|계신가요|계셔요|일하세요|근무)|그만두셨"
)
_COMPANION_ALONG = re.compile(
    r"(?:보호자|가족|딸|아들|남편|아내|친구|활동지원사|요양보호사)[가-힣]{0,6}(?:데리고|데려|같이|함께)"
    r"(?:가도|와도|들어가도|가면)(?:되|돼|괜찮)"
)
_STAFF_DECIDES_DAY = re.compile(
    r"(?:직원|실장|사람|상담사|선생님)[가-힣]{0,3}(?:이랑|하고|과|와|한테)(?:정할|얘기|상의|통화)"
)
_SAME_STAFF = re.compile(
    r"(?:같은|그|지난번|저번)(?:위생사|원장님|선생님|의사)[가-힣]{0,4}(?:이죠|인가요|이세요|맞죠|맞나요|예요|이에요|세요)$"
)
_APPLIANCE_BROKEN = re.compile(
    r"(?:유지장치|교정장치|브라켓|브래킷|철사|와이어|틀니|마우스피스|나이트가드|고리|클라스프|장치)[가-힣]{0,12}"
    r"(?:떨어|빠졌|부러|깨졌|금이|헐거|튀어나|휘었)"
)
_FELT = re.compile(r"따끔|찔려|찌르|아파|아프|불편|걸려|배겨|쓸려|헐었|까졌")
_ASKED_OR_VISIT = re.compile(r"(?:나요|까요|되요|돼요|되나|죠|\?)$|어떡|어떻게|예약|가도|봐주|와도|받을수|고쳐")
_ANY_SLOT = re.compile(
    r"(?:시간|날짜|요일|날|언제)(?:은|는|이|도)?(?:상관없|아무때|아무래도|다돼|다괜찮|다좋)|(?:아무때나|언제든지|언제든)(?:괜찮|돼|좋|상관)"
    r"|(?:평일|주말|오전|오후|낮|저녁|아침)(?:이면|엔|에는|은|는)?다(?:돼|되|괜찮|좋)"
)


_KINDS = (
    KindRule("access for a walker, a wheelchair or a pushchair", "ask_location", (_ACCESS_THING, _ACCESS_ASKED),
             unless=(_IN_THE_ROOM,)),
    KindRule("a paper's fee", "ask_price", (_PAPER, _FEE_ASKED)),
    KindRule("a photo sent to be looked at", "question_other", (_PHOTO_SENT, _MESSAGE, _LOOKED_AT),
             unless=(_RED_FLAG,)),
    KindRule("a doctor wanted, the visit asked", "book", (_DOCTOR_WANTED, _VISIT_ASKED), dated=True),
    KindRule("a doctor wanted, on their day", "book", (_DOCTOR_WANTED, _ON_THEIR_DAY), dated=True),
    KindRule("an offer taken, the slot asked last", "book", (_SLOT_REQUESTED_LAST,), expect=("offer",), dated=True),
    KindRule("the doctor of last time still there", "question_other", (_DOCTOR, _STILL_THERE)),
    KindRule("a companion asked along", "question_other", (_COMPANION_ALONG,)),
    KindRule("the day left to staff", "talk_to_staff", (_STAFF_DECIDES_DAY,), expect=("time", "date", "slot")),
    KindRule("any slot fine", "book", (_ANY_SLOT,), unless=(rw.REFUSAL,), expect=("time", "date", "slot"),
             confidence=0.9),
    KindRule("the same hygienist or doctor", "question_other", (_SAME_STAFF,)),
    KindRule("a paper asked for", "question_other", (_PAPER, _PAPER_ASKED), unless=(_INSURER,), dated=False),
    KindRule("a broken appliance told", "symptom", (_APPLIANCE_BROKEN, _FELT), unless=(_ASKED_OR_VISIT,),
             confidence=0.9),
)


def visit_practicality(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The intent of one of this module's kinds, or ``None`` to leave the text to the other rules."""
    return first_kind(_KINDS, compact, expect, dated)
