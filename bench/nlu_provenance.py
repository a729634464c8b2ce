"""Where the labelled NLU sets come from and what their first runs read: the text at the top of
bench/nlu_accuracy.txt (``bench/nlu_accuracy.py`` prints it before the tables). Each blind set gets its block when it
is first run, with the first-run numbers kept as they were; what was fixed after is added below them."""

from nlu_provenance_early import EARLY_SETS  # bench/, beside this module
from nlu_provenance_rounds5to7 import ROUNDS_5_TO_7  # bench/, beside this module
from nlu_provenance_rounds8to9 import ROUNDS_8_TO_9  # bench/, beside this module
from nlu_provenance_round10 import ROUND_10  # bench/, beside this module
from nlu_provenance_rounds11to14 import ROUNDS_11_TO_14_SETS, ROUNDS_11_TO_14_SUMS  # bench/, beside this module
from nlu_provenance_rounds15to16 import ROUND_15_SETS, ROUND_15_SUM, ROUND_16_SETS, ROUND_16_SUM  # bench/, beside this
from nlu_provenance_rounds17to18 import ROUND_17_SETS, ROUND_17_SUM, ROUND_18_SETS, ROUND_18_SUM  # bench/, beside this
from nlu_provenance_rounds19to20 import ROUND_19_SETS, ROUND_19_SUM, ROUND_20_SETS, ROUND_20_SUM  # bench/, beside this
from nlu_provenance_rounds21to22 import ROUND_21_SETS, ROUND_21_SUM, ROUND_22_SETS, ROUND_22_SUM  # bench/, beside this
from nlu_provenance_rounds23to26 import (  # bench/, beside this module
    ROUND_23_SETS, ROUND_23_SUM, ROUND_24_SETS, ROUND_24_SUM, ROUND_25_SETS, ROUND_25_SUM, ROUND_26_SETS, ROUND_26_SUM)
from nlu_provenance_round27 import ROUND_27_SETS, ROUND_27_SUM  # bench/, beside this module
from nlu_provenance_round28 import ROUND_28_SETS, ROUND_28_SUM  # bench/, beside this module
from nlu_provenance_round29 import ROUND_29_SETS, ROUND_29_SUM  # bench/, beside this module
from nlu_provenance_round30 import ROUND_30_SETS, ROUND_30_SUM  # bench/, beside this module
from nlu_provenance_round34 import ROUND_34_SETS, ROUND_34_SUM  # bench/, beside this module
from nlu_provenance_round35 import ROUND_35_SETS, ROUND_35_SUM  # bench/, beside this module
from nlu_provenance_round36 import ROUND_36_SETS, ROUND_36_SUM  # bench/, beside this module
from nlu_provenance_round37 import ROUND_37_SETS, ROUND_37_SUM  # bench/, beside this module
from nlu_provenance_round38 import ROUND_38_SETS, ROUND_38_SUM  # bench/, beside this module
from nlu_provenance_round39 import ROUND_39_SETS, ROUND_39_SUM  # bench/, beside this module
from nlu_provenance_round40 import ROUND_40_SETS, ROUND_40_SUM  # bench/, beside this module
from nlu_provenance_round41 import ROUND_41_SETS, ROUND_41_SUM  # bench/, beside this module
from nlu_provenance_round42 import ROUND_42_SETS, ROUND_42_SUM  # bench/, beside this module
from nlu_provenance_round43 import ROUND_43_SETS, ROUND_43_SUM  # bench/, beside this module
from nlu_provenance_round44 import ROUND_44_SETS, ROUND_44_SUM  # bench/, beside this module
from nlu_provenance_round45 import ROUND_45_SETS, ROUND_45_SUM  # bench/, beside this module
from nlu_provenance_round46 import ROUND_46_SETS, ROUND_46_SUM  # bench/, beside this module
from nlu_provenance_round47 import ROUND_47_SETS, ROUND_47_SUM  # bench/, beside this module
from nlu_provenance_round48 import ROUND_48_SETS, ROUND_48_SUM  # bench/, beside this module
from nlu_provenance_round49 import ROUND_49_SETS, ROUND_49_SUM  # bench/, beside this module
from nlu_provenance_round50 import ROUND_50_SETS, ROUND_50_SUM  # bench/, beside this module
from nlu_provenance_round51 import ROUND_51_SETS, ROUND_51_SUM  # bench/, beside this module

