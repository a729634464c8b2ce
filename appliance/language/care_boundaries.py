"""Boundaries of the care and question kinds the rules must hold (round 16: blind23, dev20, dev21).

Read on the compact text before the emergency words, so each rule is narrow, and never on a refusal:
- a throb that kept one awake, a jaw stiff on waking, a lip bitten while numb, numbness that stays, pain some days
  after a treatment, a clicking jaw: a ``symptom`` (told, not asked); a jaw that will not close, breathing made hard
  by a swelling, a cheek swollen up to the eye: an ``emergency``;
- a broken appliance asked about ("투명교정 하나 깨졌는데 다음 단계로 넘어가도 돼요"), fasting before
  surgery ("오늘 밤부터 굶어야 돼요"), whether to come in at all ("실이 풀린 것 같은데 이거 다시 가야 돼요"),
  grains out of a graft, a child's teeth late, food after a treatment ("빨간 음식 먹으면 다시 누레져요"), a
  saying checked ("… 이가 약해진다는 말 있던데 사실이에요"), pus with no red flag beside it asked whether it can
  wait (round 38): a ``medical_question``, never a booking;
- a returned call or text with nothing asked ("부재중 전화 와 있어서요"), papers and receipts, a job, the chart looked
  up, who took the last call, what this call is, how many visits a treatment takes: ``question_other`` for staff;
- "보험 되는 거죠" asks the cover (``ask_insurance``) even with the cost named; "가격이 얼마라고요", "할부", "만 원
  정도예요" the price; "토요일에도 그 검진 해요", "거기는 토요일 몇 시까지 해요" the hours; where a clinic moved to
  the place; "네 갈게요 근데 주차 되죠?" to a reminder or an offer asks the fact;
- "사람 바꿔 주세요", "김 선생님 오늘 출근하셨어요 그분이랑 얘기 좀": ``talk_to_staff``; thanks for the call and
  nothing else out of the blue: ``other``.
A day or a time said (``dated``) leaves a request at the end to the other rules ("… 그럼 토요일 열 시에 해 주세요").
"""

from __future__ import annotations

import re

from appliance.language import lexicon as lx
from appliance.language import questions as qs
from appliance.language import body_or_visit as bv
from appliance.language import topics, winter_day_kinds

