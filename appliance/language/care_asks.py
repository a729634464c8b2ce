"""Care questions the rules must hold against the model and against a booking (round 15: dev16-dev19, blind22).

A worried patient asks in few words what they may do around a treatment ("교정기 끼고 껌 돼요", "레진 하고 양치 바로
해도", "내일 사랑니 빼는데 그 전에 맥주 한 잔 정도는 괜찮아요"), whether a thing is normal ("틀니 새로 하믄 원래
처음엔 이렇게 말이 새나요"), whether one's condition allows a treatment ("골다공증 약 먹는데 임플란트 할 수 있는
거요"), whether a treatment is needed at all ("젖니 충치도 치료해야 돼요 어차피 빠질 건데"), or when the gauze comes
out. Each is a ``medical_question`` for sure (``sure_medical_question``): a day named for the treatment books nothing,
and the model may not read the symptom told on the way as the point. All patterns match the compact text.
"""

from __future__ import annotations

import re

from appliance.language import questions as qs
from appliance.language import body_or_visit as bv
from appliance.language.asking import asked_before_aside, is_question
from appliance.language.general_info import SEDATION

# Something one may do, eat or take around a treatment (beyond ``questions.CARE_TOPIC``): dialect and short forms
_CARE_THING = re.compile(
    r"밥(?:을|은|도)?(?:묵|먹)|묵고|찜질|딱딱|가글|치실|양치|씹|껌|(?<![수시기미])술|맥주|사우나|담배|샤워|목욕|"
    r"오징어|떡|견과|쫄깃|쫀득|질긴|캐러멜|카라멜"
)
# A treatment had or coming: "빼는데", "뽑는다 카던데", "수술인데", "크라운 하고", "때운 거"
_TREATMENT_AROUND = re.compile(
    r"(?:빼|뽑|수술하|발치하|치료하|씌우|때우)(?:는데|는다|ㄴ다|기전|기전에)|(?:수술|발치|시술)(?:인데|이라|날)|"
    r"(?:크라운|레진|임플란트|교정|틀니|스케일링|신경치료|사랑니|브릿지|브리지|보철|인레이)|(?:때운|씌운|뺀|뽑은|심은)(?:거|데|자리|이)"
)
# The permission asked at the end, however short ("…씹어도", "…껌 돼요", "…찜질 해요?", "…가도 되능교")
_LEAVE_ASKED_END = re.compile(
    r"(?:[어아여워해써껴봐셔]도|도(?:돼|되|됨|괜찮)[가-힣]{0,4}|(?:돼|되나|되요|되남|되능교|되오|될까|됩니까)(?:요|여)?"
    r"|괜찮(?:아요|나요|을까요|죠|겠죠|아|은가요)|(?:찜질|양치|가글|샤워|목욕|운동)해요(?=\?)"
    r"|(?:밥|죽)(?:을|은)?(?:먹어|묵어)요|언제(?:부터|까지)?(?:요)?)\??$"
)
# Eating before one comes ("아침밥 묵고 가도 되능교") or going to the sauna: no visit asked
_NOT_THE_CLINIC = re.compile(
    r"(?:먹|묵|마시|드시|양치하)고(?:가|와)도|(?:사우나|목욕탕|찜질방|헬스|수영장)[가-힣]{0,6}(?:가|다녀)도|"
    r"몇시간(?:있다|지나서|뒤에|후에)"  # "몇 시간 있다 밥 먹어요": hours to wait, no free time asked
)
_CARE_NEAR_END = re.compile(_CARE_THING.pattern + "|" + qs.CARE_TOPIC.pattern)  # what is asked leave for, said last
# A slot requested on the way ("…목요일 세 시로 해 주세요 술은 괜찮죠"): the booking is the point
_SLOT_REQUESTED = re.compile(r"(?:로|으로)(?:해|잡아|바꿔|옮겨|당겨|미뤄)(?:주|줘)")
# A reason trailing the question ("…괜찮아요 이따 송년회가 있어서요")
_REASON_TAIL = re.compile(r"(?<=[요죠까])[가-힣]{0,12}(?:서요|거든요)$")
# Leave to let it be, or why it is so, asked last about a symptom or a treated tooth ("…이대로 둬도 돼요")
_ASKED_ABOUT_IT_END = re.compile(
    r"(?:둬도|놔둬도|나둬도|놔도)(?:돼|되|괜찮)[가-힣]{0,3}$|왜(?:그래요|그럴까요|그런가요|이래요|그런거예요)$"
)
# Whether what one feels is normal, in dialect or with "이렇게" ("원래 처음엔 이렇게 말이 새나요")
_NORMAL_SO = re.compile(r"원래.{0,10}(?:이렇|그렇|이래|그래)[가-힣]{0,8}(?:나요|가요|요|죠|까)$")
# One's condition and whether a treatment is still possible ("저도 되는 건가요", "할 수 있는 거요")
_STILL_POSSIBLE = re.compile(
    r"(?:저도|나도|저는|나는|전)(?:되는|가능한|할수있는)(?:건가|거예요|건지|가요|거죠)|수(?:가)?있는(?:거|건)(?:요|예요|가요|죠)$"
)
# Whether a treatment is needed at all ("어차피 빠질 건데 치료해야 돼요", "꼭 씌워야 돼요 그냥 때우면 안 돼요")
_NEEDED_AT_ALL = re.compile(
    r"(?:치료|뽑|빼|씌워|때워|신경치료)(?:해|를해)?야(?:돼|되)(?:요|나요)?.{0,12}(?:어차피|그냥|굳이)|"
    r"(?:꼭|굳이|반드시)(?:[가-힣]{0,4})(?:씌워|뽑아|빼|때워|치료해)야(?:돼|되)[가-힣]{0,14}(?:면안(?:돼|되)(?:요|나요)?)$"
)
# Leave asked after one's condition is told ("…중인데 마취 괜찮아요", "…있는데 이 빼도 문제 없어요")
_CONDITION_THEN_OK = re.compile(
    r"(?:중|있|먹|맞)(?:인데|는데)[가-힣]{0,12}(?:괜찮아요|괜찮나요|괜찮을까요|문제(?:가)?없(?:어요|나요|을까요))$"
)
# When the gauze or the stitches come out ("그 가제는 언제 빼는 거지")
# round 18: a risk of a treatment or of a tooth left as it is, asked ("임플란트 수술 실패하는 경우도 있어요", "신경치료
#끝난 이 그냥 두면 깨질 수도 있어요"): no booking, whatever the treatment named
_RISK_ASKED = re.compile(
    r"(?:[ㄹ을]|할|질|될|날|생길|변할|빠질|상할|터질|번질|덧날|실패할)?(?:수도|수가|경우도|경우가|일도|때도)"
    r"(?:있|생기)(?:어요|나요|을까요|죠|어|는거죠|는거예요|는건가요|어요\?|습니까)\??$"
    r"|(?:실패|부작용|재발|탈락)(?:하는|되는|할|될)?(?:경우|확률|가능성)"
)
_GAUZE_WHEN = re.compile(r"(?:거즈|가제|가아제|솜|실밥)(?:는|은|를|을)?(?:언제|몇시간|얼마나)")


