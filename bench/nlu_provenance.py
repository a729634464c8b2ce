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

ROUND_29_SETS = """\
  blind42  259  forty-second blind set (issue 15, round 29), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Wednesday at a clinic in a small provincial town (many
                elderly patients: dentures, implants, 65+ offers, dialect) and that day's outbound reminders, denture
                and implant check calls and happy calls; committed before its first run.
                FIRST RUN (main at the merge base 593a2e0, after round 28): intent 95.0% (rules alone 87.6%), date
                98.5%, time 100.0%, treatment 96.1%, all three slots 94.6%, medical -> booking 0; misses by gold
                intent: ask_insurance (-> ask_price, yes), question_other (-> ask_location, other), book (->
                medical_question, yes), ask_price, medical_question, no (-> symptom), other, reschedule (-> book),
                talk_to_staff, yes (one each). Goal (intent >= 97%) NOT met.
  blind43  256  forty-third blind set (issue 15, round 29), by another writer in the same way: an ordinary Friday
                and the replies to that day's reminders, offers and wellbeing calls; committed before its first run.
                FIRST RUN (main at the merge base 401306e): intent 94.1% (rules alone 90.2%), date 98.0%, time
                100.0%, treatment 98.0%, all three slots 96.1%, medical -> booking 1 ("그 꿰맨 거는 언제 뽑으러 가면
                돼요" on a wellbeing call read as book); misses by gold intent: book x4 (-> medical_question,
                confirm_appointment, yes, reschedule), medical_question (-> book, question_other), ask_insurance,
                callback_later (-> no), other (x2), question_other (-> ask_price), symptom, talk_to_staff, yes.
                Goal NOT met.
                Labels corrected by the written conventions (6): a day named in an hours question keeps its date
                (round 28): blind42:156, blind43:100, :133; the gums named as the trouble name gum (round 28):
                blind42:192, blind43:187, :217.
                Fixed by kind (appliance/language/clinic_day_kinds, choices_and_hedges, ordinary_days,
                treatments_named): stitches told as "꿰맨 거/데" asked when they come out on a wellbeing call
                (medical_question, no extraction); an insurance tag question then a conditional yes (ask_insurance);
                a trouble photographed for the dentist (medical_question); a person asked for with today first
                (talk_to_staff); an option asked again "몇 시라고 하셨죠" (other); "둘 다 안 맞아요" (no); talked
                over then "다시 걸게요" (callback_later); a booked day named then moved (reschedule); an offer taken
                on a slot of one's own (book); a person booked in with one's own visit (book).
                After: blind42 97.7% with the model, 96.9% (251/259) with a model built without blind42/blind43,
                89.6% with the rules alone; date 98.8%, time 100.0%, treatment 96.5%, all three 95.4%. blind43
                97.3% with the model, 97.3% (249/256) without them, 93.4% with the rules alone; date 98.8%, time
                100.0%, treatment 99.2%, all three 98.0%. Medical -> booking 0 on every set with and without the
                model; on the earlier sets one prediction changed, to its label (dev14, rules alone: "… 생각해 보고
                제가 다시 걸게요" no -> callback_later); the opt-out check's counts unchanged (refusals 436, 0 missed;
                fired 1 of 6960 at LEAD 30), and the new sets' 8 refusals (4 each) are all read as opt_out.
                Left as they are: "오늘 이 하나 뽑을 수 있어요? 흔들려서" (labelled book, read medical_question, the
                safe side); treatments named in an offer's answer ("네 스케일링 해야죠 예약해 주세요", labelled
                none; no convention settles it); "틀니" named in a denture wearer's question (labelled none).
"""

ROUND_29_SUM = """\
Round 29 (blind42, blind43) in sum: two more sets of an ordinary clinic day: the first runs read intent 95.0% on
blind42, a provincial Wednesday (rules alone 87.6%; all three slots 94.6%, medical -> booking 0), and 94.1% on blind43,
a Friday (rules alone 90.2%; all three 96.1%, medical -> booking 1): the goal is not met on either first run. 6 labels
were corrected by the written conventions (round 28's hours-question days and gums), none newly decided. After the
fixes by kind they read 97.7% and 97.3% with the model, 96.9% and 97.3% with a model that has not seen them, 89.6%
and 93.4% with the rules alone; medical -> booking 0 everywhere; the next fresh set tells whether the kinds generalise.
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
              + ROUND_27_SETS + ROUND_28_SETS + ROUND_29_SETS + ROUND_29_SUM + ROUND_28_SUM + ROUND_27_SUM
              + ROUND_26_SUM + ROUND_25_SUM
              + ROUND_24_SUM
              + ROUND_23_SUM + ROUND_22_SUM
              + ROUND_21_SUM + ROUND_20_SUM
              + ROUND_19_SUM + ROUND_18_SUM
              + ROUND_17_SUM + ROUND_16_SUM
              + ROUND_15_SUM + ROUNDS_11_TO_14_SUMS + EARLIER_SUMS)