ROUND_31_SETS = """\
  blind45  253  forty-fifth blind set (issue 15, round 31), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Thursday at a clinic beside a traditional market
                (shopkeepers calling between customers, many older patients, 경상도 speech, dentures and implants,
                cash and insurance questions) and that day's outbound reminders, recall, implant check-up and happy
                calls; committed before its first run.
                FIRST RUN (main at the merge base 0078106, after round 30): intent 93.7% (rules alone 87.7%), date
                99.6%, time 100.0%, treatment 100.0%, all three slots 99.6%, medical -> booking 0; a medical
                question missed ("아가 이가 나는데 열이 나는 것도 이 때문이에요" read as other); misses by gold
                intent: question_other x4, yes x2, callback_later x2, cancel x2, no x2, other x2, medical_question,
                reschedule. Goal (intent >= 97%) NOT met.
  blind47  258  forty-seventh blind set (issue 15, round 31), by another writer in the same way: a rainy Wednesday
                at a clinic by a subway station (commuters on the move, noise and half sentences, late arrivals and
                moves for the rain, lunch-hour and after-work slots) and that day's reminders, recall offers and
                happy calls; committed before its first run. FIRST RUN (main at the merge base 63a46b1): intent
                96.1% (rules alone 91.9%), date 98.4%, time 99.6%, treatment 99.2%, all three slots 97.3%, medical
                -> booking 1 ("신경치료 중인데 임시로 막은 게 좀 빠진 거 같아요 내일 가도 될까요" read as book);
                misses by gold intent: book x3, cancel x2, ask_insurance, medical_question, question_other,
                symptom, yes. Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 4 in all. By the
                written conventions: a reminder's yes keeps its day (rounds 27, 29): blind47:145; a treatment named
                in an offer's answer keeps it (round 30): blind47:168. Counted and written down as round 31's: a
                bare "네" with nothing asked is yes (2 of 2): blind45:230; a walk-in asked for today names today (6
                of 6): blind47:114.
                Fixed by kind (appliance/language/dialect_endings and market_day_kinds, new; transcript,
                caller_errands, date_choice): the 경상도 sentence ends ("주이소", "해 주소", "그라이소", "되능교",
                "가께예", "심더", "라 캤지요", "그라믄", "그라고") read the standard way before any rule; a break one
                is unsure of with "may I come", a symptom's cause asked (medical_question); can't come with a
                reason and a death told to a reminder (cancel), another day with this one refused (reschedule); a
                choice by position without "거", a few minutes late with a yes (yes); an offer put off, "all sound"
                on a wellbeing call (no); one's own number changed, a parcel left, a prescription lost, the former
                director asked (question_other); a visit wished with the hours asked, after work, one's own added
                to another's (book); an earlier booking cancelled (cancel); a day refused for being busy names none.
                After: blind45 intent 100.0% with the model, 100.0% with a model built without blind45/blind47,
                92.9% with the rules alone; every slot 100.0%. blind47 99.6% with the model, 99.2% without them,
                94.2% with the rules alone; date 99.2%, time 99.6%, treatment 99.6%, all three 98.4%.
                Medical -> booking 0 on every set with and without the model. On the earlier sets 7 predictions
                changed: 5 to their labels (rules alone: blind42's "가께요" yes and "전화 주이소", blind46's "첫 번째로
                해 주세요", dev18's "되능교" booking; with the rebuilt model: blind32's offered check-up yes, which
                round 30's model had taken away), 2 with the rebuilt model away from them (blind3 "아 스케일링이요?
                네 한번 받아볼게요" to an offer book -> yes, blind42 "거기 휠체어 타고 들어갈 수 있어요? 엘리베이터
                있어요?" question_other -> ask_location). The opt-out check's counts unchanged (refusals 436, 0
                missed; fired 1 of 6960 at LEAD 30); the new sets' 6 refusals (3 each) are all read as opt_out.
                Left as they are: "레진 한 게 깨졌는데 다시 때워 주실 수 있나요" (labelled symptom, read
                medical_question, the safe side); "상담 비용도 따로 있어요" (orthodontics from the call before);
                "금요일 여섯 시요 네 그거요" (the Friday of the proposal, not in the sentence); "지금 점심시간인데
                한 시에 잠깐 봐 주실 수 있어요" (labelled today: "지금" with an hour and no day word is too rare to
                settle); "사랑니 빼는 거 보험 되면 얼마 정도 해요" (labelled ask_insurance; "보험 되면 얼마" is
                labelled ask_price twice and ask_insurance once); a callback's hour to a reminder ("좀 이따 여덟 시쯤
                주세요": labelled without its time; the sets hold 32 with the time and 28 without).
"""

