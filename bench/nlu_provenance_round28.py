"""Where blind40 and blind41 come from and what their first runs read (issue 15, round 28): blocks of the text at
the top of bench/nlu_accuracy.txt, moved here from ``nlu_provenance`` to keep it short."""

ROUND_28_SETS = """\
  blind40  256  fortieth blind set (issue 15, round 28), written by a different person who never saw the rules, their
                tests or this file's results: the Monday after a long weekend (pains since Friday or Saturday, things
                broken over the holiday) and the replies to that day's outbound calls; committed before its first run.
                FIRST RUN (main at 37ebae3, after round 27): intent 95.3% (244/256; rules alone 89.5%), date 94.1%,
                time 100.0%, treatment 97.3%, all three slots 91.8%, medical -> booking 0; misses by gold intent: no
                (-> cancel x2), ask_hours, ask_price, cancel, emergency (-> ask_location), medical_question, other
                (x2), reschedule, symptom (-> emergency), yes (one each). Goal (intent >= 97%) NOT met.
  blind41  253  forty-first blind set (issue 15, round 28), by another writer in the same way: an ordinary Tuesday
                and the replies to that day's reminders, offers and wellbeing calls; committed before its first run.
                FIRST RUN (main at 37ebae3): intent 92.1% (233/253; rules alone 88.9%), date 95.3%, time 100.0%,
                treatment 98.0%, all three slots 93.3%, medical -> booking 1; misses by gold intent: medical_question
                (-> question_other, book, symptom), question_other (-> talk_to_staff, wrong_number, ask_location),
                no (-> other x2, cancel), book (-> medical_question, yes), callback_later (-> no, opt_out),
                reschedule (-> book x2), other (-> confirm_appointment, no), yes (-> ask_insurance, no), opt_out
                (-> no). Goal (intent >= 97%) NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 36 in all. By the
                written conventions: a day named in an hours question keeps it (rounds 23, about 70 of 72):
                blind40:52, blind41:3, :17, :50, :197; a day in a reminder's yes, can't come or a part-refused
                proposal, a cancel's day (53 of 53) keep it: blind41:43, :144, :164, :167, :176; an urgent pain
                with "today" is today (round 27; the onset before it loses, round 25): blind40:8, :186, blind41:65,
                :236; a person asked for on a day: blind40:59; a reminder's bare "can't come" no -> cancel (round
                27): blind40:67, :116, blind41:167; a bare day or time answered reschedule -> book (round 27):
                blind41:173, :174; a wellbeing "fine, thanks" yes -> no (round 27): blind41:219; bleeding gums name
                gum (round 27): blind41:23, :243; how many visits a treatment takes medical_question ->
                question_other (round 23; 16 of 16): blind40:253. Counted and written down as round 28's: swollen or
                red gums and gums named as the trouble name gum (26 of 31): blind40:9, :51, :56, :111, :178, :196;
                a treatment named in an insurance question or a cancel keeps it (59 of 59, 16 of 16): blind40:230,
                blind41:133; checkup papers name checkup (6 of 6): blind41:20; how often a treatment is repeated
                medical_question -> question_other (3 of 3 such earlier): blind41:61; a bare pain to the treatment
                question book -> symptom (blind35): blind41:92; an offer's answer with no treatment word names none
                (979 of 987) scaling -> None: blind41:182.
                The misses were then fixed by kind (tests/test_language_kinds_round27.py, round 28 part; new module
                after_holiday_kinds, KindRule rows, stage 2 after channels_and_consent). Safety first: a patient
                gone with "연락 안 주셨으면 해요" is opt_out; weekdays named as when not to call ("토요일 일요일엔 전화
                주지 마세요 평일 낮에") are callback_later, never a refusal; "실밥 뽑으러는 언제쯤" on a wellbeing call
                is medical_question, never a booking; "약도 안 들고" is the painkiller red flag (emergency); a
                swelling gone worse with the face said fine is a symptom. Then: yeses on the cover in dialect or
                hearsay ("되믄", "된다 하면"), a yes with another's visit added (book), a booking "없애 주세요"
                (cancel), one day refused for another to a reminder (reschedule), a yes then how much to bring
                (ask_price), the half-day off asked (ask_hours), "AI 상담원이에요" and a number "바껴서" corrected
                and where one's number came from (question_other), asked at home then a call back
                (callback_later), a read-back's part wrong and "그거 말고요" (no), the earlier option asked again
                (other), a bare pain as the treatment (symptom), when a swelling goes down (medical_question),
                "네? 다시 한 번만요" (other), the bot's option taken by its order (yes), a call at another time of day
                (callback_later), "그냥 취소할게요" to a reminder (cancel). Slots: a weekday told as an onset or as
                when a thing broke is the one just gone; "X 예약 말고 그 다음 날로" is the day after X; "주말엔
                말고 평일 저녁에 전화 주세요" names no day.
                After: blind40 99.6% (255/256) with the model, 99.6% with a model built without blind40/blind41,
                94.1% with the rules alone; date 99.6%, time 100.0%, treatment 100.0%, all three 99.6%. blind41
                99.6% (252/253) with the model, 99.6% without them, 97.6% with the rules alone; date, time,
                treatment and all three 100.0%. Medical -> booking 0 on every set with and without the model; on
                the earlier sets 7 predictions changed, each to its label (6 with the rules alone, 1 with the
                model); the opt-out check's counts unchanged (refusals 436, 0 missed; fired 1 of 6960 at LEAD 30),
                and the new sets' 8 refusals (blind40 4, blind41 4) are all read as opt_out, none falsely.
                Left as they are: "사랑니 … 오늘 못 가고 내일 가도 괜찮을까요" (labelled no day; the earlier sets split
                1:1); "아 네 그" (a yes cut off, labelled other); "아 아니에요 그게 다예요 감사합니다" to "what do you
                need" (labelled other; no earlier sentence decides it).
"""

ROUND_28_SUM = """\
Round 28 (blind40, blind41) in sum: two more sets of an ordinary clinic day: the first runs read intent 244/256 =
95.3% on blind40, the Monday after a long weekend (rules alone 89.5%; date 94.1%, all three slots 91.8%), and 233/253 =
92.1% on blind41, a Tuesday (rules alone 88.9%; date 95.3%, all three 93.3%, medical -> booking 1): the goal is not met
on either first run. 36 labels were corrected, most by the written conventions (hours questions keep their day, a
reminder's "can't come" is cancel), six counted and written down as round 28's (gum swelling names gum). After the
fixes by kind both read 99.6% with the model and with a model that has not seen them, 94.1% and 97.6% with the rules
alone; medical -> booking 0 everywhere with and without the model; the next fresh set tells whether the kinds
generalise.
"""
