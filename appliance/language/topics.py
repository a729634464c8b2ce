"""The topic of an utterance that is not a reply: reschedule, cancel, confirm, a fact asked (location, price,
insurance, hours), a booking or a symptom, each with how sure the cues make it (``SURE``: the model never overrides).

``topic_intent`` checks them in this order, so "예약 바꿔 주세요 주차도 되나요" moves a visit; facts mentioned in
passing lose to a booking told in the last words ("…보험 되잖아요 그거 하러 갈게요"). All patterns match the compact
text (no spaces or punctuation), like those in ``lexicon``.
"""

from __future__ import annotations

import re

from appliance.language import lexicon as lx
from appliance.language import questions as qs
from appliance.language.general_info import LEFT_BEHIND
from appliance.language.replies import SURE

CLEAR_CANCEL = re.compile(r"취소|캔슬|예약(?:을|은)?(?:좀)?(?:빼|없애|지워|삭제)|없(?:었)?던(?:걸|거|것)으?로")
# Where the caller is, not how to come: "지금 지하철인데", "버스 안이라서"
_WHERE_I_AM = re.compile(
    r"지금(?:은)?(?:지하철|버스|택시|차|역|밖|길)[가-힣]{0,3}(?:인데|이라|이어서|이에요|예요)|"
    r"(?:회사|직장|사무실|집|학교)(?:가|이|는|도)?(?:바로)?(?:근처|앞|옆|근방)(?:라서|이라서|라|이라|인데|예요|이에요)|(?:지하철|버스|택시|차)(?:안|타고있는|타고가는)(?:인데|이라|이어서|이에요|예요)|"
    r"(?:엘리베이터|지하)(?:안)?(?:라|이라|인데)(?:서)?끊|"
    # round 11: transport that fails ("버스 파업 끝나면", "차가 퍼져서", "지하철이 안 다녀서") is a reason, not the way
    r"(?:버스|지하철|전철|기차|택시|차)(?:가|이|도|는)?(?:파업|고장|퍼져|퍼졌|끊겨|끊겼|안다녀|안다니|멈춰|멈췄)"
)
# A clock time asked about ("목요일 12시 반 가능할까요", "12시 10분에 검진 되나요"): a slot, not the hours
SLOT_ASKED = re.compile(
    r"(?:\d|한|두|세|네|섯|곱|덟|홉|열)시(?:반|\d{1,2}분)?(?:에|쯤|으로|로)?(?:[가-힣]{1,6}(?:상담|치료|검진|스케일링|예약))?"
    r"(?:되|돼|가능|괜찮|비어|자리)"
)
# Records moved from another clinic ("진료 기록 옮겨 올 수 있나요"), a wire changed ("교정 철사 바꾸러 가야 되는데"),
# or the patient moving to another clinic ("집 근처로 옮기기로 해서요"): no visit is moved
_RECORDS_MOVED = re.compile(
    r"(?:기록|차트|자료|서류|사진|파일|엑스레이)(?:을|를|도|좀|은|는)?.{0,6}?(?:옮기|옮겨|옮길)"
    r"|(?:철사|와이어|장치|고무줄|브라켓|교정기|틀니|실밥|거즈|칫솔|약)(?:를|을|좀|도)?(?:바꾸|바꿔|갈)(?:러|려|어야|아야)"
    r"|(?:집근처|근처|동네|다른치과|다른병원|다른데|딴데|딴치과)(?:로|으로|에)?(?:옮기|옮겨|옮길|바꾸|바꿔|바꿀)"
    r"|(?:치과|병원)(?:를|을|도|좀)?(?:옮기|옮겨|옮길|바꾸|바꿔|바꿀)"  # round 11: "치과 옮기려고요" changes clinics
)
# A question given up before the request ("얼마냐고 물어보려다 그냥 가서 물어볼게", round 11)
_QUESTION_DROPPED = re.compile(r"[가-힣]{0,8}(?:냐고|는지|ㄴ지)(?:물어보|여쭤보|여쭈)(?:려다가?|려고했는데|려던거)")
# A change only supposed ("취소하면 위약금 있나요", "바꾸면 돈 더 내요"): a question about it, no change asked
# ("취소하면 안 될까요" asks politely for one: only a cost or a penalty after it makes it supposed)
_IF_CHANGED = re.compile(
    r"(?:(?:취소|변경|캔슬)(?:를|을)?(?:하면|할때|하게되면|시에?)|(?:바꾸|미루|옮기)면)"
    r"(?=.{0,8}(?:위약금|수수료|돈|비용|[패페]널티|불이익|벌금|예약금|보증금|환불))"
    r"|(?:취소|변경|캔슬)(?=(?:시|할때)?(?:위약금|수수료|[패페]널티|비용))"  # "취소 수수료 있어요"
)
# Checking that a change asked for went through
_CHANGE_CHECKED = re.compile(
    r"(?:바뀐|변경된|취소된|옮겨진|잡힌|예약된)(?:거|게|건|지)(?:맞|확인)|"
    r"제대로(?:바뀌|바뀐|변경|취소|예약|잡혔|잡힌)|(?:예약|변경|취소|바꿔).{0,12}제대로(?:됐|된)|"
    r"취소(?:된|됐|돼버린)(?:거|건|게|줄)[가-힣]{0,10}(?:아니죠|아니지|아니에요|아닌가|아닌지|알았는데)"  # round 10
)
# A booking told in the last words, whatever came before: "…보험 되잖아요 그거 하러 갈게요"
_BOOKING_TOLD_END = re.compile(
    r"(?:하러|받으러|예약하러)(?:갈게요|갈께요|갈게|가려고요|가려구요|갑니다|가겠습니다|갈려고요)$|(?:예약|잡아)(?:해)?(?:주세요|줘요|부탁드려요|부탁합니다)$"
    r"|예약(?:을|좀)?(?:좀)?(?:도와|도와드릴|도와주실)(?:주세요|줘요|까요|래요|수있)"  # "예약 좀 도와주세요" (round 10)
)
# One's payment gone wrong or money asked back ("두 번 결제된 거 같은데", "선납한 거 환불", "영수증에 금액이
# 이상해요"): staff look into it, whatever else the sentence names (round 11)
BILL_QUERIED = re.compile(
    r"(?:두번|중복|이중)(?:으로)?(?:결제|계산|청구|카드가?나|빠져|빠졌|나갔)|환불|"
    r"(?:영수증|결제|카드|청구)[가-힣]{0,6}(?:금액|액수)?(?:이|가)?(?:좀)?(?:이상|안맞|틀리|틀려|틀렸|잘못)"
)
_BILL = re.compile(r"내역|명세|청구서|왜이렇게(?:많이|비싸)")
# One's bill disputed ("계산이 잘못된 것 같아요", "낸 돈이 생각했던 거보다 훨씬 많던데"): staff look into it
_BILL_DISPUTED = re.compile(
    r"계산(?:이|을)?(?:잘못|틀|이상)|잘못(?:계산|청구|결제)|(?:낸|나온|냈던|결제한)돈|"
    r"(?:생각|예상|말씀)(?:했던|한|하신)?(?:거|것)?보다.{0,6}(?:많|비싸|더나)|비급여로(?:돼|되|찍|나와|처리)"
)
# Running late or already on the way, said without a move asked for ("차가 막혀서 십 분 늦을 것 같아요 괜찮을까요"):
# a message for staff (a move or a cancel said with it is read as such)
RUNNING_LATE = re.compile(
    r"늦(?:을것같|을거같|을듯|겠어요|겠는데|겠습니다|어요|어질것|어질거|는데|을까봐|을수도)|늦게도착|"
    r"(?:분|시간)(?:정도|쯤|가량)?늦(?!게|추|춰|출)"
)
_ON_THE_WAY = re.compile(
    r"가는중|가고있|출발(?:했|해서|하려)|거의다왔|다와가|막혀서|막혀가지고|놓쳐서|놓쳤|(?:분|시간)(?:정도|쯤|가량)?늦"
)


