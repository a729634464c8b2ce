"""Kinds of speech of two spring days (issue 15, round 33: blind50, an old downtown Tuesday of shopkeepers and dentures,
and blind51, a new-town Thursday of young families), consulted at stage 2 (``caller_errands``) after
``seaside_day_kinds``, before ``clinic_day_kinds``:

- a sore appliance and "would you trim / fix it" with no day ("틀니가 잇몸을 눌러서 아파 죽겠어요 좀 갈아 주면 안
  돼요"): ``symptom`` (round 23: a problem described and "can you fix it" with no day);
- a reminder answered by asking its time again ("아 맞다 그거 몇 시라고 하셨죠"): ``confirm_appointment``; not
  when the caller answers it and says yes ("몇 시라고요 세 시요 네 갈게요", an echoed read-back: ``yes``);
- someone else of the family added to an offered visit ("둘째도 같이 봐 주세요"): ``book`` (round 23: a person
  added to a visit is ``book``);
- a booking cancelled earlier and now taken up again ("지난번에 취소했었는데 다시 잡고 싶어요"): ``book``, not a
  cancel.

The baby's age that makes "may she have X" a medical question ("아직 돌 전인데 불소 발라도 되나요") is a
``questions.CONDITION``; a break wondered about in a photo offered (``clinic_day_kinds``) is ``medical_question``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_APPLIANCE = re.compile(r"틀니|의치|교정기|유지장치|마우스피스|임시치아|씌운거|씌운게|크라운")
_SORE = re.compile(r"아파|아프|눌러|배겨|쓸려|헐었|헐어|까졌|찔러")
_FIX_IT = re.compile(r"(?:깎아|갈아|다듬어|고쳐|손봐|조정해|맞춰)(?:주면안(?:되|돼)|주실수있|줄수있|주세요|주시면)")
_A_DAY_ASKED = re.compile(r"언제|몇시|오늘|내일|모레|요일|가도(?:돼|되)|가면(?:돼|되)")
_TIME_ASKED_AGAIN = re.compile(r"몇시(?:라고요|라고하셨|라고했|였죠|였더라|였지|였어요|더라|라구요)")
_ANSWERED_AND_TAKEN = re.compile(r"(?:갈게요|갈께요|가겠습니다|알겠어요|알겠습니다|적어놨|적어둘게|적었어요)")
# round 34: "남편 것도 같이"
_OTHER_FAMILY_TOO = re.compile(r"(?:첫째|둘째|셋째|막내|큰애|작은애|동생|형|언니|누나|오빠|남편|아내|집사람|신랑|"
                               r"애아빠|애엄마|엄마|아빠|딸|아들)(?:것|거|꺼)?(?:도|까지)같이(?:해|봐|받|가|검진|좀)")
_NOT_COMING = re.compile(r"안(?:할|해|갈|가)|못(?:해|가|갈)|다음에|나중에|괜찮아요|됐어요")
_TAKEN_UP_AGAIN = re.compile(r"취소(?:했다가|했었는데|했었어요|했는데)[가-힣]{0,8}다시(?:잡|예약|하|가)")

RULES = (
    KindRule("a sore appliance, would you fix it", "symptom", (_APPLIANCE, _SORE, _FIX_IT), unless=(_A_DAY_ASKED,)),
    KindRule("a reminder's time asked again", "confirm_appointment", (_TIME_ASKED_AGAIN,),
             unless=(_ANSWERED_AND_TAKEN,), expect=("reminder",)),
    KindRule("another of the family added to an offer", "book", (_OTHER_FAMILY_TOO,), unless=(_NOT_COMING,),
             expect=("offer",)),
    KindRule("a cancelled booking taken up again", "book", (_TAKEN_UP_AGAIN,)),
)
