"""Where blind30 to blind37 come from and what their first runs read (issue 15, rounds 23 to 26): blocks of the text
at the top of bench/nlu_accuracy.txt, moved here from ``nlu_provenance`` to keep it short."""

ROUND_23_SETS = """\
  blind30  254  thirtieth blind set (issue 15, round 23), written by a different person who never saw the rules,
                their tests or this file's results: families answering outbound calls for a patient who died, is in
                hospital or in a care home; 조선족 and 북한 speech (일없어요, …슴다, 이발, …습네까); sport and work
                injuries; changed phone numbers and contact updates; series bookings; time ranges and "anytime
                except"; confirming by echoing the bot's read-back; delivery riders and farmers; sterilisation
                questions; who calls back and when; calls about the clinic's texts; elderly men calling the bot
                아가씨; committed before its first run.
                FIRST RUN (main at 527ae8c, after round 22): intent 89.0% (226/254; rules alone 84.3%), date 98.4%,
                time 100.0%, treatment 99.6%, all three slots 98.0%, medical -> booking 0; misses by gold intent:
                question_other (-> wrong_number x4, reschedule x2, ask_price x2, other, callback_later, book), yes
                (-> book x6, no, confirm_appointment, reschedule: echoed read-backs), book (-> medical_question x2,
                emergency, ask_location, reschedule), no (-> cancel), cancel (-> book), symptom (-> emergency).
  blind31  286  thirty-first blind set (issue 15, round 23), by another writer in the same way: dementia patients and
                carers; answers filling a different slot than asked; relative dates (보름 뒤, 월말, 말일, 이번 달
                마지막 토요일, 다음 달 첫째 주, 일주일 뒤 수요일); "same as last time"; a named hygienist or doctor;
                breastfeeding and X-rays; Muslim workers, fasting and prayer times; half-heard questions; 오전/오후
                slips and corrections; the earliest or the latest slot; cancelling one of two bookings; checking a
                booking before making another; committed before its first run.
                FIRST RUN (main at 527ae8c): intent 92.7% (265/286; rules alone 83.6%), date 95.8%, time 96.9%,
                treatment 98.6%, all three slots 91.6%, medical -> booking 0, but one emergency (a racing heart and
                faintness after an anaesthetic) read as question_other; misses by gold intent: symptom (->
                emergency x2, question_other, other), cancel (-> reschedule, question_other, yes), ask_location (->
                ask_insurance, question_other, yes), question_other (-> medical_question, talk_to_staff, ask_hours),
                book (-> medical_question, other), no (-> other x2), reschedule (-> talk_to_staff),
                confirm_appointment (-> reschedule), medical_question (-> ask_insurance), emergency (->
                question_other). Goal (intent >= 97%) NOT met on either first run.
                Labels corrected after the first runs to the lead's labelling conventions (docs/understanding.md;
                the first runs above stay as recorded): blind30:182 and blind31:218 (free or latest slot asked to
                the time question) question_other -> book; blind31:116 (an hours question, "저녁 여덟 시") time
                None -> 20:00, blind31:122 ("일요일은 안 하죠") date None -> 2049-03-14, blind31:167 ("어 내일 맞지
                가 갈게") date None -> 2049-05-21, blind31:168 (an echoed read-back) date/time None -> 2049-10-28
                15:00, blind31:170 time None -> 14:00; older sets: blind29:25 and :27 (slot asked back)
                question_other -> book, blind29:75 and blind28:159 and dev14:313 (paying ahead, a deposit's payment)
                question_other -> ask_price, blind29:249 (a treatment added to a booked visit) question_other ->
                book, blind25:208 (a dead patient's number to be removed) wrong_number -> opt_out.
                The misses were then fixed by kind (tests/test_language_kinds_round23.py; new modules
                readbacks_and_contacts and bookings_and_carers, hooked first in caller_errands; relative_days
                joined after find_dates; time_settled read by find_time): the safety kind first, faintness or a
                racing heart after an anaesthetic or an injection is an emergency (with the rules alone too); a
                changed phone number or address, also after a yes, is for staff, and so are who or when calls back,
                the clinic's sterilising, a bill charged twice and halal medicines; a read-back echoed with a yes
                to a confirmation or a proposal is a yes; a family for a patient who died or is in care opts out
                (stop or remove asked), cancels a reminder or declines an offer; which slots are free and the
                earliest or latest slot asked in a booking dialog book, and "same as last time" too; a deposit's
                payment asks the price; one of two bookings cancelled cancels, which of two checked confirms, a
                visit moved to a doctor's day or the day's latest slot moves it; the bus stop or the floor asks the
                location; a carer telling a dementia patient's signs is a symptom; one's medicines on a treatment's
                day and a mouthguard asked about are medical questions, never bookings (with the rules alone too);
                "일없어요 괜찮슴다" is a yes and "봐 주소" a booking; an adult's injury with the bleeding
                stopped is a symptom. Dates: 보름 뒤, 말일,
                이번 달/다음 달 마지막 X요일, 첫째 주 (X요일), N주 뒤 X요일, "X요일 거 일주일 뒤"; times: a part
                of the day doubted leaves no time, an hour said again with its part of the day settles it, the
                latest slot leaves the hour to the dialog; a clipped weekday after its week ("담주 금") is that day
                and weekdays excepted ("수요일 목요일 빼고") name none (blind29's "담주 월" now read too: its date
                98.4% -> 98.8%).
                After: blind30 98.8% (251/254) with the model (which has now seen it), 98.4% with a model built
                without blind30/blind31, 92.5% with the rules alone; date 99.2%, time 100.0%, treatment 99.6%, all
                three 98.8%. blind31 98.6% (282/286) with the model, 98.6% with a model built without them, 89.9%
                with the rules alone; date 98.6%, time 99.3%, treatment 98.6%, all three 96.5%. Medical -> booking 0
                on every set with and without the model; no earlier set went down; the opt-out check's counts
                unchanged.
                Left as they are: over-triage kept on the safe side ("교정 철사 … 볼이 찢어질 것 같아요", "이가 다 들뜬
                것처럼 아파요" read emergency, labelled symptom); a range's first day; "해 지고 나서 일곱 시 반에
                밥 먹으니까 여덟 시" (19:30); "월말로 … 이십팔 일 금요일이요" (the 31st); "보름 뒤에 … 그게
                며칠이죠" given a date; X-rays read as check-up; "이틀 연달아 … 내일하고 모레" (medical_question).
                (Tables run at load average ~5-6 on 2 shared cores: the ms per utterance figures are indicative.)
"""

