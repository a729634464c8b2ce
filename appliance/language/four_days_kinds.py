"""Kinds of speech of four clinic days (issue 15, round 50: blind90 a September Tuesday in 전주, blind91 a March
Thursday in 세종, blind92 a November Monday in 춘천, blind93 an October Sunday in a 부천 mall clinic).

Rows of ``RULES``, consulted at stage 2 (``caller_errands``) first of the round tables (each row is narrow), behind
the refusal / red-flag guard (round 50's other safety kinds are elsewhere: a trouble told, then "may I come [a day
word]" with no hour and no errand, whatever the trouble's ending or a wait between, in ``care_waits``, counted; a
swelling with "열도 좀 나는" in ``lexicon.EMERGENCY``; the mouth hard to open with "침 삼킬 때" sore there too):
- when to bring a baby for the first check-up, the age told ("돌 지났는데 첫 검진은 언제 데려가요"), whether a
  trouble told can be left ("… 시큰한데 그냥 둬도 되는 건가", "그냥 두면 낫나요"), whether a trouble told is the
  dentist's to look at ("턱에서 소리가 나는데 이것도 치과에서 봐요"): ``medical_question`` (rounds 23, 33, 46);
- a named paper or a receipt asked for a 실비 claim ("실비 청구하게 세부 내역서 떼 주세요", "영수증 주시죠 실비
  청구하게"): ``question_other`` (round 39); the cost asked "with the insurance" ("얼마 나와요 보험 하면"):
  ``ask_insurance`` (rounds 25, 49);
- a crown or a filling come off with a day to put it back ("오늘 다시 붙일 수 있어요"): ``book`` (round 34's errand);
  an appliance's fix asked on a day ("토요일에 좀 손봐 주실 수 있어요"): ``book`` (round 46);
- a consultation wished "when may I come", a decision then "when" ("그냥 할게요 언제 돼요"), "I'll go then" after a
  day and an hour asked ("… 야간 진료 되죠 그때 갈게요"), a yes with one's spouse added ("저 말고 와이프도요"),
  "right now, not possible?" to the date question: ``book`` (rounds 25, 30, 34);
- a booked visit put to the next week's same hour, a reminder's hour moved ("시간을 다섯 시로 좀 늦춰"), one day
  not but another ("목요일은 안 되고 금요일은 돼요") to a reminder: ``reschedule``;
- one of two bookings cancelled ("엄마 것만 취소하고"), to be booked again once well, no day: ``cancel``;
- a relayed call back ("들어오면 전화하라고 할게요"), busy now then "call again later" ("이따 저녁때 다시 좀 해
  주세요"): ``callback_later`` (round 25);
- a proposal or a read-back kept but its hour changed ("목요일 좋은데 시간만 한 시간 늦출 수 있어요", "날짜는 맞는데
  시간을 오후로 바꿔 주세요"): ``no`` (round 24); moved to another clinic, to an offer; "없습니다 감사해요" to the
  need question (round 30/32); a slight thing borne on a wellbeing call ("얼얼하긴 한데 견딜 만해요", round 32):
  ``no``;
- a diary looked at then "possible" (round 39), one of two slots taken by its time ("오전 건 안 되고 오후 세 시
  괜찮네요", round 46), a trouble conceded then "I'll go and see" to an offer: ``yes``;
- how often, "done last December, again already?" (``question_other``, round 28); one's number changed, also after
  a yes (``question_other``, round 23); a trouble with its cause wondered ("임시로 막은 게 빠졌는지"): ``symptom``
  (round 40); "I must ask my mother" with no call back promised: ``other``; a shop's booking or wares meant
  ("미용실 예약하려고 했는데", "철물점 아니에요"): ``wrong_number``; a place to wait, shelter from the rain or
  play at the clinic ("애들 놀 수 있는 데 있어요"): ``question_other``.

All patterns match the compact text (no spaces), after ``transcript.tidy`` (the dialect endings read as standard).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_BABY_AGE = re.compile(r"돌(?:이)?(?:지났|됐|전|막)|[가-힣\d]{1,4}개월|두돌|세돌")
_FIRST_CHECK_WHEN = re.compile(r"(?:첫|처음)[가-힣]{0,6}(?:검진|치과)[가-힣]{0,4}(?:언제|몇살|몇개월)[가-힣]{0,4}"
                               r"(?:데려가|데리고가|가면|와야|오면|받으면|받아야)")
_TROUBLE = re.compile(r"아파|아프|아픈|시큰|시려|시린|시리|욱신|쑤|부었|부어|벌겋|빨갛|붉|소리가나|소리나|딱딱|"
                      r"흔들|(?<![커카배])피가|불편")
_LEFT_ALONE = re.compile(r"그냥(?:둬도|두어도|놔둬도|놔도|두면|놔두면|있어도)[가-힣]{0,4}(?:되는|돼|되|괜찮|낫)"
                         r"[가-힣]{0,5}(?:건가|걸까|나요|가요|는가|요|을까요|까요)\??$")
_DENTISTS_TO_SEE = re.compile(r"(?:이것|이거|그것|그거)도[가-힣]{0,2}(?:치과|여기|거기)(?:에서|서)"
                              r"(?:봐요|보나요|봐주나요|봐주세요|보는거예요|진료해요|진료하나요)\??$")
_NAMED_PAPER = re.compile(r"(?:세부내역서|내역서|영수증|진단서|소견서|진료확인서|통원확인서|처방전)")
_ISSUED = re.compile(r"(?:떼|뗄|발급|주시|줘|주세요|뽑아)")
_CLAIM = re.compile(r"실비|실손|보험청구|청구")
# which papers a claim needs, or two papers together, stay round 27's ask_insurance as the earlier sets label them
_PAPERS_NEEDED = re.compile(r"뭐|따로|필요|팩스|떼야|떼가야|(?:영수증|내역서)(?:이랑|랑|하고|과|와)")
_COST_WITH_INSURANCE = re.compile(r"얼마[가-힣]{0,6}보험(?:하면|되면|으로하면|적용하면|처리하면|해서|받으면)$")
_CROWN_OFF = re.compile(r"(?:씌운|크라운|때운|떼운|보철)[가-힣]{0,10}(?:빠졌|빠져|떨어졌|떨어져)")
_PUT_BACK_ON_A_DAY = re.compile(r"(?:오늘|내일|모레|[월화수목금토일]요일)(?:에|날)?(?:다시|바로|좀)?(?:붙일수|붙여줄수|"
                                r"붙여주실수|끼워줄수)(?:있|있을)")
_APPLIANCE = re.compile(r"틀니|교정기|유지장치|장치|보철|브릿지")
# an appliance's fit told, then "may I come [a day]" (round 50's count: 6 of 6 earlier such labels book)
_APPLIANCE_FIT = re.compile(r"(?:틀니|교정기|유지장치|장치|보철|브릿지)[가-힣]{0,4}"
                            r"(?:헐렁|덜그럭|안맞|잘안맞|들떠|들뜨)")
_COME_ON_A_DAY = re.compile(r"(?:오늘|내일|모레|이번주|다음주|주말|[월화수목금토일]요일)(?:에|날)?(?:다시|좀|한번)?"
                            r"(?:가도|가봐도|가서봐도|가서)(?:돼|되|될|괜찮|봐도)")
_FIX_ASKED = re.compile(r"(?:손봐|고쳐|조정해|맞춰)(?:주실수|줄수|주세요|주시겠)")
_CONSULT_WHEN = re.compile(r"(?:상담|검진)(?:좀)?(?:받을라|받으려|받아보려|받아볼라|받고싶)[가-힣]{0,4}"
                           r"언제(?:가면|가도|와야|돼요|되나요)")
_DECIDED_WHEN = re.compile(r"(?:그냥|그럼)?(?:할게요|할께요|하기로했어요|하려고요)언제(?:돼요|되나요|가능해요|가면돼요|"
                           r"시간돼요)\??$")
_THEN_I_GO = re.compile(r"(?:되죠|하죠|하시죠|맞죠)(?:그때|그날|그럼)(?:갈게요|갈께요|가께요|가겠습니다|갈게)$")
_SPOUSE_TOO = re.compile(r"(?:잡아|해)주세요(?:저말고|저하고|저랑)?(?:와이프|남편|집사람|아내|신랑|애|애들|아들|딸)"
                         r"(?:것|거|꺼)?도(?:요|같이)?$")
_NOW_NOT_POSSIBLE = re.compile(r"(?:지금|바로|오늘)(?:바로|당장)?가면안(?:돼|되)(?:요|나요)?\??$")
_SAME_HOUR_NEXT_WEEK = re.compile(r"(?:인데|이에요|인데요)[가-힣]{0,8}(?:다음주|담주)[가-힣]{0,6}같은시간"
                                  r"(?:으로|에)?(?:되나요|돼요|가능|될까요)")
_REMINDER_HOUR_MOVED = re.compile(r"시간(?:을|은)?[가-힣]{0,4}시(?:반)?(?:로|으로)(?:좀)?(?:늦춰|당겨|바꿔|옮겨)")
_ONE_DAY_NOT_ANOTHER = re.compile(r"(?:요일|날)(?:은|는)?안(?:되고|돼고)[가-힣]{0,4}(?:요일|날)(?:은|는|이|에)?"
                                  r"(?:돼요|되요|괜찮아요|가능해요|돼)$")
_ONLY_ONES_CANCELLED = re.compile(r"(?:것|거|꺼)만취소")
_REBOOK_WHEN_WELL = re.compile(r"(?:낫고|나으면|나아지면|괜찮아지면)(?:나서)?[가-힣]{0,4}다시(?:잡을게|잡을께|예약할게|"
                               r"예약할께|연락드릴게|전화드릴게)")
_RELAYED_CALL_BACK = re.compile(r"(?:들어오면|오면|퇴근하면|돌아오면)[가-힣]{0,4}(?:전화하라고|연락하라고|전화드리라고|"
                                r"전화드리게)(?:할게요|할께요|하겠습니다|할게)")
_CALL_AGAIN_LATER = re.compile(r"(?:이따|이따가|나중에)[가-힣]{0,4}(?:다시)(?:좀)?(?:해|전화해|걸어|연락)(?:주세요|"
                               r"주실래요|줘요)$")
_HOUR_CHANGED_KEPT = re.compile(r"(?:좋은데|맞는데|괜찮은데)(?:요)?[가-힣]{0,2}시간(?:만|을|은)[가-힣]{0,8}"
                                r"(?:늦출|당길|바꿔|바꿀|옮길|늦춰|당겨)")
_MOVED_ELSEWHERE = re.compile(r"(?:딴데|다른데|다른치과|다른곳|딴치과)(?:로)?(?:옮겼|다녀요|다니|가요)")
_NOTHING_THANKS = re.compile(r"^(?:아니요|아뇨)?(?:없습니다|없어요)(?:감사해요|감사합니다|고마워요|고맙습니다)$")
_BORNE = re.compile(r"(?:긴한데|긴하지만)(?:참을|견딜|버틸)만(?:해요|합니다|하네요)$")
_DIARY_THEN_YES = re.compile(r"(?:일정|달력|스케줄)[가-힣]{0,4}(?:볼게요|보고요|볼께요)(?:네|예)?"
                             r"(?:가능합니다|가능해요|돼요|됩니다|괜찮아요|갈수있어요)$")
_ONE_SLOT_TAKEN = re.compile(r"안(?:되고|돼고)[가-힣]{0,6}시(?:반)?(?:는|가|은)?(?:괜찮네요|괜찮아요|괜찮습니다|좋네요|"
                             r"좋아요|좋습니다)$")
_CONCEDED_THEN_GO = re.compile(r"(?:긴했어요|긴해요|긴했는데|긴한데)[가-힣]{0,2}"
                               r"(?:가볼게요|가볼께요|갈게요|가봐야겠네요|가봐야겠어요)$")
_AGAIN_ALREADY = re.compile(r"(?:했는데|받았는데)[가-힣]{0,2}또(?:해야|받아야)(?:돼요|되나요|하나요)\??$")
_OWN_NUMBER_CHANGED = re.compile(r"(?:제가|제|저)[가-힣]{0,8}번호(?:가|를)?(?:바뀌|바꿨|변경)")
_YES_FIRST = re.compile(r"^(?:아|어)?(?:네|예)")
_CAUSE_WONDERED = re.compile(r"(?:아파요|아프고|시려요|욱신거려요)[가-힣]{0,10}(?:빠졌|깨졌|떨어졌|부러졌|썩었)는지$")
_MUST_ASK_ANOTHER = re.compile(r"(?:한테|께|에게)(?:물어봐야|여쭤봐야)(?:돼요|겠어요|할거같아요|해요)$")
_AMENITY = re.compile(r"(?:비피할|놀수있는|쉴수있는|기다릴수있는|앉아있을|수유할수있는|수유할|기저귀갈)데(?:가)?"
                      r"(?:있어요|있나요|있을까요|있죠)")
_SHOP_MEANT = re.compile(r"(?:미용실|미장원|헤어샵|네일샵|식당|음식점|농협|철물점|세탁소|정비소|카센터|꽃집|약국)"
                         r"[가-힣]{0,8}(?:예약하려고|예약할라|주문할라|주문하려|아니에요|아닌가요|아니예요)")



def visit_on_a_day(compact: str) -> bool:
    """A crown off to be put back on a day, an appliance's fit with a visit on a day: a visit asked (round 34's errand,
    round 50's count), never the care question ``body_or_visit`` would take it for."""
    return bool(_CROWN_OFF.search(compact) and _PUT_BACK_ON_A_DAY.search(compact)
                or _APPLIANCE_FIT.search(compact) and _COME_ON_A_DAY.search(compact))