# a throb kept one awake ("아파서 잠을 못 잤어요" stays urgent), a jaw stiff on waking ("안 벌어져요" alone is urgent)
_KEPT_AWAKE = re.compile(
    r"(?:욱신|욱씬)[가-힣]{0,6}잠을?(?:한숨도|통|하나도|제대로)?못(?:자|잤|잔|잘)"
    # round 18: days of pain that painkillers only dull keep one awake: no red flag
    r"|(?:[이삼사오육칠팔구]일|며칠|사흘|나흘)째[가-힣]{0,4}잠을?(?:한숨도|통|하나도|제대로)?못(?:자|잤|잔|잘)"
    r"(?=[가-힣]{0,20}(?:아파|아프|욱신|쑤시)[가-힣]{0,20}진통제)"
)
_JAW_STIFF = re.compile(r"(?:아침에|일어나면)[가-힣]{0,12}입이?잘안벌어")
_LIP_BITTEN = re.compile(r"마취[가-힣]{0,8}?(?:입술|볼|혀)(?:을|를)?(?:깨물|씹)")
_NUMB = re.compile(r"얼얼|(?<!요일)(?<!시간)(?<!날짜)(?<!방향)감각이(?:없|둔|안돌아)")
_SINCE_TREATMENT = re.compile(r"(?:뺀|뽑은|심은|때운|씌운|받은)지[가-힣]{0,4}(?:째|됐|되었)[가-힣]{0,2}(?:인데|는데)")
# a visit asked for (not "구멍이 비어 있는 것 같고": a socket, no free slot)
_VISIT_ASKED = re.compile(r"예약|잡아|봐주|갈게|갈께|가려고|가도|시간(?:있|되|돼)")
_JAW_CLICKS = re.compile(r"턱(?:에서|이)[가-힣]{0,4}(?:소리|딱딱|뚝뚝)")
_NORMAL_ASKED = re.compile(r"정상|원래|괜찮")
_ASKS_AT_END = re.compile(r"(?:나요|까요|가요|돼요|되나|거예요|아니에요|인가요|죠)\??$")
_JAW_LOCKED = re.compile(r"(?:입|턱)(?:을|이)?(?:못|안)(?:다물|닫)|턱이(?:빠졌|어긋났|나갔)[가-힣]{0,6}(?:못|안)")
_BREATH_HARD = re.compile(r"숨(?:이|도|쉬기)?(?:가)?(?:좀)?(?:차|막히|막혀|가쁘|가빠|힘들|답답|불편|어려|어렵)")
_UP_TO_THE_EYE = re.compile(r"(?:눈밑|눈아래|눈까지)[가-힣]{0,4}(?:부어|부었|붓)|부어[가-힣]{0,6}눈이안떠")
_SWOLLEN = re.compile(r"부어|부었|붓고|퉁퉁|붓기|부기가|부은")
_APPLIANCE_BROKEN = re.compile(
    r"(?:투명교정|교정장치|유지장치|장치|틀니|마우스피스)[가-힣]{0,12}(?:깨졌|부러졌|금갔|깨져)"
)
_MAY_I = re.compile(r"(?:[어아여워해써]도|도)(?:돼|되|괜찮)[가-힣]{0,4}\??$")
_FASTING = re.compile(r"(?:굶|금식|공복|빈속)[가-힣]{0,6}(?:해야|어야|야돼|야되|해요|돼요|되나요|하나요|가요)")
_FOOD_AFTER = re.compile(r"(?:먹으면|마시면|피우면)[가-힣]{0,8}(?:누레|누래|변색|착색)")
# whether one must come in at all ("…풀린 것 같은데 이거 다시 가야 돼요"), not "다시 하러 가야 돼요"
_MUST_I_GO = re.compile(r"(?:이거|그럼|이러면)(?:다시|또|빨리|바로)?가야(?:돼|되|하나|해)[가-힣]{0,3}$")
# something coming out of a treated site ("뼈이식 한 자리에서 뭐가 알갱이가 나와요"): blood that will not stop is urgent
_OUT_OF_THE_SITE = re.compile(r"(?:한|뺀|뽑은|심은)(?:자리|데)(?:에서|서)(?:뭐가|뭔가|하얀|알갱이)[가-힣]{0,10}나와")
# a child's teeth late or stuck, asked how long to wait ("영구치가 안 나와요 몇 살까지 기다려 봐요")
_TEETH_LATE_ASKED = re.compile(
    r"(?:영구치|젖니|유치|새이)[가-힣]{0,8}(?:안나|안빠|늦)[가-힣]{0,12}(?:몇살|언제까지|기다려)"
)
# round 38: pus told with no fever, swelling or blood beside it, then "may I come tomorrow / can it wait" ("잇몸에서
# 고름이 좀 나오는데 모레 가도 될까요"): round 23's "can it wait" about a problem, not an emergency told
_PUS_CAN_IT_WAIT = re.compile(
    r"고름[가-힣]{0,16}(?:기다려도|참아도|있다가가도|(?:내일|모레|주말|다음주)(?:에|까지)?가도)(?:되|돼|될|괜찮)")