ROUND_24_SETS = """\
  blind32  273  thirty-second blind set (issue 15, round 24), written by a different person who never saw the rules,
                their tests or this file's results: channel and consent preferences (calls vs texts vs 카톡,
                reminders yes but advertising no, "주말엔 전화하지 마세요", "저녁에만 전화 주세요"); replies to event
                and advertising texts (첫 방문 할인, 제휴 할인, 쿠폰); choosing among the bot's options by position
                ("첫 번째 거요", "뒤에 거", "둘 다 안 돼요"); parents of infants and toddlers (첫니, 불소, 젖병,
                수면 치료); business travellers; callers interrupted by a doorbell or a child; names and birth dates
                spelled or corrected; pharmacy and optician staff calling for a patient; committed before its first run.
                FIRST RUN (main at 5bb08a4, after round 23): intent 83.9% (229/273; rules alone 78.0%), date 95.6%,
                time 99.3%, treatment 98.2%, all three slots 93.0%, medical -> booking 3; misses by gold intent: yes
                (-> book x6, other x3, no, confirm_appointment: positional choices), no (-> reschedule x4, other,
                wrong_number), medical_question (-> book x3, question_other x2), confirm_appointment (-> book x2,
                question_other, medical_question), question_other (-> ask_price x2, book), symptom (-> emergency x2,
                medical_question), callback_later (-> yes, opt_out, no), opt_out (-> other, cancel), ask_hours (->
                no, ask_location), other (-> question_other, no), wrong_number (-> other), book (-> ask_price),
                ask_insurance (-> ask_price).
  blind33  272  thirty-third blind set (issue 15, round 24), by another writer in the same way: hedged and
                conditional answers ("비 안 오면 갈게요", "월급 들어오면"); double negatives and rhetorical answers ("안
                갈 이유가 없죠", "못 갈 것도 없죠"); regulars who know staff by name ("정 실장님"); "wait, let me check"
                then an answer; how long a visit takes; medicines stopped before treatment (아스피린, 와파린); the same
                slot for several people; age or school year instead of a birth date; dates in numeric forms (12/3,
                3.15, 삼 다시 십오); committed before its first run.
                FIRST RUN (main at 5bb08a4): intent 91.2% (248/272; rules alone 84.9%), date 99.6%, time 100.0%,
                treatment 99.6%, all three slots 99.3%, medical -> booking 1, and one emergency (dizziness and a
                racing heart after an anaesthetic, "지금 치과 주차장이에요") read as ask_location; misses by gold
                intent:
                question_other (-> book x3, medical_question x2, yes, talk_to_staff, other, no, ask_hours), yes (->
                other x2, no, callback_later, ask_price), book (-> symptom, medical_question, ask_price), other (->
                yes, question_other), no (-> reschedule), medical_question (-> book), emergency (-> ask_location),
                confirm_appointment (-> reschedule). Goal (intent >= 97%) NOT met on either first run.
                Labels corrected after the first runs to the lead's labelling conventions (docs/understanding.md;
                the first runs above stay as recorded): blind33:102 ("받을게요 남편 것도 같은 날 연달아 넣어 주세요",
                a person added to a visit) yes -> book; blind32:21 and blind32:198 (a yes to a reminder naming
                "내일") date None -> the day named; blind32:212 ("어제부터 열이 나고 …", an onset day) date None ->
                2049-11-25.
                The misses were then fixed by kind (tests/test_language_kinds_round24.py): the safety ORDER first:
                red flags are asked before every other rule (new module red_flags, stage 0: faintness or a racing
                heart after an anaesthetic, now in either order) and a red flag takes back any non-safety answer of
                stages 2-3 (a place, a price, the hours, a booking, a person, a yes), which come before the
                emergency stage; the round-23 rule read only "heart, then dizzy", so the dizzy-first sentence fell
                through every stage to the parking topic. Infant teeth (첫니, 젖병, 불소 at what age), a child's tooth
                asked whether it must come out, a blood thinner resumed when, a child unsteady after sedation, a
                temporary treatment on a trip and coffee after whitening are medical questions (with the rules
                alone too); a lasting refusal of calls for another channel and advertising stopped for another
                number too opt out, a restriction of when to call is a callback (new module channels_and_consent);
                choices by position yes, none of them no, an option asked again other; hedged, conditional and
                double-negative acceptances yes (book with a day); a read-back or proposal accepted but for one
                part changed no; staff known by name, how long a visit takes, papers, a companion, chairs and an age
                for staff; a person added to a visit books (new module choices_and_hedges). Dates: "3.15" (a
                dotted month.day, no measure), the day after a day of the month ("이십오 일이라서 그 다음 날") and a
                day given as a deadline ("금요일 전에", "수요일에 올라가야 돼서 그 전에": no visit day).
                After: blind32 97.8% (267/273) with the model (which has now seen it), 94.1% (257/273) with a
                model built without blind32/blind33, 88.3% with the rules alone; date 97.4%, time 99.3%,
                treatment 98.2%, all three 94.9%. blind33 100.0% (272/272) with the model, 99.6% (271/272)
                without them, 94.5% with the rules alone; date 100.0%, time 100.0%, treatment 99.6%, all three
                99.6%. Medical -> booking 0 on every set with and without the model; the opt-out check's counts
                unchanged (refusals 436 missed 0; others fired 1 and 2, as before).
                Left as they are: over-triage kept on the safe side (bleeding swollen gums, pus by a crown read
                emergency, labelled symptom); "이거 썩은 거예요" about a bottle-fed child's teeth (medical_question,
                labelled symptom); "괜찮은데요 실밥은 언제 풀러 가요" (medical_question, labelled
                confirm_appointment); "생각해 보고 전화할게요" to an offer (no, as the older sets label it);
                "오늘은 끊을게요" giving today; labels that disagree across sets were not forced: a read-back "맞는데
                … 날짜를 수요일로 바꿔 주세요" stays reschedule (blind16, blind20) while "맞긴 맞는데요 시간을 열한 시로
                해 주세요" is no (blind33), and a named staff member asked with no question open stays talk_to_staff
                (blind12, blind22).
                (Tables run at load average ~5-6 on 2 shared cores: the ms per utterance figures are indicative.)
"""

