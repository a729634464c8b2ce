"""Medical questions: the ones the clinic's facts cannot answer and the desk may not.

* ``medical_question``: the caller asks about symptoms, after-care or "is this normal" ("사랑니 뽑은 자리가 아직
  아픈데 진통제 더 먹어도 돼요?", "담배는 언제부터 피워도 돼요?"). The dialog never advises; it says the dentist
  will answer, offers the earliest visit and queues the question. A statement of a symptom without a question
  ("이가 시려요") stays ``symptom``; red flags (bleeding that does not stop, swelling with fever, trauma) are
  ``emergency`` before any of this is asked.
* ``question_other`` (open questions for staff) is in ``open_questions``; whether a sentence is about one's own
  body or asks for a visit (the safety rule's line) is in ``body_or_visit``.
* ``urgent``: bleeding, swelling, fever, trauma or severe pain said in a medical question or symptom, so the
  question goes to the staff queue with priority.

All patterns match the compact text (no spaces or punctuation), like those in ``lexicon``.
"""

from __future__ import annotations

import re

from appliance.language.asking import (
    is_question, strongly_asked)
from appliance.language.general_info import GENERAL_INFO, LEFT_BEHIND, SECOND_OPINION
from appliance.language.lexicon import SYMPTOM


def _c(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts))


