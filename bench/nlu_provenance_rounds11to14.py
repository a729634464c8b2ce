"""The provenance of the sets of issue 15's rounds 11 to 14 (blind19, dev14, dev15, blind20, blind21): their first
runs and what was fixed after, and those rounds' summaries, moved here from nlu_provenance.py to keep that module under
400 lines (the text is unchanged)."""

ROUNDS_11_TO_14_SETS = """\
  blind19  263  nineteenth blind set (issue 15, round 11), written by a different person who never saw the rules, their
                tests or this file's results: casual 반말 and brusque callers ("얼마야?", "됐고 사람 나오라 그래",
                "오케이 콜"), callers doubting an outbound call (phishing, "제 번호 어떻게", calling back on the main
                number), questions about the call itself (recorded? a machine?), brand and material names (인비절라인,
                라미네이트, 지르코니아, 올세라믹, 오스템, 레진, 금 인레이), snow, strikes and broken cars moving or
                cancelling visits, secretaries booking for their boss, second opinions and other clinics' prices,
                double charges, refunds and receipts, two family members booked then one changed, callers driving or
                cooking in half sentences; 31 medical questions, 10 emergencies, 21 questions for staff, 7 opt-outs;
                committed before its first run.
                FIRST RUN (main at d9eef62, after round 10 and the opt-out check): intent 93.2% (245/263; rules alone
                85.6%), date 100.0%, time 99.6%, treatment 98.5%, all three slots 98.1%; medical -> booking 0 (rules
                alone 1: "이 뽑고 담배 몇 시간 참아야 돼"); misses by gold intent: question_other 13/21 (->
                talk_to_staff, medical_question, confirm_appointment, ask_insurance, ask_price, yes, wrong_number,
                other), book 46/50 (-> ask_location x2, ask_price, reschedule), reschedule 10/11 (-> callback_later),
                talk_to_staff 9/10 (-> other), yes 17/18 (-> other), no 14/15 (-> question_other), opt_out 6/7 (->
                ask_price), other 7/8 (-> yes). Goal (intent >= 97%) NOT met on this first run; slots (>= 97%) and
                medical safety met.
                Three labels were slips against the conventions and are corrected (the first run above is kept as
                recorded): "양치할 때마다 잇몸에서 피 나요 요즘" and "잇몸이 엄청 붓고 열까지 나요 지금 가도 돼요" no
                treatment -> gum (잇몸 names gum: blind8); "다른 치과에서 찍은 엑스레이 가져가면 다시 안 찍어도 돼요"
                no treatment -> checkup (엑스레이 names a checkup: blind5, dev12). With them the first run reads intent
                93.2% (245/263; rules alone 85.6%), date 100.0%, time 99.6%, treatment 99.6%, all three 99.2%.
                The writer's flagged calls stand, each as the earlier sets read the kind: whether the call is recorded
                or a machine, with no person asked for, is question_other (talk_to_staff only when a person is asked
                for: "AI 말고 실장님 계세요", "이거 기계예요? 사람 좀 바꿔 주세요"); a doubt about the call is
                question_other, with a call back said callback_later, and with a denial of being the patient
                wrong_number (dev10: "제 번호 어떻게 아셨어요 저 거기 간 적 없는데"); 라미네이트 names no treatment
                (none in the list), 인레이 a filling, 올세라믹/지르코니아 a crown, 오스템 an implant, 인비절라인
                orthodontics; of root canal and crown the first named (dev7's priority); a move is dated the new day;
                "네 제가 비서입니다 말씀하세요" and "네 눈만 안 오면 갈게요" say yes (the person asked answers; a
                condition keeps a yes: round 10); "같은 날" names no day; a free redo of a resin (warranty) is for
                staff; "…처음엔 다 그런 건가요" asks whether it is normal (medical).
                The misses were then fixed by kind (tests/test_language_kinds_round11.py; about_the_call.py is new): a
                doubt about the call ("보이스피싱", "사기 전화", "번호 어떻게/어디서", "치과에서 온/거신 전화 맞아요")
                and the call itself asked about ("AI랑 통화하는 거예요", "녹음 되는 거예요") are question_other before
                any reply reading, unless a call back is said or the patient denied; a closing out of the blue ("알았어
                수고해") is nothing asked; money gone wrong or asked back (두 번/중복 결제, 환불, a receipt's amount
                wrong) is for staff, after a cancel asked; a brusque demand for a person ("사람 나오라 그래", "책임자
                불러와"); a second opinion on another clinic's plan and an implant brand asked are for staff; "네
                비서…" is no navigation (네비); transport that fails (버스/지하철 파업, 차가 퍼져) is the reason, not
                the way; "치과 옮기/바꾸" changes clinics, not a visit; a question given up ("…냐고 물어보려다") leaves
                the request; busy but "…금요일로 해 줘요" to a reminder moves the visit; texts that keep coming refused
                from now on ("…문자 계속 오는데 이제 안 받을래요") are opt_out (the law); "해 줘 그거", "콜", "오키"
                accept; "관심/생각 없어요" to an offer and "그 시간 안 돼" to a proposal decline; 지르코니아, 올세라믹
                (crown) and 오스템 (implant); how long to keep off something after a treatment ("이 뽑고 담배 몇 시간
                참아야 돼") and a medical question asked while driving are medical questions for the rules too; "두
                시는 좀 그런데 다섯 시는" takes the second time. A probe of 38 new sentences in these kinds, written
                during the fixes, read 32/38 on its first run: three were the probe's own slips (a past 어제 is dated;
                a missed visit "다시 잡을 수 있어요" is a move, so the sentence was replaced; a counter-proposal to a
                proposal is no with the new time, as blind11-19), and four kinds were fixed too (an implant brand
                asked, a medical question while driving and "…금요일로 해 줘요" to a reminder by the rules alone, "좀
                그런데" to a proposal); three for the blunt yes/no were added after (the file has 41).
                blind19 then joined the model's examples and the regression tests. With the model it reads 100.0%
                (263/263; rules alone 93.9%), date, time, treatment and all three 100.0%; medical -> booking 0 with and
                without the model. No earlier set went down (intent with the model, with the rules alone and all three
                slots as before on every set). Left to the model (the rules alone read 16 rows wrong, which the model
                has now seen): a booking after changing clinics asked as "상담 되나", a day asked "괜찮아요" after a
                strike, a medical question after "네 괜찮은데" to a wellbeing check, symptoms told with a laminate, a
                denture or stitches, a choice between materials, another clinic's price "거기는요", a consultation fee
                "따로 받아", "토요일도 해", two family visits checked, a morning-or-afternoon check, "애 좀 받아야 돼
                나중에", "사장님께 여쭤보고 다시 연락드릴게요" to a confirm, "여기 정비소 아니에요", "인비절라인 상담
                받아 볼게요" to an offer.
                For the dialog (not in this package): a question_other about the call itself should get a true answer
                (the AI notice, the recording notice, the clinic's name and main number) before staff are offered.
                (Tables run at load average ~1 on 2 shared cores: the ms per utterance figures are indicative.)
  dev14    327  tuning set (issue 15, round 12) written by someone who never saw the rules: inbound callers of every
                kind, evenly over the intents, plus replies to outbound calls, extra refusals and their near misses; 94
                rows with the question asked (offer 27, reminder 16, wellbeing 11, yes_no 11, proposal 10, confirm 7,
                slots and digits 14); 25 medical questions, 12 emergencies, 28 opt-outs, 26 questions for staff.
                FIRST RUN (rules and model as shipped after round 11, main at 03c61d4): intent 92.0% (301/327; rules
                alone 85.3%), date 98.2%, time 99.4%, treatment 98.5%, all three slots 96.0%; medical -> booking 0 (of
                37); misses by gold intent: ask_location 4/12 (-> other x2, medical_question, yes), opt_out 3/28 (->
                question_other, yes, other), confirm_appointment 3/18 (-> book, cancel, reschedule), wrong_number 3/12
                (-> other x2, book), question_other 3/26 (-> book x2, talk_to_staff), no 2/20 (-> book, other),
                medical_question 2/25 (-> symptom, question_other), other 2/12 (-> yes, no), ask_price 1/12 (-> other),
                emergency 1/12 (-> question_other), yes 1/14 (-> other), callback_later 1/16 (-> no).
                The writer's judgement calls were checked against the earlier sets and kept ("그건 됐고요 문자로 안내만
                받을게요" and "필요하면 그때 제가 연락할게요" to an offer are no; "검진 알림은 계속 … 이번 이벤트는 관심
                없어요" no with checkup; "토요일에 임플란트 심었는데 월요일부터 헬스 가도 돼요" dated to the Monday
                asked about; "…열 시로 잡혀 있는데 한 시간만 뒤로" a move to 11:00; refusals of reminders, happy calls
                and all contact are opt_out; "오늘 저녁 일곱 시는 안 돼요" asked is book). Four slot labels were slips
                against the conventions (the first run above stays as it was): a day named in an hours question is that
                day ("일요일이나 빨간 날에 여는지"), "오늘" is a date, 엑스레이 names a checkup (x2); with them the
                first run reads intent 92.0%, date 98.8%, time 99.4%, treatment 99.1%, all three slots 97.2%.
  dev15    307  tuning set (issue 15, round 12) written by someone who never saw the rules: patients and family
                answering the clinic's own calls (reminders, happy calls, recalls, implant check-ups, 65+ offers), every
                row with the question asked (offer 114, reminder 59, wellbeing 57, yes_no 30, proposal 17, confirm 10,
                slots and digits 20); many refusals and near misses: 41 opt-outs (42 corrected), 23 medical questions,
                9 emergencies.
                FIRST RUN (main at 03c61d4): intent 90.6% (278/307; rules alone 80.8%), date 99.0%, time 99.3%,
                treatment 98.4%, all three slots 96.7%; medical -> booking 1 of 32 ("내일 등산 가기로 했는데
                괜찮을까요" to a happy call -> book); misses by gold intent: opt_out 8/41 (-> no x2, other x2,
                question_other, book, yes, ask_price), callback_later 3/23 (-> other x2, yes), confirm_appointment 3/10
                (-> yes, reschedule, book), ask_location 3/8 (-> yes x2, wrong_number), yes 2/33 (-> book x2), symptom
                2/12 (-> other, question_other), medical_question 2/23 (-> book, no), question_other 2/12 (->
                confirm_appointment, talk_to_staff), book 1/20 (-> ask_insurance), ask_hours 1/9 (-> yes), emergency
                1/9 (-> symptom), no 1/39 (-> yes).
                The writer's judgement calls were checked and kept (an offer accepted naming a treatment but no day is
                yes; "네 보험 되는 거면 할게요" yes; "알림 전화는 이제 끊어 주세요" and "예약은 갈게요 근데 다른 광고
                전화는 하지 마세요" opt_out; "제 번호 어떻게 아셨어요" question_other; every slot refused no; "I'll call
                back" to a proposal callback_later; "잠깐만요 뭐 적을 것 좀" other; a promotion's end date and printed
                check-up results question_other) but one: "문자는 괜찮은데 전화는 좀 부담스러워요 앞으로 문자로만
                주세요" refuses calls from now on, and a channel refused is an opt-out (as "광고 문자만 끊어 주세요" in
                the earlier sets; the law keeps it): callback_later -> opt_out. Six slot labels were slips too: a day
                named in an hours question is that day (x3), 엑스레이 (x2) and 점검 name a checkup. With them the first
                run reads intent 90.6% (the corrected row was a miss either way), date 100.0%, time 99.3%, treatment
                99.3%, all three slots 98.7%.
                Fixed by kind after both first runs (tests/test_language_kinds_round12.py, 49 cases in new sentences):
                refusals in words the rules lacked, now in their own module (opt_out_words.py): notices of offers
                refused ("이벤트 안내 같은 거 … 보내지 마세요", "… 더는 받지 않을게요"), notices or receiving switched
                off ("프로모션 알림 해지해", "수신 끊어"), one's data kept from marketing, a refusal said before ("하지
                말라 했잖아요"), "거부예요", "거부해 주세요", a number to be wiped ("지우세요", "스팸 신고하기 전에"),
                "다음부터는 전화 마세요", calls refused for texts only; a place or the hours asked after "네 갈게요 근데
                …" and "…출구로 나가요" (no "가요" of going); an outing planned after a treatment ("등산 가기로 했는데
                괜찮을까요") and a prescribed course ("처방해 준 약 … 끝까지 다 먹어야 돼요") are medical questions;
                hives over the whole body are an emergency; another kind of clinic meant ("한의원 아니에요", "내과인 줄
                알았어요") is a wrong number; a decision left to someone else ("남편이랑 상의해 보고 연락드릴게요") is
                callback_later, to a slot proposed a no unless held with "잠깐만요 네"; thinking it over alone to an
                offer stays a no the model may not override; "흐음 글쎄요" is a hesitation; "네 저예요 근데 지금 통화가
                어려워서요 …다시요" is callback_later; "이번 검진은 됐고요 내년에 또 알려 주세요" is no; "그때면
                되겠네요 잡아 주세요" to a proposal is yes; parking asked while driving there is the location; papers
                printed ("결과지 뽑아", "영수증 뽑을") are no extraction. The treatments named moved out of
                understanding.py (treatments_named.py) first.
                dev14 and dev15 then joined the model's examples and the regression sets. dev14 reads 99.4% (325/327;
                rules alone 88.4%), date 98.8%, time 99.4%, treatment 99.4%, all three 97.6%; dev15 99.0% (304/307;
                rules alone 86.6%), date 100.0%, time 99.3%, treatment 99.7%, all three 99.0%; medical -> booking 0
                with and without the model. No earlier set went down (rules alone blind17 91.6% -> 92.1%, blind18 88.3%
                -> 88.6%, blind19 93.9% -> 94.3%, dev12 86.1% -> 86.4%; everything else as before). Left as they are:
                "네비에 뭐라고 치면 나와요", "그 이벤트 가격이 얼마라고요" to an offer, a booking after "보험 된다니까"
                (-> ask_insurance), "저는 다른 날로 알고 있었는데 다시 한 번 봐 주실래요" (-> reschedule), an implant
                fallen out and held in the hand (-> symptom: not made an emergency for one sentence); slots: "그 다음 주
                화요일", "한 시간만 뒤로" from 10:00, "10월 5일" after "다음 달로", "여덟 시 넘어서 다시" at 17:50 (->
                08:00), "여섯 시 넘어서 여섯 시 반", "전체적으로 봐 주셨으면" (checkup), two Saturdays in doubt.
                (Tables run at load average ~0.9 on 2 shared cores: the ms per utterance figures are indicative.)
  blind20  254  twentieth blind set (issue 15, round 13), written by a different person who never saw the rules, their
                tests or this file's results: seasonal calls (the year-end rush for the yearly insurance scaling, 설,
                summer-vacation braces and trips, 추석 and 벌초), medical professionals in clinical jargon (발치와,
                혈병, 봉와직염, 치근단 투과상, INR, 비스포스포네이트), menu numbers and keys said aloud, interpreters
                and employers calling for foreign workers, items left at the clinic, parking tickets, anxious callers
                late at night after surgery, reminder replies confirming several details at once, 제주 and 강원 speech,
                sarcastic or joking callers, bookings begun, left and taken up again, mixed intents labelled with what
                a 실장 acts on first; committed before its first run.
                FIRST RUN (main at 897b341, after rounds 10-12): intent 83.5% (212/254; rules alone 77.2%), date 94.9%,
                time 98.8%, treatment 98.0%, all three slots 91.7%, medical -> booking 2; misses by gold intent:
                question_other 7/18 (-> book x4, ask_location x2, ask_insurance, medical_question, confirm_appointment,
                yes, ask_hours), yes 16/24 (-> book x4, other x2, confirm_appointment, question_other), symptom 9/13
                (-> emergency x2, medical_question, other), medical_question 27/32 (-> book x2, question_other,
                confirm_appointment, emergency), other 7/10 (-> question_other x2, yes), no 13/16 (-> wrong_number,
                book, cancel), ask_price 6/8, book 35/37, confirm_appointment 9/10, ask_location 6/7, ask_insurance 7/8,
                wrong_number 6/7.
                Goal (intent >= 97%, slots >= 97%, zero medical questions to booking) NOT met on this first run: intent
                83.5%, date 94.9% (eleven of its thirteen misses were "연말" read as 31 December) and two medical
                questions booked ("…연휴 끝나고 가도 되는 거예요 아니면 급한 거예요", "…발치한 지 사흘이면 물에
                들어가도 돼요" with 내일 named).
                One label was a slip against the conventions and is corrected (the first run above is kept as
                recorded): "건강보험 스케일링 하면 본인 부담 얼마 나와요 …" ask_price -> ask_insurance (본인 부담 asked
                is ask_insurance in all eight earlier rows, e.g. "아버지 틀니 보험으로 하면 본인 부담 얼마예요"). With
                it the first run reads intent 83.9% (213/254; rules alone 77.6%), slots as above, medical -> booking 2
                (rules alone 3). The writer's other flagged judgement calls stand as labelled (dates from 어제/오늘/
                내일 in any line and none from 지난주, a weekday in an hours line dated, a bare menu number other,
                parking registration ask_location and parking-ticket trouble question_other, 리테이너 orthodontics, a
                틀니 케이스 left question_other with denture, "응급인지 모르겠는데요 … 열은 없어요" symptom, blood in
                the saliva on the day of an extraction with the ER asked medical_question, 뼈이식 alone null, vague
                reschedule targets undated, 11:00 moved to 12:00, an interpreter's yes, "실손 되나요" ask_insurance,
                연말정산 receipts and an English doctor's note question_other); not every one was re-checked row by row
                against all earlier sets in the time box.
                Fixed after, by kind (tests/test_language_kinds_round13.py, new sentences): the year's end is a stretch
                of days and a date only when booked so ("연말에 예약"); whether it is an emergency asked ("응급인지",
                "응급실 가야 되나") is no emergency said; whether a thing can wait, what one may do so many days after a
                treatment, whether a thing is normal: medical questions, never bookings, whatever day is named (with
                and without the model); a menu key said aloud while unsure whether to press it is other; parking-ticket
                trouble is for staff; a booking taken up again after a side question books; one's records looked up are
                for staff; a foreign worker's health insurance is ask_insurance; "그런 직원 없는데요" is a wrong number.
                blind20 then joins the model's examples and the regression sets: 97.2% (247/254) with the model, 82.3%
                (209/254) with the rules alone, date 99.2%, time 98.8%, treatment 98.0%, all three 96.1%, medical ->
                booking 0 with and without the model; every other set as before. Left as they are: an interpreter's
                "잠을 못 잔대요" (emergency: sleepless pain is one in the earlier sets), a loose suture "피는 안 나요"
                (medical_question), "네 갈게요 근데 … 몇 시간 걸려요" (yes), accepting an offer with "잡아 주세요"
                (book), "돈 받는 거 아니에요" to an offer (question_other), "방학 한 달 동안 … 다 끝낼 수 있어요"
                (ask_price), the dental-student 타진 question (ask_insurance with the model); slots: 11:00 kept where
                12:00 was asked, "일곱 시 두 명이요" read 07:00, "일월 일일에 리셋", "토요일마다", treatments named in
                passing in wellbeing replies and jargon (제3대구치, 치근단 투과상).
                (Tables run at load average ~0.9 on 2 shared cores: the ms per utterance figures are indicative.)
  blind21  275  twenty-first blind set (issue 15, round 14), written by a different person who never saw the rules,
                their tests or this file's results: repairs (callers correcting the bot's read-back or proposal, with
                expect set to what the bot asked), side talk to a spouse, mother or boss mid-call and back, children
                and teens calling for a parent or booking alone, vague slot answers ("아무 때나요", "평일 저녁이요",
                "제일 빠른 걸로"), stammers as transcribed ("예 예약 예약을"), several dates offered, "다시 한 번만",
                cancelling over cost or a bad experience, frustrated callers asking for a person, family members
                answering outbound calls; committed before its first run.
                FIRST RUN (main at 976db1f, after round 13): intent 93.1% (256/275; rules alone 87.6%), date 98.9%,
                time 100.0%, treatment 98.9%, all three slots 97.8%, medical -> booking 1; misses by gold intent: no
                21/28 (-> book x6, wrong_number), book 52/57 (-> no x2, other, medical_question, question_other), other
                12/14 (-> question_other, book), ask_price 7/8 (-> yes), symptom 11/12 (-> emergency), callback_later
                7/8 (-> no), medical_question 31/32 (-> book), question_other 11/12 (-> other).
                Goal (intent >= 97%, slots >= 97%, zero medical questions to booking) NOT met on this first run on
                intent nor medical safety ("이 뺀 자리에 거즈 몇 시간 물고 있어야 돼요 벌써 빼 버렸는데" booked);
                the slots meet it. The biggest loss was one kind: a correction of the bot's read-back ("아니요 스케일링
                말고 잇몸 치료요", "오전 아홉 시 반 아니고 오후요 …") read as a new booking or a wrong number (six of
                the seven no misses).
                No label changed. The writer's conventions stand and agree with the earlier sets where they overlap
                (a correction of a read-back under confirm is no with the corrected slot filled; "네 근데 … 바꿀 수
                있나요" under confirm reschedule; a vague slot answer book with the slot null; of several dates the
                first, after a self-correction the last; "엄마 바꿔 드릴게요" other); the flagged rows (L2/L14/L15
                reschedule, L7 confirm_appointment, L20 no with 12:30, L152 medical_question, L180 emergency, L190
                question_other, L219 wrong_number) were read and kept; not every row was re-checked against all earlier
                sets in the time box.
                Fixed after, by kind (appliance/language/repairs.py, tests/test_language_kinds_round14.py, new
                sentences): a correction of a read-back is a no carrying the corrected slot, not a booking nor a wrong
                number (a move asked, "네 근데 … 되나요", stays a move); to "which day / time / treatment?" an answer
                that corrects itself books the corrected slot; after a self-correction the day and the treatment are
                the ones named after it ("다름이 아니라" takes nothing back; "임플란트가 아니고 브릿지인가" only
                wonders); a treatment passed on by someone at the caller's side ("…하는 거래요") answers "which
                treatment?"; a need told and then a slot asked if free ("…모레 열 시 반 되나요") books; a throb that
                keeps one awake with no other red flag is a symptom ("너무 아파서 … 한숨도 못 잤어요" stays an
                emergency); a relative answering for the patient who asks to ring again is callback_later; the price
                asked before an offer is taken is ask_price; which dentist treats (여자 선생님이세요) is for staff; a
                stammer with nothing said ("저 저 그 뭐냐 잠깐만요") is other; a care question with a short aside after
                it ("…물고 있어야 돼요 벌써 빼 버렸는데") is a medical question, never a booking.
                blind21 then joins the model's examples and the regression sets: 100.0% (275/275) with the model (which
                has now seen it), 94.2% (259/275) with the rules alone, date 99.6%, time 100.0%, treatment 99.3%, all
                three 98.9%, medical -> booking 0 with and without the model. With the round-14 rules and a model built
                without blind21 it reads 98.5% (271/275): the kinds carry, not only the examples. No earlier set went
                down (blind18 98.2% -> 98.6%, rules alone 88.6% -> 89.3%; blind20 97.2% -> 97.6%; dev12 98.2% -> 98.5%,
                rules alone 86.4% -> 86.7%; everything else as before). Left as they are: "그 주 금요일" after "다음 주
                수요일은 …" (the week of the day named: read as this week's Friday), a treatment named in an
                emergency's account ("잇몸에서 피가 나요" -> gum) and an X-ray sent on (-> checkup).
                (Tables run at load average ~1-2 on 2 shared cores: the ms per utterance figures are indicative.)
"""