ROUND_25_SETS = """\
  blind34  255  thirty-fourth blind set (issue 15, round 25), written by a different person who never saw the rules,
                their tests or this file's results: no exotic mindset but an ordinary day, in real proportions, by
                ordinary people: the calls of three ordinary Mondays (pain after the weekend, scaling and check-ups,
                moves within the week, insurance for scaling and dentures, parking) and the replies to that day's
                outbound calls (reminders, recall offers, wellbeing calls after an extraction); committed before its
                first run.
                FIRST RUN (main at f260ccb, after round 24): intent 98.0% (250/255; rules alone 93.7%), date 97.6%,
                time 99.6%, treatment 98.4%, all three slots 95.7%, medical -> booking 0; misses by gold intent: book
                (-> symptom, medical_question), yes (-> book, no), ask_location (-> question_other). Goal (intent >=
                97%) met on this first run.
  blind35  241  thirty-fifth blind set (issue 15, round 25), by another writer in the same way: an ordinary Saturday
                morning (Saturday-only workers, "지금 가면 볼 수 있어요", pain since last night, questions after
                Friday's treatment, papers and X-rays, a lost umbrella) and the replies to Thursday/Friday-evening
                outbound calls (offers, proposals, wellbeing calls, "is this X?"); committed before its first run.
                FIRST RUN (main at f260ccb): intent 92.5% (223/241; rules alone 87.6%), date 95.0%, time 99.2%,
                treatment 96.7%, all three slots 92.1%, medical -> booking 0; misses by gold intent: yes (-> book,
                ask_insurance, other x2), symptom (-> book, question_other, reschedule), callback_later (-> no x2),
                ask_price (-> ask_insurance x2), no (-> yes, other), question_other (-> ask_price,
                medical_question), book (-> ask_hours), ask_hours (-> book), reschedule (-> yes). Goal (intent >=
                97%) NOT met on this first run.
                Labels corrected after the first runs to the labelling conventions (docs/understanding.md, round 25
                lines; the first runs above stay as recorded): blind35:233 ("괜찮은데 실밥은 언제 뽑으러 가요")
                question_other -> medical_question and blind32:210 confirm_appointment -> medical_question (the
                stitches' day asked on a wellbeing call, as blind10, dev10, blind18, blind22 and blind34:143 label
                it); blind35:212 ("네 해야죠 와이프 것도 같이 잡아 주세요") yes -> book (a person added, as
                blind33:102); blind35:219 ("본인 부담이 얼마나 돼요") ask_price -> ask_insurance (as every older set);
                dev5:123 ("생각해 보고 연락드릴게요" to an offer) no -> callback_later (a call back promised, as
                blind18, blind29, blind32, blind35, dev14 and dev21); blind35:99 and blind35:231 (an onset day)
                and blind35:110, :116, :121, :150 (a past day when a treatment was done or a thing left) date None
                -> that day.
                The misses were then fixed by kind (tests/test_language_kinds_round25.py; new module
                ordinary_days): the offer thought over or a diary checked, then a call back promised, is
                callback_later (a refusal now keeps it no); a condition on the insurance then a plain yes is yes (a
                tag question still open stays the question); "네 그런데요 어디시라고요" to "is this X?" is yes; a pain
                pulling towards the ear or the jaw ("땡겨요") is a symptom, never a visit pulled forward; a clock
                time asked for today with a pain as the reason books; where to leave the car is ask_location; papers
                issued (진단서 떼려면) are for staff; a check-up with a day then "야간 하시죠" books. Slots: the target
                day "with the same time" ("금요일 같은 시간으로") wins over the booked day, a booked time said
                before the new one ("열 시 예약된 사람인데요 … 오후 세 시") loses to it, a day told as the onset
                or the span of a past pain ("주말 내내 … 토요일 밤부터 그랬는데 오늘 …") is no visit day, and
                떼웠/때웠 is a filling.
                After: blind34 100.0% (255/255) with the model (which has now seen it), 98.8% (252/255) with a model
                built without blind34/blind35, 94.5% with the rules alone; date 98.4%, time 99.6%, treatment 98.4%,
                all three 96.5%. blind35 100.0% (241/241) with the model, 96.7% (233/241) without them, 91.7% with
                the rules alone; date 97.5%, time 99.6%, treatment 97.1%, all three 94.6%. Medical -> booking 0 on
                every set with and without the model; the opt-out check's counts unchanged (refusals 436 missed 0;
                others fired 1 and 2; first runs 8 of 60 asked, 0 of 2357 fired).
                Left as they are: "토요일" said on a Saturday for the first free Saturday (next week's, labelled
                none); a weekend or a Saturday told with a past deed ("주말에 사랑니 뽑았는데") still read as the
                coming one; "다섯 시 넘어서 다섯 시 반이요" (a span, not 17:30); "지금 가면 … 토요일은 한 시까지죠"
                (book, labelled ask_hours); treatments named in symptom and medical questions (labelled none) and
                "씌우러 가야" after a root canal read root_canal (labelled crown).
                (Tables run at load average ~2 on 2 shared cores: the ms per utterance figures are indicative.)
"""

