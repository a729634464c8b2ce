"""The provenance of the sets of issue 15's rounds 15 and 16 (blind22, dev16-dev19, blind23, dev20, dev21): their
first runs and what was fixed after, and those rounds' summaries, moved here from nlu_provenance.py to keep that module
under 400 lines (the text is unchanged)."""

ROUND_15_SETS = """\
  blind22  263  twenty-second blind set (issue 15, round 15), written by a different person who never saw the rules,
                their tests or this file's results: stories told before the point (the request only at the end),
                dates and times read from a paper or a text ("12/18 14:30"), denture and partial-denture wearers,
                crown and bridge troubles, two to four family members booked in one call, factory and building-site
                workers (short, loud, impatient; 산재), year-end tax papers (연말정산, 세부내역서), school and company
                check-up notices, replies to outbound calls from people just woken after a night shift or at a
                funeral or a wedding; committed before its first run.
                FIRST RUN (main at 9706d4d, after round 14): intent 88.6% (233/263; rules alone 80.6%), date 97.0%,
                time 98.9%, treatment 99.2%, all three slots 95.1%, medical -> booking 0; misses by gold intent:
                ask_insurance 5/11 (-> question_other x4, book, ask_price), question_other 10/15 (-> ask_price x3,
                other x2), no 15/19 (-> symptom, callback_later, reschedule, other), medical_question 28/31 (->
                symptom x3), book 47/51 (-> symptom x2, medical_question x2), reschedule 10/12 (-> cancel, no), yes
                17/19 (-> other, book), cancel 9/10 (-> no), confirm_appointment 8/9 (-> book), ask_hours 6/7 (->
                book), ask_price 11/12 (-> no). Goal (intent >= 97%, slots >= 97%) NOT met on this first run;
                medical safety met. No label changed.
  dev16-19 1307 four tuning sets (issue 15, round 15) written at the same time by four people who never saw the rules:
                dev16 (349) inbound booking, moving and cancelling in every shape and the near-misses; dev17 (319)
                worried patients (symptom vs medical_question vs emergency vs book vs question_other, many near-miss
                pairs); dev18 (317) elderly and regional speakers (경상, 전라, 충청, 강원, 제주) in and outbound; dev19
                (322) short noisy turns as Whisper writes them, questions about the call, opt-outs in few words. Their
                first runs over the same main: intent 93.7%, 90.9%, 88.6%, 90.7% (rules alone 89.4, 84.0, 75.1, 82.0).
                Round 15 was done by three engineers in parallel, each fixing the misses of all five sets whose gold
                intent is in their kinds (care: medical_question, symptom, emergency, question_other, talk_to_staff,
                ask_*; replies: yes, no, opt_out, callback_later, wrong_number, other; booking: book, reschedule,
                cancel, confirm_appointment and every slot), merged by the lead (tests/test_language_kinds_round15_*.py;
                new modules care_asks, reply_kinds, visit_asks, date_choice, cannot_make_it). Kinds fixed, in short:
                care questions asked in few words around a treatment are medical questions even with a day named;
                a jaw that will not close, a tooth out whole, bleeding for hours are emergencies; papers for the tax
                return, one's own balance or chart, a doctor's days are for staff; 공단/산재 and private-insurance
                papers are insurance; refusals in few words and in dialect (the rules alone now read 421 of the 421
                labelled refusals, 0 false) and "그만하세요" only with a call or text named or alone (a dentist's
                "항생제 그만 하라고" is no opt-out); "later" in many shapes; no to a happy call in "healed" words;
                a proposed slot turned down in other words; yes in dialect; wrong numbers said indirectly; asking
                whether a booking went through is confirm_appointment; cancel and move in everyday words; a request
                that comes last after a story books; of several days the one the closing request asks for.
                Label changes (slips against the older sets' conventions; blind22 unchanged): dev16 4, dev17 7, dev18
                12, dev19 8 rows, slot or intent (할부 and account transfers -> ask_price, X-rays -> checkup, a day
                word gets its day, 잇몸 -> gum, a tooth pulled -> extraction); and one convention settled: "ask someone
                and call back" to a proposed slot is callback_later (the dialogs keep a callback; no slot is held
                either way), as the three new sets label it, so blind10 L25 (labelled no) is relabelled.
                After: blind22 99.2% with the model (which has now seen it), 98.5% with the round-15 rules and a model
                built without blind22, 92.4% with the rules alone; all three slots 98.1%; dev16 100.0%, dev17 99.4%,
                dev18 100.0%, dev19 99.7% (rules alone 96.8, 95.9, 96.8, 97.8); medical -> booking 0 on every set with
                and without the model; no earlier set went down (blind18 all three slots 98.2% -> 98.6%; dev12 98.5%
                -> 99.1%, dev14 99.4% -> 99.7%, dev15 99.0% -> 99.3%).
                (Tables run at load average ~2 on 2 shared cores: the ms per utterance figures are indicative.)
"""

