"""The provenance of the sets of issue 15's rounds 19 and 20 (blind26, blind27 and the sets beside them): their first
runs and what was fixed after, and those rounds' summaries, moved here from nlu_provenance.py to keep that module under
400 lines (the text is unchanged)."""

ROUND_19_SETS = """\
  blind26  261  twenty-sixth blind set (issue 15, round 19), written by a different person who never saw the rules,
                their tests or this file's results: callers checking they reached the right clinic or branch; broken
                appliances in everyday words (retainer, night guard, a denture clasp, a bracket off, a crown come
                off, a bridge that rocks); papers (진단서, 소견서, 치료확인서, English records) for the army, a school,
                an insurer or emigration; the same doctor or hygienist as last time, or a woman doctor; no-shows
                apologising and rebooking; recall replies from people who now go elsewhere; happy-call feedback with
                a new problem; reacting to the AI and recording notice mid-booking; companions, ramps, lifts and
                pushchairs; clipped speech while eating or through a mask; retirees with vague days; parents booking
                two children back to back; committed before its first run.
                FIRST RUN (main at 2f31d6d, after round 18): intent 90.4% (236/261; rules alone 83.5%), date 100.0%,
                time 98.5%, treatment 98.5%, all three slots 96.9%, medical -> booking 3; misses by gold intent:
                book 37/43 (-> yes x2, no, other, question_other, talk_to_staff), question_other 14/20 (-> book,
                cancel, confirm_appointment, emergency, other), medical_question 31/34 (-> book x3), ask_location
                8/10 (-> question_other, yes), other 7/10 (-> ask_location, talk_to_staff, yes), yes 16/18 (->
                cancel, other), ask_hours 7/8 (-> symptom), ask_price 7/8 (-> question_other), cancel 9/10 (->
                reschedule), reschedule 11/12 (-> callback_later). Goal (intent >= 97%) NOT met on this first run,
                nor medical safety (THREE MEDICAL QUESTIONS READ AS BOOKINGS: a temporary filling sunk "다음 예약까지
                괜찮은 거죠", hours to wait after fluoride before dinner, a braces elastic left off a day); each slot
                meets it (>= 98.5%), all three together fall just short (96.9%).
                Label slips corrected against the older sets (blind26's first run above stays as recorded; with them
                it reads intent 90.8%, all three slots 97.7%): L40 "… 아무 때나 넣어 주세요 검진" to an offer -> yes
                (no day nor time: every older "네 … 잡아 주세요" to an offer is a yes, one naming its slot a book);
                L195 "네 맞아요 큰애 네 시 작은애 네 시 반" -> 16:00 (a read-back's time is the time, the first slot of
                two children, as the writer's own L3 and L28); L224 a refusal of "검진 안내 전화" -> checkup (as all
                eleven older refusals naming a 검진). The writer's disputable labels were kept: they agree with the
                older sets (two children the first slot; "아홉 시쯤" in an evening call 21:00; the next Sunday; 추석 no
                date; a 진단서's price ask_price; 불소 and a night guard no treatment; "녹음하지 마세요" and "사람이에요
                녹음이에요" question_other; "그 병원은 이제 안 가려고요" to an offer no; a move away cancels a reminded
                visit; reaching the main branch wrong_number; "거기 으뜸치과 맞죠" alone other); X-ray copies asked
                (L170, L186: no treatment) are labelled both ways in the older sets and were left.
                The misses were then fixed by kind (tests/test_language_kinds_round19.py; new modules care_waits,
                visit_practicalities, asides_and_no_shows and later_today, one hook each): the safety kind first,
                whether a thing can wait until the next visit, how many hours after a treatment one may eat,
                whether an appliance may be left off a while, how long until a thing settles, whether a new
                denture's burning is getting used to it, what a tooth left so comes to: medical questions at stage
                14 and in the safety rule over everyone, whatever visit or day they name; a ramp, a walker's or a
                pushchair's place ask the place (into the treatment room stays for staff); a paper's fee is a price;
                a photo sent by message to be looked at is for staff unless a red flag is told; the doctor of last
                time or a woman doctor wanted with a day and a time books, whether a doctor is still there and a
                companion asked along are for staff; an offer taken with its day and time books; a hold for a
                mouthful then "네 말씀하세요" and slower speech asked answer nothing; a visit missed before
                apologised for and this one kept is a yes, a new one asked books, whether the next still stands or
                a day checked unchanged is a check; the visit named, an aside, then another day moves it; the
                recording objected to and a booking all the same books; "사람이에요 녹음이에요" and "AI라고 했어요"
                ask about the call (and the dialog's notice check hears them); "날짜 바꾸는 게 아니고요 그냥 없애
                주세요" cancels; "요일 감각이 없어서" is no numbness; any time fine to "what time?" books, the day
                left to staff asks for staff; the same hygienist asked after and a paper asked for or translated are
                for staff (one naming an insurer is left to the insurance rules); a broken appliance told with what it
                does and nothing asked is a symptom; a missed visit moved to a new day and a reminded visit put off
                ("…로 미뤄 주세요") move it; a booking said through a mask or a mouthful books; how to care for a
                treated site is a medical question; the time after "…시쯤 되거든 그러니까" is the request's; a bare
                hour for "이따" in the evening is the evening's.
                After: blind26 100.0% (261/261) with the model (which has now seen it), 99.6% (260/261) with the
                round-19 rules and a model built without blind26, 97.3% (254/261) with the rules alone; date 100.0%,
                time 99.6%, treatment 98.9%, all three 98.5%; medical -> booking 0 on every set with and without the
                model; no earlier set went down (rules alone up on blind21, blind25, dev8, dev11, dev14, dev15,
                dev21); the opt-out check's false alarms unchanged (1 today, 2 left out, 0 on the first runs). Left
                as they are: "마자요 그거요" (yes, read other by the rules and a model without blind26: reading the
                recogniser's "마자요" as 맞아요 would let "에 마자요" fit a yes/no question as well as "네 맞아요" in
                the n-best chooser), "애들 둘 예약 몇 시 몇 시였죠 하나는 네 시고 하나는" (a time half recalled, read
                16:00), a night guard's crack pressing the gums (gum read from 잇몸), X-ray copies (checkup read).
                (Tables run at load average ~1.5-2.5 on 2 shared cores: the ms per utterance figures are indicative.)
"""

