"""Where the labelled NLU sets come from and what their first runs read: the text at the top of
bench/nlu_accuracy.txt (``bench/nlu_accuracy.py`` prints it before the tables). Each blind set gets its block when it
is first run, with the first-run numbers kept as they were; what was fixed after is added below them."""

from nlu_provenance_early import EARLY_SETS  # bench/, beside this module
from nlu_provenance_rounds5to7 import ROUNDS_5_TO_7  # bench/, beside this module
from nlu_provenance_rounds8to9 import ROUNDS_8_TO_9  # bench/, beside this module

PROVENANCE = EARLY_SETS + ROUNDS_5_TO_7 + ROUNDS_8_TO_9 + """\
  blind18  281  eighteenth blind set (issue 15, round 10), written by a different person who never saw the rules, their
                tests or this file's results: ~60% replies to the clinic's own outbound calls (reminder, happy call
                after an extraction, implant surgery or root canal, implant check-up, recall, yearly scaling, 65+
                dentures and implants) answered by a family member, someone half-awake or in a meeting, someone who does
                not remember the clinic, with a question back, agreeing but moving the time, asking for a call later or
                a text, refusing further calls in 12 ways, a symptom in a happy call, annoyed; ~40% inbound:
                shift-working nurses and carers, parents of children with special needs (sedation, wheelchair, a quiet
                room), students on a budget, a clinic, insurer, company, pharmacy, nursery or district office calling
                about a patient, elderly callers reading numbers slowly, a greeting or a name only in the first
                sentence; 172 rows with the question asked (offer 40, reminder 35, wellbeing 33, yes_no 22, proposal 14,
                confirm 10, date, time, treatment); 29 medical questions, 9 emergencies, 14 questions for staff, 12
                opt-outs; committed before its first run.
                FIRST RUN (main at b5f51fa, after round 9): intent 87.9% (247/281; rules alone 81.9%), date 97.9%, time
                98.6%, treatment 98.2%, all three slots 94.7%; medical -> booking 1; misses by gold intent: yes 25/37
                (-> book x4, other x3, wrong_number, callback_later, reschedule, no, ask_insurance), no 23/29 (->
                wrong_number, reschedule, yes, opt_out, ask_insurance, question_other), confirm_appointment 7/10 (->
                book x2, wrong_number), symptom 11/13 (-> emergency x2), ask_location 4/6, callback_later 12/14,
                medical_question 27/29 (-> question_other, book), question_other 12/14, ask_hours 6/7, talk_to_staff
                9/10, other 12/13. An earlier unseen run over main at e51d6fd (before round 9) read intent 87.2%, all
                three 94.7%, medical -> booking 1.
                Goal (intent >= 97%, slots >= 97%, zero medical questions to booking) NOT met on this first run: intent
                87.9%, all three slots 94.7% and one medical question to booking ("임플란트 수술하고 등산 가도 돼요
                주말에 산악회가 있어서") miss it.
                Four labels were slips against the conventions and are corrected (the first run above is kept as
                recorded): "아무렇지도 않아요 이런 확인 전화는 안 하셔도 돼요" no -> opt_out (the law: a refusal of
                calls in any words, as blind17's "이런 전화는 안 받았으면 해서요"); "…등산 가도 돼요 주말에 …" no date
                -> that Saturday (주말 names that Saturday: blind6, blind8); "수신거부 해 주세요 이벤트든 검진이든" and
                "…무슨 검진이에요 번호 확인하세요" no treatment -> checkup (검진 names a checkup in all 84 other rows).
                With them the first run reads intent 88.3% (248/281; rules alone 82.2%), date 98.2%, time 98.6%,
                treatment 98.9%, all three 95.7%, medical -> booking 1 (rules alone 2).
                The writer's other judgement calls stand, each as the earlier sets read the kind: a refusal of calls is
                opt_out whatever was asked (lines 12, 39, 129); a relative saying the patient is out answers no (9, 19);
                busy and "문자로 남겨/주세요" is callback_later (4, 141), accepting by text is yes; a past 어제 is dated
                (blind5: 18, 50, 100, 105, 108, 126); "시간을 한 시간만 당겨 주세요" to a proposal is no with no time
                (blind10: the slot proposed turned down, none named); "제가 거기 다녔었나" to an offer is for staff
                (143); "원래 그런 건가" to a check-up offer is a medical question (172); "임시로 씌운 거" a crown, "어제
                뽑은 거" an extraction, an X-ray asked for a checkup (blind5); of two times the wanted one (89, 178); a
                wheelchair in the chair is for staff (177), 엘리베이터 asks the way (blind3, 194); "대충 얼마" asks the
                price (199), a detailed bill with no 실비 is for staff (blind13, 255).
  dev12    339  tuning set (issue 15, round 10) written by someone who never saw the rules: mixed regions and ages, 30
                opt-outs and 28 near-miss "no"s; 142 rows with the question asked; 24 medical questions, 13 emergencies.
                first run over main at e51d6fd (before round 9): intent 90.6%, medical -> booking 1. Re-run over round
                10's starting point (main at b5f51fa): intent 90.9% (308/339; rules alone 82.0%), date 98.8%, time
                99.7%, treatment 99.4%, all three 97.9%, medical -> booking 1 (rules alone 4); misses by gold intent:
                opt_out 24/30 (-> other x4, book, yes), question_other 13/18, book 37/41, no 25/28, symptom 18/21 (->
                medical_question x3), other 8/11, emergency 11/13 (-> symptom x2), confirm_appointment 14/16,
                medical_question 23/24 (-> book), ask_location 10/11, cancel 13/14. Three labels corrected to the
                conventions: "주말 진료 시간 좀 알려 주이소" names that Saturday; "임신 … 엑스레이 찍어도 괜찮은가요"
                names a checkup (blind5); "내일 임플란트 수술인데 오늘 밤에 술 마시면 안 되죠" is dated the treatment's
                day, as "모레 사랑니 빼기로 했는데 그 전에 감기약 먹어도 돼요" in the same set and every medicine asked
                before a treatment (round 9): of two days the treatment's is the slot. With them the re-run reads intent
                90.9%, date 99.4%, time 99.7%, treatment 99.7%, all three 98.8%. The writer's calls stand: "문자로 …"
                after an offer is callback_later when busy and yes when the offer is taken by text; partial refusals
                ("문자는 괜찮은데 전화는 안 했으면", "광고 문자는 그만 … 예약 안내는 계속") are opt_out; two requests
                are labelled by the first; "주말은 제가 근무라 평일 저녁은 안 될까요" to a proposal is no with no date
                (the new slot names none).
  dev13    350  tuning set (issue 15, round 10) written by someone who never saw the rules: office workers, students,
                retirees, caregivers, noisy line transcripts, run-ons, 40 opt-outs; 132 rows with the question asked; 26
                medical questions, 10 emergencies, 27 questions for staff.
                first run over main at e51d6fd (before round 9): intent 87.1%, medical -> booking 2. Re-run over round
                10's starting point (main at b5f51fa): intent 88.3% (309/350; rules alone 79.7%), date 98.6%, time
                98.6%, treatment 98.9%, all three 96.0%, medical -> booking 2 (rules alone 5); misses by gold intent:
                opt_out 29/40 (-> other x4, question_other x3, no x2, yes, ask_price), yes 16/22 (-> ask_insurance x2,
                book x2, other x2), question_other 22/27, no 26/30 (-> symptom x2, callback_later, reschedule),
                confirm_appointment 14/17 (-> book x2, cancel), other 12/14, symptom 12/14, medical_question 24/26 (->
                book, talk_to_staff), wrong_number 10/11 (-> opt_out), and one each of book, reschedule, cancel,
                ask_location, emergency (-> book: a knocked-out tooth kept in milk). Seven labels corrected to the
                conventions: "아니 저 치과 안 다니는데 누구 찾으시는 거예요 번호 지워 주세요" wrong_number -> opt_out
                (in every other set a request to delete one's number is opt_out, and the law keeps a refusal for good);
                "주말에 당직 서는 치과 …" names that Saturday; "아니요 어제부터 얼굴이 퉁퉁 붓고 열이 나요" is dated
                yesterday (blind5); four times in hours questions are read ("한 시부터예요", "퇴근하면 일곱 시라서",
                "다섯 시 되는데 그때도 진료 하세요", "저녁 아홉 시 넘어서도": the parser reads them by design, as in
                stress and blind2-4). With them the re-run reads intent 88.6% (310/350; rules alone 80.0%), date 99.1%,
                time 99.7%, treatment 98.9%, all three 97.7%, medical -> booking 2 (rules alone 5). "신경치료는 보통 몇
                번 가야 끝나요" is for staff (the plan, not one's body: round 6), as labelled.
                The misses of the three sets were then fixed by kind (tests/test_language_kinds_round10.py). Opt-outs
                (the law): sending or ringing refused with only a time word ("이제 보내지 마세요", "다시 걸지 마세요",
                "그만 보내 주세요", "그만하세요"), advertising switched off or taken away after a few words ("광고
                문자만 끊어/꺼 주세요", "광고 전화가 자꾸 와요 빼 주세요", not "이 빼"), taken off a list ("발신
                목록에서 제외", "리스트에서 지워"), not receiving ("수신 안 합니다"), one's number not to be used,
                offers not to be told of ("할인 행사 … 알리지 마세요"), calls and texts disliked ("전화 오는 것도 …
                싫어요"), made to stop coming ("안 오게 해 주세요"); "문자로 주세요", a no to one offer and being busy
                stay what they were. Replies to the clinic's outbound questions (replies.outbound_answer, before the
                wrong-number and callback cues): the person asked says it is them ("네 접니다", "제가 어제 그 사랑니 뺀
                사람이에요", "정확합니다"), a relative says the patient is out (no, not a wrong number), busy but the
                last words say yes ("…통화가 안 돼요 네 가요"), busy with a text asked for is callback_later, a change
                read back agreed ("네 그렇게 바꿔 주세요 …"), an offer taken on a condition ("보험 되는 거면 해야죠") or
                in the first words ("네 할게요 근데 …"), an offer declined in the last words ("…필요 없어요", "…이번엔
                안 할게요"), going to a reminder with no new slot sure (the model had turned "…갈게요" into bookings),
                "그래도 할게요" accepts. Checking one's own visit, not booking: "언제로 잡아 놨었죠", "예약 날짜 … 불러
                주세요", "내 예약이 … 맞어요", "내 번호로 예약된 거 있나", "취소된 거 아니죠". Medical safety:
                activities after a treatment (등산, 골프, 헌혈, 수영) ask leave; a child's habit (손가락 빨기,
                공갈젖꼭지) and harm worried about ("삐뚤어질까요"); conditions (투석, 항암, 신장병); a precaution
                ("조심해야 할 게"), a strain ("무리 없어요"), harm ("마시면 안 좋아요") or healing ("잘 붙어요") asked;
                whether to come asked after whether it is normal ("…정상이에요 내일 또 가야 돼요"); a knocked-out tooth
                kept in milk is an emergency; a swallowed piece "삼키신" and "목에 걸렸대요". Others: a cancel then a
                new day is a move; 무르다 cancels; a walk from a place asks the way; "학교 정문" names no braces; a
                patient moved to the chair is no move; a lost thread ("뭘 물어보려고 했더라") is nothing asked yet; help
                asked with a booking ("예약 좀 도와주세요") books, which the rebuilt model had read as a check. Slots:
                numbers read out syllable by syllable ("십 일 월", "월 요 일", "다 음 주", whose 음 is no hesitation); a
                time given as the reason loses to the next ("다섯 시 반 퇴근이니까 여섯 시요"); 7-9 o'clock with the
                evening said after it; "알림은 두시고" is no two o'clock. A probe of 43 new sentences in these kinds,
                written during the fixes, read 37/43 on its first run (a busy caller's "문자로 주세요", "…심은
                사람이에요", "예 정확합니다", a child's habit with the rules alone, a precaution before an extraction,
                "두시고" read as 14:00); those kinds were fixed too, and 6 slot sentences written with the slot fixes
                read 5/6 ("다 음 주": fixed); one more, for the booking help, was added after it (the file has 50).
                blind18, dev12 and dev13 then joined the model's examples and the regression tests. With the model
                blind18 reads 98.2% (276/281; rules alone 88.3%), date 99.3%, time 99.6%, treatment 99.3%, all three
                98.2%; dev12 98.2% (333/339; rules alone 86.1%), all three 98.8%; dev13 98.9% (346/350; rules alone
                86.9%), all three 98.3%; medical -> booking 0 on every set, with and without the model. No earlier set
                went down (intent with the model, with the rules alone and all three slots as before or higher; rules
                alone blind10 92.9% -> 93.5%, blind17 91.2% -> 91.6%). Left: two symptoms in a happy call the rules call
                emergencies ("입을 잘 못 벌리겠어요 말하기도 힘들어요", "밤새 욱신욱신해서 잠을 못 잤어요": trismus and
                sleepless pain are red flags since round 4; erring towards urgency is kept), "시간을 한 시간만 당겨
                주세요" to a proposal (a move), a scab asked about, "점검" alone (the writer left it without a
                treatment), two days asked between ("이십육일이었나 이십칠일이었나"), arithmetic on a time ("세 시 … 한
                시간만 뒤로"), two requests in one breath, a hospital's 검사 read as a checkup, "쓰 케 일 링". (Tables
                run at load average ~2 on 2 shared cores: the ms per utterance figures are indicative.)
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
