"""Where the labelled NLU sets come from and what their first runs read: the text at the top of
bench/nlu_accuracy.txt (``bench/nlu_accuracy.py`` prints it before the tables). Each blind set gets its block when it
is first run, with the first-run numbers kept as they were; what was fixed after is added below them."""

from nlu_provenance_early import EARLY_SETS  # bench/, beside this module

PROVENANCE = EARLY_SETS + """\
  blind13  217  thirteenth blind set (issue 15, round 5), written after the round-4 fixes without looking at the rules,
                their tests or this file's results: foreigners speaking simple Korean (Vietnamese, Chinese, English
                speakers: dropped particles, "I am sorry", "Help", "open 몇 시", "클리닝"), a company's HR arranging a
                group check-up and insurance papers, callers speaking for a friend, a roommate or a spouse, callers
                changing their mind mid-sentence ("화요일 아니 수요일", "2시 아 죄송해요 4시"), two things in one
                breath, very short replies with and without the question asked, polite indirect refusals ("마음은
                감사한데 이번엔 패스할게요"), and callers checking what the bot said ("네? 몇 시라고요?"); 69 rows
                with the question asked (offer, proposal, reminder, yes_no, wellbeing, confirm, date, time,
                treatment); 28 medical questions, 8 emergencies, 13 questions for staff; committed before its first
                run.
                FIRST RUN: intent 97.7% (212/217; rules alone 91.7%), date 99.5%, time 99.5%, treatment 99.5%, all
                three slots 98.6%; medical -> booking 0 (of 36 medical questions and emergencies); misses by gold
                intent: question_other 3/13 (-> book x2, talk_to_staff), no 1/13 (-> other), other 1/10 (-> yes).
                Goal: intent >= 97%, slots >= 97% and zero medical questions to booking all met on this first run.
                The intent misses: "남편이 대신 가서 서류 받아와도 되나요 위임장 필요해요" and "예약 문자 영어로 받을
                수 있어요" (-> book), "애기 데리고 가도 돼요 봐줄 사람이 없어서" (-> talk_to_staff), "마음은 감사한데
                이번엔 패스할게요" to an offer (-> other), "네? 몇 시라고요?" to a proposal (-> yes). The slot misses:
                "클리닝" (Konglish for scaling) no treatment, "금요일 오후 2시 아 죄송해요 4시 그게 나아요" kept the
                first time, "금요일 예약 조금 앞당길 수 있을까요 목요일이나" read as the Friday of the old visit.
                No label was changed. After the run its misses were fixed by kind: Konglish "클리닝"/"크리닝" is
                scaling and "open/close 몇 시" asks the hours; a time taken back with an apology ("죄송해요",
                "미안해요", "잠깐만요") loses to the next; in a move the day named with the visit ("금요일 예약 …") is
                where it is now, the day after it where it goes; papers fetched for someone else (위임장, "대신 가서
                … 받아") and results or notices sent somewhere ("알림 카톡으로 받을 수") are for staff, and "예약
                문자" is no booking; someone brought along ("데리고 가도 돼요", "유모차 끌고", no day, time or
                treatment) asks what the clinic allows, and "봐줄 사람이 없어서" asks for no staff; polite refusals
                ("패스할게요", "마음만 받을게요") decline an offer; "네? 몇 시라고요" asks to hear it again; then the
                rules-alone misses (a jaw that will not close is an emergency; an insurance claim's itemised bill;
                "덕분에" to a wellbeing question; "아니요 그 시간 아닌데요" is no wrong number; "시간 지나면
                괜찮아져요"; "…해야 돼요" of a care step asks; a move said with a reason is no cancel; "…그럼 월요일
                7시로 해 주세요" after an hours question books; "네" and hesitation only is nothing said yet).
                A probe of 30 new sentences in the same kinds, written during these fixes, read 27/30 on its first
                run; its three kinds were fixed too (tests/test_language_kinds_round5.py). blind13 then joined the
                model's examples and the regression tests; with the rules alone it reads 99.5% (the miss: "항생제 다
                먹어야 돼요 이제 안 아픈데", a question with an afterthought, which the model gets).
  blind14  220  fourteenth blind set (issue 15, round 6), written after the round-5 fixes without looking at the rules,
                their tests or this file's results, in mindsets no set had used: drivers on hands-free (broken
                sentences, "잠깐만요" mid-sentence, the navigation voice half-transcribed: "300미터 앞에서
                우회전입니다"), callers returning a missed call without knowing why ("부재중 전화가 와 있어서요"),
                dental-phobic callers who talk around what they want ("겁이 많아서 그런데 아프지 않게 …"), receipts,
                실비 papers and 진료확인서, a parent whose child just fell at the playground, soldiers on leave and
                students home for the vacation with a short window, callers asking whether they talk to a machine,
                number-heavy speech (열두 시 사십 분, 3시반, 이십칠 일, 다다음주, 글피, 이번 주말, 월말, 다음달 초,
                광복절), outbound answers that negotiate ("그날 말고 그 다음 주는 안 돼요", "오전은 안 되고
                퇴근하고요"), and mis-spaced or garbled transcripts ("스케일 링", "임프란트", "신경치 료", "사랑이",
                "틀리", "예 약 변경하 려고요", "이 십 팔일"); 66 rows with the question asked (offer, proposal,
                reminder, yes_no, wellbeing, confirm, date, time, treatment); 28 medical questions, 10 emergencies,
                13 questions for staff; committed before its first run.
                FIRST RUN: intent 95.0% (209/220; rules alone 85.9%), date 97.3%, time 99.5%, treatment 99.1%, all
                three slots 96.4%; medical -> booking 0 (of 38 medical questions and emergencies); misses by gold
                intent: book 4/41 (-> question_other x2, ask_location, emergency), question_other 2/13
                (-> confirm_appointment, other), talk_to_staff 1/8 (-> callback_later), yes 1/13 (-> callback_later),
                opt_out 1/6 (-> other), wrong_number 1/6 (-> other), medical_question 1/28 (-> no).
                Goal (intent >= 97%, slots >= 97%, zero medical questions to booking) NOT met on this first run:
                intent 95.0%; each slot >= 97% but all three together 96.4%; medical -> booking 0 met.
                The intent misses: a dental-phobic booking ("겁이 많아서 그런데 아프지 않게 살살 해주시는 거죠 스케일링
                다음주 월요일 …") and a garbled one ("신경치 료 이어서 받아야되는데 화요일 두시 반이요") ->
                question_other; the navigation voice before a booking -> ask_location; "애가 … 이가 조금 깨졌대요 아프진
                않대요 토요일 오전 열한시에 보여주려고요" -> emergency; "부재중 전화가 와 있어서 전화드렸는데요 무슨
                일로 전화 주셨어요" -> confirm_appointment and "아까 거기서 전화 왔던데 왜 전화하신 거예요" -> other
                (both labelled question_other: why the clinic called is for staff to answer); "지금 통화하는 게 로봇이면
                끊고 다시 걸게요 사람 연결 되나요" -> callback_later; "네 본인 맞아요 운전 중이라 짧게요" to a yes/no
                question -> callback_later; "제 번호로 홍보 연락 오는 거 원치 않아요 빼 주세요" -> other; "치킨집인 줄
                알고 걸었네요 죄송해요" -> other; "많이 좋아졌어요 그런데 반대쪽으로만 씹어야 되나요" to a wellbeing
                question -> no. The slot misses: "낼 서류" read as 내일, "연말정산" read as the year's end, two days
                named for an appointment one does not remember ("월요일이었는지 화요일이었는지") read as the first, the
                day one returns to the barracks taken for the visit and "사랑이" (사랑니 misheard) read as an
                extraction, "목요일은요" after "다음주 수요일은 좀 그렇고" kept Wednesday, "네 시 반 안 될까요" after
                "세 시 반은 좀 빠듯해요" kept the rejected time, "이 십 팔일" read as 8/18; and "스케일링 안내 이런 거
                필요 없어요 명단에서 삭제해 주세요" gave scaling, which the label had left out against the convention
                that a treatment named is the slot (a label slip).
                After the run two labels were corrected as slips against the conventions (the first-run numbers above
                stay as they were): "스케일링 안내 …" names scaling, and "월요일이었는지 화요일이었는지" gets the first
                day, as blind7's "목요일인지 금요일인지" does; with them the first run reads date 97.7%, treatment
                99.5%, all three slots 97.3% (intent unchanged, 95.0%). The misses were then fixed by kind: a car's
                navigation voice is taken out of the transcript before it is read ("…미터 앞에서 …입니다", "전방에 …",
                new module transcript.py with the other transcript tidying), and "네비 소리가" asks no way; being busy
                is only the reason to be brief when something else is asked (a person, one's visit, a confirmed yes) and
                no call is asked for, while "…면 전화할게요" and "한 시간 뒤에 다시 해 주세요" ask for one; a person
                asked for in so many words ("사람 연결 되나요") is put through over "끊고 다시 걸게요";
                "…기계예요?/사람이랑 통화하는 거 맞죠?" asked in passing before a booking books; returning a missed call
                and asking why the clinic rang is for staff; "원치 않아요" opts out; "…인 줄 알고 걸었어요" is a wrong
                number; a fear told as the reason ("무서워서", "겁이 많아서 그런데") asks nothing of staff; a sentence
                that ends by naming its slot books whatever it asked on the way; chewing is a care topic ("반대쪽으로만
                씹어야 되나요" after "좋아졌어요" asks); "좀 그렇고", "빠듯", "촉박" turn a day or time down; "…에 낼
                서류" and "연말정산" name no day; a deadline day before "그 전에" is not the visit; "사랑이 좀 빼" is
                사랑니; "이 십 팔일" is the 28th; "스케일링 다음 주" is no after-care; and the rules-alone misses (a
                reason or "…도" trailing the sentence, "시간 지나면 적응돼요", "며칠 해요", "며칠 더 기다려 봐요", "껴야
                돼요 밥 먹을 때도요", "몇 번 오가야 끝나요", "바빠서 안 되겠어요" to an offer, "그날 말고 그 다음 주는
                안 돼요?" to a reminder, "아뇨 그 날짜 아니에요 제가 바꿨잖아요"). To make room, lexicon.py lost the
                transcript tidying (transcript.py), questions.py the shape of a question (asking.py) and
                understanding.py the yes/no reading (replies.yes_no, replies.polarity). A probe of 33 new sentences in
                the same kinds, written during these fixes, read 28/33 on its first run (one of the five was the probe's
                own slip: "삼 십 일" is the 30th); its kinds were fixed too (tests/test_language_kinds_round6.py).
                blind14 then joined the model's examples and the regression tests; with the model it reads 99.5%, with
                the rules alone 99.1%. Left as they are: "애가 … 이가 조금 깨졌대요 아프진 않대요 토요일 오전 열한시에
                보여주려고요" reads as an emergency (a child's injury goes to the emergency path, the safe side;
                labelled book), and "애가 놀이터에서 넘어져서 입을 부딪혔는데 피는 안 나요 그래도 봐야 되나요" is a
                medical question (urgent) with the rules alone, an emergency with the model.
  blind15  255  fifteenth blind set (issue 15, round 7), written after the round-6 fixes without looking at the rules,
                their tests or this file's results, in mindsets no set had used: someone relaying a person in the
                background ("잠깐만요 엄마 뭐라고 아 목요일이 좋대요", "딸이 옆에서 그러는데 …"), patients in the middle
                of a treatment series (root canal 2nd visit, implant 2nd stage and stitches out, braces wire change, a
                crown ready to fit, 틀니 가봉) booking, moving or checking the next step, callers running late or
                already on the way ("차가 막혀서 십 분 정도 늦을 것 같아요 괜찮을까요"), callers hard of hearing ("크게
                좀 말해 주세요", "보청기를 껴서 기계 소리는 잘 못 알아들어"), 설/명절 and lunch-hour and Saturday
                questions, payment (할부, 무이자, 나눠서 내기, 계좌이체, 지역화폐), unhappy patients (a crown off again
                after two months, a bill that felt high, pain after a filling, a rude receptionist), whispered answers
                at work to the clinic's calls ("지금은 좀 쉿 이따가요"), counter-questions to a reminder ("누구 예약이요
                제 거요 아니면 애 거요", "몇 시였죠"), tooth words (어금니, 앞니, 송곳니, 흔들리는 유치, 이중으로 난
                아랫니) and a mouth still numb after treatment; 88 rows with the question asked (offer, proposal,
                reminder, yes_no, wellbeing, confirm, date, time, treatment); 34 medical questions, 10 emergencies, 15
                questions for staff; committed before its first run. A caller running late who only says so (no move
                asked for) was labelled question_other, a message only staff can act on; no earlier set had such a
                sentence.
                FIRST RUN: intent 85.9% (219/255; rules alone 80.0%), date 99.6%, time 100.0%, treatment 99.6%, all
                three slots 99.2%; medical -> booking 1 (of 44 medical questions and emergencies: "신경치료 중간인데
                다음 치료까지 한 달 넘게 비어도 괜찮아요" -> book); misses by gold intent: question_other 9/15 (->
                medical_question x3, book, ask_location, reschedule, talk_to_staff, ask_insurance, cancel), book 4/51
                (-> reschedule x2, other, medical_question), opt_out 3/7 (-> other x2, question_other),
                confirm_appointment 3/12 (-> book x2, symptom), ask_hours 3/11 (-> question_other, emergency, book),
                ask_location 2/6 (-> question_other x2), ask_price 2/10 (-> medical_question, question_other), no 2/15
                (-> other x2), medical_question 2/34 (-> book, confirm_appointment), cancel 1/9 (-> reschedule), symptom
                1/13 (-> medical_question), talk_to_staff 1/7 (-> other), yes 1/16 (-> callback_later), callback_later
                1/8 (-> symptom), other 1/9 (-> question_other).
                Goal (intent >= 97%, slots >= 97%, zero medical questions to booking) NOT met on this first run: intent
                85.9%; slots met (all three 99.2%); one medical question routed to booking.
                The slot misses: "토요일 진료는 격주로 하세요 아니면 매주 하세요" gave that Saturday (labelled none) and
                "애 유치가 흔들흔들하는데 거기서 빼 주시나요 내일 …" no extraction.
                The intent misses: callers running late ("차가 막혀서 십 분 정도 늦을 것 같아요 괜찮을까요" -> book,
                "버스를 놓쳐서 한 이십 분 늦어요 기다려 주실 수 있어요" -> ask_location, "…좀 늦겠어요 미리 말씀드려요"
                -> reschedule); treatment-plan questions taken for medical ones ("유지장치 맞추는 거 몇 번 가야 돼요",
                "이차 수술까지 보통 몇 달 기다려요", "크라운이 또 빠졌어요 이거 무상으로 해 주시는 거죠"); "신경치료
                중간인데 다음 치료까지 한 달 넘게 비어도 괜찮아요" -> book (the one medical question to booking);
                "…제대로 된 거 맞아요" -> confirm_appointment; "남편이 옆에서 자기 예약도 있냐고 물어보는데 그 사람 것도
                내일 맞아요" -> book; "이 뽑은 자리가 일주일째 아픈데 진통제로도 안 잡혀요" (labelled symptom) ->
                medical_question; "교정장치 철사 바꾸러 가야되는데 토요일 …" and "다음 주 수요일 아 그날 안 되겠다
                목요일로요" -> reschedule; "애 유치가 흔들흔들하는데 거기서 빼 주시나요 내일 … 네 시" ->
                medical_question; "잠깐만요 엄마 뭐라고 아 목요일이 좋대요" -> other; hours asked about the phone at
                lunch, the holidays and "응급으로 봐 주시는 날" (-> question_other, book, emergency); paying in parts
                (-> medical_question, question_other); disputed bills (-> talk_to_staff, ask_insurance); whose visit and
                what treatment to a reminder (-> book, symptom: "그거 무슨" read as 거무스름), "어느 지점" and
                "엘리베이터" (-> question_other), "그날 몇 시간 걸려요 회사에 말해야 돼서요" (-> cancel); opt-outs with
                다신, 끊어, 차단 (-> other x2, question_other); "그 시간 말고요" and "멀쩡합니다 고맙습니다 …" (->
                other); "지금은 좀 쉿 이따가요" (-> symptom: "이따가" read as 따가워); "네? 크게 좀 말해 주세요. 귀가
                어두워서." (-> question_other), "귀가 잘 안 들려서 그러니 사람이 직접 받아 주면 좋겠는데" (-> other);
                "네 본인인데 지금 일하는 중이라 작게 말할게요 말씀하세요" (-> callback_later); "없었던 걸로 해 주세요 집
                근처로 옮기기로 해서요" (-> reschedule).
                After the run three labels were corrected as slips against the conventions (the first-run numbers above
                stay as they were): "이 뽑은 자리가 일주일째 아픈데 진통제로도 안 잡혀요" is an emergency (painkillers
                that do not hold the pain, as in eleven earlier rows), "토요일 진료는 격주로 하세요 …" names that
                Saturday (a day in an hours question), and "실손 보험 청구할 때 필요한 진단서도 떼 주세요" is
                question_other (a certificate is for staff, as in five earlier rows); with them the first run reads
                intent 85.5% (218/255), date 100.0%, time 100.0%, treatment 99.6%, all three slots 99.6%, medical ->
                booking 1 of 45. The misses were then fixed by kind: running late or on the way with no move asked is a
                message for staff (topics.running_late); an answer relayed from the background ("…좋대요") is no request
                to repeat; "크게/천천히 말해 주세요" and "무슨 말씀이세요" ask to hear it again (sure when that is all),
                "귀가 어두워서" is no darkened tooth and "사람이 직접 받아 주면" puts through; the phone and the days
                open over the holidays and at lunch, Saturdays every week or every other and "끝나는 시간" ask the
                hours, "응급으로 봐 주시는 날" is no emergency and "예약 문의 전화" books nothing; paying at once,
                monthly, in parts or by transfer and "교정비/상담비" ask the price; a disputed bill and a certificate
                for an insurance claim are for staff, and so is a free redo ("무상"); a wire or an elastic changed and
                moving to another clinic move no visit, and "없었던 걸로" cancels; "치료 중간인데", "제대로 된 거
                맞아요", "…괜찮죠", "먹으면 … 돌아와요" and 왁스 are after-care; how many visits or months a treatment
                takes is the plan (the model may not make it a medical question); whose visit, what treatment, "잡혀
                있는 거 맞죠" and "…도 있냐고" check a visit (and the model may not turn such a check into a fact whose
                keyword is not said); "몇 시간 걸려요 …해야 돼서요" asks before its reason; 다신/끊어/차단 opt out; a
                day turned down and another named answers "which day?"; the last words accept after a busy reason;
                "이따가요"; "빼 주시나요" asks for a visit; "진통제로도 안 잡혀요" and bleeding not stopped for long are
                emergencies; a number someone else used, "다니는 사람 이 집에 없어요"; "안 된대요", "그거 안 해요", "그
                시간 말고요"; staying beside a child in the surgery asks what the clinic allows (question_other). To
                make room, lexicon.py lost the words of replies (reply_words.py) and this file its provenance
                (nlu_provenance.py). A probe of 40 new sentences in the same kinds, written during these fixes, read
                36/40 on its first run (a weekend "응급으로 봐 주는 날", "몇 번 더 가야 돼요", "이따가요 이따가", "그거
                무슨 말씀이세요"); its kinds were fixed too (tests/test_language_kinds_round7.py; one of its labels,
                "주말에 …" with no date, was the probe's own slip: a weekend named in an hours question is that
                Saturday). blind15 then joined the model's examples and the regression tests; with the model it reads
                100.0%, with the rules alone 100.0%; no earlier set went down (blind9 rules alone 95.7% -> 96.3%, dev10
                93.9% -> 95.5%).
  blind16  246  sixteenth blind set (issue 15, round 8), written after the round-7 fixes without looking at the rules,
                their tests or this file's results, in mindsets no set had used: a new patient choosing a clinic (a
                woman dentist, sedation, children, which doctor on which day, what the clinic is good at), a family
                booking several people at once, a patient who moved away asking for X-rays and records, callers referred
                by another clinic or a friend, how many visits and how long a treatment takes, an elderly caller
                thanking and apologising between the facts, a recall or scaling call answered with questions back
                ("작년에 제가 언제 했었죠", "그거 공짜예요"), cancelling for a reason (a funeral, a hospital stay, a
                move, quarantine), a weekday and a day of the month that disagree ("다음 주 화요일 14일": the day of the
                month was labelled), sentences cut off by the line ("예약을 좀 바꾸", "내일 세 시에 예약 되는지 여") and
                texting-style spelling ("낼 오후 두시 ㄱㄴ한가요", "ㅇㅇ 맞아요", "스켈링 얼마에여"); 78 rows with the
                question asked (offer, proposal, reminder, yes_no, wellbeing, confirm, date, time, treatment); 26
                medical questions, 9 emergencies, 25 questions for staff; committed before its first run.
                FIRST RUN: intent 94.7% (233/246; rules alone 91.5%), date 96.7%, time 100.0%, treatment 98.4%, all
                three slots 95.1%; medical -> booking 0 (of 35 medical questions and emergencies); misses by gold
                intent: question_other 7/25 (-> book x2, talk_to_staff, wrong_number, ask_price, no,
                confirm_appointment), symptom 2/10 (-> other, reschedule), confirm_appointment 1/9 (-> book), ask_price
                1/10 (-> ask_insurance), ask_insurance 1/6 (-> question_other), yes 1/15 (-> book).
                Goal (intent >= 97%, slots >= 97%, zero medical questions to booking) NOT met on this first run: intent
                94.7% and date 96.7% miss it; treatment, time and medical safety meet it.
                (Tables run at load average ~1.1 on 2 shared cores: the ms per utterance figures are indicative.)
                After the run ten labels were corrected as slips against the conventions (the first-run numbers above
                stay as they were): a day named in an hours question is that day ("토요일도 여시죠 … 토요일 몇 시까지",
                "일요일도 문 여세요", "어린이날에 진료 해요"), a past "어제" is a date (x2), 엑스레이 and 파노라마 name
                a checkup (x3), a 진단서 for an insurance claim is for staff, and 본인부담금 asks the insurance; with
                them the first run reads intent 95.5% (235/246), date 98.8%, time 100.0%, treatment 99.6%, all three
                slots 98.4%, medical -> booking 0. The misses were then fixed by kind: a weekday followed at once by the
                day of the month is that day, the day of the month winning when they disagree ("다음 주 화요일 14일",
                "목요일 17일" had given this Thursday), and a week said after a bare weekday as an afterthought puts it
                in that week ("목요일이 좋겠네요 아 다음 주요"); X-rays and records sent or collected ("파노라마 사진
                달래요 어떻게 받아요" -> wrong_number, "cd로 구워 주시나요 … 가지러 갈게요" -> book), which day a doctor
                works ("김 원장님은 무슨 요일에 나오세요 …받고 싶어서요" -> book), where a doctor trained (->
                talk_to_staff) and one's own past treatment asked back to a recall ("작년에 제가 언제 했었죠" -> no,
                "…받은 게 뭐였는지 …" -> confirm_appointment) are questions for staff (general_info.STAFF_ONLY); "몇
                번에 나눠서 해요" is the plan, not paying in parts (-> ask_price); "당기는 느낌" and "쑤셔요" are
                feelings ("실밥 뽑은 데가 좀 당기는 느낌이에요" -> reschedule, "아직도 좀 쑤셔요 …" -> other); the
                clinic that referred the caller ("교정 치과에서 발치하고 오라고") names no treatment; an offer accepted
                with a question after 근데 is a yes (-> book); a day and a time checked with 맞나요/맞죠 checks the
                visit ("예약 문자가 안 와서요 금요일 10시 맞나요?" -> book). A probe of 25 new sentences in the same
                kinds, written during these fixes, read 21/25 on its first run (a doctor's days said with "주로 언제"
                and "진료하시는 요일", "마지막으로 스케일링 한 게 언제였죠" -> confirm_appointment, "땡기는 느낌이
                있어요" -> medical_question with the model); its kinds were fixed too
                (tests/test_language_kinds_round8.py). blind16 then joined the model's examples and the regression
                tests; with the model it reads 100.0%, with the rules alone 96.7%; no earlier set went down (rules alone
                blind8 95.5% -> 96.1%, blind9 96.3% -> 96.9%). To stay under 400 lines this file lost the sets up to
                dev11 to nlu_provenance_early.py.
  blind17  239  seventeenth blind set (issue 15, round 9), written by a different person who never saw the rules, their
                tests or this file's results, in mindsets no set had used: callers about the clinic's reminder TEXT
                ("문자 보니까 …로 돼 있던데 맞나요", a link in it, "예약 문자에 …라고 써 있던데"), 전라도/충청도 speech
                ("안 들을랑께 전화허지 마쇼잉", "안 되겄는디유", "그렇게 혀유", "들어가유"), patients mid-way through
                implant or orthodontic treatment (a retainer lost, a bracket loose, elastics run out, a temporary
                crown), sedation, anaesthesia and medication worries (aspirin, blood-pressure pills, osteoporosis
                injections, diabetes), whitening and cosmetic questions, outbound calls answered at work in fragments
                ("고객 응대 중이라 말씀만 하세요", "네 시 이후면 돼요 지금 일하는 중이라서요"), 65+ denture and implant
                insurance, callers who mix the clinic up with another, very indirect polite speech, and several small
                questions before the real request ("주차는 알겠고요 … 그럼 내일 열두 시 반에 …"); 63 rows with the
                question asked (offer, reminder, proposal, wellbeing, date, yes_no, treatment, time, confirm); 32
                medical questions, 11 emergencies, 21 questions for staff, 7 opt-outs; committed before its first run.
                FIRST RUN: intent 86.2% (206/239; rules alone 73.6%), date 99.2%, time 99.6%, treatment 99.2%, all three
                slots 97.9%; medical -> booking 2 (of 43 medical questions and emergencies: "아스피린은 안 끊고 그냥
                가도 되는 거죠 내일 이 빼는데" and "임플란트 수술하고 비행기 타고 제주도 가도 돼요 다음 주에"); misses
                by gold intent: opt_out 1/7 (-> other x2, no, question_other, ask_price, book), question_other 14/21 (->
                confirm_appointment x2, book x2, medical_question, ask_location, ask_price), book 35/39 (->
                callback_later, ask_insurance, ask_location, ask_price), medical_question 28/32 (-> book x2,
                ask_insurance, question_other), symptom 13/15 (-> medical_question x2), confirm_appointment 9/11 (->
                book x2), and single misses elsewhere: cancel 7/8 (-> reschedule), ask_location 5/6 (-> question_other),
                ask_price 8/9 (-> book), ask_insurance 9/10 (-> ask_price), emergency 10/11 (-> symptom), no 12/13 (->
                book), callback_later 7/8 (-> other), other 5/6 (-> yes).
                Goal (intent >= 97%, slots >= 97%, zero medical questions to booking) NOT met on this first run: intent
                86.2% and two medical questions to booking miss it; every slot and all three together meet it.
                The intent misses: six refusals of calls in words the rules lacked ("전화허지 마쇼잉", "이런 전화는 안
                받았으면 해서요", "광고 문자는 이제 빼 주세요", "그런 전화 앞으로 저한테는 하지 마세요", "광고 전화 오는
                거 좀 막아 주세요", "홍보 연락은 다 빼 주세요"); medicine and travel around a treatment (the two to
                booking above), "임플란트 심고 나서 코 세게 풀면 안 된다던데 … 어떡해요" (-> ask_insurance) and "틀니
                새로 하고 발음이 새는데 적응하면 괜찮아지나요" (-> question_other); for staff: the text's link (->
                confirm_appointment), elastics sent by post (-> medical_question), braces and the army (-> book),
                sedation asked with a wish ("수면 마취 해 주시는 데예요 … 임플란트를 그걸로 하고 싶어서요" -> book),
                "거기 교정 전문 치과 맞아요 엄마 말로는 건너편이라던데" (-> ask_location), a bill that looked wrong told
                very politely (-> ask_price), a baby brought along after "예약 확인 문자 잘 받았고요" (->
                confirm_appointment); bookings after small questions or with a fact word ("…그럼 내일 열두 시 반에 가도
                진료 받을 수 있나요" -> ask_location, "가격은 들었고요 … 그럼 상담만 일단 받을게요 …" -> ask_price,
                "보험 틀니 하려고 … 상담 가려고요 다음 주 화요일 오전 열 시" -> ask_insurance) or with being busy as the
                reason ("네 시 이후면 돼요 지금 일하는 중이라서요" -> callback_later); a visit checked against the text
                or by name (-> book x2); "…내과에서 치과 치료는 좀 미루래요 다음 주 예약 빼 주세요" (-> reschedule);
                "여기가 그 이층에 있는 치과예요 아니면 길 건너에 있는 거예요" (-> question_other); "제로페이 돼요?
                아니면 카드만 돼요?" (-> book); "노인 임플란트 보험 그거 하면 한 개에 얼마 내야 돼요" (-> ask_price); a
                swallowed wire with coughing (-> symptom); two symptoms taken for questions ("…그 이가 아직 아파요",
                "틀니 끼면 입천장이 아파서 못 끼고 있어요"); "퇴근하고 여섯 시 반 넘어야 돼요" to a proposal (-> book);
                "팀장님한테 물어보고 문자 드릴게요" (-> other); "고맙습니다 그럼 그날 뵐게요" out of the blue (-> yes).
                The slot misses: 브라켓 and 유지장치 named no orthodontics, "다음 주는 야간이에요 그 다음 주 월요일"
                gave next week's Monday, "이번 주는 빡빡하고 다음 주 수요일" no day, and "점심시간이 한 시부터죠 그럼
                내일 열두 시 반에" the hours' one o'clock.
                The labels the set's author flagged as judgement calls were checked against the earlier sets and all
                stand (no label was changed; the first run with corrected labels is the first run): "못 갈 것 같아서요"
                cancels (as the same words do in train); "65세 되시는데 보험 되게 … 기다렸다가 임플란트 하는 게 나아요"
                asks the insurance (as "65세 넘으면 틀니 건강보험 된다던데 맞아요"); a price under the scheme ("보험으로
                허면 얼마", "노인 임플란트 보험 그거 하면 … 얼마") asks the insurance like blind13's "보험으로 하면 본인
                부담 얼마예요", while "보험 되면 얼마예요" and "보험 말고 그냥 허면" ask the price; a question about a
                link in the text and "교정 전문 치과 맞아요" are for staff (question_other, as sedation, records and a
                doctor's training are); "기계 말고 직원분이 직접 전화 좀 드려 주시면" asks for a person (talk_to_staff);
                a swallowed wire with coughing is an emergency (the airway); a wire poking the cheek with a little blood
                is a symptom (as "교정기 철사가 볼을 찔러요").
                One label is left as it is though an earlier set reads the kind otherwise: "팀장님한테 물어보고 문자
                드릴게요" to a proposal is callback_later, where blind10's "어머니한테 여쭤보고 다시 연락드릴게요" is
                no; the rules read both as no (a deferral either way), the model gives callback_later.
                The misses were then fixed by kind. Opt-outs (the law): dialect verbs (허지/하덜 … 마쇼/말어), calls one
                would rather not get ("…전화는 안 받았으면/안 받고 싶어요"), advertising taken off ("광고/홍보/이벤트 …
                빼 주세요") or blocked ("…전화 오는 거 막아 주세요", "안 오게"), and a refusal a few words after "그런
                전화" ("…앞으로 저한테는 하지 마세요") opt out; "문자로 보내 주세요", thanks for the call, a no to one
                offer and "예약 빼 주세요" stay what they were. Medical safety: whether to stop or keep a medicine
                (aspirin, warfarin, blood-pressure or diabetes pills, osteoporosis injections) before a treatment is a
                medical question even with the day said (questions.medicine_asked); travelling by plane, ship or train
                after surgery asks leave; an appliance made new ("새로 하고/맞추고/끼고") and "심고/씌우고 나서" are
                after-care. For staff: whether the clinic sedates (general_info.SEDATION), "몇 분이나/몇 시간이나
                걸려요". Bookings: after small questions about the facts, what follows the last "그럼/그러면" decides,
                with its own time (a cancel, a move or a check after "그럼" stays what it is, and "그럼 … 예약 맞는
                거죠" checks the visit); a fact word naming the kind of a booking that ends in its slot ("보험 틀니 …
                상담 가려고요 … 열 시") books; a time given to "몇 시가 좋으세요?" with being busy as the reason books.
                A move someone advised, told as the reason ("미루래요"), does not turn a clear cancel into a move; a
                price under the insurance scheme asks the insurance; a swallowed part of an appliance or something stuck
                in the throat is an emergency; 브라켓/유지장치/리테이너 name orthodontics; "그 다음 주" after a week
                named is the week after it, which "그" takes back, and "빡빡", "꽉 차", "야간이라" turn a day down;
                thanks and "뵐게요" out of the blue are a goodbye. Rules-alone kinds: the reminder text checked ("문자
                보니까 … 맞나요", "모레 아니었어요") and a visit asked by name check the visit; 안 되겄는디유,
                그래유/그렇게 혀유, 수고하셔유/들어가유; a callback after asking someone, after work or after a wait
                ("끝나고 전화 드릴게요", "퇴근하고 다시 해 주세요", "대기/응대 중"); "여자분/그분 좀 다시 바꿔 주세요";
                paying apps (제로페이) and "카드만"; being in a lift ("엘리베이터라 끊길 수도"); a yes with busy as the
                reason to be brief ("네 맞아요 근데 운전 중이라 빨리 말씀해 주세요", which the rebuilt model had started
                to read as a callback); "일부러" is no broken tooth; then a condition asked with a polite ending
                ("골다공증 주사 맞고 있는데 임플란트 할 수 있어요"), after-care that evens out or closes again ("시간
                지나면 고르게 돼요", "다시 붙어요") or "술 … 한 잔도 안 돼요", a part of an appliance come off ("브라켓
                … 떨어져서 달랑달랑", "틀니가 자꾸 빠져서") a symptom, and a visit to fix it with its slot ("…배겨서 좀
                깎으러 가야 돼요 내일 아침 아홉 시 반") a booking; time since a treatment ("2주 됐거든요") is no
                "됐어요" refusal; "…보러 가는 날이 며칠이에요" asks the day of one's visit. A probe of 43 new sentences
                in the same kinds, written during these fixes (tests/test_language_kinds_round9.py), read 38/43 on its
                first run: two of the five were the probe's own slips ("주소는 문자로 보내 주세요" asks the location by
                the convention; the Wednesday of the week after next is the 18th), and three kinds were fixed too (하덜
                in every refusal, 일부러, "출장이라 그 다음 주"), and "문자 받아 보니까" checks the visit like "문자
                보니까"; 14 more, written after the last fixes, read as labelled but for "그럼 … 예약 맞는 거죠"
                (tests/test_language_kinds_round9.py has all 57). To stay under 400 lines understanding.py lost its
                result type (understanding_result.Understanding). blind17 then joined the model's examples and the
                regression tests; with the model it reads 100.0%, with the rules alone 91.2% (218/239); no earlier set
                went down (each set's intent with the model, intent with the rules alone and all three slots as before
                or higher; rules alone dev8 96.8% -> 97.4%). Left to the model (the rules alone read 21 rows wrong,
                which the model has now seen): questions for staff worded as after-care or a check (elastics by post,
                stitches timed to a holiday, braces and the army, "몇 분 걸려요" after the text, records of a branch, a
                baby brought along after "문자 잘 받았고요", a bill told very politely), a medical question with an
                anaesthetic ("혈압약 먹는 사람도 괜찮은 마취약이 있어요") and one told rather than asked ("임시로 씌운
                게 좀 시린데 원래 그래요 …"), symptoms told around a question ("…받은 거 맞죠 … 그 이가 아직 아파요",
                "틀니 끼면 입천장이 아파서 못 끼고 있어요"), very indirect requests (a child's broken molar "봐 주실 수
                있으신지", "잡혀 있는 거는 다 빼 주시면", "그건 다음에" to an offer), an offer accepted with a wish ("네
                해 주세요 … 해 보고 싶었어요"), "퇴근하고 여섯 시 반 넘어야 돼요" to a proposal, "팀장님한테 물어보고
                문자 드릴게요", "이층에 있는 치과예요 아니면 길 건너", "교정 전문 치과 맞아요", "엘리베이터라 끊길 수도
                있어요", a home whitening tray.
                (Tables run at load average ~1.0 on 2 shared cores: the ms per utterance figures are indicative.)
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