def sure_medical_question(text: str, compact: str) -> bool:
    """A question about one's own care around a treatment, asked for sure (see the module docstring)."""
    if qs.FACT_WORDS.search(compact) or qs.BOOK_REQUEST.search(compact) or "예약" in compact or qs.urgent(compact):
        return False  # a price, a booking, or a red flag (bleeding, swelling: the emergency rules and the model judge)
    if SEDATION.search(compact) or "보호자" in compact:
        return False  # "수면 마취로 임플란트 하는 것도 되나요": what the clinic offers, for staff
    if _GAUZE_WHEN.search(compact) or _NEEDED_AT_ALL.search(compact) or _RISK_ASKED.search(compact) and (
            _TREATMENT_AROUND.search(compact) or bv.about_body(compact)):
        return True
    if (_NORMAL_SO.search(compact) or _STILL_POSSIBLE.search(compact) and qs.CONDITION.search(compact)) and (
            bv.about_body(compact) or qs.TREATMENT_WORD.search(compact)):
        return True
    if qs.CONDITION.search(compact) and _CONDITION_THEN_OK.search(compact):
        return True  # "임신 중인데 마취 괜찮아요", "골다공증 주사 맞고 있는데 이 빼도 문제 없어요"
    if _ASKED_ABOUT_IT_END.search(compact) and (qs.has_symptom(compact) or qs.AFTER_CARE.search(compact)):
        return True
    care = _CARE_THING.search(compact) or qs.CARE_TOPIC.search(compact)
    if not (care and (_TREATMENT_AROUND.search(compact) or qs.AFTER_CARE.search(compact))):
        return False
    if bv.visit_asked(_NOT_THE_CLINIC.sub("", compact)) or _SLOT_REQUESTED.search(compact):
        return False  # "스케일링 하고 양치 하러 가도 돼요": a visit asked
    asked = _REASON_TAIL.sub("", compact)
    ending = compact + ("?" if text.rstrip().endswith("?") else "")
    asked_end = (_LEAVE_ASKED_END.search(ending) or _LEAVE_ASKED_END.search(asked)) and _CARE_NEAR_END.search(
        asked[-12:])
    return bool(asked_end or qs.PERMISSION.search(compact)
                and (is_question(text, compact) or asked_before_aside(text)))