# After a treatment: "뽑은 자리", "수술하고 나서", "신경치료 중인데", "씌운 데", "교정기 끼고" ("스케일링 다음 주" is
# no after-care).
AFTER_CARE = _c(
    r"(?:뽑|뺀|뺐|발치|수술|시술|치료|씌우|씌운|씌웠|때운|때웠|붙인|붙였|심은|심었|스케일링|레진|임플란트|교정)"
    r"(?:은|한|했|하고|받고|고|을|를|받은)?(?:나서|난뒤|난후|후|뒤|다음(?!주|달|번)|지|자리|데|곳|부위|쪽|날|거|건|게)",
    r"(?:뺐|뽑았|발치했|수술했|시술했|치료했|씌웠|때웠|심었|(?<!문자)(?<!연락)(?<!안내)(?<!카톡)(?<!메일)(?<!서류)(?<!표)받았|"
    r"끼웠)(?:는데|거든|어요|더니|고)",  # "문자 받았는데", "검진표 받았는데" received, no treatment
    r"(?:하고|받고|뽑고|빼고|끼고|하구|받구|뽑구|심고|씌우고|붙이고)나(?:서|니까|니)",
    r"새로(?:하고|한|했는데|맞추고|맞춘|맞췄는데|끼고|낀|씌우고|씌운)(?!뒤로|다음)",  # "틀니 새로 하고 발음이 새는데"
    r"(?:치료|발치|수술|시술|스케일링|미백|레진|씌우|때우|뽑|뺐|뽑았)(?:하고|받고|고|한뒤|한후|받은뒤|받은후)(?!싶|가|"
    r"갈|와|올|오|있|계|나서|해|하|받|다음|바로|당일|며칠|이틀|사흘|일주일|얼마)",
    r"(?:치료|진료|수술|시술|발치|교정)(?:가|이)?(?:다)?끝나고",
    r"(?:불소|도포|실란트|코팅|약|연고)(?:를|을)?(?:바르|발라|바른|붙이|붙인|뿌리|칠하|칠한)(?:고|뒤|후|다음|자리|데)",
    r"(?:발치|수술|시술|치료|스케일링|임플란트|레진|미백|교정|뽑|빼|불소|도포|실란트)(?:하고|받고|고)(?:바로|당일|"
    r"나서|난|며칠|이틀|사흘|일주일|얼마)",
    r"(?:미백|발치|수술|시술|치료|스케일링|임플란트|레진|교정|틀니|크라운)(?:을|를)?(?:받은|한|하고난|받고난)?(?:날|"
    r"다음날|뒤|후|지)",
    r"(?:치료|교정|시술)(?:하는|받는)?중(?!간)", r"(?:치료|교정|시술)(?:하는|받는)?중간(?:인데|이라|이에요)",
    r"(?:교정기|틀니|보철|유지장치|마우스피스|임시치아|브라켓|철사|거즈|실밥|"
    r"봉합)(?!(?:를|을)?(?:맞추|하러|하려|해야|상담|새로|조정|수리|고치|점검))",
    r"(?:씌운|때운|심은|붙인|치료한|치료받은|교정한|(?:크라운|레진|보철|임플란트|브릿지)(?:을|를)?한)(?:이|치아|어금니|앞니|이빨)",
)
# What one may do or take: eating, drinking, smoking, sport, hygiene, medicine, conditions.
CARE_TOPIC = _c(
    r"(?<![수시기미])술", r"(?<!다)음주", r"맥주", r"소주", r"담배", r"흡연", r"전자담배", r"운동", r"헬스", r"수영",
    r"사우나", r"목욕", r"샤워", r"찜질", r"얼음", r"냉찜", r"온찜", r"진통제", r"소염제", r"항생제", r"타이레놀",
    r"(?<!예)(?<!절)(?<!계)약(?:을|은|이|도|먹|드|복용)", r"커피", r"왁스", r"뜨거운", r"차가운", r"찬거", r"찬물",
    r"매운", r"탄산", r"콜라", r"사탕", r"(?<![가-힣])껌",
    r"손가락(?:을|을요)?(?:빨|빠는)", r"공갈젖꼭지", r"젖병",  # a child's habit (round 10)
    r"딱딱한", r"질긴", r"빨대", r"가글", r"양치", r"칫솔", r"치실", r"치간", r"헹구", r"헹궈", r"침(?:을|을뱉|뱉)",
    r"코를?풀", r"비행기", r"임신", r"임산부", r"수유", r"혈압", r"당뇨", r"심장", r"아스피린", r"와파린", r"항응고",
    r"골다공", r"복용", r"먹고있", r"드시고있", r"밥(?:을|은|도)?먹", r"식사", r"음식", r"입냄새", r"구취", r"운전",
    r"연고", r"잇몸약", r"영양제", r"비타민", r"우유", r"주스", r"사탕", r"젤리", r"초콜릿", r"아이스크림", r"껌",
    r"젖병", r"분유", r"모유", r"세척", r"세정", r"치약", r"가그린", r"와인", r"막걸리", r"음료", r"탄산", r"콜라",
    r"마취", r"(?<![가-힣])물(?:을|도|만|이라도)?(?:마셔|마셨|마시|먹|드셔|드셨)",
    r"씹(?:어야|어도|는거|는게|을까|기)",  # "반대쪽으로만 씹어야 되나요"
)
# "원래 좀 그래요?", "이거 정상이에요?": whether what one feels is normal (with a symptom or after-care, sure)
ASKS_NORMAL = re.compile(
    r"(?<!교)정상(?:이|인|적|일|아니|맞)|원래.{0,8}(?:그래|이래|그런|이런|그렇|건가|거예요|건지|거죠)"
)
# What it takes ("상담 받으려면 부모님이 같이 가야 돼요", "몇 번이나 다녀야 돼요"): a question for staff, not a booking
REQUIREMENT = re.compile(
    r"(?:려면|을라면|할라면|을려면|할려면).{0,16}야(?:돼|되|하|할)(?:요|나요|나|죠|는지|까요|는거예요)?$"
)
COUNT_OF_VISITS = re.compile(
    r"몇(?:번|회|달|개월|년|주(?!일))(?:이나|정도|쯤|씩)?(?:더)?(?:다녀|가|와|받|치료받)야(?:돼|되|하|할)"
)


def asks_what_it_takes(compact: str) -> bool:
    """"…하려면 …해야 돼요", "몇 번이나 다녀야 돼요": what a treatment or a visit takes (not "예약해야 돼요")."""
    m = REQUIREMENT.search(compact)
    if m is not None and "예약" not in m.group(0):
        return bool(GENERAL_INFO.search(compact))
    return bool(COUNT_OF_VISITS.search(compact))


