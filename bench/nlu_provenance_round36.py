"""Where blind56 and blind57 come from and what their first runs read (issue 15, round 36): blocks of the text at
the top of bench/nlu_accuracy.txt, moved here from ``nlu_provenance`` to keep it short."""

ROUND_36_SETS = """\
  blind56  254  fifty-sixth blind set (issue 15, round 36), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Saturday (half a day, working people and families
                who can only come on Saturdays, "다음 주 토요일", the hours asked) and that day's reminders, offers
                and happy calls; committed before its first run (the writers had the conventions through round 33).
                FIRST RUN (main at the merge base 2162fb5, after round 35): intent 92.1% (rules alone 86.6%), date
                96.1%, time 98.8%, treatment 98.0%, all three slots 93.3%, medical -> booking 0 (rules alone 1: "애
                유치가 흔들려서 집에서 뽑았는데 피가 좀 나요 이거 병원 가야 돼요"); an emergency missed ("마취하고
                나서 어지럽고 토할 거 같아요 …" read as other); a medical question and an hours question read as
                emergencies; misses by gold intent: book x5, yes x3, reschedule x2, no x2, ask_hours x2, ask_price,
                cancel, emergency, medical_question, other, question_other. Goal NOT met.
  blind57  253  fifty-seventh blind set (issue 15, round 36), by another writer in the same way: the Thursday after
                a public holiday (어제 was the holiday: visits missed, pharmacies shut, night-shift workers, foreign
                workers in short Korean) and that day's reminders, offers and happy calls; committed before its
                first run. FIRST RUN (main at the merge base 67ab77e): intent 91.7% (rules alone 89.7%), date 94.9%,
                time 98.8%, treatment 98.8%, all three slots 92.5%, medical -> booking 0; 3 symptoms read as
                emergencies, a symptom read as a booking, a booking ("사랑니가 너무 아파서 뽑고 싶어요") read as an
                emergency; misses by gold intent: symptom x5, book x5, question_other x2, other x2, ask_insurance,
                ask_location, cancel, confirm_appointment, medical_question, no, reschedule. Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 14 in all, every one
                by the written conventions: a day asked for in a booking keeps its date (round 33): blind56:77,
                115, 195; a tag question after a yes is the question (round 25): blind56:123; a treatment named in
                an offer's or an insurance answer keeps it (rounds 28, 30): blind56:58, blind57:214; a checkup's
                papers name checkup (round 28): blind56:208; a past day named as when something happened, or in a
                request about a call made, keeps its date (rounds 25, 27): blind57:1, 20, 87, 176, 246; a day in a
                reminder's answer keeps it (rounds 23, 28): blind57:173; a call-back time keeps its time (round 23):
                blind57:175. Counted and written down as round 36's (no label changed by them): a walk-in asked
                for now names today (6 of 7); a weekday asked for a visit on that same weekday is the one a week on
                (29 of 33).
                Fixed by kind (appliance/language/walk_in_now, new; red_flags, lexicon, emergency_heard, blend,
                relative_days, clinic_day_kinds, replies, times): safety first: dizziness with nausea or retching
                after an anaesthetic is a red flag; a trouble told then "must I go to the clinic for it" is a
                medical question the safety rule keeps from a booking; whether emergencies are seen on a day is an
                hours question; gums that bleed at a brushing are a symptom; a strong pain given as the reason for
                a treatment wished keeps the booking from the model's emergency. Then: a walk-in asked for now
                names today (not beside an emergency, bleeding, trauma or a severe pain); "what?" at the end ("네
                뭐요?", "…뭐라꼬?") is a pardon; a yes to an offer with a day of one's own books; a reminder answered
                "can't come" then another week is a move; a morning said after an evening word keeps a bare hour in
                the morning; "네시" inside a word is no hour.
                After: blind56 intent 97.2% with the model, 94.1% with a model built without blind56/blind57,
                89.0% with the rules alone; date 97.2%, time 98.8%, treatment 98.8%, all three 95.3%. blind57 97.2%
                with the model, 93.7% without them, 91.3% with the rules alone; date 98.4%, time 100.0%, treatment
                99.2%, all three 97.6%. Medical -> booking 0 on every set with and without the model.
                On the earlier sets 7 sentences changed: 5 to their labels, with and without the model (blind20:62
                and blind31:16, "인도네시아" no longer 16:00; blind53:4, blind54:43 and 207, a walk-in now named
                today); 2 away: blind9:20 "어 지금 가면 바로 봐줄 수 있어요" now names today (labelled without a day,
                the 1 of 7 the new convention outvotes), and with the rebuilt model blind45:92 "그라이소" to a yes/no
                question yes -> other (the model's lean; the rules still read yes). The opt-out check's counts on
                the earlier sets unchanged at LEAD 30 (refusals 436, 0 missed, fired 1 of 6960); the new sets' 7
                refusals (4 and 3) are all read as opt_out, with and without the model, and no false opt-out.
                Left as they are: the knocked front teeth (blind56 "… 피는 안 나요 좀 기다려 봐도 될까요" labelled
                medical_question, blind57 "… 흔들려요 피는 멈췄는데" labelled symptom, both read as emergencies: the
                earlier sets label such knocks emergency 12 of 14, and the safe side is kept); "…약국도 다 닫아서
                진통제를 못 샀어요 지금 너무 아파요" (symptom, read as an emergency with the model); a Saturday said
                on a Saturday as one's only free day ("토요일만 돼요", "토요일이면 언제든지요", labelled without a
                date) and the Saturday hours ("토요일은 항상 한 시까지예요"); "토요일에 씌운 거 빠졌는데 일요일 …
                수요일 다 쉬어서" (read the coming Saturday); "금요일이요 아 이번 주 말고 다음 주"; "산재 처리 되나요"
                (labelled question_other, read ask_insurance like an injury's cover); "예약금 같은 거 있어요".
"""

ROUND_36_SUM = """\
Round 36 (blind56, blind57) in sum: two more sets of an ordinary clinic day: the first runs read intent 92.1% on
blind56, a Saturday (rules alone 86.6%; date 96.1%, all three slots 93.3%, an emergency missed, a medical and an hours
question read as emergencies), and 91.7% on blind57, the Thursday after a public holiday (rules alone 89.7%; date 94.9%,
all three 92.5%, 3 symptoms read as emergencies): the goal is met on neither first run. 14 labels were corrected, all
by written conventions. Safety kinds were fixed first. After the fixes by kind they read 97.2% and 97.2% with the
model, 94.1% and 93.7% with a model that has not seen them, 89.0% and 91.3% with the rules alone; medical -> booking 0
everywhere; the next fresh set tells whether the kinds generalise.
"""