ROUND_33_SETS = """\
  blind50  258  fiftieth blind set (issue 15, round 33), written by a different person who never saw the rules, their
                tests or this file's results: an ordinary Tuesday at a clinic in an old downtown neighbourhood
                (small-business owners, taxi drivers, elderly people living alone, carers and adult children calling
                for parents, crowns, root canals and dentures) and that day's reminders, recall offers, 65+ offers
                and happy calls; committed before its first run (the writers had the conventions through round 30).
                FIRST RUN (main at the merge base b387195, after round 32): intent 95.3% (rules alone 89.1%), date
                100.0%, time 99.6%, treatment 98.8%, all three slots 98.4%, medical -> booking 0 (rules alone 0);
                misses by gold intent: confirm_appointment x3, symptom x3, no x2, yes x2, book, question_other.
                Goal (intent >= 97%) NOT met.
  blind51  258  fifty-first blind set (issue 15, round 33), by another writer in the same way: an ordinary Thursday
                at a clinic in a new-town district (young couples and pregnant patients, scaling in pregnancy,
                children's first visits, nurses and factory workers booking around shifts) and that day's reminders,
                scaling offers and happy calls; committed before its first run. FIRST RUN (main at the merge base
                93a6acd): intent 96.9% (rules alone 95.0%), date 97.7%, time 100.0%, treatment 99.2%, all three
                slots 96.9%, medical -> booking 1 (rules alone 1: "애기가 아직 돌 전인데 불소 발라도 되나요" to an
                offer read as book); misses by gold intent: book x3, medical_question x2, no x2, yes. Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 4 in all, dates of
                blind51. By the written conventions: a walk-in asked for today names today (round 31, 14 of 14
                earlier "오늘 … 갈 수 있을까요" bookings): blind51:157. By the counted majority, written down as
                round 33's: a day asked for in a booking ("다음 주 금요일 되나요") names it (25 of 25 such earlier
                labels): blind51:212, 258; and "다음 주 토요일" said on a Thursday is the Saturday of next week by
                the calendar (24 of 25; the label had a Sunday): blind51:248.
                Fixed by kind (appliance/language/spring_day_kinds, new; the blood patterns of 17 modules,
                questions, clinic_day_kinds, asking, caller_errands,
                treatments_named, date_choice): safety first: the 피 of 커피, 카피 or a
                cigarette smoked ("담배 피는") is never blood (every 피가/피나/피는/피도 pattern looks behind for
                커/카/배; "커피가" alone had come out an urgent symptom, and 8 coffee questions after a treatment
                in earlier sets urgent); a baby's age ("돌 전", "두 돌", "N개월밖에") is a condition that makes "may
                she have X" a medical question; a break wondered about in a photo offered (medical_question); a
                sore appliance and "would you trim it" with no day (symptom, round 23); a reminder's time asked
                again (confirm_appointment), not when answered and taken; another of the family added to an offer,
                a cancelled booking taken up again (book); the treatment a booking is changed to comes first;
                a weekday told last after a breakage ("빠졌어요 월요일에") is the one just gone.
                After: blind50 intent 99.6% with the model, 96.5% with a model built without blind50/blind51, 90.3%
                with the rules alone; date 100.0%, time 99.6%, treatment 98.8%, all three 98.4%. blind51 100.0%
                with the model, 98.1% without them, 96.1% with the rules alone; date 99.6%, time 100.0%, treatment
                99.6%, all three 99.2%. Medical -> booking 0 on every set with and without the model. On the earlier
                sets 5 predictions changed (the coffee questions' urgency aside, 16 predictions of 8 sentences, all
                still medical_question): 3 to their labels (rules alone: blind28's, blind33's and dev19's time of a
                reminder asked again, confirm_appointment), 2 with the rebuilt model, one a set: blind32 "아니
                아닌데" no -> wrong_number and blind6 "스케일링? 작년에 했는디 또 해야 돼요?" ask_insurance -> no
                (labelled question_other, wrong before and after). The opt-out check's counts unchanged (refusals
                436, 0 missed, fired 1 of 6960 at LEAD 30); the new sets' 9 refusals (5 and 4) are all read as
                opt_out, with and without the model, and nothing else is.
                Left as they are: "안녕하세요 제가 임신 중인데 스케일링 받아도 되는지 그리고 되면 예약하고 싶어서요"
                (labelled book, read as medical_question: the safe side); "네 취소해 주세요" to a yes/no question
                (labelled yes, read as cancel); the slots of a booked hour kept in a move ("내일 오전 열 시 예약한
                사람인데요 … 오후로"), the treatment after "하고 나서" ("신경치료 하고 나서 씌우는 거"), two
                treatments in doubt, red gums after a crown (gum), an X-ray asked about in pregnancy (none), "지금
                점심시간이에요?" (today).
"""