# "…다던데 진짜예요?": checking something heard about a treatment or one's teeth
HEARSAY = re.compile(
    r"(?:다던데|라던데|다는데|라는데|다고하던데|다고들었|다고하는데|다고하더라고|대서|다길래).{0,10}(?:맞|사실|진짜|"
    r"정말|그래요|그런가|그럴까)"
)
# Asking whether something is normal, with no other context needed ("괜찮은 건지 모르겠어요")
NORMALITY = re.compile(
    r"(?<!교)정상(?:이|인|적|일|아니|맞)|원래(?:그|이|다)|원래.{0,8}(?:건가|거예요|건지|거죠|그래)|"
    r"괜찮은(?:거(?!같)|건|가|걸|지)|이상(?:이|은)?없(?:는|나|을|겠)|위험(?:한|하|할)"
)
# A part of the mouth (for "이게 뭘까요"-style questions without a symptom word).
MOUTH = _c(
    r"입안", r"입속", r"잇몸", r"혀(?:가|를|에|끝|바닥|밑|옆)", r"입술", r"입천장", r"턱(?:이|에|관절|밑)", r"볼안",
    r"치아", r"이빨", r"어금니", r"앞니", r"사랑니", r"유치(?!원)",
    r"(?:아기|애기|아이|애|우리애|딸|아들|손주)(?:의)?이(?:가|를|는|도|나|빠|흔들|썩|상했|누렇|까맣|검)",
    r"이(?:가|를|에|도)(?:튀어나|돌출|약해|썩|누렇|상하|상했|안좋|삐뚤|벌어|시리|시려|흔들|닦)|이닦|이를(?:가|갈)",
)