ROUNDS_11_TO_14_SUMS = """\
Round 14 (blind21) in sum: blind21's first run read intent 256/275 = 93.1% (rules alone 87.6%; no label changed),
date 98.9%, time 100.0%, treatment 98.9%, all three 97.8%, medical -> booking 1 of 44: the goal is not met on intent
nor medical safety on this first run; the slots meet it. First runs so far: blind13 97.7, blind14 95.0, blind15 85.9,
blind16 94.7, blind17 86.2, blind18 87.9, blind19 93.2, blind20 83.5, blind21 93.1: still set by the writer's mindsets,
not rising with the rounds. Most of blind21's loss was one kind the dialog meets on every read-back (a correction of
it, 6 of the 19 misses), now fixed by kind with the slot carried. After the fixes blind21 reads 100.0% with the
model (which has now seen it), 98.5% with a model that has not, and 94.2% with the rules alone; medical -> booking 0
everywhere with and without the model; the next fresh set tells whether the kinds generalise.
Round 13 (blind20) in sum: blind20's first run read intent 212/254 = 83.5% (83.9% with one label slip corrected;
rules alone 77.2%), date 94.9%, time 98.8%, treatment 98.0%, all three 91.7%, medical -> booking 2 of 44: the goal is
met on none of intent, slots (date) or medical safety on this first run. The day's fresh blind sets read 86.2 (blind17),
87.9 (blind18), 93.2 (blind19) and now 83.5 (blind20); the earlier ones 97.7 (blind13), 95.0 (blind14), 85.9 (blind15),
94.7 (blind16). Plainly: after thirteen rounds a fresh writer with new mindsets still finds whole kinds the rules lack,
and the first-run figure swings between 84% and 98% with the writer, not upward with the rounds; the 97% intent goal is
met on sets the rules were tuned on, not on unseen speech, and the rules-and-examples approach is not converging to it.
Medical safety is the part that holds best (0-2 per fresh set, 0 after each round). After the fixes by kind blind20
reads 97.2% with the model (which has now seen it) and 82.3% with the rules alone, medical -> booking 0 everywhere with
and without the model; the next fresh set tells whether these kinds generalise.
Round 12 (dev14, dev15) in sum: two training sets by writers who never saw the rules read intent 92.0% (301/327; rules
alone 85.3%) and 90.6% (278/307; rules alone 80.8%) on their first runs, medical -> booking 0 and 1; refusals were the
biggest legal loss (dev15 opt_out 33/41) and replies to the clinic's calls that add a question ("네 갈게요 근데 …") the
biggest other. After the fixes by kind they read 99.4% and 99.0% with the model (which has now seen them) and 88.4% and
86.6% with the rules alone, every opt-out of both sets read by the rules alone, medical -> booking 0 everywhere with and
without the model; blind20 (still unseen) tells whether the kinds generalise.
Round 11 (blind19) in sum: blind19's first run read intent 245/263 = 93.2% (rules alone 85.6%), date 100.0%, time
99.6%, treatment 98.5% (99.6% with three label slips corrected), all three 98.1% (99.2% corrected), medical -> booking
0 of 41: the goal is not met on intent on this first run; slots and medical safety meet it. The new writer's mindsets
(doubting the call, asking about the call itself, money gone wrong, brusque 반말) found kinds the rules lacked, though
fewer than blind18's (first runs blind15 85.9%, blind16 94.7%, blind17 86.2%, blind18 87.9%, blind19 93.2%). After the
fixes by kind blind19 reads 100.0% with the model (which has now seen it) and 93.9% with the rules alone, medical ->
booking 0 everywhere with and without the model; the next fresh set (blind20) tells whether the kinds generalise.
"""