ROUND_33_SUM = """\
Round 33 (blind50, blind51) in sum: two more sets of an ordinary clinic day: the first runs read intent 95.3% on
blind50, an old downtown Tuesday (rules alone 89.1%; all three slots 98.4%, medical -> booking 0), and 96.9% on
blind51, a new-town Thursday of young families (rules alone 95.0%; all three 96.9%, medical -> booking 1): the goal
is not met on either first run. 4 labels were corrected (1 by a written convention, 3 by counted majorities now
written down). A safety bug found by the end-to-end test was fixed first: the 피 of 커피 read as blood. After the
fixes by kind they read 99.6% and 100.0% with the model, 96.5% and 98.1% with a model that has not seen them, 90.3%
and 96.1% with the rules alone; medical -> booking 0 everywhere; the next fresh set tells whether the kinds generalise.
"""

ROUND_32_SETS = """\
  blind48  249  forty-eighth blind set (issue 15, round 32), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Tuesday at a clinic in a small seaside town
                (fishermen and their families, 전라도 speech, people who can come only when the boats are in,
                elderly patients with dentures and implants, carers) and that day's outbound reminders, 65+ implant
                offers and happy calls; committed before its first run.
                FIRST RUN (main at the merge base d885ca6, after round 31): intent 94.8% (rules alone 87.1%), date
                98.4%, time 99.6%, treatment 100.0%, all three slots 98.0%, medical -> booking 0 (rules alone 0);
                misses by gold intent: book x4, yes x2, ask_insurance, callback_later, medical_question, no,
                other, question_other, reschedule. Goal (intent >= 97%) NOT met.
  blind49  255  forty-ninth blind set (issue 15, round 32), by another writer in the same way: an ordinary Friday at a
                suburban clinic with many implant and gum patients (older couples, costs and insurance, follow-ups after
                surgery) and that day's reminders, implant check-up calls, scaling offers and happy calls; committed
                before its first run. FIRST RUN (main at the merge base 03dfbeb): intent 94.9% (rules alone 90.2%), date
                98.8%, time 100.0%, treatment 98.8%, all three slots 97.6%, medical -> booking 2 (rules alone 2:
                "임플란트 머리 부분이 흔들리는 느낌인데 지금 가 봐야 돼요 주말 지나서 가도 돼요", "내일 아침에 가도 되요
                잇몸에서 피가 나서" read as book); a refusal missed ("괜찮으니까 이런 전화 다시 안 하셔도 돼요 안
                받을게요" read as no); misses by gold intent: medical_question x4, other x3, yes x2, book, no, opt_out,
                question_other. Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 7 in all. By the
                written conventions: a day named in a request for a person keeps it (round 27): blind48:104;
                "nothing else" to the need question is no (round 30): blind49:70, 197, 229; a treatment named in a
                price question or an offer's answer keeps it (round 30): blind49:145, 162. Counted and written down
                as round 32's: a bare "네" to an offer is yes (13 of 13 bare 네/예 labels): blind48:162.
                Fixed by kind (appliance/language/seaside_day_kinds, new; dialect_endings, care_waits, asking,
                opt_out_words, about_the_call, caller_errands, date_choice): the 전라도 sentence ends ("…ㄴ디",
                "되겄소", "주쇼", "괜찮허요", "…믄", "…니께", "…당께", "드리께라", "해야지라", "갈라요", "될랑가",
                "쪼까", a final "잉") and 경상도 "압니더" read the standard way before any rule; safety: a trouble
                told then "now, or can it wait", "may I come tomorrow" with the trouble as its reason, a treatment
                wondered possible ("될까 모르겠어요"), a yes then what may be eaten before the visit, whether a
                treatment makes a trouble worse (medical_question); a refusal with "again" (opt_out); "AI or a
                person" with 인공지능 (question_other); a reminder answered "I know" (yes); "that is all" to the need
                question, a yes with a slight discomfort on a wellbeing call (no); an insurance condition then a
                yes (yes); one's own share asked (ask_insurance); a receipt asked (question_other); a treatment
                wished (book); a weekday with a treatment had or a filling fallen out names the one just gone,
                "내일은 어려운데 모레는" names the second.
                After: blind48 intent 100.0% with the model, 99.6% with a model built without blind48/blind49,
                92.0% with the rules alone; date 99.6%, time 99.6%, treatment 100.0%, all three 99.2%. blind49
                100.0% with the model, 100.0% without them, 94.9% with the rules alone; date 99.2%, time 100.0%,
                treatment 99.6%, all three 98.8%. Medical -> booking 0 on every set with and without the model.
                On the earlier sets 9 predictions changed: 7 to their labels (rules alone: blind30's "알지요 … 안
                잊어버렸어요", blind40's "알고 있어요 잊지 않았어요" and blind42's "예 압니다" to a reminder yes,
                blind47's "괜찮어" no, dev18's "계시믄 전화 좀 돌려 주시오" talk_to_staff, blind40's "단 거 먹으믄 겁나
                시리당께요" and stress's "이가 겁나 아프요" symptom, "겁나" before a trouble read as 엄청), 2 with the
                rebuilt model away from them, one a set: blind6 "스케일링? 작년에 했는디 또 해야 돼요?" question_other
                -> ask_insurance and blind32 "그 정기 검진이요 네 받을게요 아무 때나 오전이면 돼요" yes -> book (round
                31's rebuild had moved the same sentence). The opt-out check's counts unchanged (refusals 436, 0 missed;
                fired 1 of 6960 at LEAD 30; at LEAD 20 1 of 6960 where it was 0); the new sets' 8 refusals (4 each) are
                all read as opt_out, with and without the model.
                Left as they are: "오늘 세 시 예약인데 물때 때문에 내일로 좀 바꿔 주세요" (the booked visit's hour
                kept as the time); "아니 그 날짜 말고요 하루 뒤로" (a day after the read-back's, not in the
                sentence, read as tomorrow); "어 예약을 좀 옮기고 싶은데요 금요일 걸" (the booked Friday named as
                the visit to move, labelled without a date); "보철물 보증 기간이 따로 있어요" (보철물 read as a
                crown, labelled none); "임플란트 머리 … 주말 지나서 가도 돼요" (its date); "나가 잇몸 뼈가
                약하다든디 임플란트가 될랑가 모르겄소" read as symptom by a model that has not seen it (the rules
                alone say medical_question).
"""

