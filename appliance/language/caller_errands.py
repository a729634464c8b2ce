"""Kinds of calls round 17 (blind24) taught: errands of people who are not (only) patients, callers on the move,
a visit swapped for another, and after-care asked in passing.

Read on the compact text after the care boundaries, so each rule is narrow:
- a job applicant or a vendor asking for the one in charge ("채용 담당하시는 분과 통화할 수 있을까요"), a
  salesman asking the director for a moment ("영업사원인데요 … 원장님 잠깐 시간 되실까요"): ``talk_to_staff``;
- a job asked about ("구인하신다고 봤는데요 아직 뽑으세요", "면접 보러 … 복장은"), a dental lab's errand with no
  way asked ("기공소인데요 … 확인 좀 부탁드려요"): ``question_other`` for staff;
- where a rider may leave a motorbike ("오토바이 세워 둘 데 있냐고요"): ``ask_location``;
- a relay interpreter holding the line ("지금 수어로 전하는 중이라 조금만 기다려 주세요"): ``other``; the caller's
  yes relayed ("이분이 네 가신다고 하십니다"): ``yes``;
- who may stay in the treatment room ("보호자가 진료실 안에 같이 있어도 돼요"), the clinic's app or site by name
  ("그 앱 이름이 뭐예요"): ``question_other`` for staff;
- on a bus or the subway right now: a place one is at, not the clinic's asked; with a yes it is a yes, with
  "잠깐만요" alone a hold (``other``);
- one visit cancelled and another put in its place ("…취소하고 대신 그 시간에 …넣어 주세요"): ``reschedule``;
- a slot's availability asked formally with a day or a time ("… 가능 여부를 확인 부탁드립니다"), a visit asked
  on the days of evening hours ("야간 진료 하는 날로 … 넣어 주세요"): ``book``;
- a tooth split with bleeding and severe pain ("어금니가 쪼개졌는데 피도 나고 엄청 아파요 지금 가도 돼요"):
  ``emergency``;
- after a treatment, smoking or drinking asked ("임플 심고 전자담배는 괜찮아요"), whether to redo or keep on a care
  step ("거즈 … 다시 물고 있어야 돼요", "불소 … 다시 발라야 돼요"), how long or how often an after-care step
  goes on ("얼음찜질 몇 분씩 해요"), whether to go on with medicine
  that ran out ("약 다 먹었는데 더 먹어야 돼요", round 34: "… 더 타러 가야 돼요"): ``medical_question``, never a
  booking.
"""

from __future__ import annotations

import re

from appliance.language import reply_words as rw
from appliance.language.asked_back_and_added import asked_back_or_added
from appliance.language.asides_and_no_shows import aside_or_no_show
from appliance.language.bookings_and_carers import booking_or_carer
from appliance.language.channels_and_consent import channel_or_consent
from appliance.language.choices_and_hedges import choice_or_hedge
from appliance.language.clinic_policies import clinic_policy
from appliance.language.hearsay_and_equipment import hearsay_or_equipment
from appliance.language.life_around_visits import life_around_a_visit
from appliance.language.after_holiday_kinds import after_holiday_kind
from appliance.language.clinic_day_kinds import clinic_day_kind
from appliance.language import (blossom_day_kinds, childrens_week_kinds, commute_and_coast_kinds,
                                early_summer_kinds, exam_week_kinds,
                                four_cities_kinds, four_days_kinds, family_day_kinds, harvest_day_kinds,
                                market_day_kinds,
                                port_day_kinds, rainy_day_kinds,
                                market_street_kinds, resort_town_kinds, school_day_kinds, seaside_day_kinds,
                                shift_work_kinds, new_term_kinds, spring_day_kinds, summer_blocks_kinds,
                                winter_day_kinds)
from appliance.language.emergency_heard import sounds_like_emergency
from appliance.language.kind_rules import first_kind
from appliance.language.opt_out_words import OPT_OUT
from appliance.language.red_flags import narrow_red_flag
from appliance.language.ordinary_days import ordinary_day_kind
from appliance.language.readbacks_and_contacts import readback_or_contact
from appliance.language.replies import SURE
from appliance.language.visit_practicalities import visit_practicality
from appliance.language.weekday_kinds import weekday_kind

