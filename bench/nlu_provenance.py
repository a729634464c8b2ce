"""Where the labelled NLU sets come from and what their first runs read: the text at the top of
bench/nlu_accuracy.txt (``bench/nlu_accuracy.py`` prints it before the tables). Each blind set gets its block when it
is first run, with the first-run numbers kept as they were; what was fixed after is added below them."""

from nlu_provenance_early import EARLY_SETS  # bench/, beside this module
from nlu_provenance_rounds5to7 import ROUNDS_5_TO_7  # bench/, beside this module
from nlu_provenance_rounds8to9 import ROUNDS_8_TO_9  # bench/, beside this module
from nlu_provenance_round10 import ROUND_10  # bench/, beside this module
from nlu_provenance_rounds11to14 import ROUNDS_11_TO_14_SETS, ROUNDS_11_TO_14_SUMS  # bench/, beside this module
from nlu_provenance_rounds15to16 import ROUND_15_SETS, ROUND_15_SUM, ROUND_16_SETS, ROUND_16_SUM  # bench/, beside this
from nlu_provenance_rounds17to18 import ROUND_17_SETS, ROUND_17_SUM, ROUND_18_SETS, ROUND_18_SUM  # bench/, beside this

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

EARLIER_SUMS = """\
Round 10 (blind18, dev12, dev13) in sum: blind18's first run read intent 247/281 = 87.9% (88.3% with four label slips
corrected), date 97.9%, time 98.6%, treatment 98.2%, all three 94.7% (95.7% corrected), medical -> booking 1 of 38: the
goal is not met on intent, slots nor medical safety on this first run; the training sets written by two more people read
90.9% and 88.3% over the same rules. Replies to the clinic's own outbound calls were blind18's biggest loss (yes 25/37,
no 23/29), and dev13's refusals in words the rules lacked (29/40) the biggest legal one: fresh writers keep finding
whole kinds (first runs blind13 97.7%, blind14 95.0%, blind15 85.9%, blind16 94.7%, blind17 86.2%, blind18 87.9%). After
the fixes by kind blind18 reads 98.2% with the model (which has now seen it) and 88.3% with the rules alone, dev12 98.2%
/ 86.1%, dev13 98.9% / 86.9%, medical -> booking 0 everywhere with and without the model; the next fresh set (blind19)
tells whether the kinds generalise.
Round 9 (blind17) in sum: first run intent 206/239 = 86.2% (no label changed), date 99.2%, time 99.6%, treatment 99.2%,
all three 97.9%, medical -> booking 2 of 43: the goal is not met on intent nor on medical safety on this first run; the
slots meet it. A writer who never saw the rules found whole kinds they lacked (refusals in dialect and indirect words,
medicine and travel around a treatment, small questions before the request, the reminder text), as blind15's new
mindsets did: first runs blind13 97.7%, blind14 95.0%, blind15 85.9%, blind16 94.7%, blind17 86.2%. After the fixes by
kind blind17 reads 100.0% with the model (which has now seen it) and 91.2% with the rules alone, medical -> booking 0
with and without the model; the next fresh set (blind18) tells whether the kinds generalise.
Round 8 (blind16) in sum: first run intent 233/246 = 94.7% (95.5% with two label slips corrected), date 96.7% (98.8%
corrected), time 100%, treatment 98.4% (99.6% corrected), all three 95.1% (98.4% corrected), medical -> booking 0 of
35: the goal is not met on intent on this first run; the slots meet it once the label slips are corrected, and
medical safety holds. Its new mindsets found kinds the rules lacked (records, a doctor's days, questions back to a
recall, a weekday and a date together), but fewer than blind15's: first runs blind13 97.7%, blind14 95.0%, blind15
85.9%, blind16 94.7%.
Round 7 (blind15) in sum: first run intent 219/255 = 85.9% (85.5% with three label slips corrected), each slot
>= 99.6%, all three 99.2%, medical -> booking 1 of 44: the goal is not met on intent nor on medical safety on this
first run. Its mindsets were kinds no earlier set had (running late, relayed answers, payment, counter-questions
to a reminder), and the first-run figures of blind13 (97.7%), blind14 (95.0%) and blind15 (85.9%) say that a fresh
mindset still finds whole kinds the rules lack.
Round 6 (blind14) in sum: first run intent 209/220 = 95.0%, each slot >= 97.3%, all three 96.4% (97.3% with the
two label slips corrected), medical -> booking 0 of 38: the goal is not met on intent on this first run (blind13's
97.7% was the first fresh set to meet it).
Round 4 in sum: the fresh sets' first runs (blind12, dev10, dev11: 354 sentences) read intent 338/354 = 95.5%, every
slot >= 99.5%, medical -> booking 0 of 71 medical questions and emergencies. The goal (>= 97% intent on a first run)
is not met yet; slots and the medical safety goal are.
The first runs of stress, blind2, blind3, blind4 (fresh wording, 305 utterances) are the honest estimate for
unseen speech: intent 269/305 = 88.2%; with label slips discounted date 99.0%, time 99.7%, treatment 98.7%. The held-out
figure is higher because the same person wrote those phrases and the rules. "Label slips" were mostly dates
in hours questions ("토요일도 하세요?" → that Saturday), which the parser extracts by design.
"""

PROVENANCE = (EARLY_SETS + ROUNDS_5_TO_7 + ROUNDS_8_TO_9 + ROUND_10 + ROUNDS_11_TO_14_SETS + ROUND_15_SETS
              + ROUND_16_SETS + ROUND_17_SETS + ROUND_18_SETS + ROUND_19_SETS + ROUND_20_SETS + ROUND_21_SETS
              + ROUND_22_SETS + ROUND_22_SUM + ROUND_21_SUM + ROUND_20_SUM
              + ROUND_19_SUM + ROUND_18_SUM
              + ROUND_17_SUM + ROUND_16_SUM
              + ROUND_15_SUM + ROUNDS_11_TO_14_SUMS + EARLIER_SUMS)
