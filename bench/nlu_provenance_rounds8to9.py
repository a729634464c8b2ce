"""The provenance of the blind sets of issue 15's rounds 8 and 9 (blind16, blind17): their first runs and what was
fixed after, moved here from nlu_provenance.py to keep that module under 400 lines (the text is unchanged)."""

ROUNDS_8_TO_9 = """\
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
"""