def running_late(compact: str) -> bool:
    """Late for one's visit, with no move or cancel asked ("가는 중인데 십 분 정도 늦을 것 같아요")."""
    return bool(RUNNING_LATE.search(compact) and _ON_THE_WAY.search(compact)
                and not (lx.RESCHEDULE.search(compact) or CLEAR_CANCEL.search(compact)))
# A booking asked for in so many words ("예약을 하고자 합니다"): the model does not override it
_BOOKING_SAID = re.compile(
    r"예약(?:을|좀|을좀)?(?:하고자|하고싶|하려|할려|할라|할게|할께|해주|해줘|해둘|부탁|잡아|잡고|하겠|좀하|넣어)"
)
# A change of the visit in so many words ("미뤄 주세요", "앞당길 수 있어요?")
_MOVE_SAID = re.compile(
    r"변경|리스케[줄쥴]|미루|미뤄|연기|늦추|늦춰|앞당|바꾸|바꿔|옮기|옮겨|당겨|당길|땡겨|땡길|다른(?:날|날짜|시간|요일)(?:로|으로)"
)
# Keywords that make a facts question unmistakable (the model does not override these)
FACT_KEYWORD = {
    "ask_location": re.compile(
        r"주차|역에서|지하철|버스|주소|위치|오시는길|찾아가|출구|몇층|(?:네비|내비)(?:게이션)?(?!소리)"
    ),
    "ask_price": re.compile(r"얼마(?!나)|가격|(?<!결과)값|비용|진료비|견적|할부|할인|분할|납부|일시불"),
    "ask_insurance": re.compile(r"보험|실비|실손|의료급여|본인부담"),
}
_INQUIRY = re.compile(r"예약(?:문의|전화|상담전화)")  # "설 연휴에 예약 문의 전화는 받으세요" books nothing
_OFFERED = re.compile(
    r"(?:치료|시술|수술|상담|진료|검사)?(?:도|은|는)?(?:좀)?(?:하세요|하시나요|하나요|해요|되나요|돼요|가능해요|가능한가요|받을수있나요|받을수있어요)$"
)