# "…아도/어도 돼요?": permission for an action ("가도 돼요", a visit, is taken out first: see VISIT_ASK).
PERMISSION = _c(
    r"(?:어|아|여|워|해|셔|봐|겨|빼|써|껴|자|둬|놔|져|쳐|려|궈|춰|눠|꿔|줘|뤄|떼|내|래|개|새|매|서|켜|펴|혀|타|사|차|싸|따|까|빠|라)도"
    r"\S{0,2}(?:돼|되|될|됨|괜찮|상관|문제없|무방)",
    r"(?:사우나|목욕탕|찜질방|헬스장|수영장|헬스|여행|출장|비행기|학교|회사|출근|술자리|회식)(?:에|을|를|은|는)?(?:가|타|다녀|나가)도",
    r"면안(?:되|돼|된)(?:죠|나요|나|는|다|요|던데|대|지)",
    r"(?:술|담배|커피|운동|사우나)[가-힣]{0,8}도안(?:돼|되)(?:요|나요|죠)?$",  # "술 딱 한 잔도 안 돼요"
)
# Whether something is normal or what to do about it.
NORMAL_ASK = _c(
    r"(?<!교)정상(?:이|인|적|일|아니|맞)", r"원래(?:그|이|다|그런)", r"괜찮은(?:거(?!같)|건|가|걸|지)", r"괜찮아지",
    # "시간 지나면 괜찮아져요": will it pass; "이 사이가 벌어져 보이는데 다시 붙어요": will it close again
    r"지나면.{0,6}(?:괜찮아|나아|좋아|없어|가라앉|사라|풀려|빠져|적응|고르|원래대로|돌아)",
    r"다시(?:붙|좁아지|좁아져|차오르|차올라|올라오|올라와|자라)[가-힣]{0,2}(?:요|나요|까요|죠)$",
    r"괜찮을까", r"괜찮겠", r"괜찮나", r"나아지", r"낫는", r"나을까", r"저절로", r"문제(?:가|는)?없(?:는|나|을|겠|죠)",
    r"이상(?:이|은)?없(?:는|나|을|겠)", r"위험(?:한|하|할)", r"뭘까", r"뭐(?:예요|에요|죠|지|일까)",
    r"왜(?:그|이|자꾸|계속|이렇)", r"어떻게(?:해야|하면|하나|관리|닦|먹|해요|하죠|할까)", r"어떡해야", r"어떡하",
    r"어쩌", r"어케", r"어캐", r"어카(?:지|죠|나|요)", r"워째", r"워쩌", r"우째", r"우짜", r"어째야", r"어찌(?:해|하)",
    r"(?:며칠|몇일|얼마나|언제까지|몇시간)(?:나|이나|정도|쯤)?(?:가요|갈까|가나|지속|계속|아파|시려|아플|시릴)",
    r"왜(?:요|죠|그래요|그럴까요|일까요|그런가요|이래요|그런거예요|그런거죠)$",
    r"(?:나는|빠지는|가는|올라오는|나오는|빠질|날)(?:시기|때|나이)", r"보다(?:더)?(?:나아|나을|낫|좋아|좋은|좋을)",
    r"그럴까", r"그런걸까", r"이런걸까", r"때문(?:인가|일까|인지|이에요|이죠|이야|이냐|인거)",
    r"(?:충치|염증|풍치|치주염|이갈이|구내염|감염|알레르기|부작용|신경|병|질환|염)(?:이)?(?:인가|일까|인지|아닐까|"
    r"아닌가|예요|에요|죠|야|냐)",
    r"원래.{0,8}(?:건가|거예요|건지|나요|가요|죠|거죠|그래)", r"얼마나(?:가|갈|오래|지속)",
    r"언제(?:쯤)?(?:없어|나아|가라앉|사라|좋아|아물|괜찮|멈|빠지|돌아|풀)",
    r"(?:없어지|나아지|가라앉|사라지|아물|괜찮아지)(?:나요|죠|까요|는지|는거|겠죠|나)",
    r"적응(?:이)?(?:되|돼|될|하)(?:나요|나|까요|ㄹ까|는건가|겠죠|는지|면)",
    r"(?:나아질|좋아질|괜찮아질|없어질|가라앉을|사라질|아물)(?:까|지|거)", r"그럴수(?:도)?있",
    r"효과(?:가)?(?:있|없)(?:어요|나요|을까|는지|을까요)", r"(?:뭘로|뭐로|어떤걸로|어떤거로)(?:하|해|닦|씻|헹구)",
    r"(?:하는|쓰는|먹는|닦는|바르는)게(?:더)?(?:좋|나아|나을|낫)",
    r"(?:이|치아|잇몸|이빨)(?:에|한테)(?:안좋|나쁘|나빠|해로|괜찮|좋아|좋은|좋을)",
    r"문제(?:인가|일까|인지|예요|에요|인거)", r"(?:그런|이런)(?:가요|건가|거죠|거예요|게정상|건지)", r"궁금",
    r"(?:해요|하나요|돼요|되나요|해야돼요|해야되나요)(?:아니면|혹은)?[가-힣]{2,8}(?:해요|하나요|돼요|되나요|해야돼요|"
    r"해야되나요)(?<!더해요)(?<!심해요)$",  # "찬 거 해요 따뜻한 거 해요" (not "욱신욱신해요 밤에 더해요")
    r"괜찮(?:죠|지요|은가요)$",  # "항생제 먹는 중인데 술 한 잔은 괜찮죠"
    r"(?:먹|마시|피우|씹|쓰|닦)(?:으면|면)[가-힣]{0,10}(?:돌아와|돌아가|상해|상하|빠져|빠지|변해|변하|누래|망가|깨져|깨지|"
    r"떨어져|떨어지)(?:요|나요|죠|까요)$",  # "미백한 날 카레 먹으면 색 다시 돌아와요"
    r"지모르겠", r"언제(?:부터|까지)",
    r"안[가-힣]{1,3}면.{0,6}(?:돌아가|어떻게(?:돼|되)|문제|큰일|틀어|망가|썩|상하|상해|상할|벌어)",  # "안 끼면"
    r"며칠(?:동안|정도|은|이나|후|뒤|있|지나|참|만)",
    r"얼마나(?:있어야|지나야|참아야|기다려야|해야|가야되|더)", r"언제(?:빼|먹|마셔|해|끊|피|풀|뽑|제거)", r"몇일",
    r"며칠(?:더)?(?:해|하|써|껴|발라|먹|대|물)", r"언제(?:부터)?(?:바꿔|바꾸|시작|그만)",  # "얼음찜질은 며칠 해요"
    r"(?:기다려|지켜)(?:봐요|봐야|보면|볼까)",  # "며칠 더 기다려 봐요"
    r"제대로(?:된|한|치료된|치료한)(?:거|건|게)?(?:맞|인가|인지|예요|에요)",  # "이게 제대로 된 거 맞아요"
    # round 10: a precaution, a strain, harm or healing asked ("조심할 게 있어요", "잇몸에 무리 없어요", "마시면 안
    # 좋아요", "해도 잘 붙어요")
    r"조심(?:할|해야할|해야될)(?:게|거|것|점)", r"무리(?:가)?(?:없|안가|안되|가나|갈까|되나)",
    r"(?:삐뚤어질|튀어나올|벌어질|상할|썩을|나빠질|망가질|약해질)(?:까|까봐)",
    r"(?:면|하면)안좋(?:아요|나요|을까요|죠|은가요)$", r"잘(?:붙|아물)(?:어요|나요|을까요|겠죠)$",
)
# Going somewhere that is not the clinic ("사우나 가도 돼요?" asks leave, "내일 가도 돼요?" asks for a visit)
CARE_PLACE = re.compile(
    r"(?:먹고|마시고|양치하고|피우고|운전해서|운전하고|운전해|(?<!유모)차끌고)(?:가도|와도)|(?:사우나|목욕탕|찜질방|헬스장|"
    r"수영장|헬스|여행|출장|비행기|학교|회사|출근|술자리|회식)(?:에|을|를|은|는)?(?:가|타|다녀|나가)도|"
    r"(?:비행기|배|기차|케이티엑스|ktx)(?:를|을)?타고[가-힣]{0,6}(?:가도|와도|다녀와도)|"  # "비행기 타고 제주도 가도"
    r"(?:등산|골프|낚시|캠핑|헌혈|수영|운동|산)(?:을|를|은|는|에)?(?:가|하러가|해|다녀|나가|올라가)도|"  # round 10
    r"(?:등산|골프|낚시|캠핑|수영|운동|헬스|사우나|여행|출장|회식|술자리|산)(?:을|를|은|는|에)?(?:치러|하러|타러)?(?:가|하|다녀오|"
    r"나가|올라가)기로[가-힣]{0,6}(?:괜찮|될까|되나|돼요)"  # round 12: "등산 가기로 했는데 괜찮을까요"
)
# Words of the facts the clinic answers itself (insurance, prices)
FACT_WORDS = re.compile(
    r"보험|급여|실비|실손|본인부담|공단|산재|비용|가격|얼마(?!나|안|전|동안|되지|지나|만에|후|뒤)|진료비|할인|"
    r"돈(?:을|은|이|도)?(?:다시|또|따로|더)?(?:내|드|들|받)|(?<!결과)값|무상"
)
# Paying at once, monthly or in parts ("틀니 값 나눠서 몇 달에 걸쳐 내도 돼요"): leave to pay is a price question
PAYING = re.compile(
    r"(?:나눠|걸쳐|분할|할부|매달|다달이|한꺼번에|일시불|카드로|현금으로|이체로)[가-힣]{0,4}(?:내|결제|계산|납부)"
)
# How long a treatment takes or how many visits ("이차 수술까지 보통 몇 달 기다려요"): the plan, for staff
TREATMENT_PLAN = re.compile(r"몇(?:번|회|달|개월|년)|기간|얼마나걸|오래걸|얼마나오래")
# Leave to let it be or not to treat it: "그냥 둬도 돼요?", "안 빼도 돼요?"
LEAVE_BE = re.compile(
    r"(?:그냥|안|놔|내버려|냅)(?:둬|두어|놔둬|빼|뽑|해|씌워|때워|치료해|받아)도|(?:놔|내버려|냅)?둬도|놔둬도|나둬도"
)
# "…괜찮아요?" asked after something done ("치과 약 먹고 술 먹어요 괜찮아요?")
OKAY_ASKED = re.compile(r"(?<=..)(?:요|고|도|서|면|데|게)괜찮(?:아요|습니까|나요|을까요|은가요|죠|겠죠|겠어요|아)$")
# "…피 비치는데 괜찮아요": after a clause about one's teeth, "괜찮아요" asks even without a "?"
OKAY_AFTER_CLAUSE = re.compile(
    r"(?:는데|은데|인데|던데)(?:이|그)?(?:정도(?:는|면|야|까지는)?|대로)?괜찮(?:아요|나요|을까요|은가요|은거예요|은건가요|죠)$"
)
# Leave to eat, drink, smoke, wash …: a care question even with nothing else said ("김치 먹어도 괜찮아요?")
CARE_PERMISSION = re.compile(r"(?:먹어|마셔|피워|씹어|드셔|헹궈|닦아|샤워해|운동해|목욕해|뱉어|빨아|출근해|일해)도")
# "…해야 돼요?" asked (with "?" or a question ending: "빼야 돼요" told is a booking wish)
MODAL_ASK = re.compile(
    r"[가-힣]야(?:되|돼|하|할|될|겠)"
    r"(?:나|는지|는건|는거|죠|까|나요|요\?|요$)"
)
# "껴야 돼요 밥 먹을 때도요": the modal ends a word inside, an afterthought follows
MODAL_INSIDE = re.compile(r"야\s?(?:돼요|되나요|되요|하나요|해요)(?=\s)")
# "꼭 해야 돼요", "굳이 빼야 돼요": whether it is needed, asked even without a "?"
_MUST = re.compile(r"(?:꼭|반드시|굳이|무조건)[가-힣]{0,8}야(?:되|돼|하|할)")
# A visit or booking is what is asked ("예약해야 돼요?", "가 봐야 되나요" is medical only with a symptom).
VISIT_ASK = re.compile(
    r"예약(?:을|은)?(?:해야|하고가야|하고와야|없이|안하고)|(?:가도|와도|들러도|방문해도|가봐도|와봐도|가보셔도|오셔도)(?:돼|되|될|괜찮)"
)

