"""The provenance of the sets of issue 15's rounds 17 and 18 (blind24, blind25 and the sets beside them): their first
runs and what was fixed after, and those rounds' summaries, moved here from nlu_provenance.py to keep that module under
400 lines (the text is unchanged)."""

ROUND_17_SETS = """\
  blind24  281  twenty-fourth blind set (issue 15, round 17), written by a different person who never saw the rules,
                their tests or this file's results: people who are not patients calling the clinic (material
                salespeople, a lab courier and technician, job applicants, the building manager, a bank, a delivery
                rider looking for the entrance) mixed with patients; older men in formal 하십시오체; young slang and
                clipped words (스케링, 임플, 담주 화욜, 낼, 넵넵, 오키); sign-language relay interpreters and helpers
                relaying a speech-impaired caller's words; vague routine times (애들 학교 보내고, 점심 먹고 나서,
                퇴근길에); one call cancelling one thing and booking another; people new to the neighbourhood; hurried
                people answering outbound calls; committed before its first run.
                FIRST RUN (main at 10f0481, after round 16): intent 93.2% (262/281; rules alone 87.2%), date 98.6%,
                time 98.9%, treatment 97.2%, all three slots 94.7%, medical -> booking 1; misses by gold intent:
                question_other 10/15 (-> other x2, symptom, reschedule, book), yes 15/18 (-> book, ask_location,
                other), book 51/53 (-> ask_hours, confirm_appointment), talk_to_staff 12/14 (-> question_other, book),
                medical_question 29/31 (-> book, no), other 7/9 (-> callback_later, ask_location), reschedule 15/16
                (-> cancel), ask_location 9/10 (-> no), symptom 16/17 (-> medical_question). Goal (intent >= 97%)
                NOT met on this first run, nor medical safety (1); the slots meet it. No blind24 label changed: the
                writer's disputable labels (a visit cancelled with another in its place -> reschedule with the new
                treatment; 할부 -> ask_price; 불소 and 충치 검사 -> checkup; a salesman's product -> implant; a lab's
                missing impression -> question_other, date yesterday; a rider's parking -> ask_location; "광고 문자는
                이제 보내지 마세요" to a reminder -> opt_out; vague routine times -> no time) all agree with the
                older sets. One slip corrected in dev20 (not blind24): "어젯밤부터 열이 나고 …" gets yesterday, as every
                "어제부터 …" in the older sets (blind24's "어젯밤부터 계속 피가 나고" has it too).
                The misses were then fixed by kind (tests/test_language_kinds_round17.py; new modules caller_errands
                and routine_words, one hook each): job seekers, vendors and a dental lab calling are errands for
                staff, the one in charge asked a transfer; where to leave a motorbike asks the place; being on a bus
                now is no place asked; a relay interpreter's hold is other and a relayed yes a yes; a visit cancelled
                for another in its place moves it, with the new treatment; a slot's availability asked formally and
                evening-hours days book; a split tooth bleeding with severe pain is an emergency; after-care asked
                how long, a care step to redo, smoking after a treatment and medicine run out are medical questions
                (the rules alone too); "낼" is tomorrow where no money or papers are named; a clock time told only as
                the reason for a routine leaves the time open.
                After: blind24 99.6% (280/281) with the model (which has now seen it), 99.3% (279/281) with the
                round-17 rules and a model built without blind24, 94.7% (266/281) with the rules alone; date 99.3%,
                time 99.6%, treatment 97.5%, all three 96.4%; medical -> booking 0 on every set with and without the
                model; no earlier set went down (blind10 rules alone 94.8% -> 95.5%). Left as they are: a to-an-offer
                "네 네 … 스케일링 잡아 주세요" (book, labelled yes), a sore palate told (medical_question with the
                model, labelled symptom), treatments named by objects that are not treatments (보철물 carried, a
                battery "충전", "뽑으세요" of a job, an X-ray brought), "다음 달 초요 삼 일이나 사 일" and "월말쯤이요
                이십팔 일" (the vague part wins over the day named).
                (Tables run at load average ~2 on 2 shared cores: the ms per utterance figures are indicative.)
"""

