"""Where blind28 and blind29 come from and what their first runs read (issue 15, rounds 21 and 22): blocks of the
text at the top of bench/nlu_accuracy.txt, moved here from ``nlu_provenance`` to keep it short."""

ROUND_21_SETS = """\
  blind28  216  twenty-eighth blind set (issue 15, round 21), written by a different person who never saw the rules,
                their tests or this file's results: the clinic's equipment and methods (CT, digital scans, microscope
                root canals, laser, sedation); worries from YouTube, the news or friends (amalgam mercury, fluoride,
                implant side effects, MRI with an implant); bruxism, night guards and jaw botox; bedridden or
                wheelchair parents (home visits, call taxis, care homes); advice by photo or video call; fax, e-mail
                and extension numbers; pets, and callers who meant a vet, 한의원 or 피부과; a foreign-born spouse
                answering outbound calls in simple Korean with English words; grandparents booking in the holidays;
                patients who moved away; callers testing the bot; booking, card or insurance numbers read aloud mid-
                request; committed before its first run.
                FIRST RUN (main at 5b11e02, after round 20): intent 90.7% (196/216; rules alone 83.3%), date 95.8%,
                time 98.1%, treatment 94.0%, all three slots 89.4%, medical -> booking 1; misses by gold intent:
                medical_question 24/29 (-> question_other x2, book, other, symptom), book 51/54 (-> reschedule,
                question_other, symptom), question_other 14/17 (-> reschedule, other, ask_price), ask_hours 4/6 (->
                question_other, yes), ask_price 5/7 (-> question_other x2), cancel 6/7 (-> question_other),
                ask_insurance 5/6 (-> yes), emergency 6/7 (-> question_other), ask_location 5/6 (-> question_other),
                yes 10/11 (-> confirm_appointment). Goal (intent >= 97%) NOT met on this first run, nor medical safety
                (A MEDICAL QUESTION READ AS A BOOKING: "아말감에서 수은 나온다던데 … 다 빼야 돼요"; AN EMERGENCY LOST to
                question_other: a husband not coming round and breathing strangely after sedation).
                Label slips corrected against the older sets (blind28's first run above stays as recorded; with them
                it reads date 97.2%, treatment 98.1%, all three slots 94.4%, intent unchanged): swollen or bleeding
                gums -> gum, "어제 뽑은 데서 피가" -> extraction, an X-ray asked about in pregnancy or sent by e-mail
                -> checkup, "이거 충치인지" -> filling, "받을게요 스케일링" -> scaling, "교정 담당 선생님 … 내선" ->
                orthodontics, gums said to get better by oil pulling -> gum (every older set labels the treatment a
                caller names or whose site is told: blind27, dev14, dev20 and earlier); "토요일에도 … 몇 시까지 해요",
                "일요일도 해요" and "31일도 문 열어요" -> that day (every older hours question naming a day carries
                its date, as in round 20). The writer's other disputable labels were kept: a dog's tartar
                question_other and no treatment, a video call question_other, botox, a night guard and a bone graft
                no treatment, "아니요 제가 본인 아니고 부인인데요" no, a death told with "연락하지 마세요" opt_out,
                "어제 뽑은 데서" with yesterday's date, a card number read for a deposit question_other, an extension
                asked with "연결해 주세요" talk_to_staff, "오늘 오후에 잠깐 시간 돼요" no time, L22 2047-04-05, L61
                2048-01-02.
                The misses were then fixed by kind (tests/test_language_kinds_round21.py; a new module
                hearsay_and_equipment, one hook first in caller_errands): the safety kinds first, a sedated or
                numbed person not coming round or breathing strangely is an emergency; a health worry heard on
                YouTube, the news or from friends asked whether true or what to do, a harm such as radiation or
                mercury asked about, a remedy heard of asked whether to do and which of two ways of care is right are
                medical questions (never a booking, with the rules alone too), as is a photo sent to ask what the
                trouble is; old fillings replaced on a named day book (not a move); the money a machine or a
                sedation adds asks the price; a yes then "근데" and the insurance or the opening days asks that;
                "취소요" said first cancels; the other treatment named with "말고" to the treatment question
                books; the bot tested and then the parking asked asks the way; a hearsay symptom asked whether it
                lasts, a remedy heard of asked how to use and a thing worn asleep asked whether it harms are medical
                questions; an extension asked to be put through puts through; a call not heard over the noise with a
                later time asks a callback; a visit put off ("받는 거 … 밀어 주세요") moves it; an interpreter asked
                for, a home visit or care without leaving a wheelchair is for staff.
                After: blind28 100.0% (216/216) with the model (which has now seen it), 98.6% (213/216) with the
                round-21 rules and a model built without blind28, 95.4% (206/216) with the rules alone; date 97.2%,
                time 98.1%, treatment 98.1%, all three 94.4%; medical -> booking 0 on every set with and without the
                model; no earlier set went down (rules alone up on dev8); the opt-out check's output unchanged.
                Left as they are: "오일풀링" read as the fifth (a date), "십 일 시 삼십 분 내일" (read the tenth at
                13:30), a time named after the hour a call taxi comes, "세 시 세 시 반 중에 … 세 시 반이요" (15:00), a
                read-back repeated to a confirm keeping its day and time, a day taken back ("수요일이 아니라니까요")
                keeping it, a callback tomorrow morning keeping its date, "오늘 날씨 어때" today's date, a bone graft
                read as implant, a milk tooth pulled at home read as extraction, a dog's tartar read as scaling.
                (Tables run at load average ~1-1.5 on 2 shared cores: the ms per utterance figures are indicative.)
"""

