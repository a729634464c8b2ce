"""Where blind79 and blind80 come from and what their first runs read (issue 15, round 47): blocks of the text at
the top of bench/nlu_accuracy.txt, kept beside ``nlu_provenance`` to keep it short."""

ROUND_47_SETS = """\
  blind79  256  seventy-ninth blind set (issue 15, round 47), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Monday in March as the school term begins (school
                checkup forms, children's teeth, a station nearby, older callers) and that day's reminders, offers
                and happy calls; committed before its first run (the writers had the conventions through round 46).
                FIRST RUN (main at the merge base c058d7a, after round 46): intent 96.5% (rules alone 94.5%), date
                98.8%, time 99.6%, treatment 98.0%, all three slots 96.5%, medical -> booking 0 (rules alone 0);
                misses by gold intent: book x4 (another's visit with one's own read confirm_appointment, a day and
                an hour with a hurry and a school checkup form read question_other, a slot "if free" to an offer
                read yes), ask_insurance (an age discount with the insurance read ask_price), medical_question,
                symptom (a tooth gone dark read medical_question), other (a bare "어어 네"), question_other ("인비절라인
                하세요?" read book). Goal (intent >= 97%) NOT met.
  blind80  257  eightieth blind set (issue 15, round 47), by another writer in the same way: a Saturday in September
                before 추석 (경상도 speech, pains before the holiday, families) and that day's reminders, offers and
                happy calls; committed before its first run.
                FIRST RUN (main at the merge base 76dad10, after round 46): intent 97.7% (rules alone 94.6%), date
                98.1%, time 99.6%, treatment 97.7%, all three slots 95.3%, medical -> booking 2 (rules alone 2: "이
                뽑을 때 피 묽게 하는 약 끊어야 돼요", a medicine stopped before a treatment, and "오늘 아침에 이가 좀
                흔들리는 것 같은데 추석 지나고 가도 괜찮을까요", a trouble then may I come after the holiday); an
                EMERGENCY missed: "주사 맞고 나서 어지럽고 숨이 좀 찬 거 같아요" read as other; misses by gold
                intent: medical_question x2, emergency, ask_hours (the hours of yesterday read book), book (the latest
                hour to the time question read ask_hours), question_other (a card charged twice read other). Goal
                met on intent, not on the slots nor on safety.
                Labels corrected after the first runs (the first runs above stay as recorded), 18 in all, by the
                written conventions: blind79's bare "어어 네" with nothing asked yes (round 31); a time named in a
                read-back held, "열한 시로 해 주세요" 11:00 and blind80's "시간은 세 시로 해 주세요" 15:00 (round 23:
                a time in a non-booking reply keeps it); "뒤에 거요 그 목요일" 2051-03-16 (round 24/46, 9 of 10
                earlier such choices); a milk tooth pulled at home asked extraction (round 27); "점검 받는 거 돈
                들어요" checkup (round 30: a treatment in a price question); white gums asked gum (round 28);
                blind80's "스케일링은 몇 개월마다" scaling (round 30/37); a past day told with the trouble or as its
                onset, 2051-09-22 x3 (rounds 23/25: "어제 이 뺐는데 피가 …", "어젯밤부터 …", "어젯밤 한숨도 못
                잤어요"); and by round 47's convention, counted and written down (a treatment named in a general
                question keeps it): "임플란트는 몇 번 와야 돼요" implant (37 of 37), "레진이랑 아말감이랑 차이가
                뭐예요" filling in both sets (dev5's 1 of 1), "인비절라인 하세요?" orthodontics (2 of 2 treatments
                asked offered), "사랑니 쪽이 …" wisdom_tooth (44 of 44), "교정기 철사가 …" orthodontics (100 of 103),
                "딸내미 교정 다음 거 언제로 잡혀 있어요" orthodontics (6 of 6).
                Fixed by kind (appliance/language/new_term_kinds, new, stage 2 after summer_blocks_kinds; red_flags,
                repairs, routine_words, walk_in_now): safety first: one sign alone told now after an injection or an
                anaesthetic (dizziness, breath short "숨이 좀 찬", hives, the face, throat, tongue or lips swelling, a
                faint: emergency, stage 0; a lip bitten while numb stays a symptom, a slight sign gone by asked
                whether normal no emergency (round 27), a history asked a medical question); a medicine stopped
                or kept at a treatment, a trouble then "may I come after the holiday / the weekend / the trip" with
                no hour (medical_question). Then: the hours of a day gone by (ask_hours);
                the latest or earliest hour to the date or time question, another's visit booked along with one's
                own, a day and an hour asked with a hurry, a slot of one's own "if free" to an offer, a school
                checkup form (book); an age discount under the insurance (ask_insurance); a card charged twice, a
                treatment asked offered (question_other); a tooth gone dark told (symptom); a day found to be
                another on the way ("내일은 일요일이지 월요일 거를") names the one after; "…에 낼 거" is handed in,
                not tomorrow; "지금 갈게요 … 봐 주실 수 있어요" names today (round 36).
                After: blind79 intent 99.6% with the model, 99.6% with a model built without blind79/blind80, 97.3%
                with the rules alone; date 99.6%, time 100.0%, treatment 100.0%, all three 99.6%. blind80 100.0%,
                100.0%, 96.9%; date, time, treatment and all three 100.0%. Medical -> booking 0 on every set, with
                and without the model.
                Changed predictions on the older sets (dump of every set with and without the model, before and
                after, with the rebuilt model): 3: blind63's "65세 넘으면 보험으로 싸게 된다면서요 얼마나 내요" by
                the rules alone to its label (ask_insurance); blind10's "아 네 알겠습니다 고맙습니다" with the model
                away from it (other read yes: the rebuilt model, which now holds blind79's bare "어어 네" as yes);
                blind20's "방학 한 달 동안 교정 장치 다 끝낼 수 있어요 …" with the model from one wrong reading to
                another (ask_hours to ask_price; its label question_other).
                The opt-out check: the older sets' counts unchanged with today's model (refusals 740, 0 missed,
                fired 1 at LEAD 30) and in the first runs (97 missed, 80 caught, fired 7); with a model without the
                set dev12 fired 0 -> 1 ("문자 주시는 건 괜찮은데 이번 행사는 관심 없어요", margin -30.3 -> -30.0, on
                the lead: the examples grew by blind79/80). The new sets' 7 refusals (3 and 4) are all read as opt_out
                (0 missed, 0 fired), with and without the model; the check alone hears 6 of them (blind80's "전화
                말고 앞으로는 카톡으로만 보내 주세요" has no cue, the rules read it).
                Left as they are: "임플란트 한 데가 요새 좀 시큰한데 그것도 봐 주시는 거죠" to an offer
                (medical_question, read symptom: round 23's "can you fix it" with no day, the conventions do not
                settle a tag question); "어제 신경치료 받았는데 오늘 진통제 더 먹어도 돼요" (yesterday, read today:
                earlier labels of an activity today after a treatment yesterday split 3 yesterday, 2 today, 1 none).
"""

ROUND_47_SUM = """\
Round 47 (blind79, blind80) in sum: two more sets of an ordinary clinic day: the first runs read intent 96.5% on
blind79, a March Monday as the school term begins (rules alone 94.5%; all three slots 96.5%, medical -> booking 0),
and 97.7% on blind80, a September Saturday before 추석 (rules alone 94.6%; all three 95.3%), with an emergency after
an injection missed and two medical questions read as bookings: the goal is not met on either. 18 labels were
corrected by the conventions (one counted and written down). After the fixes by kind they read 99.6% and 100.0% with
the model, the same with a model that has not seen them (rules alone 97.3% and 96.9%); medical -> booking 0
everywhere; the next fresh set tells whether the kinds generalise.
"""
