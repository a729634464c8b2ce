"""Kinds of speech of two ordinary clinic days (issue 15, round 45: blind74, a Wednesday in July near an industrial
complex, and blind75, a snowy Friday in December).

- a permanent tooth knocked out whole ("앞니가 통째로 빠졌어요", "뿌리까지 빠졌어요"), or out and kept in milk,
  saline, water, a cup or the mouth on the way ("앞니 하나가 아예 빠져 버렸는데 우유에 담가 왔어요"): an
  ``emergency`` (it must go back within the hour), whatever is asked after ("지금 가면 봐 주세요?");
  :func:`tooth_knocked_out` is read by ``emergency_heard``, so every stage that hears a red flag hears it. A milk
  tooth loose or come out by itself, a crown, a filling or a denture come out are no avulsion (they stay with the
  rules that read them).

The other kinds are rows of ``RULES``, consulted at stage 2 (``caller_errands``) after ``blossom_day_kinds``, behind
the refusal / red-flag guard:
- a late (or early) slot of the day asked for, with the reason (a night shift) before it ("밤 근무라 낮에 자거든요
  예약은 오후 늦게 잡아 주세요"): ``book``, no booking moved;
- a proposal's day taken but its time asked later or earlier ("수요일은 괜찮은데 시간을 좀 당겨 주세요"): ``no``
  (round 24: a proposal accepted but for one part changed);
- a reason or a condition said, then a plain yes to an offer ("올해는 아직 안 했으니까 예 할게요", "보험 된다 카면
  해야지 예 하께요"): ``yes`` (round 25: a condition stated then a plain yes);
- which bus to take asked ("몇 번 버스 타야 돼요 시장 앞에서"): ``ask_location``;
- a wheelchair told with a day and a time asked ("아버지 휠체어 타시는데 목요일 두 시 될까요"): ``book`` (round 44's
  wheelchair asked in with no day stays ``question_other``).

All patterns match the compact text (no spaces).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_TOOTH_OUT = re.compile(
    r"(?:이|이빨|치아|앞니|어금니|영구치|송곳니|니)(?:가|이|는|도)?(?:하나가?|한개가?|두개가?|또)?"
    r"(?:아예|완전히|통째로|통채로|통째|뿌리까지|뿌리째|뿌리채|쑥|툭|그냥|다)?"
    r"(?:빠졌|빠져|빠진|뽑혔|뽑혀|뽑힌)")
_WHOLE = re.compile(r"(?:통째로|통채로|통째|뿌리까지|뿌리째|뿌리채)(?:다)?(?:빠졌|빠져|빠진|뽑혔|뽑혀|뽑힌)")
# kept on the way: in milk, saline, water, a cup, a bag or the mouth ("우유에 담가", "컵에 물 담아서 넣어",
# "입에 물고", "식염수에 넣어")
_KEPT = re.compile(
    r"(?:우유|식염수|생리식염수|물|컵|종이컵|통|봉지|지퍼백|휴지|입|입안|볼안|혀밑|침)(?:에|에다|에다가|으로|로|속에)?"
    r"[가-힣]{0,6}(?:담가|담궈|담갔|담았|담아|넣어|넣었|넣고|물고|머금|보관|싸서|싸왔|챙겨)")
# not an avulsion: a milk tooth, a loose tooth come out by itself, a crown, a filling, a denture, a tooth pulled
_NOT_AN_AVULSION = re.compile(
    r"젖니|유치|애기이|아기이|틀니|의치|크라운|씌운|씌워|때운|떼운|보철|레진|(?<!어)금니|인레이|브릿지|브리지|임플란트|"
    r"교정|장치|저절로|혼자|흔들리|흔들거|흔들흔들|뽑은|뺀|발치")


def tooth_knocked_out(compact: str) -> bool:
    """A permanent tooth knocked out whole, or out and kept for the way (module docstring): an emergency."""
    if _NOT_AN_AVULSION.search(compact):
        return False
    out = _TOOTH_OUT.search(compact)
    if out is None:
        return False
    return bool(_WHOLE.search(compact) or _KEPT.search(compact[out.end():]))


_LATE_SLOT = re.compile(r"(?:오후|저녁|오전|아침)(?:에|엔)?(?:좀|조금|제일|젤|가장)?(?:늦게|늦은|일찍|이른)"
                        r"(?:시간)?(?:으로|로|에)?(?:좀)?(?:잡아|잡고|잡을|해주|해줘|부탁|예약)")
_BOOKING_MOVED = re.compile(r"예약(?:한|된|했던|해놓은|돼있)|옮겨|바꿔|미뤄|변경|늦춰|당겨|취소")
_DAY_TAKEN = re.compile(r"(?:요일|날|날짜)(?:은|는)(?:좋|괜찮|되)(?:은데|는데|긴한데)")
_TIME_MOVED = re.compile(r"시간(?:을|은|만)?(?:좀|조금)?(?:늦게|일찍|당겨|미뤄|늦춰|뒤로|앞으로)")
_REASON_THEN_YES = re.compile(r"(?:니까|니깐|으니|카면|다면|되면|하면|이면)[가-힣]{0,6}(?:네|예)(?:네|예)?"
                              r"(?:할게요|할께요|하께요|하겠습니다|할게|하께|합시다|해주세요|갈게요|가께요)$")
_A_DAY_OR_ASKED = re.compile(r"요일|내일|모레|다음주|언제|몇시|얼마|되나요|돼요\?|나요$|까요$")
_BUS_ASKED = re.compile(r"(?:버스|마을버스)(?:는|를|은)?몇번|몇번(?:버스|마을버스)|"
                        r"몇번(?:을)?타(?:면|야|는|고)")
_WHEELCHAIR = re.compile(r"휠체어|휠체아")
_SLOT_ASKED = re.compile(r"(?:되까요|될까요|되나요|돼요|되요|가능|되겠|될까예|되능교)")

RULES = (
    KindRule("a late or early slot asked for, with its reason", "book", (_LATE_SLOT,), unless=(_BOOKING_MOVED,),
             expect=(None,)),
    KindRule("a proposal's day taken, its time moved", "no", (_DAY_TAKEN, _TIME_MOVED), expect=("proposal",)),
    KindRule("a reason or a condition, then a plain yes to an offer", "yes", (_REASON_THEN_YES,),
             unless=(_A_DAY_OR_ASKED,), expect=("offer",)),
    KindRule("which bus to take", "ask_location", (_BUS_ASKED,)),
    KindRule("a wheelchair told with a day and a time asked", "book", (_WHEELCHAIR, _SLOT_ASKED), dated=True),
)
