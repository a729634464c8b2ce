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

ROUND_30_SETS = """\
  blind44  259  forty-fourth blind set (issue 15, round 30), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Saturday (open 9 to 1) at a clinic in a busy
                residential neighbourhood (working parents, children, a queue of calls at opening) and that morning's
                outbound reminders, offers and happy calls; committed before its first run.
                FIRST RUN (main at the merge base ef209e3, after round 29): intent 93.1% (rules alone 90.0%), date
                97.7%, time 99.6%, treatment 98.8%, all three slots 96.5%, medical -> booking 2 ("할머니 틀니 소독하는
                거 여쭤볼라고", "오늘 예약 없이 가도 봐 주세요? 이가 좀 아파서" read as book); an emergency missed
                (faintness told first, "마취 주사 맞고 나서요" after); misses by gold intent: yes x5, medical_question
                x5, book x4, no x2, emergency, question_other, reschedule. Goal (intent >= 97%) NOT met.
  blind46  258  forty-sixth blind set (issue 15, round 30), by another writer in the same way: a Monday of the school
                vacation at a family-district clinic (parents booking for children, sealants and fluoride, braces,
                teenagers, grandparents) and that day's reminders, scaling offers and happy calls; committed before
                its first run. FIRST RUN (main at the merge base e425ad6): intent 96.9% (rules alone 92.6%), date
                97.7%, time 100.0%, treatment 98.4%, all three slots 96.1%, medical -> booking 0; misses by gold
                intent: book x3, ask_insurance, other, question_other, symptom, yes. Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 22 in all. By the
                written conventions: an hours question keeps its time and day (rounds 23, 28): blind44:36 (13:00),
                blind46:147; a choice or a yes to a proposal, a reminder's yes keep their day (rounds 23, 24, 28):
                blind44:182, blind46:114, :174; a yes with a person added to an offer is book (round 25):
                blind10:125 (round 29 had kept its yes); a treatment named in an offer's conditional yes keeps it
                (round 28; 5 of 5 such): blind44:165. Counted and written down as round 30's: a yes to an offer with
                a day of one's own is book (21 of 21): blind44:151, :193, :205, blind46:205; an emergency with no
                day word names no date (491 of 493): blind46:13, :63, :145; a treatment named in a price question or
                an offer's answer keeps it (43 of 43, 23 of 23, 4 of 4): blind46:154, :206, :218; a cavity
                wondered about names filling (18 of 25): blind46:37; "nothing else" to the need question is no (2
                of 2): blind46:126; "better than yesterday" names yesterday (4 of 5): blind44:234; "the earliest
                Saturday" names the next one (1 of 1): blind44:45; "understood, thanks" to a reminder is yes (4 of
                5): dev20:299.
                Fixed by kind (appliance/language/family_day_kinds, new; red_flags, treatments_named, date_choice):
                the signs told first and the anaesthetic added after as their cause (emergency); an appliance's care,
                a walk-in asked with a pain, a photo offered for a look, whether an offered check is needed, when to
                come back on a wellbeing call (medical_question); a pain after braces were tightened (symptom);
                another person's visit with one's own, a child brought "should I book", a routine weekday kept, a
                yes to an offer with a day of one's own, a sealant as the treatment (book); a booking cancelled for
                another day (reschedule); "understood" to a reminder (yes); busy "됐어요" or moved away to an offer
                (no); a receipt by mail, late for lack of parking (question_other); one's share under the insurance
                (ask_insurance); a milk tooth pulled at home (extraction), swollen gums beside a pulled tooth (gum),
                a routine weekday ("토요일마다": no day).
                After: blind44 intent 100.0% with the model, 100.0% with a model built without blind44/blind46,
                95.4% with the rules alone; date 99.2%, time 100.0%, treatment 100.0%, all three 99.2%. blind46
                100.0% with the model, 100.0% without them, 95.0% with the rules alone; every slot 100.0%.
                Medical -> booking 0 on every set with and without the model. On the earlier sets 9 predictions
                changed, 7 to their labels (blind10, dev20 with their corrected labels, blind20's date, blind32's
                fluoride, blind34's dated yes, blind43's receipt) and 2 with the rebuilt model away from them, one
                each (blind17 "고맙습니다 그럼 그날 뵐게요" other -> yes, blind32 "… 네 받을게요 아무 때나 오전이면
                돼요" to an offer yes -> book). The opt-out check's counts unchanged (refusals 436, 0 missed; fired 1
                of 6960 at LEAD 30); the new sets' 10 refusals (blind44 6, blind46 4) are all read as opt_out, and
                nothing else is.
                Left as they are: a weekday named in an hours question on that same weekday ("토요일 오전 진료는 몇
                시부터예요" on a Saturday: labelled today, read as next Saturday; the labelled sets hold 2 such, too
                few to settle it).
"""

ROUND_30_SUM = """\
Round 30 (blind44, blind46) in sum: two more sets of an ordinary clinic day: the first runs read intent 93.1% on
blind44, a Saturday (rules alone 90.0%; all three slots 96.5%, medical -> booking 2, one emergency missed), and 96.9%
on blind46, a vacation Monday (rules alone 92.6%; all three 96.1%, medical -> booking 0): the goal is not met on either
first run. 22 labels were corrected (7 by the written conventions, 15 by counted majorities now written down). After
the fixes by kind they read 100.0% and 100.0% with the model, the same with a model that has not seen them, 95.4% and
95.0% with the rules alone; medical -> booking 0 everywhere; the next fresh set tells whether the kinds generalise.
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
              + ROUND_27_SETS + ROUND_28_SETS + ROUND_29_SETS + ROUND_30_SETS + ROUND_30_SUM
              + ROUND_29_SUM + ROUND_28_SUM + ROUND_27_SUM
              + ROUND_26_SUM + ROUND_25_SUM
              + ROUND_24_SUM
              + ROUND_23_SUM + ROUND_22_SUM
              + ROUND_21_SUM + ROUND_20_SUM
              + ROUND_19_SUM + ROUND_18_SUM
              + ROUND_17_SUM + ROUND_16_SUM
              + ROUND_15_SUM + ROUNDS_11_TO_14_SUMS + EARLIER_SUMS)