_IN_CHARGE = re.compile(r"(?:채용|구인|인사|구매|납품|영업)(?:담당|관리)?(?:하시는|하는)?(?:분|자|선생님|실장님)")
_ONE_IN_CHARGE = re.compile(r"담당(?:자|하시는분|하는분|선생님|실장님)")
_PUT_THROUGH = re.compile(r"통화|연결|바꿔|얘기|이야기|뵐수|만나")
_IN_THE_ROOM = re.compile(
    r"(?:보호자|통역사|가족|엄마|아빠|남편|아내|활동지원사)[가-힣]{0,12}(?:있어도|들어가도|들어와도|들어갈수|들어와있어도)"
    r"(?:돼|되|괜찮)"
)
_VENDOR = re.compile(r"영업(?:사원|하는|팀|부)|업체(?:인데|에서)|회사(?:인데|에서)|납품")
_DIRECTOR_ASKED = re.compile(r"원장님[가-힣]{0,10}(?:시간|통화|뵐|만나|계세요|계신가요|바꿔)")
# not "몇 시까지 가면 접수 돼요" (가면 + 접수 read together)
_JOB = re.compile(r"구인|채용|(?<!가)면접(?:보|을|이|날|일정|때|에)|이력서|입사지원|지원(?:했|서를|서는)")
_LAB = re.compile(r"^(?:여기)?기공소(?:인데요|입니다|예요|에서)")
_WAY_ASKED = re.compile(r"어디|입구|위치|몇층|찾아|들어가")
_BIKE_PARKED = re.compile(r"(?:오토바이|자전거|킥보드|스쿠터)[가-힣]{0,4}(?:세워|세우|세울|댈|대도|대면|주차)")
_RELAY = re.compile(r"수어|통역|대신전해|전해드리|전하는중")
_RELAY_HOLD = re.compile(r"(?:전하는|통역하는|전달하는)중이?라[가-힣]{0,6}(?:기다려|잠깐|잠시)")
_RELAYED_YES = re.compile(r"(?:네|예)(?:가신|오신|하신|좋으시)다고(?:하십니다|하세요|하시네요|하셔요)")
_APP_NAMED = re.compile(r"(?:앱|어플|애플리케이션|홈페이지|사이트)(?:이|의)?(?:이름|주소|어디서|어떻게)")
_ON_THE_MOVE = re.compile(r"지금(?:버스|지하철|전철|택시|차)(?:라|이라|안이라|안이에요|타고|에서|내려야|내리)")
_WHERE = re.compile(r"어디|위치|오는길|가는길|찾아가|주차|정류장|몇번|역에서|내려서")
_HOLD = re.compile(r"^(?:아|어)?잠깐(?:만)?(?:요|만요)")
_SWAPPED = re.compile(
    r"취소하고요?(?:대신|그시간에|그자리에|그날)[가-힣]{0,20}(?:넣어|잡아|바꿔|해)(?:주세요|주실래요|줘요|주시겠|주십시오)"
)
_AVAILABILITY_ASKED = re.compile(r"가능(?:여부|한지|하신지)[가-힣]{0,4}(?:확인|알려|여쭙)")
_EVENING_DAYS = re.compile(r"(?:야간진료|야간|늦게까지)(?:하는|있는|여는)날로[가-힣]{0,12}(?:넣어|잡아|예약)")
_CARE_HOW_LONG = re.compile(
    r"(?:얼음|냉|온|찜질|가글)[가-힣]{0,6}(?:몇분|몇시간|몇번|얼마나|언제까지|며칠)(?:씩|동안|정도)?"
    r"(?:해요|하나요|해야|하면|대요|돼요|되나요)"
)  # not "거즈를 몇 번이나 갈았는데": bleeding that will not stop stays urgent
_SPLIT_TOOTH = re.compile(r"(?:쪼개|쪼게|반으로깨|깨져나|부러졌)")
_SEVERE = re.compile(r"(?:엄청|너무|심하게|죽겠|못참|미치겠)[가-힣]{0,4}아(?:프|파)|아파(?:죽|미치)")
_AFTER_TREATMENT = re.compile(r"(?:심고|빼고|뽑고|발치하고|수술하고|때우고|씌우고|바르고|빼니까|뽑으니까)")
_HABIT_OKAY = re.compile(r"(?:담배|술|커피|운동|사우나|목욕|빨대)[가-힣]{0,3}(?:는|은|도)?(?:괜찮|돼요|되나요|해도)")
_REDO_ASKED = re.compile(r"(?:다시|계속|더)[가-힣]{0,6}야(?:돼요|되나요|하나요|해요|되요)$")
_MEDICINE_MORE = re.compile(
    r"약[가-힣]{0,6}(?:다먹|떨어|끝났|다떨)[가-힣]{0,8}(?:더|계속|또)(?:먹어야|받아야|타야|처방|받으러가야|타러가야)"
)  # round 34: whether to go for more of it ("약 다 먹었는데 더 받으러 가야 되나요") is the dentist's call too


