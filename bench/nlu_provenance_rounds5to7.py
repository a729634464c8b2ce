"""The provenance of the blind sets of issue 15's rounds 5 to 7 (blind13, blind14, blind15): their first runs and
what was fixed after, moved here from nlu_provenance.py to keep that module under 400 lines (the text is unchanged)."""

ROUNDS_5_TO_7 = """\
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
"""