ROUND_26_SETS = """\
  blind36  252  thirty-sixth blind set (issue 15, round 26), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Wednesday at a neighbourhood clinic, in real
                proportions, by ordinary people, and the replies to that day's outbound calls; committed before its
                first run.
                FIRST RUN (main at 6bcc128, after round 25): intent 98.0% (247/252; rules alone 94.0%), date 99.6%,
                time 100.0%, treatment 98.0%, all three slots 97.6%, medical -> booking 0; misses by gold intent:
                book (-> ask_insurance), reschedule (-> book), ask_location (-> other), medical_question (->
                question_other), wrong_number (-> other). Goal (intent >= 97%) met on this first run.
  blind37  248  thirty-seventh blind set (issue 15, round 26), by another writer in the same way: an ordinary Friday
                afternoon and evening before the weekend and the replies to that day's outbound calls; committed
                before its first run.
                FIRST RUN (main at 6bcc128): intent 96.4% (239/248; rules alone 89.1%), date 96.4%, time 100.0%,
                treatment 99.6%, all three slots 96.0%, medical -> booking 0; misses by gold intent: reschedule (->
                book), confirm_appointment (-> book), ask_hours (-> question_other, book), ask_price (->
                ask_insurance, a label against the conventions), symptom (-> emergency), medical_question (->
                question_other), talk_to_staff (-> reschedule), callback_later (-> no). Goal (intent >= 97%) NOT
                met on this first run.
                Labels corrected after the first runs (the first runs above stay as recorded): blind37:114 ("스케일링
                하면 본인부담금이 얼마 정도 나와요") ask_price -> ask_insurance (round 25: what the patient pays
                under the insurance); blind37:122 (an onset day, "어제부터 … 아파요") and blind37:147, :230 (the
                day a treatment was done, "어제 교정 철사 갈고 나서", "어제 이 뺀 자리가") date None -> that day;
                blind36:198 and blind37:173 (X-ray pictures printed or sent to another clinic) treatment None ->
                checkup (as blind5's correction and every older set label X-rays).
                The misses were then fixed by kind (tests/test_language_kinds_round26.py; new module weekday_kinds,
                KindRule rows): a person asked to the phone ("원장님 … 잠깐만 바꿔 주실 수 있어요") is talk_to_staff;
                a shop mistaken ("피자집인 줄 알았네") is wrong_number; what to type into a navigation app is
                ask_location; a booked weekday moved to another ("화요일인데 그거 수요일로") is reschedule; a
                treatment told by its cover and booked on a day is book; getting used to a denture already in, and
                how long a discomfort after a treatment lasts, are medical_question; a visit booked before asked
                about is confirm_appointment; "can't talk now, call me later" is callback_later, never no; duty
                care and a lunch break on a day are ask_hours; a denture worn at night and gauze held longer are
                medical questions (rules alone; bleeding that goes on stays an emergency). Slots: "하루 뒤로
                수요일로" names the target weekday, the day after "그럼" wins over today's self-talk, a farewell
                weekend ("좋은 주말 보내세요") names no day, X-ray pictures printed ("뽑아") are no extraction and the
                reminders refused name no treatment.
                After: blind36 100.0% (252/252) with the model, 100.0% (252/252) with a model built without
                blind36/blind37, 96.0% with the rules alone; date 100.0%, time 100.0%, treatment 98.8%, all three
                98.8%. blind37 99.6% (247/248) with the model, 99.6% (247/248) without them, 92.7% with the rules
                alone; date 98.4%, time 100.0%, treatment 100.0%, all three 98.4%. Medical -> booking 0 on every set
                with and without the model; the opt-out check's counts unchanged (refusals 436: alone 418; fired 0
                to 9 of 6960 by threshold; first runs 8 of 8 caught at 15, 0 of 2357 fired).
                Left as they are: gum named in a gum symptom (labelled none in blind36, gum in 64 of 73 earlier
                symptom labels: the lead to decide); "어젯밤에 잠을 못 잤어요 주말 되기 전에 봐 주실 수 있어요" read
                as emergency (labelled symptom; a sleepless night is an emergency by round 25's convention and no
                emergency is lowered); the weekend named in a medical question or a parking question ("주말에
                등산 가는데 …", "주말에도 건물 주차장 …"; labelled none here, with a date in older sets).
                (Tables run at load average ~2 on 2 shared cores: the ms per utterance figures are indicative.)
"""

