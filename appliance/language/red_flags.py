"""Red flags that must win over every non-safety rule (issue 15, round 24: blind32 and blind33).

``_classify`` (``docs/understanding.md``, stage 0) asks ``narrow_red_flag`` before any other rule, so no later rule
(a place, a price, the hours, a booking, a person asked for) can take a red flag's sentence; and
``outranks(intent, compact)`` lets a red flag heard by ``emergency_heard`` take back a non-safety answer of the
stage-2 round modules, which are consulted before the emergency stage.

- faintness or a racing heart after an anaesthetic or an injection, **in either order** ("마취 주사 맞고 … 가슴이
  두근거리고 어지러워요", "마취 주사 맞고 나서 어지럽고 가슴이 두근거려요"): ``emergency`` (round 23 read only the
  first order, so "… 지금 치과 주차장이에요" fell through to the parking topic);
- dizziness with a cold sweat, a faint coming or breath short after an anaesthetic, no racing heart said ("마취 주사
  맞고 왔는데 어지럽고 식은땀이 나요"): ``emergency`` (round 27);
- the same signs told first and the anaesthetic added after as their cause ("어지럽고 쓰러질 것 같아요 마취 주사
  맞고 나서요"): ``emergency`` (round 30);
- dizziness with retching or nausea after an anaesthetic ("마취하고 나서 어지럽고 토할 거 같아요"): ``emergency``
  (round 36: blind56 read it as nothing said);
- round 47: one sign alone told now after an injection or an anaesthetic ("주사 맞고 나서 숨이 좀 찬 거 같아요",
  "마취하고 나서 두드러기가 올라와요", "주사 맞고 목이 붓는 느낌이에요", "마취 후에 핑 돌아요"): dizziness, breath
  short, hives or a rash, the face, throat, tongue or lips swelling, a faint: ``emergency`` (an allergic or
  vasovagal reaction); a lip bitten while numb ("마취 풀리고 입술을 깨물어서 부었어요") stays a symptom, a slight
  sign gone by asked whether normal ("좀 어지러웠는데 원래 그런 거예요") stays no emergency (round 27), and what
  happens whenever one has one, asked, stays a history (round 44).
"""

from __future__ import annotations

import re

from appliance.language.emergency_heard import sounds_like_emergency

_ANAESTHETIC = re.compile(r"(?:마취|주사)")
_HEART_RACING = re.compile(r"(?:가슴이?|심장이?)[가-힣]{0,4}(?:두근|쿵쾅|빨리뛰|벌렁)")
_FAINTNESS = re.compile(r"어지러|어지럽|쓰러|숨이|식은땀|정신이")
# round 27: dizziness with a second sign of collapse, no racing heart ("어지럽고 식은땀이 나요", "어지럽고 쓰러질
# 것 같아요")
_DIZZY = re.compile(r"어지러|어지럽|핑돌")
_COLLAPSING = re.compile(
    r"쓰러질|쓰러지|식은땀|정신이(?:없|혼미|가물)|기절|눈앞이(?:캄캄|하얘)"
    r"|숨(?:이|쉬기)?(?:좀|조금|약간|많이|너무|자꾸)?(?:차|찬|막|가빠|가쁘|힘들)"
    r"|토할|토하|토했|구토|메스꺼|울렁거|헛구역")  # round 36: retching or nausea beside the dizziness
# a question about a past episode ("…두근거렸는데 다음에도 그럴까요?") asks, it tells no emergency now
# round 44: what happens whenever one has an anaesthetic, asked whether such a person can be treated
# ("마취 주사만 맞으면 가슴이 두근거리고 … 그런 사람도 치료 받을 수 있어요?"): a history asked, a medical
# question; the signs told now after one ("마취 주사 맞고 나서 …") stay an emergency
_WHENEVER = re.compile(r"^(?:주사)?(?:만|를|을)?(?:맞으면|하면|받으면|놓으면|맞을때마다|할때마다|맞을때|할때)")
_SUCH_A_PERSON_ASKED = re.compile(r"(?:그런|이런|저같은|나같은)(?:사람|분|체질|경우)[가-힣]{0,12}"
                                  r"(?:수있|되나|돼요|되요|괜찮|가능|어떡|어떻게)")
