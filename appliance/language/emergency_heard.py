"""Whether a caller's words sound like an emergency: the emergency words (``lexicon.EMERGENCY``) not negated after
them ("숨이 차지는 않아요"), once what only sounds urgent is set aside: panting from exercise ("헬스장이라 숨이 차서요",
round 16), a throb that keeps one awake with no other red flag (round 14: a symptom) and, round 36, gums that bleed
at every brushing ("잇몸에서 피가 계속 나요 양치할 때마다": a symptom, as 57 labelled sentences of the kind say)."""

from __future__ import annotations

import re

from appliance.language import lexicon as lx
from appliance.language import harvest_day_kinds, life_around_visits, reply_asides, shift_work_kinds

# round 14: a throb that keeps one awake, with no other red flag, is a symptom
# ("밤에 이가 욱신욱신해서 잠을 못 자겠어요")
_THROB_KEEPS_AWAKE = re.compile(r"욱신(?:욱신|거려|거리)?(?:해|하|혀)?(?:서|가지고)?잠을?못(?:자|잤|잔|잘)")
# round 28: a swelling gone worse with the face said fine ("붓기가 더 심해졌는데 얼굴은 멀쩡하고 잇몸만요") is the
# worsening swelling of the labelling conventions, a symptom
_FACE_FINE = re.compile(r"얼굴(?:은|는|쪽은)?(?:괜찮|멀쩡|안부었|안부어|안붓|그대로)")
_SWELLING_WORSE = re.compile(r"붓기(?:가|는)?.{0,3}(?:너무|엄청|심|계속|점점)")
# round 36: the gums bleeding when brushed ("양치할 때마다", "칫솔질하면", "이 닦다가") bleed at a brushing, not
# without end; only a blood word is set aside, every other red flag is still heard
_GUMS = re.compile(r"잇몸")
_AT_BRUSHING = re.compile(r"(?:양치|칫솔질|이를?닦|이빨닦|이발닦)[가-힣]{0,3}(?:때|면|다가|다보니)")
# round 44: a tooth one thinks broken ("이가 부러진 것 같아서"), with no blow, pain, blood, looseness or swelling
# beside it, is a chipped tooth told, a symptom (as "이가 깨진 것 같아요" is: every such labelled sentence)
_UNSURE_BREAK = re.compile(r"(?:이|이빨|치아|앞니|어금니)(?:가|이)?(?:좀|살짝|조금|약간)?부러진(?:것|거)같")
_BREAK_WITH_MORE = re.compile(r"넘어|부딪|맞아서|맞았|맞고|다쳐|다쳤|사고|떨어져|떨어졌|싸우|공에|굴러|미끄러|자빠|"
                              r"엎어|박아|박았|(?<![커카배])피(?!하|곤|부|해)|아파|아프|아픈|흔들|빠졌|빠져|부었|부어|붓|찢|신경|"
                              r"지금바로|당장")


def sounds_like_emergency(compact: str) -> bool:
    """True when ``compact`` (the transcript without spaces) names an emergency."""
    if shift_work_kinds.tooth_knocked_out(compact):
        return True  # round 45: a permanent tooth knocked out whole, or out and kept in milk on the way
    compact = reply_asides.without_exertion(compact)  # round 16: "헬스장이라 숨이 차서요" pants, no red flag
    compact = life_around_visits.fever_only(compact)  # round 20: "고열이 나서 오늘 예약은 못 갈 것 같아요" moves it
    # round 44: a fever denied is no fever, and "…안 부었고 열도 없어요" spells no "고열" across the clauses
    compact = harvest_day_kinds.denied_fever_dropped(compact)
    if _UNSURE_BREAK.search(compact) and not _BREAK_WITH_MORE.search(compact):
        compact = _UNSURE_BREAK.sub("", compact)  # round 44: a tooth thought broken, nothing else: a symptom
    if _THROB_KEEPS_AWAKE.search(compact):
        compact = _THROB_KEEPS_AWAKE.sub("", compact)
    if _FACE_FINE.search(compact):
        compact = _SWELLING_WORSE.sub("", compact)
    brushed_gums = bool(_GUMS.search(compact) and _AT_BRUSHING.search(compact))
    for pattern in (lx.EMERGENCY,):
        for m in pattern.finditer(compact):
            if brushed_gums and "피" in m.group(0):
                continue  # round 36: bleeding gums at a brushing are a symptom
            if not lx.EMERGENCY_NEG.match(compact[m.end() :]):
                return True
    return False