ROUND_16_SETS = """\
  blind23  288  twenty-third blind set (issue 15, round 16), written by a different person who never saw the rules,
                their tests or this file's results: root canals in progress, bone grafts and dry sockets, braces
                troubles (a wire poking, a lost retainer, a bracket off), jaw joints and grinding, bad breath and
                bleeding gums, sensitivity after scaling or whitening, patients on blood thinners, with diabetes,
                after radiation or with a pacemaker, calls returned after a missed call or a text, spouses and adult
                children answering outbound calls in the evening, two questions then a booking, other clinics' hours
                and prices; 43 medical questions, 11 emergencies; committed before its first run.
                FIRST RUN (main at a04e29d, after round 15 and its 1,307 tuning sentences): intent 88.2% (254/288;
                rules alone 83.7%), date 97.9%, time 99.0%, treatment 97.6%, all three slots 94.8%, medical ->
                booking 0; misses by gold intent: symptom 18/24 (-> emergency x3, reschedule, medical_question, book),
                yes 14/20 (-> book x3, other x2, emergency), question_other 13/18 (-> other x2, medical_question,
                ask_price, confirm_appointment), book 40/43 (-> ask_insurance, ask_price, reschedule), emergency 9/11
                (-> symptom x2), ask_insurance 8/10 (-> ask_price x2), talk_to_staff 7/9 (-> ask_price, no), no 17/19
                (-> book, reschedule), medical_question 41/43 (-> other, emergency), ask_hours 10/11 (-> book),
                ask_price 12/13 (-> yes), callback_later 9/10 (-> no), other 6/7 (-> yes). Goal (intent >= 97%,
                slots >= 97%) NOT met on this first run; medical safety met.
  dev20-21  666  two tuning sets (issue 15, round 16) by two more people who never saw the rules: dev20 (346)
                boundaries written as near-identical pairs and triples that differ in intent (insurance / price /
                staff; medical question / symptom / emergency / booking; no / other / later / opt-out; confirm /
                book / move; staff / question); dev21 (320) busy callers in a hurry, in and outbound. First runs over
                the same main: 95.1% and 93.8% (rules alone 90.5, 88.4).
                Round 16 was again done by three engineers in parallel by kind (tests/test_language_kinds_round16_*.py;
                new modules reply_asides, care_boundaries, emergency_heard). Kinds fixed, in short: a yes with an
                aside (someone else answers, goes along, passes it on, asks to be brief); a proposed day turned down
                for another carries the new day; an offer thought over with its terms in hand is a callback, a bare
                "생각해 보고" a no; "not an answer yet" (다시 한 번만, 잠깐만 버스 내리고요, 어디서 거신 거예요) is
                other; wrong numbers by the shop meant; panting from exercise is no emergency; a throb that kept one
                awake, a stiff jaw, a lip bitten while numb are symptoms, a jaw that will not close or a swelling up
                to the eye or with tight breathing emergencies; fasting before surgery, a broken aligner, grains out
                of a graft are medical questions, never bookings; a returned call with nothing said, certificates, a
                job, the chart are for staff; bare "일곱 시" is 19:00 unless a morning word precedes it; a time
                before "그럼" loses to the next; unsure times give none; treatments named by a part (뼈이식 ->
                implant, a braces wire -> orthodontics, a root canal "마저"); a receipt printed again pulls no tooth;
                "모래" is sand; asking whether a change went through is confirm_appointment.
                Label changes (slips against the older sets' conventions): dev20 7 rows, dev21 12 rows (잇몸 -> gum,
                할부 and account transfers -> ask_price, 실비 papers -> ask_insurance, X-ray copies -> checkup, a
                past deed then 오늘 -> today, a counter-proposal -> no); blind23 L19 (a stitch from "수술한 데": no
                treatment, as blind18/blind20/dev9/dev17 label it) and blind20 L84 (a bone graft: implant, as every
                other 뼈이식 row); blind23's first run above is kept as recorded.
                After: blind23 99.7% with the model (which has now seen it), 98.3% (283/288) with the round-16 rules
                and a model built without blind23, 98.6% with the rules alone; all three slots 99.3%; dev20 and dev21
                100.0% (rules alone 99.1% each); medical -> booking 0 on every set with and without the model; no
                earlier set went down (rules alone up on blind16, blind18, blind20, blind21, dev12-dev16, dev18).
"""

ROUND_15_SUM = """\
Round 15 (blind22, dev16-dev19) in sum: blind22's first run read intent 233/263 = 88.6% (rules alone 80.6%), all
three slots 95.1%, medical -> booking 0: the goal is not met on intent or slots on this first run. First runs so far:
blind13 97.7, blind14 95.0, blind15 85.9, blind16 94.7, blind17 86.2, blind18 87.9, blind19 93.2, blind20 83.5,
blind21 93.1, blind22 88.6. The 1,307 new tuning sentences then joined the examples; the next fresh set (blind23) tells
whether that much more data moves a first run.
"""

ROUND_16_SUM = """\
Round 16 (blind23, dev20, dev21) in sum: blind23's first run, the first after 1,307 new tuning sentences (round 15),
read intent 254/288 = 88.2% (rules alone 83.7%), all three slots 94.8%, medical -> booking 0: no better than
blind22's 88.6% before them. More labelled sentences in the same style do not move a fresh writer's first run; each
round fixes its set's kinds (and they carry: 98.3-98.5% with a model that has not seen the set) while the next writer
brings new ones.
"""