ROUND_32_SUM = """\
Round 32 (blind48, blind49) in sum: two more sets of an ordinary clinic day: the first runs read intent 94.8% on
blind48, a seaside Tuesday in 전라도 speech (rules alone 87.1%; all three slots 98.0%, medical -> booking 0), and
94.9% on blind49, a suburban Friday (rules alone 90.2%; all three 97.6%, medical -> booking 2, a refusal missed): the
goal is not met on either first run. 7 labels were corrected (6 by the written conventions, 1 by a counted majority
now written down). After the fixes by kind they read 100.0% and 100.0% with the model, 99.6% and 100.0% with a model
that has not seen them, 92.0% and 94.9% with the rules alone; medical -> booking 0 everywhere; the next fresh set
tells whether the kinds generalise.
"""

ROUND_31_SUM = """\
Round 31 (blind45, blind47) in sum: two more sets of an ordinary clinic day: the first runs read intent 93.7% on
blind45, a market-side Thursday in 경상도 speech (rules alone 87.7%; all three slots 99.6%, medical -> booking 0, a
medical question missed), and 96.1% on blind47, a rainy Wednesday (rules alone 91.9%; all three 97.3%, medical ->
booking 1): the goal is not met on either first run. 4 labels were corrected (2 by the written conventions, 2 by
counted majorities now written down). After the fixes by kind they read 100.0% and 99.6% with the model, 100.0% and
99.2% with a model that has not seen them, 92.9% and 94.2% with the rules alone; medical -> booking 0 everywhere;
the next fresh set tells whether the kinds generalise.
"""