def without_supposed_changes(compact: str) -> str:
    """The text without a change only supposed ("취소하면 위약금 있나요"): what is left may ask for a change."""
    return _IF_CHANGED.sub("", compact)


def offered_treatment(compact: str) -> bool:
    """"임플란트도 하세요?", "스케일링 돼요?": whether the clinic does a treatment (not "사랑니 그냥 둬도
    돼요?", and not "색이 어두워졌는데 이거 미백 되나요?", a question about one's tooth)."""
    if qs.has_symptom(compact) or qs.AFTER_CARE.search(compact):
        return False
    return any(_OFFERED.match(compact, m.end())
               for _, pattern in lx.TREATMENT_PATTERNS for m in pattern.finditer(compact))


# A move someone else advised, told as the reason ("내과에서 치과 치료는 좀 미루래요")
_MOVE_REPORTED = re.compile(r"(?:미루|미뤄|연기하|옮기)(?:래요|래서|라고|라셔|라셨|라더|라네)")
# Treated under the insurance scheme ("보험으로 하면", "노인 임플란트 보험 그거 하면"; not "보험 되면 얼마예요")
_UNDER_INSURANCE = re.compile(r"보험(?:으로|그거로?|적용)?(?:해서|하면|허면|받으면|혀면)")


# round 15: papers for the year-end tax return ("연말정산 때문에 영수증 한 번에 뽑아 주세요", "납입 증명서"): for staff
_TAX_PAPERS = re.compile(r"연말(?:정산|정산용)|납입증명|(?:의료비|소득)공제|국세청")
# round 15: the public scheme or workers' compensation ("공단에서 하는 검진 무료 맞죠", "산재 처리로 치료 받을 수
# 있어요"): an insurance question, whatever price word comes with it
_PUBLIC_SCHEME = re.compile(r"공단|건강보험(?!증)|산재|국가검진")
# round 15: one's own account or plan looked up ("남은 금액이 얼마인지", "총 비용이 얼마로 나왔는지 다시", "얼마
# 든다고 하셨는지", "견적서로 받을 수 있을까요"), one's chart or package checked ("차트에 … 적혀 있는지", "한 번
# 남았는지 봐 주실래요", "마지막으로 간 게 언제였는지 기록 좀"): staff look it up
OWN_RECORD_LOOKED_UP = re.compile(
    r"남은(?:금액|돈|잔액|치료비)|남은거[가-힣]{0,3}얼마|잔액|얼마(?:로|라고|라)?(?:나왔는지|든다고|라고하셨|라캤|라고했|라하셨)|"
    r"견적서(?:로|를)?(?:받|보내|뽑)|계획서|(?:차트|기록)(?:에|을|를|좀)?[가-힣]{0,12}(?:적혀|봐주|확인해)|"
    r"남았는지(?:좀)?(?:봐|확인)|(?:언제|뭐)였는지[가-힣]{0,4}(?:기록|차트)"
)
# round 15: which days a doctor works ("원장님 진료 보시는 요일이 정해져 있어요", "김 원장님 다음 주 목요일에 진료
# 보세요"), something left behind ("우산 두고 왔는데 있나요"), the lift in a word ("엘베 있어요")
DOCTOR_DAYS = re.compile(
    r"(?:원장|선생)님?[가-힣]{0,14}(?:진료|나오|출근)(?:보시는|하시는|보는|하는|나오시는)(?:요일|날)|"
    r"(?:원장|선생)님[가-힣]{0,12}(?:진료|나오|출근)(?:보세요|하세요|보시나요|하시나요|나오세요|나오시나요)"
)
_LIFT = re.compile(
    r"엘베(?:있|가있|는있|되)|(?:걸어|걸어서)(?:가|오)?(?:믄|면)?얼마나걸|(?:옆|앞|건너편|뒤)이라(?:했|캤|카|하셨|그랬)"
)
# round 15: a certificate for work or school ("병가 증빙용 확인서 떼 주세요", "진단서 끊을라믄 뭘 가지고 가야 되오")
_CERTIFICATE = re.compile(
    r"(?:확인서|증명서|진단서|소견서|증빙)(?:를|을|도|좀|같은거)?[가-힣]{0,4}(?:떼|발급|끊|뽑|받|내야|제출)"
)
# round 15: the hours in other words ("야간 돼요", "그 시간에 문 열려 있어요", "접수는 몇 시까지 해야")
_HOURS_TOO = re.compile(
    r"야간(?:진료)?(?:돼|되|해|하)|문(?:이)?열려(?:있|있어)|접수(?:는|가)?몇시까지|몇시까지접수|"
    r"(?:토요일|일요일|주말|공휴일|오늘|내일)(?:에|에도|은|는|도)?(?:하는감|하능교|하나요|열어요|여나요|쉬지라|쉬나요|진료)$"
)


