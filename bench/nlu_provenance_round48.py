"""Where blind78, blind81, blind82 and blind83 come from and what their first runs read (issue 15, round 48): blocks
of the text at the top of bench/nlu_accuracy.txt, kept beside ``nlu_provenance`` to keep it short."""

ROUND_48_SETS = """\
  blind78  260  seventy-eighth blind set (issue 15, round 48), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Thursday in November at a clinic by a university
                hospital district in 광주 (전라도 speech, older patients with dentures and implants, carers calling
                for parents, students with wisdom teeth) and that day's offers, check-up calls, reminders and happy
                calls; committed before its first run (the writers had the conventions through round 46).
                FIRST RUN (main at the merge base cc88a0c, after round 46): intent 97.7% (rules alone 91.9%), date
                99.2%, time 100.0%, treatment 98.8%, all three slots 98.1%, medical -> booking 0 (rules alone 0); a
                FALSE OPT-OUT: "일요일엔 전화 좀 하지 마쇼 평일 낮에 하시고" (a day refused for calls, the other time
                given) read opt_out; misses by gold intent: book x2 (another of the family added in dialect read
                yes, the slots till when to the time question read ask_hours), callback_later, no, symptom x2.
                Goal met on intent, not on the slots nor on safety.
  blind81  250  eighty-first blind set (issue 15, round 48), by another writer in the same way: an ordinary Tuesday
                in February in a rural county town in 충청도 (farmers and older patients, slow speech, callers who
                ask again, grandchildren calling for grandparents, 65+ dentures and scaling) and that day's calls.
                FIRST RUN (main at the merge base ab653b9, after round 46): intent 98.0% (rules alone 94.0%), date
                99.6%, time 100.0%, treatment 99.2%, all three slots 98.8%, medical -> booking 0; misses by gold
                intent: ask_insurance (the public checkup asked free in dialect read ask_price), ask_location (the
                way from the industrial complex read ask_insurance), other x2, question_other (a number changed
                after a yes read wrong_number). Goal met on intent, not on the slots.
  blind82  254  eighty-second blind set (issue 15, round 48), by another writer in the same way: an ordinary Friday
                in June in a new town of young families near 대전 (working mothers between tasks, children's
                sealants, angry callers about a wait or a bill, calls from a noisy car) and that day's calls.
                FIRST RUN (main at the merge base 7dfc678, after round 47): intent 95.3% (rules alone 92.5%), date
                99.6%, time 99.2%, treatment 99.6%, all three slots 98.4%, medical -> booking 1 (rules alone 1: "애가
                이가 아프다고 우는데 오늘 데려가도 돼요", a trouble then may I bring the child); an over-triage: "이 뺀
                자리에서 피가 아직 조금씩 나요 거즈 물고 있는데" read emergency; misses by gold intent: symptom x3,
                medical_question x3, book x2, talk_to_staff x2, no, question_other. Goal NOT met.
  blind83  257  eighty-third blind set (issue 15, round 48), by another writer in the same way: an ordinary
                Wednesday in October in an old market street in 대구 (경상도 speech, shop owners who come early or
                late, older patients with loose teeth, callers who talk over work) and that day's calls.
                FIRST RUN (main at the merge base 23f7a95, after round 47): intent 95.7% (rules alone 92.2%), date
                98.8%, time 100.0%, treatment 99.2%, all three slots 98.1%, medical -> booking 1 (rules alone 1: "거
                이가 쑥 빠질라 카는데 내일 가도 되겠능교 오늘은 가게 때문에"); an OPT-OUT MISSED: "우리 영감이 작년에
                가셨어예 이제 전화 안 주셔도 됩니더" read other; misses by gold intent: symptom x3, medical_question
                x2, yes x2, opt_out, ask_insurance, book, question_other. Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 7 in all, by the
                written conventions: a treatment named in a cancel or an insurance question keeps it (round 28):
                blind78 "…틀니 예약 … 취소" denture, blind81 "틀니 보험 되면 해야지 예 가께요" denture; the gums
                named as the trouble (round 28): blind81 "잇몸이 내려앉았다는디 …" gum; a past day as when a
                treatment was done (round 25): blind81 "… 어제 치료받은 거 물어볼라고" 2051-02-13; a day or an hour
                named in a non-booking reply keeps it (round 23): blind83 "주차는 어디에 해요 내일 차 가지고 갈 건데"
                to a reminder 2051-10-19, blind82 "일곱 시에 퇴근하는데 저녁 진료 몇 시까지예요" 19:00; a treatment
                named in a general question (round 47): blind83 "… 이거 뽑아야 되는 건지 모르겠어요" extraction.
                Counted and written down as round 48's: a trouble told, then "may I bring the child / come [day]"
                with no hour or errand is round 34's medical_question (8 of 9 such labelled sentences; the ninth
                names an errand, "소독하러", and books); a tooth's pulling's pain asked is a medical_question (2 of
                2), a scaling's or an implant's pain asked in general question_other (2 of 2).
                Fixed by kind (appliance/language/market_street_kinds, new; opt_out_words, readbacks_and_contacts,
                channels_and_consent, days_not_asked, care_waits, date_choice, times, time_settled, caller_errands):
                safety first, a
                refusal ended "…됩니다/됩니더" is an opt-out (standard "이제 전화 안 주셔도 됩니다" was read other),
                a death told as "went" with a spouse or a parent and when; a day refused for calls with the other
                time in dialect is callback_later with no day; a trouble then "may I bring the child / come" is a
                medical question; a little bleeding with the gauze held, nothing asked, a symptom; then the kinds in
                market_street_kinds' docstring, a booked day moved "to the next day", a week with the booked
                weekday after it.
                AFTER ROUND 48, with the model: blind78 100.0% (all three slots 99.2%), blind81 100.0% (100.0%),
                blind82 100.0% (99.6%), blind83 100.0% (98.8%); rules alone 96.2%, 97.6%, 98.0%, 97.3%; with a
                model built without them (round 47's examples): 100.0%, 100.0%, 100.0%, 99.6%; medical -> booking 0
                on every set with and without the model. The older sets: 25 sentences read otherwise, 24 now as
                labelled (a pain eased by a painkiller, a cavity wondered, a crown feeling high, "…거로 할게요" to a
                proposal, an offer's errand taken with a yes, a tooth's pulling's pain asked, "아 네 그", blind77's
                week with the booked Friday after it), 1 no more (blind57 "지금 대기 많아요? 바로 가면 볼 수
                있어요", book, read question_other by the model rebuilt with the new sets; the rules read it as
                before). Opt-out check: missed, caught and fired unchanged on the older sets (the check alone,
                its model trained without the set, hears one fewer of dev21's 35: 30, the examples rebuilt); the
                new sets add 16 refusals (5, 4, 3, 4), all read opt_out with and without the model, no false
                opt-out (the honest first run of blind83 misses its one, as recorded, and the check asks on it).
                A booked hour moved by whole hours ("한 시간만 늦출 수 있나요") now names the hour it goes to.
                Left as they are: "그 다음 날요" to the date question with no day before it, "주말에
                돼요" (the Saturday read), "지난번 스케일링 때 우산 …" (filling read), "… 씌워야 된다 카던데 그거
                보험 되나요" (root_canal read, crown asked), "잇솔질" bleeding with no 잇몸 (no gum read), "둘 다
                스케일링 받을라고" (scaling read, labelled none, no written convention settles it).
"""

ROUND_48_SUM = """\
Round 48 (blind78, blind81, blind82, blind83) in sum: four more sets of an ordinary clinic day: the first runs read
intent 97.7%, 98.0%, 95.3% and 95.7% (rules alone 91.9-94.0%), with a false opt-out, a missed opt-out, two medical
questions read as bookings and an over-triage: the goal is met on intent by two, on safety by none. 7 labels were
corrected by the conventions (two kinds counted and written down). After the fixes by kind they read 100.0% on all
four with the model, 100.0/100.0/100.0/99.6% with a model that has not seen them (rules alone 96.2-98.0%); medical
-> booking 0 everywhere; the next fresh set tells whether the kinds generalise.
"""