EARLIER_SUMS = """\
Round 10 (blind18, dev12, dev13) in sum: blind18's first run read intent 247/281 = 87.9% (88.3% with four label slips
corrected), date 97.9%, time 98.6%, treatment 98.2%, all three 94.7% (95.7% corrected), medical -> booking 1 of 38: the
goal is not met on intent, slots nor medical safety on this first run; the training sets written by two more people read
90.9% and 88.3% over the same rules. Replies to the clinic's own outbound calls were blind18's biggest loss (yes 25/37,
no 23/29), and dev13's refusals in words the rules lacked (29/40) the biggest legal one: fresh writers keep finding
whole kinds (first runs blind13 97.7%, blind14 95.0%, blind15 85.9%, blind16 94.7%, blind17 86.2%, blind18 87.9%). After
the fixes by kind blind18 reads 98.2% with the model (which has now seen it) and 88.3% with the rules alone, dev12 98.2%
/ 86.1%, dev13 98.9% / 86.9%, medical -> booking 0 everywhere with and without the model; the next fresh set (blind19)
tells whether the kinds generalise.
Round 9 (blind17) in sum: first run intent 206/239 = 86.2% (no label changed), date 99.2%, time 99.6%, treatment 99.2%,
all three 97.9%, medical -> booking 2 of 43: the goal is not met on intent nor on medical safety on this first run; the
slots meet it. A writer who never saw the rules found whole kinds they lacked (refusals in dialect and indirect words,
medicine and travel around a treatment, small questions before the request, the reminder text), as blind15's new
mindsets did: first runs blind13 97.7%, blind14 95.0%, blind15 85.9%, blind16 94.7%, blind17 86.2%. After the fixes by
kind blind17 reads 100.0% with the model (which has now seen it) and 91.2% with the rules alone, medical -> booking 0
with and without the model; the next fresh set (blind18) tells whether the kinds generalise.
Round 8 (blind16) in sum: first run intent 233/246 = 94.7% (95.5% with two label slips corrected), date 96.7% (98.8%
corrected), time 100%, treatment 98.4% (99.6% corrected), all three 95.1% (98.4% corrected), medical -> booking 0 of
35: the goal is not met on intent on this first run; the slots meet it once the label slips are corrected, and
medical safety holds. Its new mindsets found kinds the rules lacked (records, a doctor's days, questions back to a
recall, a weekday and a date together), but fewer than blind15's: first runs blind13 97.7%, blind14 95.0%, blind15
85.9%, blind16 94.7%.
Round 7 (blind15) in sum: first run intent 219/255 = 85.9% (85.5% with three label slips corrected), each slot
>= 99.6%, all three 99.2%, medical -> booking 1 of 44: the goal is not met on intent nor on medical safety on this
first run. Its mindsets were kinds no earlier set had (running late, relayed answers, payment, counter-questions
to a reminder), and the first-run figures of blind13 (97.7%), blind14 (95.0%) and blind15 (85.9%) say that a fresh
mindset still finds whole kinds the rules lack.
Round 6 (blind14) in sum: first run intent 209/220 = 95.0%, each slot >= 97.3%, all three 96.4% (97.3% with the
two label slips corrected), medical -> booking 0 of 38: the goal is not met on intent on this first run (blind13's
97.7% was the first fresh set to meet it).
Round 4 in sum: the fresh sets' first runs (blind12, dev10, dev11: 354 sentences) read intent 338/354 = 95.5%, every
slot >= 99.5%, medical -> booking 0 of 71 medical questions and emergencies. The goal (>= 97% intent on a first run)
is not met yet; slots and the medical safety goal are.
The first runs of stress, blind2, blind3, blind4 (fresh wording, 305 utterances) are the honest estimate for
unseen speech: intent 269/305 = 88.2%; with label slips discounted date 99.0%, time 99.7%, treatment 98.7%. The held-out
figure is higher because the same person wrote those phrases and the rules. "Label slips" were mostly dates
in hours questions ("토요일도 하세요?" → that Saturday), which the parser extracts by design.
"""