_ROUNDS_30_TO_35 = (commute_and_coast_kinds.RULES,
                    four_days_kinds.RULES, four_cities_kinds.RULES, market_street_kinds.RULES, family_day_kinds.RULES,
                    market_day_kinds.RULES,
                    seaside_day_kinds.RULES, spring_day_kinds.RULES, early_summer_kinds.RULES, school_day_kinds.RULES,
                    port_day_kinds.RULES, rainy_day_kinds.RULES,
                    winter_day_kinds.RULES, childrens_week_kinds.RULES, harvest_day_kinds.RULES,
                    resort_town_kinds.RULES, exam_week_kinds.RULES, blossom_day_kinds.RULES,
                    shift_work_kinds.RULES, summer_blocks_kinds.RULES, new_term_kinds.RULES)
"""Round 30: an appliance's care, a walk-in with a pain, another person's visit, a receipt; round 31: a break one is
unsure of, a cause asked, can't come with a reason, a number changed; round 32: a yes then a care question, known to
a reminder, that is all, a treatment wished; round 33: a sore appliance to fix, a reminder's time asked again, a
family member added; round 35: a treatment asked allowed in one's condition, a trouble come back, a
yes with family added, a missed visit taken up, the cost after the insurance; round 37: how often, a walk-in without
a booking, an appliance's trouble to fix; round 38: an appliance's trouble told, a photo offered, the cost with the
insurance, a walk-in from nearby, the way on foot, a fare or a missed visit's fee, late to a reminder, a proposal taken
after "then", nothing to the need question; round 39: the last slot asked, a group's or a home visit, a visit forgotten,
a reminder put off, family added, on my way, a missed call returned; round 40: an appliance's trouble to fix, a
child not brought, late with a new time, a second opinion, the machine asked about; round 41: the next treatment
waited, a trouble "as it happens", a yes with what was asked told, a proposal's time clashing; round 42: an
activity after a treatment, a walk-in or an errand with a day, a reminder's slot put aside, the way along a road; round
44: a light knock, an anaesthetic's history asked, a tooth thought broken, a course's next visit, thanks."""