_PUS_RED_FLAG = re.compile(r"열|부었|부어|붓|숨|삼키|얼굴|(?<![커카배])피(?:가|나|도|랑)|터졌|많이|계속|심하|너무")
# round 18: a prescribed rinse, ointment or pill asked how long to keep using ("처방해 주신 가글 언제까지 써요")
_KEEP_USING = re.compile(
    r"(?:가글|소독약|연고|(?<![예계절])약(?!속)|진통제|항생제|구강청결제)(?:은|는|을|를|도|액)?[가-힣]{0,6}"
    r"(?:언제까지|계속|얼마나|며칠|몇일|몇번)[가-힣]{0,4}(?:써|쓰|발라|바르|먹어|먹|드셔|뿌려|사용|해야|해요|하나요)"
)
# round 18: when to wear an appliance asked ("스플린트 끼는데 낮에도 껴야 돼요", "유지장치 잘 때만 껴도 돼요")
_WEAR_ASKED = re.compile(
    r"(?:스플린트|교정기|교정장치|유지장치|마우스피스|리테이너|틀니|장치)[가-힣]{0,14}"
    r"(?:껴야|끼워야|끼고있어야|착용해야|껴도|끼고자도|빼고자야|빼고자도|빼놔야|빼둬야)(?:돼|되|하나|해|괜찮)"
)
_SAYING_CHECKED = re.compile(r"(?:다는|다던|단)(?:말|얘기|소리)[가-힣]{0,4}(?:사실|진짜|맞)")
_RETURNED = re.compile(
    r"^(?:아|어)?(?:부재중(?:전화)?(?:가|이)?(?:와있|왔|떠있|찍혀)[가-힣]{0,4}(?:서|길래|던데|는데)(?:요)?$|"
    r"문자(?:를)?(?:보고|받고)(?:전화|연락)(?:드렸|했)[가-힣]{0,3}(?:무슨일|왜|뭐때문)?)"
)
_FOR_STAFF = re.compile(
    r"현금영수증|영수증(?:을|좀)?(?:다시|재)|소견서|진단서|이력서|(?:직원|치위생사|간호조무사)(?:구하|뽑)|채용|"
    r"(?:통화|전화)한분(?:성함|이름)|(?:이것|이런것|그런것)도치과에서(?:봐|진료)|몇번(?:이나|정도)?가야|총몇회|"
    # round 18: how long a course of treatment under way lasts ("신경치료 벌써 세 번 받았는데 언제쯤 끝나요")
    r"(?:치료|교정|임플란트|시술)[가-힣]{0,12}(?:받았는데|받는데|했는데|하는데)(?:언제|언제쯤)(?:다)?끝나"
)
_CHART_LOOKED_UP = re.compile(r"기록(?:을)?(?:보고|확인|찾아)")
_WHAT_CALL = re.compile(
    r"무슨전화[가-힣]{0,6}(?:녹음|설문|광고|조사)|(?:로봇|기계|ai)(?:이|가)전화한거|"
    r"(?:자동|기계|녹음)(?:전화|목소리|음성)[가-힣]{0,4}(?:예요|에요|이에요|인가요|죠|아니에요)"
)
_PERSON_ASKED_FOR = re.compile(r"(?:선생님|실장님|원장님)[가-힣]{0,4}(?:나오셨|출근하셨|계세요|계신가)[가-힣]{0,8}그분")
_PUT_ME_THROUGH = re.compile(r"(?:사람|직원|상담원|실장님)(?:좀|으로|이랑)?(?:바꿔|연결해)")
_COVER_ASKED = re.compile(
    r"보험(?:이|은|도|으로)?(?:되는거(?:죠|맞|예요|면(?=.*얼마))|돼요|되나요|되죠|적용되)"
)
_PRICE_ASKED = re.compile(
    r"(?:가격|비용|금액|얼마)[가-힣]{0,4}(?:라고요|라구요|였죠|라고하셨)|할부|(?:만|천)원(?:정도|쯤)?(?:예요|이에요|인가요|해요)"
)
_BALANCE_LOOKED_UP = re.compile(r"잔액|얼마인지|확인해|봐주")  # "할부로 낸 거 남은 잔액 봐 주세요": one's own account
_MOVED_WHERE = re.compile(r"(?:이사|옮긴|옮기셨)[가-힣]{0,10}어디")
_DAY_TOO = re.compile(
    r"(?:토요일|일요일|주말|공휴일|저녁|야간)(?:에|날)?도[가-힣]{0,6}(?:해요|하세요|하나요|진료|되나요|돼요)\??$|"
    r"(?:요일|주말|공휴일)(?:은|에는|날은)?(?:몇시까지|몇시에(?:닫|열|끝))[가-힣]{0,4}\??$|"
    r"(?:거기는|거긴)(?:토요일|일요일|주말|공휴일)(?:에)?(?:도)?진료(?:안)?(?:해요|하세요)\??$"
)
_YES_BUT = re.compile(
    r"^(?:아|어)?(?:네|예)(?:[가-힣]{0,10}?(?:근데|그런데)|[가-힣]{0,8}?(?:[게께]요|좋아요|알겠어요)(?=.*(?:근데|그런데)\??$))(.+)$"
)
_ASKED_END = re.compile(r"(?:죠|요|까|나|\?)\??$|근데\??$")
# thanks for the call and nothing else ("일부러 전화 주셔서 감사해요", read as 애써): no answer yet
_THANKS_ONLY = re.compile(
    r"^(?:아|네|예)?(?:애써|이렇게|바쁘신데)?(?:전화|연락)(?:를|까지)?(?:다)?(?:주셔서|해주셔서)감사(?:해요|합니다)$"
)
FACTS = ("ask_location", "ask_insurance", "ask_price", "ask_hours")