PROVENANCE = (EARLY_SETS + ROUNDS_5_TO_7 + ROUNDS_8_TO_9 + ROUND_10 + ROUNDS_11_TO_14_SETS + ROUND_15_SETS
              + ROUND_16_SETS + ROUND_17_SETS + ROUND_18_SETS + ROUND_19_SETS + ROUND_20_SETS + ROUND_21_SETS
              + ROUND_22_SETS + ROUND_23_SETS + ROUND_24_SETS + ROUND_25_SETS + ROUND_26_SETS
              + ROUND_27_SETS + ROUND_28_SETS + ROUND_29_SETS + ROUND_30_SETS + ROUND_31_SETS
              + ROUND_32_SETS + ROUND_33_SETS + ROUND_34_SETS + ROUND_35_SETS + ROUND_36_SETS
              + ROUND_37_SETS + ROUND_38_SETS + ROUND_39_SETS + ROUND_40_SETS + ROUND_41_SETS + ROUND_42_SETS
              + ROUND_43_SETS + ROUND_44_SETS + ROUND_45_SETS + ROUND_46_SETS + ROUND_47_SETS + ROUND_48_SETS
              + ROUND_49_SETS + ROUND_49_SUM + ROUND_50_SETS + ROUND_50_SUM + ROUND_51_SETS + ROUND_51_SUM
              + ROUND_48_SUM + ROUND_47_SUM + ROUND_46_SUM + ROUND_45_SUM + ROUND_44_SUM + ROUND_43_SUM + ROUND_42_SUM
              + ROUND_41_SUM
              + ROUND_40_SUM + ROUND_39_SUM
              + ROUND_38_SUM + ROUND_37_SUM + ROUND_36_SUM + ROUND_35_SUM + ROUND_34_SUM
              + ROUND_33_SUM + ROUND_32_SUM
              + ROUND_31_SUM + ROUND_30_SUM
              + ROUND_29_SUM + ROUND_28_SUM + ROUND_27_SUM
              + ROUND_26_SUM + ROUND_25_SUM
              + ROUND_24_SUM
              + ROUND_23_SUM + ROUND_22_SUM
              + ROUND_21_SUM + ROUND_20_SUM
              + ROUND_19_SUM + ROUND_18_SUM
              + ROUND_17_SUM + ROUND_16_SUM
              + ROUND_15_SUM + ROUNDS_11_TO_14_SUMS + EARLIER_SUMS)
