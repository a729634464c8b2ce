"""Where blind54 and blind55 come from and what their first runs read (issue 15, round 35): blocks of the text at
the top of bench/nlu_accuracy.txt, moved here from ``nlu_provenance`` to keep it short."""

ROUND_35_SETS = """\
  blind54  253  fifty-fourth blind set (issue 15, round 35), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Friday in June at a clinic near a university
                (students between classes and exams, braces, wisdom teeth, parents calling for their children) and
                that day's reminders, offers and happy calls; committed before its first run (the writers had the
                conventions through round 33).
                FIRST RUN (main at the merge base f05bab2, after round 34): intent 93.7% (rules alone 92.5%), date
                98.4%, time 98.8%, treatment 97.6%, all three slots 94.9%, medical -> booking 1 (rules alone 2:
                "교정 장치 낀 채로 스케일링 받아도 되나요"; by the rules alone "교정 끝난 지 이 년 됐는데 … 다시 해야
                돼요"); 2 medical questions read as emergencies ("볼이 많이 부었어요 얼음찜질 해도 돼요", "… 진통제 세
                알 먹었는데 더 먹어도 돼요"); misses by gold intent: book x7, medical_question x4, ask_insurance,
                ask_price, no, question_other, reschedule. Goal NOT met.
  blind55  253  fifty-fifth blind set (issue 15, round 35), by another writer in the same way: an ordinary Tuesday in
                April at a country-town clinic (older patients in 충청도 speech, dentures, implants, carers calling)
                and that day's reminders, denture and scaling offers and happy calls; committed before its first
                run. FIRST RUN (main at the merge base 1130049): intent 98.4% (rules alone 93.3%), date 99.2%, time
                100.0%, treatment 97.2%, all three slots 96.4%, medical -> booking 1 (rules alone 1: "애가 이제 열
                달인데 이가 났거든요 불소 발라도 돼요"); misses by gold intent: book, cancel, medical_question, yes.
                Goal NOT met (treatment and all three slots, medical -> booking).
                Labels corrected after the first runs (the first runs above stay as recorded), 8 in all. By the
                written conventions: a treatment named in an offer's answer keeps it (round 30): blind54:202,
                blind55:217; an offer's answer with no treatment word names none (round 28): blind55:192; swollen
                gums told name gum (round 28): blind55:100. Counted and written down as round 35's: bleeding from a
                pulled tooth's place names extraction (41 of 43): blind54:108, blind55:152; whether to stop a
                medicine before a tooth is pulled names extraction (3 of 4): blind55:94; a pulled wisdom tooth's
                place names wisdom_tooth (61 of 62): blind55:177.
                Fixed by kind (appliance/language/school_day_kinds, new; caller_errands, treatments_named,
                dialect_endings): safety first: a treatment asked whether allowed in one's condition (braces worn,
                a baby's first teeth) or whether it may be skipped, and a trouble come back with "must it be
                redone", are medical questions, never bookings; a swelling or a pain told with a step of care at
                home asked (a cold pack, a painkiller more) is a medical question, not an emergency, unless a red
                flag is told beside it (read before the refusal / red-flag guard). Then: a yes with another of the
                family booked in, a missed visit taken up again, a booking announced with the day told "the day
                after" (book); the cost after the insurance (ask_insurance); 충청도 "가께유" read as 갈게요; braces
                in progress give way to the treatment asked about; a thanks then "see you" with nothing asked stays
                round 9's goodbye (other) whatever the rebuilt model leans to.
                After: blind54 intent 99.6% with the model, 96.8% with a model built without blind54/blind55,
                95.3% with the rules alone; date 98.4%, time 98.8%, treatment 99.6%, all three 96.8%. blind55
                100.0% with the model, 99.6% without them, 94.5% with the rules alone; date 99.2%, time 100.0%,
                treatment 99.6%, all three 98.8%. Medical -> booking 0 on every set with and without the model.
                On the earlier sets 2 predictions changed, both with the rebuilt model: blind17 "고맙습니다 그럼
                그날 뵐게요" yes -> other, to its label (the goodbye now sure); blind32:221 "그 정기 검진이요 네
                받을게요 아무 때나 오전이면 돼요" to an offer yes -> book, away from it (the same sentence round
                31's model moved the other way). The opt-out check's counts on the earlier sets unchanged
                (refusals 436, 0 missed, fired 1 of 6960 at LEAD 30); the new sets' 7 refusals (3 and 4) are all
                read as opt_out.
                Left as they are: the times and dates of students' hours ("수업 끝나고니까 다섯 시 넘어서요"
                labelled without a time, "다음 주 수요일 저녁 늦게 … 여섯 시에 끝나서요" read 18:00, "월요일은 …
                화요일이 좋겠어요" read Monday, "우산 … 수요일에요" read the coming Wednesday); "지금 가면 바로 볼 수
                있어요 어금니가 깨졌어요" (labelled book, read symptom: round 34 keeps a trouble with "may I come" on
                the medical side unless an hour or an errand is said); "임플란트 한 데 잇몸이 좀 부었어요" (labelled
                gum; 5 of 7 such labels say implant); "우리 엄마 잘 드세요 틀니 편하다구" (labelled without a
                treatment on a wellbeing call); "오늘 진료비 계좌로 보내도 돼요" (today's date); "열 시 반이유 …"
                to the time question (labelled today).
"""


ROUND_35_SUM = """\
Round 35 (blind54, blind55) in sum: two more sets of an ordinary clinic day: the first runs read intent 93.7% on
blind54, a university town's Friday (rules alone 92.5%; all three slots 94.9%, medical -> booking 1, 2 medical
questions read as emergencies), and 98.4% on blind55, a country town's Tuesday (rules alone 93.3%; treatment 97.2%, all
three 96.4%, medical -> booking 1): the goal is met on neither first run. 8 labels were corrected (4 by written
conventions, 4 by counted majorities now written down). Safety kinds were fixed first. After the fixes by kind they
read 99.6% and 100.0% with the model, 96.8% and 99.6% with a model that has not seen them, 95.3% and 94.5% with the
rules alone; medical -> booking 0 everywhere; the next fresh set tells whether the kinds generalise.
"""