# How often or whether at all ("또 해야 돼요?", "몇 개월마다"): a general question, not about one's teeth
FREQUENCY = re.compile(r"또(?:해야|받아야)|매년|해마다|자주|마다|주기")
TREATMENT_VERB = re.compile(r"(?:씌워|씌우|뽑아|빼|때워|떼워|신경치료|발치|해야|받아야)(?:야|해야)?")
TREATMENT_WORD = re.compile(
    r"스케일링|임플란트|교정|미백|레진|신경치료|틀니|크라운|발치|사랑니|치료|치약|치실|불소|실란트"
)
# Words of a visit or a slot: a symptom asked about together with these is a booking question
VISIT_WORDS = re.compile(
    r"(?:\d|한|두|세|네|섯|곱|덟|홉|열)시(?:반|\d{1,2}분)?(?:에|쯤|으로|로)?(?:되|돼|가능|괜찮|비어)|"
    r"빠른(?:날|시간|때)|(?:제일|가장)빨리|주실수있|주시겠어요|해주세요|봐주세요|예약|날짜|진료(?:되|돼|가능|받|볼)|(?<![은뺀한된])자리(?:있|가있|없|나|비|가능)|빈자리|시간(?:되|돼|있)|"
    r"(?:오늘|내일|모레|요일)(?:에|은|도|중에|중으로)?.{0,4}(?:가(?:도|면|려|볼|서)|갈|봐주|볼수|진료|예약|되나|돼요|가능|시간|괜찮)|보여(?:드리|드릴|주|줘)|언제가|가면|갈수|가도|봐주실|봐줄|볼수|와도|오면|방문|내원|"
    r"(?:빼|뽑아|때워|씌워|치료해)(?:주시나|주실수|주나요|줄수)"  # "거기서 빼 주시나요": a visit asked for
)
# Asking for a visit: "상담 좀 받을라고", "예약 좀 해 주세요", "받으러 갈게요".
BOOK_REQUEST = _c(
    r"예약(?:을|좀)?(?:하|해|잡|부탁|가능|되나|돼요|할|이요$)",
    r"상담(?:좀)?(?:받|하)(?:으려|려|을라|을려|고싶|러|을게|을께)", r"받으러", r"하러(?:가|오|갈)",
    r"(?:빼|뽑|씌우|때우|받|하|치료하|치료받)고싶", r"빠른(?:날|시간)", r"(?:제일|가장)빨리",
    r"(?:받|하)(?:으려|려)(?:고|구|는데)", r"(?:받을|할|갈|볼)[려라](?:고|구|꼬)", r"잡아(?:주|줘)", r"잡을라",
    r"잡으려", r"잡을려", r"잡고싶", r"잡아야", r"가려고", r"갈려고", r"갈라고", r"가볼라", r"가보려", r"가볼게",
    r"갈게요", r"갈께요",
)

