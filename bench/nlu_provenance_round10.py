"""The provenance of the sets of issue 15's round 10 (blind18, dev12, dev13): their first runs and what was fixed
after, moved here from nlu_provenance.py to keep that module under 400 lines (the text is unchanged)."""

ROUND_10 = """\
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
"""
