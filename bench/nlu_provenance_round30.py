"""Where blind44 and blind46 come from and what their first runs read (issue 15, round 30): blocks of the text at
the top of bench/nlu_accuracy.txt, moved here from ``nlu_provenance`` to keep it short."""

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