URGENT = _c(
    r"(?<![커카배])피(?:가|도|는|랑|나|났|날)", r"핏", r"출혈", r"열(?:이|도|까지)?(?:나|있|올|많)", r"고름",
    r"퉁퉁", r"넘어", r"부딪", r"다쳐", r"다쳤", r"사고", r"맞아서",
    r"(?:너무|심하게|엄청|많이)아(?:파|프|픈)", r"못참", r"잠을?못",
    r"(?:얼굴|볼|뺨|턱|눈)(?:이|가|도|쪽|까지|반쪽|한쪽)*.{0,4}(?:부어|부었|붓|부은|부풀)",
)


_PRECAUTION = re.compile(r"조심(?:할|해야할|해야될|하실)(?:게|거|것|점)|주의(?:할|해야할|사항)")
# round 11: how long to keep off something after a treatment ("이 뽑고 담배 몇 시간 참아야 돼")
_KEEP_OFF = re.compile(r"(?:뽑|뺀|빼|심|때우|씌우|수술하|치료받)고.{0,6}(?:담배|술|흡연|음주|운동|사우나|목욕|빨대)"
                       r"[가-힣]{0,8}(?:참아야|참아|끊어야|언제부터)")
_NORMAL_THEN_MUST_GO = re.compile(
    r"정상(?:이에요|인가요|이죠|일까요|인거죠|이예요)[가-힣]{0,10}(?:가야|가봐야|와야)(?:돼요|되나요|하나요|할까요)$"
)