RULES = (
    KindRule("a baby's first check-up, when to bring, the age told", "medical_question",
             (_BABY_AGE, _FIRST_CHECK_WHEN)),
    KindRule("a trouble told, whether it can be left", "medical_question", (_TROUBLE, _LEFT_ALONE)),
    KindRule("a trouble told, the dentist's to see?", "medical_question", (_TROUBLE, _DENTISTS_TO_SEE)),
    KindRule("a named paper or a receipt for a claim", "question_other", (_NAMED_PAPER, _ISSUED, _CLAIM),
             unless=(_PAPERS_NEEDED,)),
    KindRule("the cost with the insurance", "ask_insurance", (_COST_WITH_INSURANCE,)),
    KindRule("a crown off, put back on a day", "book", (_CROWN_OFF, _PUT_BACK_ON_A_DAY), dated=True),
    KindRule("an appliance's fix on a day", "book", (_APPLIANCE, _FIX_ASKED), dated=True),
    KindRule("an appliance's fit, a visit on a day", "book", (_APPLIANCE_FIT, _COME_ON_A_DAY), dated=True,
             unless=(re.compile(r"아파|아프|아픈|쑤시|피가"),)),  # a pain told too: round 34's medical_question
    KindRule("a consultation wished, when to come", "book", (_CONSULT_WHEN,)),
    KindRule("decided, then when", "book", (_DECIDED_WHEN,), expect=(None,)),
    KindRule("open at a day and an hour, then I'll go", "book", (_THEN_I_GO,), expect=(None,), dated=True),
    KindRule("a yes, one's family added", "book", (_SPOUSE_TOO,), expect=("offer",)),
    KindRule("right now not possible?, to the date question", "book", (_NOW_NOT_POSSIBLE,), expect=("date",)),
    KindRule("a booked visit to the next week's same hour", "reschedule", (_SAME_HOUR_NEXT_WEEK,)),
    KindRule("a reminder's hour moved", "reschedule", (_REMINDER_HOUR_MOVED,), expect=("reminder",)),
    KindRule("one day not but another, to a reminder", "reschedule", (_ONE_DAY_NOT_ANOTHER,), expect=("reminder",)),
    KindRule("one of two bookings cancelled", "cancel", (_ONLY_ONES_CANCELLED,)),
    KindRule("booked again once well, no day, to a reminder", "cancel", (_REBOOK_WHEN_WELL,), expect=("reminder",),
             dated=False),
    KindRule("a relayed call back", "callback_later", (_RELAYED_CALL_BACK,)),
    KindRule("busy now, call again later", "callback_later", (_CALL_AGAIN_LATER,), expect=("offer", "reminder")),
    KindRule("a proposal or a read-back kept, its hour changed", "no", (_HOUR_CHANGED_KEPT,),
             expect=("proposal", "confirm")),
    KindRule("moved to another clinic, to an offer", "no", (_MOVED_ELSEWHERE,), expect=("offer",),
             unless=(re.compile(r"계세요|바꿔|사람한테|실장"),)),
    KindRule("nothing, thanks, to the need question", "no", (_NOTHING_THANKS,), expect=("need",)),
    KindRule("a slight thing borne, on a wellbeing call", "no", (_YES_FIRST, _BORNE), expect=("wellbeing",),
             unless=(re.compile(r"아직|여전히"),)),
    KindRule("a diary looked at, then possible", "yes", (_DIARY_THEN_YES,), expect=("reminder", "offer", "yes_no")),
    KindRule("one of two slots taken by its time", "yes", (_ONE_SLOT_TAKEN,), expect=("proposal",)),
    KindRule("a trouble conceded, then I'll go and see, to an offer", "yes", (_CONCEDED_THEN_GO,),
             expect=("offer",), dated=False),
    KindRule("done last time, again already?", "question_other", (_AGAIN_ALREADY,), unless=(_TROUBLE,)),
    KindRule("one's own number changed, after a yes", "question_other", (_YES_FIRST, _OWN_NUMBER_CHANGED),
             unless=(re.compile(r"예약번호|잘못|누구|어디서|그분|그사람|아니에요|아닌데|모르|주인|쓰던"),)),
    KindRule("a trouble, its cause wondered", "symptom", (_CAUSE_WONDERED,)),
    KindRule("must ask another first, no call back", "other", (_MUST_ASK_ANOTHER,),
             unless=(re.compile(r"전화|연락|다시"),)),
    KindRule("a place to wait, shelter or play at the clinic asked", "question_other", (_AMENITY,)),
    KindRule("a shop meant", "wrong_number", (_SHOP_MEANT,)),
)