ROUND_20_SETS = """\
  blind27  224  twenty-seventh blind set (issue 15, round 20), written by a different person who never saw the rules,
                their tests or this file's results: a deadline in life that sets the visit (결혼식, 상견례, 여권 사진,
                수능, 출국, 입대, 공연); a cold, flu or fever, whether to come or move the visit; waiting lists and
                same-day squeeze-ins ("취소 자리 나면"); deposits, no-show and late-arrival rules, instalments, card
                benefits, 지역화폐; sports mouthguards, wind-instrument players and singers; first-visit practicalities
                (신분증, how long, eat first?); repairs of the bot's read-back in several steps; whispered yes/no
                replies from work or "text me instead"; the lunar calendar and market days (장날); times by the
                24-hour clock, meals or TV programmes; committed before its first run.
                FIRST RUN (main at a773bdf, after round 19): intent 87.9% (197/224; rules alone 83.0%), date 96.4%,
                time 98.7%, treatment 98.2%, all three slots 93.3%, medical -> booking 3; misses by gold intent:
                medical_question 23/31 (-> question_other x4, reschedule x2, book, other), question_other 10/17 (->
                ask_price x3, book, ask_location, other, reschedule), book 43/48 (-> symptom, cancel, reschedule,
                other, emergency), cancel 6/8 (-> reschedule, emergency), reschedule 13/14 (-> emergency), symptom
                10/11 (-> emergency), confirm_appointment 7/8 (-> reschedule), ask_insurance 5/6 (-> emergency),
                talk_to_staff 5/6 (-> ask_price). Goal (intent >= 97%) NOT met on this first run, nor medical safety
                (THREE MEDICAL QUESTIONS READ AS BOOKINGS: a fever asked whether to come or move the visit, twice, and
                a tooth out on the day of a flu shot); five non-urgent lines read as emergencies (a fever of 38 degrees
                or 고열 told with a move or a cancel, a sports injury's insurance cover, a loose tooth after a ball,
                and "… 아니고 열네 시" heard as 고열).
                Label slips corrected against the older sets (blind27's first run above stays as recorded; with them
                it reads intent 88.8%, all three slots 94.6%): "크리스마스 날도 진료해요" and "토요일은 몇 시에 문
                닫아요" -> that day (every older hours question naming a day or a holiday carries its date); "어제부터
                볼이 … 부었어요" -> yesterday (every older onset "어제부터" does); "수능 끝나고 교정 시작하면 보통 몇 년
                걸려요" -> question_other (how long orthodontics takes is question_other in all the older sets);
                "삼성카드 무이자 할부 돼요", "제로페이나 지역화폐 돼요", "카드 혜택 … 무이자 몇 개월까지 돼요" ->
                ask_price (card instalments and ways to pay are ask_price in blind15, blind17, blind24, dev12, dev20).
                The writer's other disputable labels were kept: the booking's date of two; a TV programme no time;
                "점심 먹고 한 두 시쯤" 14:00; 장날 and 음력 days null, "이번 장이 오일이니까 육 일" resolved; the first
                of two treatments; a deposit's refund then a cancel cancels; a waiting list asked after a check, one
                asked for question_other; a fever asking whether to come medical_question with today's date; a
                mouthguard no treatment; a vague move no date; self-corrections the final value.
                The misses were then fixed by kind (tests/test_language_kinds_round20.py; new modules
                life_around_visits, clinic_policies and lunar_days, one hook each): the safety kind first, a fever,
                a cold or the flu told with a question whether to come, be treated or move the visit, and a treatment
                asked on the day of a flu shot, are medical questions at stage 2 and in the safety rule over
                everyone; a fever told about a visit with no swelling, bleeding or breathing trouble is no emergency
                (a swelling with a fever still is), unwell and the visit moved or cancelled moves or cancels it; 고열
                no longer heard in "아니고 열네 시"; a wind instrument or singing asked about with a treatment and
                whether a sports mouthguard is needed are medical questions; an injury's insurer cover asks the
                insurance; a counsellor asked for about instalments puts through; a deposit's, a no-show's or a late
                arrival's rule, a place asked on a waiting list and the number the clinic calls or texts from are
                for staff, a deposit's refund then a cancel cancels; a waiting list asked after is a check, a
                cancelled slot today asked to be put in books, a visit put off taken up again books; the 24-hour
                clock read aloud (열세 … 스물네 시) is that hour; a time taken back for one half recalled ("세 시
                맞죠 아니 네 시였나") is none; the words after 음력 are read as no solar date.
                After: blind27 99.1% (222/224) with the model (which has now seen it), 98.2% (220/224) with the
                round-20 rules and a model built without blind27, 95.1% (213/224) with the rules alone; date 98.2%,
                time 99.6%, treatment 98.2%, all three 96.0%; medical -> booking 0 on every set with and without the
                model; no earlier set went down (rules alone up on dev12, dev14); the opt-out check's false alarms
                unchanged (1 today, 2 left out, 0 on the first runs). Left as they are: a loose front tooth after a
                ball told as a feeling (symptom, read emergency: trauma stays on the safe side), "다음 주 수요일 아니
                수요일 말고 그 다음 날요" (the day after the day taken back: no date read), an X-ray named read as a
                checkup, 잇몸 read as gum, "아뇨 목요일 아니에요" keeping Thursday, a Sunday asked in general keeping
                the next Sunday, a time asked with the closing hour (19:00 read), the visit as it stands in a
                waiting-list ask (its date read).
                (Tables run at load average ~1-1.5 on 2 shared cores: the ms per utterance figures are indicative.)
"""