ROUND_26_SUM = """\
Round 26 (blind36, blind37) in sum: two more sets of an ordinary day, in real proportions: the first runs read intent
247/252 = 98.0% on blind36, an ordinary Wednesday (rules alone 94.0%; date 99.6%, all three slots 97.6%), and 239/248
= 96.4% on blind37, an ordinary Friday (rules alone 89.1%; date 96.4%, all three slots 96.0%), medical -> booking 0
on both: the goal is met on blind36's first run, not on blind37's. First runs so far: blind13 97.7, blind14 95.0,
blind15 85.9, blind16 94.7, blind17 86.2, blind18 87.9, blind19 93.2, blind20 83.5, blind21 93.1, blind22 88.6,
blind23 88.2, blind24 93.2, blind25 92.7, blind26 90.4, blind27 87.9, blind28 90.7, blind29 90.8, blind30 89.0,
blind31 92.7, blind32 83.9, blind33 91.2, blind34 98.0 (an ordinary Monday), blind35 92.5 (an ordinary Saturday),
blind36 98.0 (an ordinary Wednesday), blind37 96.4 (an ordinary Friday). Second annotators agree with the first
labels on 98.1% (blind26/27) and 97.6% (blind28/29) of intents; 6 labels were corrected to the conventions. After
the fixes by kind blind36 and blind37 read 100.0% and 99.6% with the model and with a model that has not seen them,
96.0% and 92.7% with the rules alone; medical -> booking 0 everywhere with and without the model; the next fresh set
tells whether the kinds generalise.
"""