def caller_errand(compact: str, core: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The intent of one of this module's kinds, or ``None`` to leave the text to the other rules."""
    if (told := channel_or_consent(compact, expect, dated)) is not None:
        return told  # round 24: channels and consent, event texts
    if (holiday := after_holiday_kind(compact, expect, dated)) is not None:
        return holiday  # round 28: yeses on the cover, bookings done away with, a read-back's part wrong
    if (care := school_day_kinds.home_care_asked(compact)) is not None:
        return care  # round 35: a swelling or a pain told, then a step of care at home asked
    # rounds 30-35 (family, market, seaside, spring, early-summer and school days), in that order; a refusal of calls
    # or a red flag is always left to the opt-out and emergency stages, so it is checked once for the six tables
    if not (OPT_OUT.search(compact) or narrow_red_flag(compact) or sounds_like_emergency(compact)):
        for rules in _ROUNDS_30_TO_35:
            if (kind := first_kind(rules, compact, expect, dated)) is not None:
                return kind
    if (day := clinic_day_kind(compact, expect, dated)) is not None:
        return day  # round 27: a proposal taken by its time, fine on a wellbeing call, a person asked for by name
    if (weekday := weekday_kind(compact, expect, dated)) is not None:
        return weekday  # round 26: put on the phone, a shop mistaken, a navigation app, a booked day moved
    if (told := choice_or_hedge(compact, expect, dated)) is not None:
        return told  # round 24: choices by position, hedged answers, infants
    if (ordinary := ordinary_day_kind(compact, expect, dated)) is not None:
        return ordinary  # round 25: call backs after thinking it over, conditional yeses, papers, who is calling
    if (echoed := readback_or_contact(compact, expect, dated)) is not None:
        return echoed  # round 23: read-backs echoed, contacts updated, families for a patient, hygiene, billing
    if (kept := booking_or_carer(compact, expect)) is not None:
        return kept  # round 23: two bookings, a named doctor, carers, halal, the bus stop or the floor
    if (asked := asked_back_or_added(compact, expect, dated)) is not None:
        return asked  # round 22: questions asked back, a second person added, bills compared, night calls
    if (heard := hearsay_or_equipment(compact, expect, dated)) is not None:
        return heard  # round 21: worries heard elsewhere, equipment's price, a question after a yes, bot tests
    if (practical := visit_practicality(compact, expect, dated)) is not None:
        return practical  # round 19: a ramp or a pushchair's place, a paper's fee, a photo sent, a doctor wanted
    if (aside := aside_or_no_show(compact, expect, dated)) is not None:
        return aside  # round 19: a no-show apologised for, a move after an aside, "천천히 말해 줘요", a hold
    if (life := life_around_a_visit(compact)) is not None:
        return life  # round 20: a fever before a visit, an instrument, a card's instalments, a waiting list
    if (policy := clinic_policy(compact)) is not None:
        return policy  # round 20: deposits, no-shows, lateness, a waiting list asked for, the clinic's number
    if _SPLIT_TOOTH.search(compact) and "피" in compact and _SEVERE.search(compact):
        return "emergency", 0.95
    after_care = _AFTER_TREATMENT.search(compact) and not re.search(r"예약|잡아", compact) and (
        _HABIT_OKAY.search(compact) or _REDO_ASKED.search(compact))
    if after_care or _CARE_HOW_LONG.search(compact) or _MEDICINE_MORE.search(compact):
        return "medical_question", SURE
    errand = _JOB.search(compact) or _VENDOR.search(compact)
    in_charge = _IN_CHARGE.search(compact) or errand and _ONE_IN_CHARGE.search(compact)
    if in_charge and _PUT_THROUGH.search(compact):
        return "talk_to_staff", SURE
    if _VENDOR.search(compact) and _DIRECTOR_ASKED.search(compact):
        return "talk_to_staff", SURE
    if _BIKE_PARKED.search(compact):
        return "ask_location", SURE
    if _RELAY.search(compact) and (hold := _RELAY_HOLD.search(compact) or _RELAYED_YES.search(compact)):
        return ("other" if _RELAY_HOLD.search(compact) else "yes"), SURE if hold else 0.8
    if _JOB.search(compact) or _LAB.search(compact) and not _WAY_ASKED.search(compact):
        return "question_other", SURE
    if _IN_THE_ROOM.search(compact) or _APP_NAMED.search(compact):
        return "question_other", SURE
    if _ON_THE_MOVE.search(compact) and not _WHERE.search(compact):
        if rw.YES_START.match(core) and rw.CONFIRMED.search(core):
            return "yes", SURE
        if _HOLD.match(core) and not dated:
            return "other", SURE
    if _SWAPPED.search(compact):
        return "reschedule", SURE
    if dated and (_AVAILABILITY_ASKED.search(compact) or _EVENING_DAYS.search(compact)):
        return "book", SURE
    if _EVENING_DAYS.search(compact):
        return "book", SURE
    return None