ROUND_22_SETS = """\
  blind29  249  twenty-ninth blind set (issue 15, round 22), written by a different person who never saw the rules,
                their tests or this file's results: clipped one-word answers to each slot question; a question
                answered with a question ("몇 시가 되는데요", "그날 원장님 계세요"); workers on a break with a hard
                stop; someone relaying for a person beside them ("엄마가 목요일은 안 된대요"); a grown child abroad on
                a delayed internet phone; teenagers booking alone; last year's price or a friend's bill compared;
                reminder replies changing only the time or the treatment or adding a second person; long apologies
                or thanks before the point; trouble told by food (냉면, 얼음, 떡, 엿, 치킨, 사탕); night calls that
                are and are not emergencies; committed before its first run.
                FIRST RUN (main at 483e46b, after round 21): intent 90.8% (226/249; rules alone 86.7%), date 98.4%,
                time 99.6%, treatment 99.2%, all three slots 97.2%, medical -> booking 0; misses by gold intent:
                question_other 4/14 (-> book x3, ask_price x2, other, talk_to_staff, ask_insurance, emergency, no),
                book 46/50 (-> yes x2, symptom, emergency), symptom 11/13 (-> book x2), ask_price 11/12 (-> book),
                reschedule 11/12 (-> book), callback_later 8/9 (-> no), other 6/7 (-> yes), confirm_appointment 7/8
                (-> yes), no 9/10 (-> reschedule), medical_question 29/30 (-> symptom). Goal (intent >= 97%) NOT met
                on this first run; the slots and medical safety met, but two symptoms were read as bookings.
                No blind29 label changed: the writer's disputable labels agree with the older sets or are kept as
                the writer's reading ("몇 시가 되는데요" and "빈 데가 언제 언제 있는데요" to a slot question
                question_other; a reminder accepted while a second person is added book; only the treatment changed
                on a reminder reschedule with the new treatment; "임플란트 한 데가 좀 이상해요 이거 괜찮은 거예요"
                medical_question; a split tooth with the nerve showing and great pain emergency; bleeding gums
                "스케일링 받아야 되는 거죠" medical_question with scaling; "몇 시까지 접수 받아요 여섯 시 반에 도착할 것
                같은데" ask_hours 18:30; paying more than a friend for scaling question_other; "검진 말고 스케일링도
                같이 되나요 그날 간 김에" question_other; no date on "부은 게 어제보다" or "주말에 … 대기 오래 걸려요").
                The misses were then fixed by kind (tests/test_language_kinds_round22.py; a new module
                asked_back_and_added, one hook first in caller_errands): the safety kinds first, a tooth split with
                the nerve showing and great pain is an emergency (with the rules alone too), and a painless lost
                filling asked whether a later day is fine ("안 아픈데 내일 가도 되죠") is a medical question, never a
                booking; a slot question answered with a question, whether the doctor works that day (even with a
                refusal after it), paying ahead or by a foreign card, a bill compared with a friend's or last time's
                and asked why, and where a night emergency clinic is with no trouble told are for staff
                (question_other); a reminder or confirmation accepted while a second person is added books;
                "생각해 볼게요" with the caller ringing back is callback_later; "알겠어요 끊을게요" unprompted is
                other; tomorrow's first slot asked for at night over a sensitivity, with no red flag, books; a
                teenager asking to come or be treated alone with no day named is for staff and a student card asks
                the price; a reminder kept with its treatment swapped moves it, another treatment asked to be added
                that day is for staff, and a yes then "근데 몇 시였죠" confirms the appointment; trouble told by
                food: a crown or filling come off asked whether it is re-fixed if brought (no day named) and an ache
                felt now asked whether tomorrow will do are symptoms heard (never booked), a broken thing asked to be
                fixed on a named day books.
                After: blind29 100.0% (249/249) with the model (which has now seen it), 99.6% (248/249) with the
                round-22 rules and a model built without blind29, 96.0% (239/249) with the rules alone; date 98.4%,
                time 99.6%, treatment 99.2%, all three 97.2%; medical -> booking 0 on every set with and without the
                model; no earlier set went down (rules alone up on blind21, 96.4% -> 96.7%); the opt-out check's
                counts unchanged (no refusal missed more, no extra question fired).
                Left as they are: "담주 월" (no date), "퇴근이 여섯 시라 여섯 시 반이요" (18:00), "수 수요일 말고요 목"
                (no date), "그때" read as filling beside a check-up asked, "때울 수 있어요" read as filling where the
                writer put no treatment, "부은 게 어제보다" and "주말에 …" given a date; with the rules alone prices
                compared with another clinic or last year, relayed replies ("엄마가 괜찮대요", "시어머니가 … 늦대요")
                and a reminder moved to another hour still fall to book, a relayed worry after an extraction falls to
                other, "콜 그 시간 콜" other and a caller at the wrong building wrong_number; "수 수요일 말고요 목"
                (no, read reschedule with the model) is the one miss left with a model built without blind29.
                (Tables run at load average ~2 on 2 shared cores: the ms per utterance figures are indicative.)
"""