def medical_question(text: str, compact: str, has_symptom: bool) -> bool:
    """A question about one's symptoms, after-care or condition (no red flags: those are emergencies).

    "진통제 먹어도 돼요?" asks leave to do something; "이거 정상이에요?" asks whether something is normal or what to
    do. A visit asked for in the same breath ("해야 되나 상담 좀 받을라고") makes it a booking, unless leave to do
    something is asked too."""
    if FACT_WORDS.search(compact) and not PERMISSION.search(compact) or PAYING.search(compact) or (
            re.search(r"주차|댈(?:데|곳)", compact) and CARE_PLACE.search(compact)  # "차 끌고 가도 돼요 댈 데 있어요"
            and not (has_symptom or AFTER_CARE.search(compact) or TREATMENT_WORD.search(compact))):
        return False  # "65세 넘으면 틀니 보험 된다던데 맞아요?" asks about insurance
    if LEFT_BEHIND.search(compact):
        return False  # round 15: "치료받고 나오다 우산 두고 왔는데 있나요" asks for a thing left behind
    if re.search(SECOND_OPINION, compact) and not has_symptom:
        return False  # round 11: another clinic's plan checked, for staff
    if asks_what_it_takes(compact) and not has_symptom:
        return False  # "교정 끝나고 유지장치 맞추는 거 몇 번 가야 돼요": the plan, not one's body
    rest = compact if CARE_PLACE.search(compact) else VISIT_ASK.sub("", compact)
    if rest != compact and not PERMISSION.search(rest):
        return False  # "예약 없이 가도 돼요?", "내일 가도 돼요?": a visit is asked for
    context = has_symptom or bool(AFTER_CARE.search(compact) or CARE_TOPIC.search(compact))
    if CARE_PLACE.search(compact) and (is_question(text, compact) or re.search(r"도(?:돼|되|괜찮)", compact)):
        return True  # "치료 끝나고 바로 운전해서 가도 돼요?", "발치하고 사우나 가도 돼요"
    if PERMISSION.search(rest) and (context or CARE_PERMISSION.search(rest) or LEAVE_BE.search(rest)):
        return True
    if (_PRECAUTION.search(compact) and TREATMENT_WORD.search(compact) or _KEEP_OFF.search(compact)) and not (
            VISIT_ASK.search(compact)):
        return True  # "발치 전에 제가 조심해야 할 게 있어요": what to mind around a treatment
    if has_symptom and _NORMAL_THEN_MUST_GO.search(compact):
        return True  # "…잇몸이 시큰거리는 게 정상이에요 내일 또 가야 돼요": whether to come is advice too
    if BOOK_REQUEST.search(compact):
        return False
    modal = MODAL_ASK.search(compact) or MODAL_INSIDE.search(text)
    modal_asked = modal and (is_question(text, compact) or compact.endswith("도요")  # "…껴야 돼요 낮에도요"
                             or CONDITION.search(compact) or _MUST.search(compact) or CARE_TOPIC.search(compact))
    asked = (NORMAL_ASK.search(compact) or modal_asked
             or ("?" in text and OKAY_ASKED.search(compact)) or OKAY_AFTER_CLAUSE.search(compact))
    # "치아 미백 효과 얼마나 가요" is general
    about_me = context or (MOUTH.search(compact) and not GENERAL_INFO.search(compact))
    if asked and about_me and not VISIT_WORDS.search(compact):
        return True
    decide = MODAL_ASK.search(compact) and is_question(text, compact) and TREATMENT_VERB.search(compact)
    if decide and not (FREQUENCY.search(compact) or VISIT_WORDS.search(compact) or GENERAL_INFO.search(compact)):
        return True  # "신경치료 하면 이가 약해진다는데 씌워야 돼요?": whether one needs a treatment
    if HEARSAY.search(compact) and (context or MOUTH.search(compact) or TREATMENT_WORD.search(compact)):
        return True  # "스케일링 하면 이가 약해진다는데 진짜 그래요"
    if NORMALITY.search(compact) and not VISIT_WORDS.search(compact):
        return True  # "애가 이 갈면서 자는데 괜찮은 건지 모르겠어요"
    return False


