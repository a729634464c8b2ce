"""The treatments a caller names, most specific first ("사랑니 발치" → wisdom_tooth before extraction).

A treatment taken back ("스케일링 말고 잇몸 치료"), another clinic's ("교정 치과에서 …") and stitches or an appliance
taken out ("실밥은 언제 빼러 가요") are left out. Used by ``understanding`` for the treatment slot.
"""

from __future__ import annotations

import re

from appliance.language import lexicon as lx

_TREATMENT_TAKEN_BACK = re.compile(r"(?:은|는|이|가|을|를|치료|시술)?(?:말고|말구|아니고|아니라|아니|대신)")
_NOT_A_TOOTH = re.compile(r"실밥|꿰맨|거즈|솜|장치|교정기|철사|틀니|임시치아|마우스피스|고무줄|브라켓|"
                          r"영수증|결과지|서류|확인서|소견서|진단서|증명서|내역|처방전|사본")  # round 12: papers
# round 15: a blood test (its result brought along) is no dental checkup
# round 39: a hospital's test ("그날 병원 검사 있어요"; 3 of 3 labels name no treatment)
_BLOOD_TEST = re.compile(r"혈액검사|피검사|병원(?:에서|에)?검사")
# round 15: a treatment turned down before another is asked for ("미백은 안 할래요 … 스케일링만 할게요")
_TURNED_DOWN = re.compile(r"(?:은|는)?(?:관심없|안할|안받|필요없|됐고|됐어요)")
# round 15: a first visit, or the first in years, to have the whole mouth looked at ("처음 가는 건데요 그냥
# 전체적으로 봐 주세요") is a checkup
_LOOK_AT_ALL = re.compile(r"(?:처음|오랜만|안갔|년만).{0,20}전체적으로(?:좀|한번|다)?(?:봐|검사|체크)")
# round 27: a cavity looked for ("충치 있나 한번 보려고요 검진이요") is a checkup too
_CAVITY_CHECK = re.compile(r"충치(?:검진|검사|체크)|충치(?:가)?(?:있나|있는지|생겼나|생겼는지)")
# round 38: a checkup asked for after a cavity told as its reason ("충치 있다고 나와서 검진 받으러 가려고요"): the
# checkup (34 of 35 labels of "검진 받으러" name it)
_CHECKUP_WISHED = re.compile(r"검진(?:을|도)?(?:받으러|받으려|하러|받고싶)")
# round 27: the gums named only as a worry ("치실 매일 써도 돼요 잇몸 상할까 봐"): no gum treatment
_GUMS_WORRIED = re.compile(r"잇몸(?:이|을)?(?:상할|상하|상해|다칠|다쳐|망가)")
# round 16: treatments named by a part of them: a bone graft is implant work, the wire of braces is orthodontics, a
# nerve treatment left half done is a root canal
_NAMED_BY_A_PART: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("implant", re.compile(r"뼈이식|골이식")),
    ("orthodontics", re.compile(r"철사(?:가|를|에|는)?.{0,12}(?:긁|찔|찌르|튀어|빠졌|끊|걸려|잘라)")),
    ("root_canal", re.compile(r"(?:하다만|하다가만|덜한|못끝낸)신경|신경(?:그거|치료)?마저")),
)
# round 16: a receipt or paper printed again ("영수증 … 다시 뽑아 주세요") is no extraction
_PAPER_PRINTED = re.compile(r"(?:영수증|서류|확인서|소견서|진단서|증명서|내역서?|처방전).{0,16}뽑")
# round 26: X-ray pictures printed for another clinic ("엑스레이 사진 다른 병원에 가져가려는데 뽑아 주실 수 있어요"):
# no extraction (the pictures stay a checkup, as every set labels them)
_XRAY_RECORDS = re.compile(r"(?:엑스레이|파노라마|씨티|CT)(?:사진|찍은거|찍은것|자료|필름)?.{0,20}"
                           r"(?:다른(?:병원|치과)|보내|가져가|뽑아|출력|복사|시디|CD|USB|이메일|메일)")
# round 26: the reminders refused name the treatment they push ("스케일링 하라는 문자 좀 안 보내셨으면"): none asked for
_REMINDER_REFUSED = re.compile(r"(?:하라는|받으라는|오라는)(?:문자|연락|전화|안내|카톡)(?:는|좀|은)?.{0,6}"
                               r"(?:안보내|보내지마|그만|안하셨|하지마|안주셨|주지마|사절)")
# round 30: a milk tooth pulled at home ("젖니가 흔들려서 집에서 뺐는데", round 27's convention: extraction), and
# swollen gums told beside a pulled tooth's place ("잇몸이 부었어요 뺀 자리 옆에요": gum, round 28's convention)
_MILK_TOOTH_PULLED = re.compile(r"(?:젖니|유치(?!원))(?:가|를|을|는|이)?.{0,12}(?:뺐|뺀|빼(?!먹|고))")  # round 39: 유치
_GUMS_SWOLLEN = re.compile(r"잇몸(?:이|은|도|쪽이)?(?:좀|많이|살짝|조금)?(?:부었|부어|붓|벌겋|빨갛)")
# round 33: the treatment a booking is changed to ("스케일링 예약한 거 검진으로 바꿀 수 있어요"; 3 of 3 labels name it)
_CHANGED_TO = re.compile(r"(?:치료|상담|시술)?(?:을|를)?(?:으로|로|걸로|거로)(?:바꿀|바꿔|바꾸|변경|돌려)")
# round 34: a treatment told as done before the one a visit is for ("신경치료 끝났는데 씌우는 거 하러")
_TOLD_DONE = re.compile(r"(?:은|는|이|가|을|를)?(?:다)?(?:끝났는데|끝났고|끝나서|마쳤는데|마쳤고|다받았는데)"
                        # round 39: one already booked, another added ("스케일링 잡아 둔 거 있는데 검진도 같이")
                        r"|(?:을|를)?(?:잡아둔|잡아놓은|예약해둔|예약해놓은)(?:거|게|것)(?:있는데|있고)")