ROUND_25_SUM = """\
Round 25 (blind34, blind35) in sum: two sets of an ordinary day, in real proportions: the first runs read intent
250/255 = 98.0% on blind34, an ordinary Monday (rules alone 93.7%; date 97.6%, all three slots 95.7%), and 223/241 =
92.5% on blind35, an ordinary Saturday (rules alone 87.6%; date 95.0%, all three slots 92.1%), medical -> booking 0 on
both: the goal is met on blind34's first run, not on blind35's, whose misses were replies to outbound calls (a call
back promised, a yes with a condition or a question, "네 그런데요 누구세요"). First runs so far: blind13 97.7, blind14
95.0, blind15 85.9, blind16 94.7, blind17 86.2, blind18 87.9, blind19 93.2, blind20 83.5, blind21 93.1, blind22 88.6,
blind23 88.2, blind24 93.2, blind25 92.7, blind26 90.4, blind27 87.9, blind28 90.7, blind29 90.8, blind30 89.0,
blind31 92.7, blind32 83.9, blind33 91.2, blind34 98.0 (an ordinary Monday), blind35 92.5 (an ordinary Saturday).
Second annotators agree with the first labels on 98.1% (blind26/27) and 97.6% (blind28/29) of intents; 11 labels were
corrected to the conventions, to which 5 round-25 lines were added. After the fixes by kind blind34 and blind35 read
100.0% with the model, 98.8% and 96.7% with a model that has not seen them, 94.5% and 91.7% with the rules alone;
medical -> booking 0 everywhere with and without the model; the next fresh set tells whether the kinds generalise.
"""

