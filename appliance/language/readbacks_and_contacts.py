"""Read-backs echoed, contacts updated, families answering for a patient and the clinic's hygiene (issue 15,
round 23: blind30 and blind31).

Read on the compact text (no spaces) first in ``caller_errands`` (stage 2 of ``docs/understanding.md``), so each
rule is narrow:
- (faintness or a racing heart after an anaesthetic, round 23, moved to ``red_flags`` in round 24: asked first)
- a phone number or an address changed, also after a yes ("네 갈게요 근데 번호 바뀌었어요"): ``question_other``
  (staff update the contact; the number is not wrong); who or when the clinic calls back: ``question_other``;
- a read-back echoed with a yes to a confirmation or a proposal ("수요일 세 시요 네 맞아요", "월요일 아 월요일요
  월요일 열 시 네"): ``yes``, unless a change or a refusal is said;
- a family answering for a patient who died, is in hospital or a care home: with a request to stop the calls or
  remove the patient ``opt_out``; to a reminder ``cancel``; to an offer or a wellbeing call ``no``;
- which slots are free, asked back when a day or a time was asked ("몇 시가 비어 있는데요", "제일 늦은 게 몇
  시예요"), and the earliest or the latest slot wanted ("제일 늦게 되는 시간으로 해 주세요"): ``book`` (the dialog
  offers the slots);
- a deposit's amount or how to pay it ("예약금 결제를 전화로 할 수 있어요"): ``ask_price`` (its rules stay
  ``question_other``);
- the clinic's sterilising and single-use tools asked about, a bill charged twice or refunded: ``question_other``;
- 조선족 and 북한 speech: "일없어요 괜찮슴다" to a proposal is ``yes``; "내일 열 시 틀니 좀 봐 주소" a booking;
- an injury told with the bleeding stopped and no red flag: ``symptom``; a move from another clinic
  ("소독 철저하다고 해서 옮기려구요 … 모레 두 시") on a named day: ``book``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule, first_kind

# round 34: the new number given ("이 번호로 바꿔 주세요 번호 바뀌었어요")
_CONTACT_CHANGED = re.compile(r"(?:(?:제|저|내|저희)(?:전화|핸드폰|휴대폰)?번호|연락처|주소)(?:가|도|를|"
                              r"는)?[가-힣]{0,10}"
                              r"(?:바뀌었|바꼈|바뀌어서|바뀐|변경|바꿔주|바꿔야)|번호(?:가|를)?[가-힣]{0,4}바뀌[가-힣]{0,12}"
                              r"(?:바꿔주|변경|새번호|이번호로|알려드리)|새번호로|번호변경|옛날번호로|예전번호|"
                              r"이번호로(?:바꿔|변경해)(?:주|줘)[가-힣]{0,8}번호(?:가|도)?바뀌")
_NOT_THE_PERSON = re.compile(r"주인|그런사람|그런분|잘못거|잘못걸|모르는사람|아니에요|아닌데|몰라|그분|그사람|"
                             r"바뀌었나|(?:몇시|며칠|언제)[가-힣]{0,3}(?:였죠|이었죠|였더라)")
_CALLBACK_ASKED = re.compile(r"(?:다시연락|연락준다|연락주신다|전화준다|전화주신다|콜백)[가-힣]{0,16}"
                             r"(?:몇시|언제|번호|누가)")
_ECHO_AFFIRMED = re.compile(r"(?:^(?:네|예|응)|(?:맞아요|맞습니다|맞아|좋아요|좋습니다|네|예)(?:요)?$)")
_CHANGE_OR_REFUSAL = re.compile(r"아니|말고|바꾸|바꿔|바꿀|안돼|안되|안될|어려|힘들|취소|미뤄|미루|다른|대신|못가|"
                                r"못갈|안가|근데|그런데|혹시")
_PATIENT_GONE = re.compile(r"돌아가셨|돌아가신|돌아가셔|장례를?치|별세|세상을떠나|하늘나라|요양원|요양병원|입원해|"
                           r"입원하셔|"
                           r"입원중|"
                           # round 48: "went" with a spouse or a parent and when ("영감이 작년에 가셨어예")
                           r"(?:영감|할배|할아버지|할매|할머니|어머니|아버지|어무이|아부지|남편|바깥양반|집사람|마누라|"
                           r"양반|엄마|아빠)(?:이|가|께서|은|는)?(?:작년|재작년|지난해|지난달|올봄|올해|얼마전|먼저)"
                           r"(?:에)?(?:세상을?)?(?:가셨|가셔서|가신|갔어|갔습|떠나셨|떠났)")
_STOP_CALLS = re.compile(r"(?:전화|연락|문자)[가-힣]{0,6}(?:하지마|주지마|안하셔도|안주셔도|그만|하지말아|주지말아|"
                         r"안주셨으면|안하셨으면|안했으면)|"  # round 28: "연락 안 주셨으면 해요"
                         r"(?:명단|번호|기록|목록)[가-힣]{0,6}(?:빼|지워|삭제|정리)")
_CANNOT = re.compile(r"못|안돼|안되|어렵|힘들|취소|이제")
_FREE_SLOTS_ASKED = re.compile(r"(?:비어|비는|빈|남은|가능한|되는)[가-힣]{0,8}(?:몇시|언제|며칠)|"
                               r"(?:제일|가장)(?:늦은|빠른|이른)[가-힣]{0,4}(?:몇시|언제)|"
                               r"(?:몇시|언제)[가-힣]{0,4}(?:비어|비는|비었)")
_EDGE_SLOT_WANTED = re.compile(r"(?:제일|가장|젤)(?:늦은|늦게|빠른|일찍|이른)[가-힣]{0,8}시간(?:으로|에)")
_HYGIENE_ASKED = re.compile(r"(?:멸균|소독|일회용)[가-힣]{0,12}(?:하세요|해요|하나요|하시나요|이에요|인가요|"
                            r"예요|쓰세요|써요|맞죠|되나요|하죠)")
_BILLING_TROUBLE = re.compile(r"(?:두번|이중)[가-힣]{0,8}(?:나갔|나간|결제|빠져|빠졌|빠진|청구|찍혔)|환불")
_FINE_REGIONAL = re.compile(r"일없(?:어요|습니다|슴다|시다)[가-힣]{0,6}(?:괜찮|좋|하지요|하겠|합시다|하갔)")
_BLEEDING_STOPPED = re.compile(r"(?:부딪|맞아서|다쳐|다쳤)[가-힣]{0,30}"
                               r"(?<![커카배])피(?:는|가)?[가-힣]{0,4}나다(?:가)?(?:멈췄|그쳤|멎었)")
_A_CHILD = re.compile(r"애가|애는|아이|아기|애기|아들|딸")
_RED_FLAG = re.compile(r"부었|붓고|열이|숨이|숨을|못참|많이나|계속나|안멈|빠졌|부러졌|의식|토했")
_REGIONAL_PLEASE = re.compile(r"(?:봐|해|잡아|고쳐)\s?주소$")
_SWITCHED_HERE = re.compile(r"(?:해서|라서|길래|다길래|다고해서)(?:거기로|여기로|그쪽으로)?"
                            r"(?:옮기려|옮길려|옮기려고|바꾸려|오려)")
_DEPOSIT_PAID = re.compile(r"(?:예약금|보증금|선결제)[가-힣]{0,6}(?:얼마|결제|내야|입금|카드로|계좌)")
_DEPOSIT_RULE = re.compile(r"돌려|환불|날아|취소|빼주|빼줘|바꿔|연결|늦으면")
_CANCEL_OR_STAFF = re.compile(r"취소|연결|바꿔주|실장님|담당")


_KINDS = (
    KindRule("a patient gone, calls to stop", "opt_out", (_PATIENT_GONE, _STOP_CALLS), confidence=0.95),
    KindRule("a patient gone, the booking", "cancel", (_PATIENT_GONE, _CANNOT), expect=("reminder", "confirm")),
    KindRule("a patient gone, the offer", "no", (_PATIENT_GONE, _CANNOT), expect=("offer", "wellbeing")),
    KindRule("a deposit paid", "ask_price", (_DEPOSIT_PAID,), unless=(_DEPOSIT_RULE,)),
    KindRule("contact details changed", "question_other", (_CONTACT_CHANGED,), unless=(_NOT_THE_PERSON,)),
    KindRule("who calls back and when", "question_other", (_CALLBACK_ASKED,)),
    KindRule("sterilising asked", "question_other", (_HYGIENE_ASKED,)),
    KindRule("a bill in trouble", "question_other", (_BILLING_TROUBLE,), unless=(_CANCEL_OR_STAFF,)),
    KindRule("a regional 'fine'", "yes", (_FINE_REGIONAL,), expect=("proposal", "confirm", "offer")),
    KindRule("bleeding that stopped", "symptom", (_BLEEDING_STOPPED,), unless=(_RED_FLAG, _A_CHILD)),
    KindRule("a regional 'please' with a day", "book", (_REGIONAL_PLEASE,), dated=True),
    KindRule("switching here on a day", "book", (_SWITCHED_HERE,), dated=True),
    KindRule("a read-back echoed", "yes", (_ECHO_AFFIRMED,), unless=(_CHANGE_OR_REFUSAL,),
             expect=("confirm", "proposal"), dated=True),
    KindRule("the earliest or latest slot, a slot asked", "book", (_EDGE_SLOT_WANTED,), expect=("date", "time")),
    KindRule("the earliest or latest slot, a day said", "book", (_EDGE_SLOT_WANTED,), dated=True),
    KindRule("the free slots asked back", "book", (_FREE_SLOTS_ASKED,), expect=("date", "time")),
)


def readback_or_contact(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The intent of one of the kinds above, or None (see the module docstring)."""
    return first_kind(_KINDS, compact, expect, dated)