# round 35: braces one is in the middle of, told as one's condition beside the treatment asked about ("교정 중인데
# 스케일링 받아도 돼요", "교정 장치 낀 채로 …"): the one asked about comes first (2 of 2 labels); a root canal in
# progress stays first ("신경치료 중인데 임시 때운 게 …": root_canal, as blind32 and blind35 label it)
# round 46: "교정 장치 하고 있으면 엑스레이 찍어도 돼요": the appliance on is the condition, the step the treatment
_TOLD_ONGOING = re.compile(r"(?:장치|기)?(?:를|을)?(?:낀채로|끼고있는데|낀상태로|중인데|중이라서|중이라|하는중인데|"
                           r"(?:하고|끼고|달고)있으면|중이면)")
_NO_KEY_ASKED = re.compile(r"불소|실란트|홈메우")  # round 40: fluoride and sealants name none (62 of 75 labels)
_A_CLINIC = re.compile(r"(?:전문)?(?:치과|병원)(?:에서|에서는|선생님이|원장님이)")  # "교정 치과에서 …하고 오라고"


def treatments_named(compact: str) -> list[str]:
    """Treatments named, most specific first; one taken back ("스케일링 말고 잇몸 치료") is left out."""
    named = []
    for name, pattern in lx.TREATMENT_PATTERNS:
        for m in pattern.finditer(compact):
            if _TREATMENT_TAKEN_BACK.match(compact, m.end()) or _A_CLINIC.match(compact, m.end()):
                continue
            if name == "extraction" and _NOT_A_TOOTH.search(compact[max(0, m.start() - 8) : m.start() + 1]):
                continue  # "실밥은 언제 빼러 가요": stitches, not a tooth
            if name == "checkup" and _BLOOD_TEST.search(compact) and "검" not in _BLOOD_TEST.sub("", compact):
                continue  # "혈액검사 결과지 가져오라 하셨는데": a doctor's test, not a dental checkup
            named.append(name)
            break
    turned_down = [name for name, pattern in lx.TREATMENT_PATTERNS
                   if any(_TURNED_DOWN.match(compact, m.end()) for m in pattern.finditer(compact))]
    if len(named) > 1 and turned_down:
        named = [name for name in named if name not in turned_down] or named
    if (_CAVITY_CHECK.search(compact) or _CHECKUP_WISHED.search(compact) and "filling" in named) and "checkup" in named:
        named = ["checkup"] + [name for name in named if name not in ("checkup", "filling")]
    if not named and _LOOK_AT_ALL.search(compact):
        named = ["checkup"]
    if _REMINDER_REFUSED.search(compact):
        return []
    worries = len(_GUMS_WORRIED.findall(compact))
    if "gum" in named and worries and compact.count("잇몸") == worries:
        named = [name for name in named if name != "gum"]
    if _XRAY_RECORDS.search(compact) and not re.search(r"(?:이|이빨|치아|어금니|사랑니)(?:를|을|좀|하나)?뽑", compact):
        named = [name for name in named if name != "extraction"]
    if not named and _MILK_TOOTH_PULLED.search(compact):
        named = ["extraction"]
    if named[:2] == ["extraction", "gum"] and _GUMS_SWOLLEN.search(compact):
        named = ["gum"] + [name for name in named if name != "gum"]
    done = [name for name, pattern in lx.TREATMENT_PATTERNS if name in named
            and any(_TOLD_DONE.match(compact, m.end()) for m in pattern.finditer(compact))]
    if len(named) > 1 and done and len(done) < len(named):
        named = [name for name in named if name not in done] + done
    ongoing = [name for name, pattern in lx.TREATMENT_PATTERNS if name == "orthodontics" and name in named
               and any(_TOLD_ONGOING.match(compact, m.end()) for m in pattern.finditer(compact))]
    if len(named) > 1 and ongoing and len(ongoing) < len(named):
        named = [name for name in named if name not in ongoing] + ongoing
    if named == ongoing and ongoing and _NO_KEY_ASKED.search(compact):
        return []  # round 40: "교정 중인데 불소 발라도 돼요": the one asked about has no key (fluoride, sealants)
    changed_to = [name for name, pattern in lx.TREATMENT_PATTERNS if name in named
                  and any(_CHANGED_TO.match(compact, m.end()) for m in pattern.finditer(compact))]
    if len(named) > 1 and len(changed_to) == 1:
        named = changed_to + [name for name in named if name != changed_to[0]]
    return _named_by_a_part(compact, _without_paper_printed(compact, named))


def _without_paper_printed(compact: str, named: list[str]) -> list[str]:
    """"영수증 잃어버렸는데 다시 뽑아 주세요": a paper printed, no extraction."""
    if _PAPER_PRINTED.search(compact) and not re.search(r"(?:이|이빨|치아|어금니|사랑니)(?:를|을|좀|하나)?뽑", compact):
        named = [name for name in named if name != "extraction"]
    return named


def _named_by_a_part(compact: str, named: list[str]) -> list[str]:
    """Adds a treatment named by a part of it ("뼈이식 한 자리", "철사가 볼을 긁어요"), in priority order."""
    added = [name for name, pattern in _NAMED_BY_A_PART if name not in named and pattern.search(compact)]
    if not added:
        return named
    order = [name for name, _ in lx.TREATMENT_PATTERNS]
    return sorted(named + added, key=order.index)
