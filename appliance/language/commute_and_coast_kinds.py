"""Kinds of speech of four clinic days (issue 15, round 51: blind94 a June Wednesday in 광명, blind95 a January
Tuesday in 여수 harbour, blind96 an October Friday in 일산, blind97 an August Thursday in 포항).

Rows of ``RULES``, consulted at stage 2 (``caller_errands``) first of the round tables (each row is narrow), behind
the refusal / red-flag guard (round 51's other safety kinds are elsewhere: a refusal "연락도 인제 안 주셔도 됩니더"
in ``opt_out_words``; a thing broken "… 부러져 부렀어", then "may I come [a day word]", in ``care_waits``):
- a treatment asked allowed while another goes on ("교정 중인데 미백도 같이 할 수 있어요"): ``medical_question``
  (round 42);
- whether an activity is allowed if a treatment is done ("지금 사랑니 뽑으면 바다 들어가도 돼요"): ``medical_question``
  (the after-care kind, rounds 23 and 34; never a booking);
- a thing off or loose told on a wellbeing call ("레진 한 데가 좀 떨어져 나간 거 같아요"): ``symptom`` (to the
  treatment question it stays ``book``: round 51's count, 19 of 19 earlier labels); a trouble told then "can you fix
  it", no day ("… 음식이 자꾸 껴요 고칠 수 있나요"): ``symptom`` (round 23);
- a staff member asked for by name with a day ("김 원장님 오늘 진료하세요"): ``talk_to_staff`` (round 27);
- a receipt or a named paper for a claim, sent by e-mail or text: ``question_other`` (rounds 39/50);
- a yes to an offer, then "this evening too?" ("네 해야지요 오늘 저녁에도 돼요"): ``book`` (rounds 25/30);
- a proposal's day kept, its hour changed ("목요일로 하는데 시간을 다섯 시로 해 주세요"): ``no`` (round 24).

All patterns match the compact text (no spaces), after ``transcript.tidy`` (the dialect endings read as standard).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_IF_TREATED = re.compile(r"(?:뽑으면|빼면|뽑고나면|빼고나면|뽑고나서|빼고나서|뽑은뒤에|뺀뒤에|심으면|심고나서|"
                         r"받으면|받고나서|받고나면|하고나서|하고나면)")
_ACTIVITY_ALLOWED = re.compile(r"(?:바다|수영장|물|사우나|목욕탕|찜질방)?(?:들어가도|수영해도|물놀이해도|운동해도|"
                               r"샤워해도|비행기타도|등산해도|뛰어도|술마셔도|마셔도|먹어도)(?:돼|되|될|괜찮)")
_WHILE_ANOTHER = re.compile(r"(?:교정|임플란트|신경치료|치료|틀니)(?:중|하는중|받는중|하고있는)(?:인데|이라|이에요)")
_ALSO_DONE_ASKED = re.compile(r"(?:미백|스케일링|라미네이트|불소|실란트|레진|임플란트|교정)(?:도|을|를)?"
                              r"(?:같이|함께|동시에)?"
                              r"(?:할수있|받을수있|해도되|해도돼|받아도되|받아도돼|가능)")
_BOOKING_WORDS = re.compile(r"예약|잡아|잡을")
_THING_OFF_OR_LOOSE = re.compile(r"(?:떼운|때운|씌운|레진|크라운|틀니|보철|교정기|장치|임시|금니|봉)[가-힣]{0,6}"
                                 r"(?:떨어져|떨어졌|빠져|빠졌|깨져|깨졌|부러져|안맞아|안맞|헐렁|들떠|흔들려)")
_TOLD_AS_A_REASON = re.compile(r"(?:어서요|아서요|져서요|해서요|려서요|아요|어요|같아요|갔어요|나간거같아요)$")
_TROUBLE = re.compile(r"껴요|끼어요|헐렁|덜그럭|못씹|안씹|아파|아프|시려|시린|시큰|욱신|흔들|깨졌|깨져|빠졌|빠져|"
                      r"떨어졌|떨어져|안맞|들떠|(?<![커카배])피가")
_FIX_IT = re.compile(r"(?:고칠수|고쳐주실수|고쳐줄수|손볼수|손봐주실수)(?:있|있을|있는)"
                     r"(?:나요|나예|어요|까요|을까요|"
                     r"습니까|는거죠)\??$")
_A_DAY = re.compile(r"오늘|내일|낼|모레|이번주|다음주|담주|주말|[월화수목금토일]요일")
_STAFF_BY_NAME_ON_A_DAY = re.compile(r"[가-힣](?:원장|선생|실장|위생사)님?(?:이|은|는)?(?:오늘|내일|모레|"
                                     r"[월화수목금토일]요일)(?:에|은|는|도)?(?:진료하세요|진료해요|진료하시나요|나오세요|"
                                     r"나오시나요|계세요|출근하세요|보세요)\??$")
_PAPER = re.compile(r"영수증|내역서|진단서|소견서|진료확인서|통원확인서")
_CLAIM = re.compile(r"실비|실손|보험청구|청구")
_SENT_BY = re.compile(r"(?:이메일|메일|문자|카톡)(?:로)?(?:보내|받을|받아|줄|주실)")
_YES_FIRST = re.compile(r"^(?:아|어)?(?:네|예)")
_EVENING_TOO = re.compile(r"(?:오늘|내일|모레|[월화수목금토일]요일)(?:아침|오전|오후|저녁|점심|밤)?(?:에)?도"
                          r"(?:돼요|되요|되나요|괜찮아요|가능해요)\??$")
_DAY_KEPT_HOUR_CHANGED = re.compile(r"(?:로|으로)(?:하는데|할건데|하되|하고)(?:요)?시간(?:을|은|만)?[가-힣]{0,4}"
                                    r"시(?:반)?(?:로|으로)(?:해|바꿔|늦춰|당겨|해주)")


RULES = (
    KindRule("a treatment asked allowed while another goes on", "medical_question", (_WHILE_ANOTHER, _ALSO_DONE_ASKED),
             unless=(_BOOKING_WORDS, _A_DAY)),
    KindRule("an activity allowed if a treatment is done", "medical_question", (_IF_TREATED, _ACTIVITY_ALLOWED),
             unless=(_BOOKING_WORDS,)),
    KindRule("a thing off or loose told on a wellbeing call", "symptom",
             (_THING_OFF_OR_LOOSE, _TOLD_AS_A_REASON), expect=("wellbeing",), dated=False),
    KindRule("a trouble told, then can you fix it, no day", "symptom", (_TROUBLE, _FIX_IT), dated=False,
             unless=(_A_DAY,)),
    KindRule("a staff member asked for by name, with a day", "talk_to_staff", (_STAFF_BY_NAME_ON_A_DAY,),
             unless=(re.compile(r"예전|아직|전에"),)),
    KindRule("a paper for a claim sent by e-mail or text", "question_other", (_PAPER, _CLAIM, _SENT_BY),
             unless=(re.compile(r"팩스|뭐|필요|따로"),)),  # by fax or which papers: rounds 27/30's ask_insurance
    KindRule("a yes to an offer, then this evening too", "book", (_YES_FIRST, _EVENING_TOO), expect=("offer",)),
    KindRule("a proposal's day kept, its hour changed", "no", (_DAY_KEPT_HOUR_CHANGED,), expect=("proposal",)),
)
