"""Where the labelled NLU sets come from and what their first runs read: the text at the top of
bench/nlu_accuracy.txt (``bench/nlu_accuracy.py`` prints it before the tables). Each blind set gets its block when it
is first run, with the first-run numbers kept as they were; what was fixed after is added below them."""

from nlu_provenance_early import EARLY_SETS  # bench/, beside this module
from nlu_provenance_rounds5to7 import ROUNDS_5_TO_7  # bench/, beside this module

PROVENANCE = EARLY_SETS + ROUNDS_5_TO_7 + """\
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