ROUND_24_SUM = """\
Round 24 (blind32, blind33) in sum: the first runs read intent 229/273 = 83.9% on blind32 (rules alone 78.0%; all
three slots 93.0%, medical -> booking 3) and 248/272 = 91.2% on blind33 (rules alone 84.9%; all three slots 99.3%,
medical -> booking 1, and an emergency read as ask_location): the goal is not met on intent nor on medical safety on
either first run. First runs so far: blind13 97.7, blind14 95.0, blind15 85.9, blind16 94.7, blind17 86.2, blind18
87.9, blind19 93.2, blind20 83.5, blind21 93.1, blind22 88.6, blind23 88.2, blind24 93.2, blind25 92.7, blind26 90.4,
blind27 87.9, blind28 90.7, blind29 90.8, blind30 89.0, blind31 92.7, blind32 83.9, blind33 91.2. Second annotators
agree with the first labels on 98.1% (blind26/27) and 97.6% (blind28/29) of intents, so the first-run misses are the
system's, not a label ceiling; 4 labels were corrected to the lead's conventions. After the fixes by kind blind32
reads 97.8% and blind33 100.0% with the model, 94.1% and 99.6% with a model that has not seen them, 88.3% and 94.5%
with the rules alone; red flags now win over every non-safety rule by the order of the checks; medical -> booking 0
everywhere with and without the model; the next fresh set tells whether the kinds generalise.
"""

ROUND_23_SUM = """\
Round 23 (blind30, blind31) in sum: the first runs read intent 226/254 = 89.0% on blind30 (rules alone 84.3%; all
three slots 98.0%) and 265/286 = 92.7% on blind31 (rules alone 83.6%; all three slots 91.6%, dates 95.8%), medical ->
booking 0 on both, but one emergency read as question_other on blind31: the goal is not met on intent on either first
run. First runs so far: blind13 97.7, blind14 95.0, blind15 85.9, blind16 94.7, blind17 86.2, blind18 87.9, blind19
93.2, blind20 83.5, blind21 93.1, blind22 88.6, blind23 88.2, blind24 93.2, blind25 92.7, blind26 90.4, blind27 87.9,
blind28 90.7, blind29 90.8, blind30 89.0, blind31 92.7. Second annotators agree with the first labels on 98.1%
(blind26/27) and 97.6% (blind28/29) of intents, so the first-run misses are the system's, not a label ceiling; the
lead's labelling conventions (docs/understanding.md) settle the gaps the annotators found, and 14 labels were corrected
to them. After the fixes by kind blind30 reads 98.8% and blind31 98.6% with the model, 98.4% and 98.6% with a model
that has not seen them, 92.5% and 89.9% with the rules alone; medical -> booking 0 everywhere with and without the
model; the next fresh set tells whether the kinds generalise.
"""