ROUND_22_SUM = """\
Round 22 (blind29) in sum: blind29's first run read intent 226/249 = 90.8% (rules alone 86.7%; no blind29 label
changed), date 98.4%, time 99.6%, treatment 99.2%, all three slots 97.2%, medical -> booking 0, but two symptoms read
as bookings: the goal is not met on intent on this first run; slots and medical safety met. First runs so far: blind13
97.7, blind14 95.0, blind15 85.9, blind16 94.7, blind17 86.2, blind18 87.9, blind19 93.2, blind20 83.5, blind21 93.1,
blind22 88.6, blind23 88.2, blind24 93.2, blind25 92.7, blind26 90.4, blind27 87.9, blind28 90.7, blind29 90.8: set by
the writer's mindsets (here questions asked back, a second person added to a reminder, bills compared and night
calls), the first run stays near 90% and each round's kinds do not carry to the next writer. After the fixes by kind
blind29 reads 100.0% with the model (which has now seen it), 99.6% with a model that has not, 96.0% with the
rules alone; medical -> booking 0 everywhere with and without the model; the next fresh set tells whether the kinds
generalise.
"""

ROUND_21_SUM = """\
Round 21 (blind28) in sum: blind28's first run read intent 196/216 = 90.7% (rules alone 83.3%), date 95.8%, time
98.1%, treatment 94.0%, all three slots 89.4%, and medical -> booking 1 with one emergency lost to question_other: the
goal is not met on intent, slots nor medical safety on this first run (date 97.2%, treatment 98.1%, all three 94.4%
with twelve label slips corrected). First runs so far: blind13 97.7, blind14 95.0, blind15 85.9, blind16 94.7, blind17
86.2, blind18 87.9, blind19 93.2, blind20 83.5, blind21 93.1, blind22 88.6, blind23 88.2, blind24 93.2, blind25 92.7,
blind26 90.4, blind27 87.9, blind28 90.7: set by the writer's mindsets (here worries heard on YouTube or the news, the
clinic's equipment and its price, questions after a yes, callers testing the bot), not rising with the rounds. After
the fixes by kind blind28 reads 100.0% with the model (which has now seen it), 98.6% with a model that has not, 95.4%
with the rules alone; medical -> booking is 0 everywhere with and without the model, and a sedated person breathing
strangely is an emergency; the next fresh set tells whether the kinds generalise.
"""