ROUND_20_SUM = """\
Round 20 (blind27) in sum: blind27's first run read intent 197/224 = 87.9% (rules alone 83.0%), date 96.4%, time
98.7%, treatment 98.2%, all three slots 93.3%, and medical -> booking 3: the goal is not met on intent nor on medical
safety on this first run (88.8% intent, all three slots 94.6% with seven label slips corrected). First runs so far:
blind13 97.7, blind14 95.0, blind15 85.9, blind16 94.7, blind17 86.2, blind18 87.9, blind19 93.2, blind20 83.5,
blind21 93.1, blind22 88.6, blind23 88.2, blind24 93.2, blind25 92.7, blind26 90.4, blind27 87.9: set by the writer's
mindsets (here a fever before a visit, the clinic's rules on deposits and waiting lists, hobbies that meet a
treatment, the 24-hour clock), not rising with the rounds. After the fixes by kind blind27 reads 99.1% with the model
(which has now seen it), 98.2% with a model that has not, 95.1% with the rules alone; medical -> booking is 0
everywhere with and without the model, and a fever alone before a visit is no longer an emergency; the next fresh set
tells whether the kinds generalise.
"""

ROUND_19_SUM = """\
Round 19 (blind26) in sum: blind26's first run read intent 236/261 = 90.4% (rules alone 83.5%), date 100.0%, time
98.5%, treatment 98.5%, all three slots 96.9%, and medical -> booking 3: the goal is not met on intent nor on medical
safety on this first run (90.8% intent, all three slots 97.7% with three label slips corrected). First runs so far:
blind13 97.7, blind14 95.0, blind15 85.9, blind16 94.7, blind17 86.2, blind18 87.9, blind19 93.2, blind20 83.5,
blind21 93.1, blind22 88.6, blind23 88.2, blind24 93.2, blind25 92.7, blind26 90.4: set by the writer's mindsets (here
care that must wait for the next visit, appliances and papers, asides while eating, no-shows), not rising with the
rounds. After the fixes by kind blind26 reads 100.0% with the model (which has now seen it), 99.6% with a model that
has not, 97.3% with the rules alone; medical -> booking is 0 everywhere with and without the model; the next fresh
set tells whether the kinds generalise.
"""