def topic_intent(compact: str) -> tuple[str, float] | None:
    """What the utterance is about when it is no reply: the first topic whose cues are found, with a confidence."""
    compact = _QUESTION_DROPPED.sub("", compact)  # "얼마냐고 물어보려다 그냥 …": the question given up
    if _IF_CHANGED.search(compact):
        return None  # "예약 바꾸면 수수료 내야 돼요": the cost of a change, a question for staff
    if _CHANGE_CHECKED.search(compact):
        return "confirm_appointment", 0.85  # "아까 바꿔 달라고 했는데 제대로 바뀐 거 맞아요?"
    visit = _IF_CHANGED.sub("", _RECORDS_MOVED.sub("", compact))
    if CLEAR_CANCEL.search(visit):
        visit = _MOVE_REPORTED.sub("", visit)  # "내과에서 … 미루래요 다음 주 예약 빼 주세요": the reason, not the ask
    moves = lx.RESCHEDULE.search(lx.MOVE_ONLY.sub("", visit)) or (
        lx.MOVE_ONLY.search(visit) and lx.VISIT_WORDS.search(visit))
    if moves:
        return "reschedule", SURE if _MOVE_SAID.search(compact) else 0.9
    if lx.CANCEL.search(visit):
        return "cancel", SURE if CLEAR_CANCEL.search(visit) else 0.9
    if BILL_QUERIED.search(compact):
        return "question_other", SURE  # round 11: a double charge, a refund, a wrong receipt (after a cancel asked)
    if (_TAX_PAPERS.search(compact) and "얼마" not in compact or OWN_RECORD_LOOKED_UP.search(compact)
            and "예약" not in compact and not lx.INSURANCE.search(compact)):
        return "question_other", SURE  # round 15: papers for the tax return, one's own account or chart looked up
    if lx.RESCHEDULE_WEAK.search(compact):
        return "reschedule", 0.8
    if lx.CONFIRM.search(compact):
        return "confirm_appointment", 0.85
    if _BOOKING_TOLD_END.search(compact):
        return "book", SURE  # "스케일링 일 년에 한 번 보험 되잖아요 그거 하러 갈게요"
    if DOCTOR_DAYS.search(compact) and "예약" not in compact or LEFT_BEHIND.search(compact):
        return "question_other", SURE  # round 15: a doctor's days, something left behind: staff know
    if (_CERTIFICATE.search(compact) and "예약" not in compact and not lx.INSURANCE.search(compact)
            and not qs.BOOK_REQUEST.search(compact)):
        return "question_other", SURE  # round 15: papers for work or school, for staff
    if _LIFT.search(compact):
        return "ask_location", SURE  # round 15
    if _PUBLIC_SCHEME.search(compact) and not (qs.BOOK_REQUEST.search(compact) or _BOOKING_SAID.search(compact)):
        return "ask_insurance", SURE  # round 15
    if _HOURS_TOO.search(compact) and not _BOOKING_SAID.search(compact):
        return "ask_hours", SURE  # round 15
    if _BILL_DISPUTED.search(compact) and not re.search(r"청구(?:하려|할|용)|서류", compact):
        return "question_other", SURE  # "계산이 잘못된 것 같아요 …비급여로 돼 있어요": one's own bill, for staff
    if _BILL.search(compact) and not (lx.INSURANCE.search(compact) and re.search(r"청구|서류|발급", compact)):
        return None  # "진료비가 너무 많이 나왔는데 세부 내역 좀…": one's own bill, a question for staff
    slot_asked = SLOT_ASKED.search(compact)
    if (lx.LOCATION.search(_WHERE_I_AM.sub("", compact)) and not re.search(r"얼마(?!나걸|나가)", compact)
            and not (slot_asked and not FACT_KEYWORD["ask_location"].search(compact))):
        return "ask_location", SURE if FACT_KEYWORD["ask_location"].search(compact) else 0.85
    if lx.INSURANCE.search(compact) and re.search(r"재료|브랜드|제품", compact) and not lx.PRICE.search(compact):
        return "question_other", SURE  # round 15: "그 보험 임플란트는 재료가 보통 거랑 다른 거요": for staff
    if lx.INSURANCE.search(compact) and re.search(r"진단서|소견서|진료확인서|처방전", compact):
        return "question_other", SURE  # a certificate is not in the insurance notes: an open question for staff
    if lx.INSURANCE.search(compact) and re.search(r"서류|영수증|발급|청구", compact) and "얼마" not in compact:
        sure = re.search(r"보험서류|실비|실손", compact)  # round 15: the papers for a claim, for sure
        return "ask_insurance", SURE if sure else 0.9  # "진료비 영수증이랑 보험 서류 발급돼요?"
    if re.search(r"본인부담|의료급여|차상위", compact):
        return "ask_insurance", SURE  # "의료급여 수급자인데 본인부담금이 얼마예요?"
    if lx.PRICE.search(compact) and _UNDER_INSURANCE.search(compact):
        return "ask_insurance", 0.9  # "틀니 보험으로 허면 얼마나 나와요": what one pays under the scheme
    if lx.PRICE.search(compact):
        return "ask_price", SURE if FACT_KEYWORD["ask_price"].search(compact) else 0.9
    if lx.INSURANCE.search(compact):
        return "ask_insurance", SURE if FACT_KEYWORD["ask_insurance"].search(compact) else 0.9
    if lx.LOCATION.search(_WHERE_I_AM.sub("", compact)):
        return "ask_location", 0.85
    booking = ("예약" in _INQUIRY.sub("", compact) or qs.BOOK_REQUEST.search(compact)) and not lx.HOURS_QUESTION.search(
        compact)
    wants_visit = lx.SYMPTOM.search(compact) and lx.BOOK.search(compact)  # "잇몸이 부어서 그러는데 오늘 진료 돼요?"
    if lx.HOURS.search(compact) and not booking and not wants_visit and not slot_asked:
        return "ask_hours", 0.85
    if lx.BOOK.search(compact):
        return "book", SURE if _BOOKING_SAID.search(compact) else 0.85
    if lx.SYMPTOM.search(compact):
        return "symptom", 0.8
    return None