def asked_about_symptom(text: str, compact: str, has_symptom: bool) -> bool:
    """The weaker cue, checked after every other: a symptom or after-care asked about, no visit in the sentence
    ("시린이 치약 쓰면 나아질까요", "구내염이 생기는데 치과에서 봐 주나요")."""
    return ((has_symptom or bool(AFTER_CARE.search(compact))) and strongly_asked(text, compact)
            and not VISIT_WORDS.search(compact) and not BOOK_REQUEST.search(compact) and not FACT_WORDS.search(compact))


_NOT_SO = re.compile(r"(?:는|도|가|이)?(?:좀|별로|전혀)?(?:안나|안났|안생|안부|안붓|안올|없|않|지않|진않)")


def urgent(compact: str) -> bool:
    """Bleeding, swelling, fever, trauma or severe pain is mentioned."""
    return any(not _NOT_SO.match(compact, m.end()) for m in URGENT.finditer(compact))


def has_symptom(compact: str) -> bool:
    return bool(SYMPTOM.search(compact))


# Conditions that make a question about treatment a medical one ("당뇨가 있는데 임플란트 해도 되나요", "… 할 수 있나요")
CONDITION = re.compile(
    r"임신|임산부|수유|혈압|당뇨|심장|아스피린|와파린|항응고|골다공|복용|먹고있|드시고있|알레르기|알러지|수술받|입원|"
    r"투석|신장(?:병|질환|이안좋)|항암|방사선치료|간경화|혈우병|뇌졸중|파킨슨|"  # round 10
    # round 33: a baby's age ("애기가 아직 돌 전인데", "두 돌 지났는데", "팔 개월밖에 안 됐는데")
    r"돌전(?:인데|이라|이에요|이거든)|[한두세]돌(?:인데|이에요|이라|된|지난|지났|밖에)|돌(?:도|밖에)안|돌쟁이|신생아|"
    r"개월(?:밖에|된|인데|이에요|짜리|째인데|아기|애기)"
)
CAN_I = re.compile(r"(?:할|받을|해볼|받아볼|맞을|뽑을|뺄|씌울|심을|바를)수(?:가)?(?:있|없)")


# A medicine taken or stopped around a treatment ("아스피린은 안 끊고 가도 되는 거죠 내일 이 빼는데")
MEDICINE = re.compile(
    r"아스피린|와파린|항응고|혈전|피묽|혈압약|당뇨약|인슐린|골다공증(?:약|주사)|프롤리아|면역억제|스테로이드"
)
_STOP_OR_KEEP = re.compile(r"끊|중단|쉬어야|먹고(?:가|와|해|받)|계속(?:먹|드)|먹어야|드셔야|맞아도|맞고(?:가|있)")
_CHECKED = re.compile(r"(?:되는|돼는|괜찮은|맞는)(?:거|건)(?:죠|지요|맞죠)|(?:되|돼)죠|(?:하|해)나요")


def medicine_asked(text: str, compact: str) -> bool:
    """Whether to stop or keep taking a medicine before a treatment, asked: a medical question even with a day said."""
    return bool(MEDICINE.search(compact) and _STOP_OR_KEEP.search(compact)
                and (is_question(text, compact) or PERMISSION.search(compact) or _CHECKED.search(compact)))


def condition_allows(text: str, compact: str) -> bool:
    """Whether one's condition allows a treatment ("당뇨 있는데 임플란트 할 수 있나요"): a medical question."""
    return bool(CONDITION.search(compact) and CAN_I.search(compact) and (
        is_question(text, compact) or re.search(r"수(?:가)?(?:있|없)(?:어요|나요|을까요|죠)$", compact)))
