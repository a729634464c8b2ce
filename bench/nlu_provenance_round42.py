"""Where blind68 and blind69 come from and what their first runs read (issue 15, round 42): blocks of the text at
the top of bench/nlu_accuracy.txt, kept beside ``nlu_provenance`` to keep it short."""

ROUND_42_SETS = """\
  blind68  257  sixty-eighth blind set (issue 15, round 42), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Wednesday in March with families moved to town
                (records and treatments carried over from another clinic, children's braces, a consultation asked)
                and that day's reminders, offers and happy calls; committed before its first run (the writers had
                the conventions through round 39).
                FIRST RUN (main at the merge base a310702, after round 40, before round 41): intent 97.7% (rules
                alone 93.8%), date 98.4%, time 99.2%, treatment 98.4%, all three slots 96.1%, medical -> booking 0
                (rules alone 0); a booking read as a medical question ("… 교정 상담 받아 보려고 하는데요 예약
                어떻게 해요"), a no read as ask_location, a reschedule read as no; misses by gold intent: book x3,
                no, other, reschedule. Goal (intent >= 97%, each slot >= 97%, medical -> booking 0) MET.
  blind69  250  sixty-ninth blind set (issue 15, round 42), by another writer in the same way: a Friday in August at
                a seaside resort (holiday makers, a walk-in from out of town, 경상도 speakers, the way from the beach
                road); committed before its first run.
                FIRST RUN (main at the merge base ea7b873, after round 40, before round 41): intent 96.8% (rules
                alone 91.2%), date 99.6%, time 99.6%, treatment 98.8%, all three slots 98.0%, medical -> booking 3
                (rules alone 3): "사랑니 뽑고 바다 들어가도 되나요", "그 꿰맨 실은 언제 빼러 가면 되는교" (a
                wellbeing call), "이가 흔들리는데 오늘 가야 돼요 아니면 다음 주에 가도 돼요"; misses by gold
                intent: medical_question x3, book x4 (symptom x2, ask_hours, no), ask_location. Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 12 in all. By a
                written convention: X-ray pictures asked for name checkup (round 26): blind68:28, blind69:220; a
                day in a reminder's yes or a non-booking reply keeps its date (rounds 23 and 28): blind68:56, 99,
                100; a treatment named in an insurance or a price question or in an offer's answer keeps it (rounds
                28 and 30): blind68:146, 251, and an offer's answer with no treatment word names none (round 28):
                blind69:161; a proposal chosen by its day keeps the day (round 23; 7 of 7 earlier): blind69:91.
                Counted in the earlier sets and written down as round 42's: a treatment asked to be continued here
                names it (5 of 5): blind68:68; an X-ray asked allowed in one's condition names checkup (48 of 60
                X-ray labels with no other treatment): blind69:36; a cancelled booking's hour keeps it (15 of 15):
                blind69:40.
                Fixed by kind (appliance/language/resort_town_kinds, new, stage 2 after harvest_day_kinds;
                care_waits, clinic_day_kinds, dialect_endings, time_settled, date_choice, understanding): safety
                first: an activity asked allowed after a treatment, when the stitches come out said "꿰맨 실", and a
                trouble then "must I come today, or may I come next week" are medical questions, never bookings;
                "예약 어떻게 해요" is how to book, no care step. Then: a walk-in now with the trouble after, an
                appliance's errand on a day, a visitor asking for a day, an offer welcomed with a day, a
                consultation then how to book, a treatment to go on with no booking found, a day asked "not
                possible?" to the date question (book); a reminder's slot put aside (reschedule); an offer declined
                for a nearer clinic (no); the way along a road (ask_location); a yes trailing into a hesitation on
                a wellbeing call (other); times: a booked hour moved to another day names no hour; dates: a red
                flag's onset day after the treatment's day. And the kinds the model read right and the rules alone
                did not (a reminder's day refused then another, a little later, fine told with thanks on a
                wellbeing call, the first one said, the slot not suiting, a read-back's part wrong, no reason not
                to, a shop asked, a cause wondered, open now, the hours, the booked treatment asked, a booking to a
                day, must come for it, how long it takes); 경상도 "계시는교", "하입시더", "…많아가/있어가".
                After: blind68 intent 100% with the model, 100% with a model built without blind68/blind69, 99.6%
                with the rules alone; blind69 100%, 100%, 99.6%; date, time, treatment and all three 100% on both.
                Medical -> booking 0 on every set, with and without the model.
                Changed predictions on the older sets (dump of every set with and without the model, before and
                after): 20, all 20 to their labels, none away: with the model and the rules a booked hour moved to
                another day names no hour (blind48, blind50: 4); by the rules alone a read-back's name or date
                wrong is no (blind42, blind44, blind53, blind56, blind57, blind58, blind61), fine told with thanks
                on a wellbeing call is no (blind43, blind45, blind46, blind52, blind60), "조금 있다 다시 해 주소" a
                callback (blind45), "안 갈/할 이유가 있나" a yes (blind46, blind60), "뽑으러 가야 될 거 같아요" a
                booking (blind49).
                The opt-out check's counts on the older sets unchanged (refusals 696, 0 missed, fired 1 at LEAD
                30; with each set left out of the model blind30's one needless ask is gone); the new sets' 8
                refusals (4 and 4) are all read as opt_out, with and without the model.
                Left as they are: by the rules alone "이 선생님 오늘 나오세요 이 선생님한테 받고 싶어서" (labelled
                talk_to_staff, read book) and "그럼 월요일 거로 주이소" to a proposal (labelled yes, read book); the
                model reads both right. "아파가" (경상도 "아파서") is not read the standard way: that reading moved
                blind44's sleepless pain to an emergency.
"""

ROUND_42_SUM = """\
Round 42 (blind68, blind69) in sum: two more sets of an ordinary clinic day: the first runs read intent 97.7% on
blind68, a March day of families moved to town (rules alone 93.8%; all three slots 96.1%, medical -> booking 0): the
goal is MET; and 96.8% on blind69, a seaside resort in August (rules alone 91.2%; all three 98.0%), with three medical
questions read as bookings: not met. 12 labels were corrected (9 by the written conventions, 3 by conventions counted
and written down this round). After the fixes by kind both read 100% with the model and with a model that has not
seen them, 99.6% with the rules alone; medical -> booking 0 everywhere; the next fresh set tells whether the kinds
generalise.
"""