def care_boundary(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The kind one of the boundaries above settles, or None to let the other rules read it.
    ``dated``: a day or a time was said (a request ending the sentence is then the other rules' to read)."""
    if lx.OPT_OUT.search(compact):
        return None  # refusals are law: their own rules read them
    if expect is None and _THANKS_ONLY.match(compact):
        return "other", 0.95
    body = _body(compact)
    if body is not None:
        return body
    if _FOR_STAFF.search(compact) and not (dated or re.search(r"실비|보험|얼마", compact)) or _WHAT_CALL.search(
            compact) or _CHART_LOOKED_UP.search(compact) and not dated:
        return "question_other", 0.95
    if expect is None and _RETURNED.search(compact) and not (dated or "예약" in compact):
        return "question_other", 0.95
    if _PUT_ME_THROUGH.search(compact) or _PERSON_ASKED_FOR.search(compact):
        return "talk_to_staff", 0.95
    if expect in (None, "offer", "reminder") and _DAY_TOO.search(compact) and not re.search(r"예약|려고|러가", compact):
        return "ask_hours", 0.95
    if dated:
        return None
    if _COVER_ASKED.search(compact) and not re.search(r"보험(?:이|은)?안되", compact):
        return "ask_insurance", 0.92
    if _PRICE_ASKED.search(compact) and not _BALANCE_LOOKED_UP.search(compact):
        return "ask_price", 0.92
    if _MOVED_WHERE.search(compact):
        return "ask_location", 0.92
    yes_but = _YES_BUT.match(compact)
    if expect in ("reminder", "offer") and yes_but and _ASKED_END.search(compact):
        fact = topics.topic_intent(re.sub(r"(?:근데|그런데)\??$", "", yes_but.group(1)))
        if fact is not None and fact[0] in FACTS:
            return fact[0], 0.95
    return None


def _body(compact: str) -> tuple[str, float] | None:
    """Symptom, emergency or care question, read before the emergency words."""
    if _JAW_LOCKED.search(compact) or _UP_TO_THE_EYE.search(compact) or (
            _BREATH_HARD.search(compact) and _SWOLLEN.search(compact)):
        return "emergency", 0.95
    if (kind := winter_day_kinds.body_kind(compact)) is not None:
        return kind  # round 39: a red flag then "can it wait", pus told alone, a treatment's bleeding asked
    if _APPLIANCE_BROKEN.search(compact) and _MAY_I.search(compact) or _FASTING.search(compact) or (
            _FOOD_AFTER.search(compact) or _MUST_I_GO.search(compact) or _OUT_OF_THE_SITE.search(compact)
            or _TEETH_LATE_ASKED.search(compact) or _KEEP_USING.search(compact)
            or _WEAR_ASKED.search(compact)) or (
            _PUS_CAN_IT_WAIT.search(compact) and not _PUS_RED_FLAG.search(winter_day_kinds.without_denied_fever(
                compact))) or (
            _SAYING_CHECKED.search(compact) and bv.about_body(compact)):
        return "medical_question", 0.95
    rest = _KEPT_AWAKE.sub("", compact)
    if rest != compact and not lx.EMERGENCY.search(rest):
        return "symptom", 0.93
    if _NORMAL_ASKED.search(compact) or _ASKS_AT_END.search(compact):
        return None  # asked, not told: the question rules read it
    urgent_words = bool(lx.EMERGENCY.search(compact))  # only a lip bitten while numb outweighs them
    told = _LIP_BITTEN.search(compact) or not urgent_words and (
        _NUMB.search(compact) or _JAW_CLICKS.search(compact) or (
            _JAW_STIFF.search(compact) and not _SWOLLEN.search(compact)) or (
            _SINCE_TREATMENT.search(compact) and qs.has_symptom(compact) and not _VISIT_ASKED.search(compact)))
    return ("symptom", 0.93) if told else None
