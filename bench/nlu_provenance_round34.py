"""Where blind52 and blind53 come from and what their first runs read (issue 15, round 34): blocks of the text at
the top of bench/nlu_accuracy.txt, moved here from ``nlu_provenance`` to keep it short."""

ROUND_34_SETS = """\
  blind52  257  fifty-second blind set (issue 15, round 34), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Wednesday at a clinic in a mid-sized city's apartment
                district (office workers, homemakers, retirees, parents; fillings, scaling, crowns, implants, wisdom
                teeth) and that day's reminders, recall and scaling offers, implant check-ups and happy calls;
                committed before its first run (the writers had the conventions through round 31).
                FIRST RUN (main at the merge base 52e7755, after round 33): intent 97.3% (rules alone 93.0%), date
                98.8%, time 100.0%, treatment 99.2%, all three slots 98.1%, medical -> booking 0 (rules alone 0);
                misses by gold intent: ask_insurance x2, book x2, no, question_other, yes. Goal (intent and
                slots >= 97%, medical -> booking 0) MET on this first run.
  blind53  259  fifty-third blind set (issue 15, round 34), by another writer in the same way: an ordinary Monday at
                a clinic on a busy shopping street (walk-ins, a sudden toothache after the weekend, tourists from
                other regions, young callers speaking fast) and that day's reminders, scaling offers and happy
                calls; committed before its first run. FIRST RUN (main at the merge base 7ee44aa): intent 93.4%
                (rules alone 87.3%), date 98.8%, time 99.6%, treatment 99.6%, all three slots 98.1%, medical ->
                booking 2 (rules alone 3: "주말 내내 어금니가 욱신거렸는데요 오늘 가도 되나요", "그 약 다 먹었는데
                더 받으러 가야 되나요" on a wellbeing call, and by the rules alone a painkiller that "듣지를 않아요"
                with "오늘 꼭 좀 봐 주세요"); two refusals missed ("돌아가신 … 어머니 앞으로 계속 문자가 와서요 이제
                안 보내 주셨으면", "예약 문자 안 보내셔도 돼요 전화로만 주세요"); misses by gold intent:
                medical_question x2, opt_out x2, book x2, no x2, ask_price, callback_later, cancel, other,
                question_other, reschedule, symptom, talk_to_staff, yes. Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 5 in all. By the
                written conventions: a day named in a non-booking reply keeps its date (round 23): blind52:42 "네네
                금요일 거요". By the counted majority, written down as round 34's: a bare weekday echoed to a
                confirmation is the coming one (5 of 7 earlier): blind52:96; "is there a woman dentist" is a
                question about the staff (question_other, 4 of 4 such): blind53:168; a cash receipt asked
                (question_other, 2 of 2): blind53:180; a bare "생각 좀 해 볼게요" to an offer (no, 2 of 2):
                blind53:227.
                Fixed by kind (appliance/language/early_summer_kinds and days_not_asked, new; care_waits,
                caller_errands, opt_out_words, lexicon, market_day_kinds, family_day_kinds, spring_day_kinds,
                readbacks_and_contacts, after_holiday_kinds, ordinary_days, treatments_named, date_choice): safety
                first: a pain told, then only "may I come today/tomorrow" with no hour or errand is a medical
                question (round 23); whether to go for more of a medicine run out is one; a painkiller that "듣지
                않다" is round 25's emergency; a stop wished with only the time word after the channel told ("이제
                안 보내 주셨으면") and one channel told needless with another kept ("문자 안 보내셔도 돼요 전화로만
                주세요") are refusals; "이리저리" is no numbness (저리), and no blood pattern reads 피하다, 피곤, 피부
                or 피해. Then: a restriction of when to call is callback_later and names no day (15 of 15 labels);
                "오늘 바로 안 돼요" to the date question is book; how long it takes asked before booking
                (question_other); an insurance claim's papers needed and the cost once the insurance applies
                (ask_insurance); a treated tooth broken and "would you redo it" (symptom, not a warranty asked);
                better than before on a wellbeing call (no); a booking announced then "is now a good time", a
                walk-in while passing by (book); a death told alone to a reminder (cancel); "가긴 가는데 … 늦을
                수도" (yes); a new number given (question_other); only one part changed to a read-back (no); a
                conditional insurance yes with "그러면", "남편 것도 같이", "이제 안 다녀요", a cancel then "the week
                after, again"; a treatment told as done gives way to the one the visit is for; the week, then a day
                in it, names the day.
                After: blind52 intent 100.0% with the model, 100.0% with a model built without blind52/blind53,
                95.3% with the rules alone; date 100.0%, time 100.0%, treatment 99.6%, all three 99.6%. blind53
                99.6% with the model, 99.6% without them, 93.1% with the rules alone; date 99.6%, time 99.6%,
                treatment 99.6%, all three 98.8%. Medical -> booking 0 on every set with and without the model.
                On the earlier sets 14 predictions of 9 sentences changed, none away from its label: 13 to their
                labels (blind22:123 an insurance claim's papers asked; blind24:253, dev14:39 and dev16:74 a month
                then a day in it names the day; blind32:10 a restriction of when to call names no day; with the
                rebuilt model blind32:221; by the rules alone blind47:123 and blind50:161), 1 with the rebuilt model,
                wrong before and after: blind6 "스케일링? 작년에 했는디 또 해야 돼요?" no -> ask_insurance (labelled
                question_other). The opt-out check's counts unchanged (refusals 436, 0 missed, fired 1 of 6960 at
                LEAD 30); the new sets' 10 refusals (4 and 6) are all read as opt_out, with and without the model,
                and nothing else in them is.
                Left as they are: "음 어 네 뭐" on a wellbeing call (labelled other, read yes); the treatment of
                "오늘 가서 그거 다시 붙일 수 있어요?" (crown from the call before); "임플란트 한 데 잇몸이 좀
                부었어요" (labelled gum; dev13 and dev15 label the same kind implant); "지금 … 지나가는 중인데 바로
                들어가도" (labelled today: "지금" with no day word is too rare to settle, 1 of 1); the time of the
                booking cancelled in "다음 주 화요일 세 시 예약 취소하고 그 다음 주로 다시 할게요".
"""

ROUND_34_SUM = """\
Round 34 (blind52, blind53) in sum: two more sets of an ordinary clinic day: the first runs read intent 97.3% on
blind52, an apartment district's Wednesday (rules alone 93.0%; all three slots 98.1%, medical -> booking 0), and 93.4%
on blind53, a shopping street's Monday (rules alone 87.3%; all three 98.1%, medical -> booking 2, two refusals
missed): the goal is met on blind52's first run, not on blind53's. 5 labels were corrected (1 by a written
convention, 4 by counted majorities now written down). Safety kinds were fixed first. After the fixes by kind they
read 100.0% and 99.6% with the model, 100.0% and 99.6% with a model that has not seen them, 95.3% and 93.1% with the
rules alone; medical -> booking 0 everywhere; the next fresh set tells whether the kinds generalise.
"""
