"""Where blind74 and blind75 come from and what their first runs read (issue 15, round 45): blocks of the text at
the top of bench/nlu_accuracy.txt, kept beside ``nlu_provenance`` to keep it short."""

ROUND_45_SETS = """\
  blind74  256  seventy-fourth blind set (issue 15, round 45), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Wednesday in July at a clinic near an industrial
                complex (shift workers calling at odd hours, night-shift sleepers, injured teeth at work and 산재
                questions, some 경상도 speech) and that day's reminders, implant check-ups and happy calls;
                committed before its first run (the writers had the conventions through round 41).
                FIRST RUN (main at the merge base 554b32a, after round 42, before rounds 43-44): intent 94.1% (rules
                alone 91.0%), date 99.2%, time 99.2%, treatment 99.2%, all three slots 97.7%, medical -> booking 2
                (rules alone 2): a KNOCKED-OUT front tooth kept in milk with "지금 가면 봐 주세요?" read as a
                booking, and "그거 오늘 가도 되는 건지 아니면 좀 기다려도 되는 건지" (a medical question) read as
                one; a FALSE OPT-OUT ("토요일 일요일엔 자니까 전화 주지 말고 평일에 해 주세요", a restriction of
                when to call); misses by gold intent: book x5, yes x2, ask_insurance, ask_location, callback_later,
                emergency, medical_question, no, question_other, symptom. Goal NOT met.
  blind75  253  seventy-fifth blind set (issue 15, round 45), by another writer in the same way: a Friday in
                December in a quiet small city (the year-end insurance rush, grandparents and grandchildren, dentures
                and implants, snow and icy roads, 충청도 speech) and that day's recall offers, reminders and happy
                calls; committed before its first run.
                FIRST RUN (main at the merge base 77e79db, after round 42, before rounds 43-44): intent 97.2% (rules
                alone 94.9%), date 96.8%, time 98.8%, treatment 98.0%, all three slots 93.7%, medical -> booking 1
                (rules alone 1: "애가 이제 돌 지났는데 불소 발라도 되나요", a treatment asked allowed for a small
                child); misses by gold intent: book x2, medical_question, no, other, question_other, yes. Goal NOT
                met (the slots and the medical safety).
                Labels corrected after the first runs, by the written conventions: blind75's seven bare times
                answered to the time question ("열 시쯤이요", "학교 끝나고 네 시요", "두 시 반이요", "열 시 반",
                "아홉 시 제일 일찍이요", "세 시", "열 시") name no date (written down as round 45's: 469 of 470
                earlier such labels); blind75's "저 교정 중이라서 안 해도 된다고 들었어요" to an offer keeps
                orthodontics (round 30: a treatment named in an offer's answer keeps it); blind74's "퇴근하고 바로
                가면 여섯 시 좀 넘는데 오늘 가능하나예" names 18:00 (written down as round 45's: an hour arrived past
                alone names it, 3 of 3 earlier labels); and blind10's "애가 어금니가 썩은 것 같아서요 …" names
                filling (round 30: a cavity wondered). With them blind75's first run reads date 99.6%.
                Fixed by kind (appliance/language/shift_work_kinds, new, stage 2 after blossom_day_kinds, and its
                avulsion read first by emergency_heard; channels_and_consent, days_not_asked, care_waits,
                school_day_kinds, lexicon, time_settled): safety first, both ways: a permanent tooth knocked out
                whole or kept in milk, saline, water, a cup or the mouth is an emergency whatever is asked after (a
                milk tooth, a tooth come out by itself, a crown, a filling, a denture is none); a restriction of
                when to call with its reason between is callback_later (a lasting refusal stays an opt-out); "today,
                or may it wait" either-or and a treatment asked allowed for a small child by age are medical
                questions. Then: a cavity wondered names filling; an hour wondered at the end or refused with "말고"
                names no time (or the one after it), an hour arrived past then a slot asked names that slot; a late
                slot asked for with its reason (book); a proposal's day taken, its time moved (no); a reason then a
                plain yes to an offer (yes); which bus to take (ask_location); a wheelchair with a day (book).
                After: blind74 intent 98.8% with the model, 98.0% with a model built without blind74/blind75, 95.3%
                with the rules alone; date 99.6%, time 100.0%, treatment 99.6%, all three 99.2%. blind75 98.4%,
                97.6%, 95.3%; date 99.6%, time 99.6%, treatment 98.8%, all three 98.0%. Medical -> booking 0 on every
                set, with and without the model.
                Changed predictions on the older sets (dump of every set with and without the model, before and
                after, with the rebuilt model): 8, 7 to their labels: blind10's cavity wondered (filling, both
                ways), blind54's "내일 열한 시 말고 오늘 저녁에" (no time, both ways), blind57's bus asked from
                "공단" (ask_location, both ways), blind58's tooth kept in milk (emergency, rules alone); and by the
                rebuilt model blind20's "방학 한 달 동안 교정 장치 다 끝낼 수 있어요" (question_other), read
                ask_price before and ask_hours after.
                The opt-out check's counts with today's rules and model unchanged on the older sets (refusals 722,
                0 missed, fired 1 at LEAD 30; with a model without the set 664 heard alone, fired 4; first runs 97
                missed, 80 caught, fired 7). The new sets' 9 refusals (4 and 5) are all read as opt_out (0 missed, 0
                fired), with and without the model; blind74's false opt-out of its first run is read callback_later.
                Left as they are: intents: "스케일링 얼마예요 보험 되면" (ask_insurance, read ask_price; earlier sets
                label the kind both ways), "산재 보험으로 하면 … 서류 … 보내 주세요?" (question_other, read
                ask_insurance), "일 마치고 가면 … 일곱 시 반도 받아 주세요?" (book, read ask_hours), "어르신 틀니가
                자꾸 빠져서요 … 내일 되겠능교" (book, read medical_question by the convention's "can I come
                tomorrow about a problem"), "일요일도 진료해요? 일요일에 가면 좋겠는데", "치과 보험 상품 뭐가
                좋아요", "저도 스케일링 하고 애 검진도 같이 잡을 수 있어요?", "네 손주 것도 … 아 아니 저만 할게요
                네", "아 네 그 뭐"; slots: an onset told by a weekday ("금요일부터 잇몸이 벌겋게 됐어요", read the
                coming Friday), the hour of a cancelled booking, "주말에 … 키즈존" (read Saturday), "빠진 거 붙이러"
                (crown), "그 점검은" (implant), a milk tooth pulled at home (extraction) and "잇몸이 하얗게" (gum).
"""

ROUND_45_SUM = """\
Round 45 (blind74, blind75) in sum: two more sets of an ordinary clinic day: the first runs read intent 94.1% on
blind74, a July Wednesday near an industrial complex (rules alone 91.0%; all three slots 97.7%), with a knocked-out
tooth kept in milk and a "today or can it wait" read as bookings and a false opt-out, and 97.2% on blind75, a snowy
December Friday (rules alone 94.9%; all three 93.7%), with a small child's treatment asked read as a booking: the
goal is not met on either. Ten labels were corrected by the written conventions (two written down this round). After
the fixes by kind they read 98.8% and 98.4% with the model, 98.0% and 97.6% with a model that has not seen them
(rules alone 95.3% and 95.3%); medical -> booking 0 everywhere; the next fresh set tells whether the kinds generalise.
"""