# round 30: the anaesthetic added after the signs as their cause ("… 쓰러질 것 같아요 마취 주사 맞고 나서요")
_CAUSE_ADDED = re.compile(
    r"^(?:주사)?(?:를|을)?(?:맞고|하고|받고|맞은|한|받은)(?:나서|난뒤|난후|뒤로|뒤부터|후로|후부터|부터)")
_PAST_EPISODE = re.compile(r"(?:었|았|렸|웠)는데[가-힣]{0,12}(?:다음에도|다음번|또)[가-힣]{0,6}(?:그럴까|그래요|"
                           r"그러나)")

# round 47: one sign alone, told now after an injection or an anaesthetic (module docstring)
_AFTER_IT = re.compile(r"^(?:주사)?(?:를|을)?(?:맞고|하고|받고|놓고|맞은|한|받은)"
                       r"(?:나서|난뒤|난후|뒤로|뒤에|뒤부터|후로|후에|후부터|부터)?|^(?:후|후에|뒤|뒤에|뒤로|하고)")
_ONE_SIGN = re.compile(
    r"어지러|어지럽|핑돌|숨(?:이|쉬기)?(?:좀|조금|약간|많이|너무|자꾸)?(?:차|찬|막|가빠|가쁘|힘들|답답)"
    r"|두드러기|발진|붉은반점|(?:온몸|몸|팔|목)[가-힣]{0,3}(?:가려|간지러|빨갛|울긋)"
    r"|(?:얼굴|목|목구멍|목안|혀|입술|눈)(?:이|가|도|까지|쪽이)?[가-힣]{0,3}(?:부어|부었|붓|퉁퉁|조여|조이|막히|막혀)"
    r"|기절|쓰러|실신|정신이(?:없|혼미|가물|멍)")
_NUMB_BITE = re.compile(r"깨물|씹었|씹어|물어서|물었|풀리")
# round 27: a slight sign gone by, asked whether it is normal ("… 좀 어지러웠는데 원래 그런 거예요"), is no emergency
_GONE_BY_ASKED = re.compile(r"(?:었|았|웠|렸)는데[가-힣]{0,10}(?:원래|정상|그런거|그럴수|그렇|괜찮은거)")

# what a red flag outranks: a place, a price, the hours or a person asked (the narrow rules of stages 2-3 that read
# an injury's cover as ``ask_insurance``, a booking said with a throb, a question for staff, decide on purpose)
NOT_SAFETY = frozenset({"ask_location", "ask_price", "ask_hours", "talk_to_staff"})


def narrow_red_flag(compact: str) -> bool:
    """Faintness or a racing heart after an anaesthetic or an injection, in either order (module docstring)."""
    anaesthetic = _ANAESTHETIC.search(compact)
    if anaesthetic is None or _PAST_EPISODE.search(compact):
        return False
    after = compact[anaesthetic.end():]
    if _WHENEVER.match(after) and _SUCH_A_PERSON_ASKED.search(after):
        return False  # round 44: a history asked
    before = compact[:anaesthetic.start()]
    if _CAUSE_ADDED.match(after) and _DIZZY.search(before) and _COLLAPSING.search(before):
        return True  # round 30: the signs first, the anaesthetic after as their cause
    if (_AFTER_IT.match(after) and _ONE_SIGN.search(after) and not _NUMB_BITE.search(after)
            and not _GONE_BY_ASKED.search(after)):
        return True  # round 47: one sign alone after it
    heart = _HEART_RACING.search(after)
    if heart is None:
        return bool(_DIZZY.search(after) and _COLLAPSING.search(after))
    return bool(_FAINTNESS.search(after[:heart.start()]) or _FAINTNESS.search(after[heart.end():]))


def outranks(intent: str, compact: str) -> bool:
    """A red flag heard in ``compact`` outranks ``intent``, a non-safety answer of an earlier stage."""
    return intent in NOT_SAFETY and (narrow_red_flag(compact) or sounds_like_emergency(compact))


def checked(answer: tuple[str, float], compact: str) -> tuple[str, float]:
    """``answer``, unless a red flag outranks its intent: then ``emergency``."""
    return ("emergency", 0.95) if outranks(answer[0], compact) else answer
