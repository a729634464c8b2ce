"""Where blind76 and blind77 come from and what their first runs read (issue 15, round 46): blocks of the text at
the top of bench/nlu_accuracy.txt, kept beside ``nlu_provenance`` to keep it short."""

ROUND_46_SETS = """\
  blind76  252  seventy-sixth blind set (issue 15, round 46), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Monday in May at a clinic near an industrial
                complex (workers driving in from the 공단, 경상도 speech, foreign workers with a little Korean,
                crowns and dentures) and that day's reminders, offers and happy calls; committed before its first
                run (the writers had the conventions through round 42).
                FIRST RUN (main at the merge base 089ab66, after round 45): intent 96.8% (rules alone 93.3%), date
                96.8%, time 99.6%, treatment 99.2%, all three slots 95.6%, medical -> booking 0 (rules alone 0);
                misses by gold intent: ask_location x2 (parking asked in 경상도 and a building by the 공단 read as
                ask_insurance), no x2 (read as symptom), book, symptom, yes x2 ("네 취소해 주세요" to a yes/no
                question read as cancel). Goal (intent >= 97%) NOT met.
  blind77  262  seventy-seventh blind set (issue 15, round 46), by another writer in the same way: a Wednesday in
                July before the summer holidays (children's braces, mothers calling for them, the clinic's holiday,
                전라도 speech) and that day's reminders, offers and happy calls; committed before its first run.
                FIRST RUN (main at the merge base 3e09806, after round 45): intent 93.9% (rules alone 87.8%), date
                97.3%, time 96.9%, treatment 98.5%, all three slots 93.1%, medical -> booking 2 (rules alone 2: "교정
                장치 하고 있으면 엑스레이 찍어도 되나요", a step asked allowed while an appliance is on, and "그게
                언제 가면 되는지 오늘 가도 돼요?" to the need question); misses by gold intent: medical_question x5
                (3 read question_other: the age to start a child's braces, resin or gold for a child, how long the
                speech change of braces lasts), book x2, symptom x2 (a sore denture in 전라도 read as a booking),
                confirm_appointment x2, yes x2, cancel, question_other, reschedule. Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 3 in all, dates, by
                the written convention "a day named in a non-booking reply keeps its date": blind76's "네 내일
                뵐게요" to a reminder 2051-05-16 (36 of 36 earlier "네 내일 …" reminder replies), "수요일 거로
                할게요" to a proposal 2051-05-17 (8 of 8); blind77's "… 팔월 이십 일 이후에 다시 전화 주세요"
                2051-08-20 (33 of 39 earlier call backs with a day).
                Fixed by kind (appliance/language/summer_blocks_kinds, new, stage 2 after shift_work_kinds;
                treatments_named, date_choice, walk_in_now): safety first: a step asked allowed while an appliance
                is on (its step the treatment), when to come then "may I come now" with no hour, the age to start
                a treatment with one's child's age told, which of two materials is better, how long a side effect
                lasts (medical_question); a sore appliance with "좀 봐 주세요" and no day, a tooth coming in behind
                a milk tooth (symptom). Then: parking asked alone and a building by the 공단 (ask_location); fine
                but for a slight thing or better than before on a wellbeing call (no), still a little but fine
                (symptom); "네" then the question's own errand, a goodbye yes to a reminder, one of two slots taken
                by its time (yes); an appliance's trouble with a fix on a day to a wellbeing call (book); cancelled
                then another day (reschedule); a booked day asked or read back (confirm_appointment); an estimate
                sent again (question_other); a crown come off "빠져버렸어요", a thing left behind and "지난 X요일"
                name the weekday gone; a walk-in asked "지금이라도" names today.
                After: blind76 intent 100.0% with the model, 100.0% with a model built without blind76/blind77,
                96.0% with the rules alone; date 98.4%, time 99.6%, treatment 99.2%, all three 97.2%. blind77 99.2%,
                98.9%, 92.7%; date 98.5%, time 96.9%, treatment 98.9%, all three 94.3%. Medical -> booking 0 on
                every set, with and without the model.
                Changed predictions on the older sets (dump of every set with and without the model, before and
                after, with the rebuilt model): 6, all to their labels: blind50's "네 취소해 주세요" (yes, both
                ways), and by the rules alone blind18's, blind50's and dev14's "… 가는 거 맞죠" (confirm_appointment)
                and blind20's "마취가 이렇게 오래 가는 건가요" (medical_question).
                The opt-out check's counts unchanged on the older sets (refusals 731, 0 missed, fired 1 at LEAD 30;
                with a model without the set fired 4, heard alone 673, one more than before: dev21; first runs 97
                missed, 80 caught, fired 7). The new sets' 9 refusals (5 and 4) are all read as opt_out (0 missed,
                0 fired), with and without the model, and nothing else in them is.
                Left as they are: intents: "오늘 저녁에 가도 돼요 아까부터 이가 좀 시려서요" (book, read
                medical_question, the safe side by round 34's "may I come today" about a trouble), "음 저 아 어
                잠깐만요 애가 울어서 네 예약이요 예약" (book; the rules read it, the model says other), "아 그날은 좀
                안 되는데요" to a reminder (cancel; the rules read it, the model says no); slots: the later of two
                proposed Fridays or Saturdays ("뒤에 거요 그 금요일", "뒤에 토요일 그거"), a self-corrected hour
                ("아홉 시요 아 아홉 시 반"), the hour taken of two ("… 음 금요일 세 시요"), a missed hour ("아까 세
                시 예약이었는데"), a booked hour moved ("오늘 열두 시 거를 … 여섯 시 반이요"), an hour kept from the
                call ("시간은 그대로요"), "팔월 중순쯤" and "지금은 좀 바빠서요" (dates the conventions do not settle),
                "지금 가도 돼요 … 너무 아파서" (a severe pain keeps a walk-in dayless, round 36), "어제 이 뽑았는데
                오늘 샤워해도 돼요" (today), two treatments in one question ("임플란트 한 데도 스케일링", "신경치료 …
                씌워야").
"""

ROUND_46_SUM = """\
Round 46 (blind76, blind77) in sum: two more sets of an ordinary clinic day: the first runs read intent 96.8% on
blind76, a May Monday by an industrial complex (rules alone 93.3%; all three slots 95.6%, medical -> booking 0), and
93.9% on blind77, a July Wednesday of children's braces (rules alone 87.8%; all three 93.1%), with a step asked
allowed while braces are on and "when should I come, may I come today" read as bookings: the goal is not met on
either. Three labels were corrected by the written conventions. After the fixes by kind they read 100.0% and 99.2%
with the model, 100.0% and 98.9% with a model that has not seen them (rules alone 96.0% and 92.7%); medical ->
booking 0 everywhere; the next fresh set tells whether the kinds generalise.
"""