ROUND_18_SETS = """\
  blind25  261  twenty-fifth blind set (issue 15, round 18), written by a different person who never saw the rules,
                their tests or this file's results: upset or crying callers in broken sentences (a child's fall, fear
                before surgery, pain for days); a booking, a question and a complaint in one breath; calling for a
                neighbour, an elderly tenant or a ward-mate; identity details given unasked (name, birth date, last
                four digits) before the point; the homepage, a blog, KakaoTalk or a text referred to; counter-questions
                to outbound calls (money, time off work, whether the director will be there); children's pet words
                (이빨 요정, 흔들니); noisy places (car wash, market, hospital ward); replies to the bot's read-back
                that are partly right ("날짜는 맞는데 시간이요"); committed before its first run.
                FIRST RUN (main at 7a18622, after round 17): intent 92.7% (242/261; rules alone 80.1%), date 98.9%,
                time 99.6%, treatment 98.1%, all three slots 96.6%, medical -> booking 0; misses by gold intent:
                medical_question 27/31 (-> question_other x2, emergency, no), symptom 14/16 (-> emergency x2),
                opt_out 5/7 (-> other, ask_price), no 16/18 (-> wrong_number, confirm_appointment), book 31/32 (->
                ask_price), cancel 11/12 (-> reschedule), ask_location 8/9 (-> wrong_number), ask_price 11/12 (->
                question_other), emergency 11/12 (-> symptom), yes 19/20 (-> book), wrong_number 6/7 (-> other),
                question_other 12/13 (-> ask_hours), other 7/8 (-> yes). Goal (intent >= 97%) NOT met on this first
                run; the slots and medical safety meet it; TWO REFUSALS MISSED ("… 앞으로 절대 걸지 마세요" to an
                offer read as other, "예약 알림은 받을게요 근데 할인 광고는 더 안 보내셨으면 해요" to a reminder
                read as ask_price). No blind25 label changed: the writer's disputable labels (a birth date said to
                identify oneself is no date, identity-only lines other; a visit moved "to Monday, same time" or
                "Friday three to Saturday eleven" carries the new slot; "다음 주 화요일 … 그 다음 주로" no date; a
                wheelchair into the treatment room question_other, as the older sets label it (the building
                and its lift ask_location); "신규 환자만" question_other; a wobbly tooth pulled at home or a baby tooth
                "어차피 빠질 건데" no treatment; an implant's failure asked medical_question; "여덟 시 넘는데
                그때까지 하세요" at a car wash ask_hours 20:00) all agree with the older sets.
                The misses were then fixed by kind (tests/test_language_kinds_round18.py; new module identity_told,
                one hook): the refusals first, by the rules alone (ringing refused with an emphasis word and no
                channel named, a refusal said before, advertising wished not sent while the reminders are kept), and
                the opt-out check's cue now hears those shapes too ("걸지 마" names the call, "안 보내셨으면"
                refuses); a risk of a treatment or of a tooth left as it is asked, a prescribed rinse or ointment
                kept up, an appliance worn by day or night: medical questions, never a booking (the rules alone read
                "스플린트 … 낮에도 껴야 돼요" as book before); swelling down to the neck with breathing trouble is an
                emergency, days of pain that painkillers only dull a symptom ("잠깐" is no sleep); the change denied
                and the cancellation insisted on ("변경 아니고 취소라니까요") cancels, and the other way round; a
                birth date and the last digits told to identify oneself are no day; a child's wobbly tooth (흔들니)
                to be pulled is an extraction; how long a course of treatment under way lasts stays a question for
                staff and a yes with that one can come ("네 갈 수 있어요") a yes (the model, having seen blind25,
                leaned to medical_question and question_other; train would have gone down).
                After: blind25 99.2% (259/261) with the model (which has now seen it), 95.8% (250/261) with the
                round-18 rules and a model built without blind25, 83.5% (218/261) with the rules alone; date 100.0%,
                time 99.6%, treatment 98.5%, all three 98.1%; medical -> booking 0 on every set with and without the
                model. Left as they are: a consultation wanted after another clinic's quote with "월요일 오전" (book,
                read ask_price), an advertised price seen on the homepage asked whether still on (ask_price, read
                question_other), "여덟 시 넘는데 그때까지 하세요" (20:00, read 08:00: a bare hour after work), a
                symptom named read as a treatment (잇몸 -> gum, "안 뽑고 버텼는데" -> extraction).
                (Tables run at load average ~2 on 2 shared cores: the ms per utterance figures are indicative.)
"""

ROUND_18_SUM = """\
Round 18 (blind25) in sum: blind25's first run read intent 242/261 = 92.7% (rules alone 80.1%; no blind25 label
changed), date 98.9%, time 99.6%, treatment 98.1%, all three slots 96.6%, medical -> booking 0, but two refusals
missed: the goal is not met on intent nor on the law on this first run. First runs so far: blind13 97.7, blind14 95.0,
blind15 85.9, blind16 94.7, blind17 86.2, blind18 87.9, blind19 93.2, blind20 83.5, blind21 93.1, blind22 88.6,
blind23 88.2, blind24 93.2, blind25 92.7: set by the writer's mindsets (here upset callers, identity told unasked,
partly right replies), not rising with the rounds. After the fixes by kind blind25 reads 99.2% with the model (which
has now seen it), 95.8% with a model that has not, 83.5% with the rules alone; the rules alone now read every
labelled refusal and medical -> booking is 0 everywhere with and without the model; the next fresh set tells whether
the kinds generalise.
"""

ROUND_17_SUM = """\
Round 17 (blind24) in sum: blind24's first run read intent 262/281 = 93.2% (rules alone 87.2%; no blind24 label
changed), date 98.6%, time 98.9%, treatment 97.2%, all three slots 94.7%, medical -> booking 1: the goal is not met on
intent nor medical safety on this first run. First runs so far: blind13 97.7, blind14 95.0, blind15 85.9, blind16 94.7,
blind17 86.2, blind18 87.9, blind19 93.2, blind20 83.5, blind21 93.1, blind22 88.6, blind23 88.2, blind24 93.2: set by
the writer's mindsets (here people who are not patients, relay interpreters, slang and routine times), not rising with
the rounds. After the fixes by kind blind24 reads 99.6% with the model (which has now seen it), 99.3% with a model that
has not, 94.7% with the rules alone; medical -> booking 0 everywhere with and without the model; the next fresh set
tells whether the kinds generalise.
"""
