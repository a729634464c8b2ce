"""Where blind72 and blind73 come from and what their first runs read (issue 15, round 44): blocks of the text at
the top of bench/nlu_accuracy.txt, kept beside ``nlu_provenance`` to keep it short."""

ROUND_44_SETS = """\
  blind72  256  seventy-second blind set (issue 15, round 44), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Friday in October (office workers calling at lunch,
                older callers with dentures and the 65+ insurance, a foreign worker's simple Korean, 경상도 speech)
                and that day's offers, reminders and wellbeing calls; committed before its first run (the writers
                had the conventions through round 41).
                FIRST RUN (main at the merge base 433c64d, after round 42, before round 43): intent 93.8% (rules
                alone 89.5%), date 98.8%, time 99.2%, treatment 99.2%, all three slots 97.3%, medical -> booking 0
                (rules alone 0); a medical question read as an EMERGENCY ("저 마취 주사만 맞으면 가슴이 두근거리고
                식은땀 나고 그래서요 그런 사람도 치료 받을 수 있어요?") and two symptoms read as emergencies ("그 어제
                부은 게 오늘 더 커졌어요 얼굴은 안 부었고 열도 없어요", "치료 받으러 가는 건데요 이가 부러진 것
                같아서"); misses by gold intent: medical_question x3, symptom x3, ask_insurance x2, book x2, other
                x2, question_other x2, ask_location, reschedule. Goal NOT met.
  blind73  257  seventy-third blind set (issue 15, round 44), by another writer in the same way: a Saturday in April
                during the cherry-blossom festival (hikers, roads closed, Saturday hours asked on the day, a walk-in
                with a small bleeding) and that day's reminders, offers and wellbeing calls; committed before its
                first run.
                FIRST RUN (main at the merge base 6cfc89e, after round 42, before round 43): intent 91.8% (rules
                alone 88.7%), date 96.1%, time 98.8%, treatment 98.1%, all three slots 93.0%, medical -> booking 0
                (rules alone 1: "등산하다 넘어져서 입술을 좀 부딪혔는데 이가 약간 시큰해요 월요일에 가도 되나요", a
                medical question, read as a booking by the rules and as an EMERGENCY with the model); misses by gold
                intent: book x4, question_other x4, confirm_appointment x3, yes x3, medical_question x2, symptom x2,
                ask_hours, ask_location, other. Goal NOT met.
                Labels corrected after the first runs: none (no miss was a label against a written convention of
                rounds through 43). Written down as round 44's, counted in the earlier sets: a tooth thought chipped
                or broken told alone is a symptom (7 of 7); the hours asked of a bare weekday that is today's name
                today (3 of 5); a wheelchair asked in with no lift or floor word is question_other (4 of 4; blind72's
                "할머니 모시고 갈 건데 휠체어 들어가요", labelled ask_location, stays a miss, as only the written
                conventions through round 43 correct a label).
                Fixed by kind (appliance/language/blossom_day_kinds, new, stage 2 after exam_week_kinds;
                emergency_heard, red_flags, date_choice): safety first, both ways: a fever denied is no fever for
                the emergency words ("…안 부었고 열도 없어요" spells no "고열"), a swelling with the face and the
                fever denied is a symptom; a tooth thought broken told alone is a symptom (a blow, blood, pain,
                looseness or swelling beside it keeps the emergency); what happens whenever one has an anaesthetic
                asked for "such a person" is a medical question (the signs told now after one stay an emergency); a
                light knock with only a slight sensitivity and "may I come" is a medical question (a tooth loose,
                out, broken, bleeding or swollen stays an emergency). Then: a treatment without the anaesthetic, a
                condition a treatment may mend, a weak jawbone for an implant (medical_question); a chip with no
                pain "can you fill it", a cause wondered (symptom); 65 and over asked cheaper (ask_insurance); a
                course's next visit, a booking already moved, the booked treatment either-or (confirm_appointment);
                one's own number changed, a missed call returned, a booked visit a little early (question_other); a
                car asked through (ask_location); a treatment asked done on a weekday (ask_hours); another added to
                one's booking, a reminder or an offer taken with a treatment or a trouble added, on a condition with
                a day (book); cancelled then the same slot another day (reschedule); an option asked again, poor
                Korean asked again slowly (other); thanks for the call, a reminder taken for another (yes). Dates:
                the hours of a bare weekday that is today's name today.
                After: blind72 intent 99.2% with the model, 98.4% with a model built without blind72/blind73, 94.1%
                with the rules alone; date 98.8%, time 99.2%, treatment 99.2%, all three 97.3%. blind73 99.2%,
                98.4%, 94.6%; date 97.3%, time 98.8%, treatment 98.1%, all three 94.2%. Medical -> booking 0 on every
                set, with and without the model.
                Changed predictions on the older sets (dump of every set with and without the model, before and
                after, with the rebuilt model): 6, all to their labels: blind44's two Saturday hours asked on a
                Saturday name that day (with and without the model), blind55's weak jawbone for an implant
                (medical_question) and blind71's own number changed (question_other) by the rules alone.
                The opt-out check's counts with today's rules and model unchanged on the older sets (refusals 712,
                0 missed, fired 1 at LEAD 30), and on their first runs; with a model trained without the set, which
                now holds blind72/73's examples, dev21's refusals heard by the check alone 31 -> 30 (still 0 missed)
                and blind30 fired 0 -> 1. The new sets' 10 refusals (5 and 5) are all read as opt_out (0 missed, 0
                fired), with and without the model.
                Left as they are: the rules alone read 15 of each set wrong where the model is right (the rules alone
                are 94%); slots: an onset told "어제 부은 게 …" or "이틀 전보다는" (read today / none), "열한 시 아
                오후 한 시요" (the correction not taken), "이 청소" for scaling, "시간은 똑같이" (the booked hour
                kept), "평일은 안 되고 토요일만요" and "아무 때나 토요일이면" (a weekday range, read the coming
                Saturday), an hour asked back "한 시예요 두 시예요" (read 13:00), "한 시간 당겨도 돼요" (the new hour
                not reckoned); intents: "잇몸 치료 비용이 어떻게 되나요 보험 되면" (ask_price; earlier sets label the
                kind both ways), "네 예약해 주세요 아무 때나 토요일이면" (labelled yes, read book), "네?
                스케일링이요?" (labelled other, read book).
"""

ROUND_44_SUM = """\
Round 44 (blind72, blind73) in sum: two more sets of an ordinary clinic day: the first runs read intent 93.8% on
blind72, an October Friday (rules alone 89.5%; all three slots 97.3%), with a medical question and two symptoms read
as emergencies, and 91.8% on blind73, a festival Saturday in April (rules alone 88.7%; all three 93.0%), with a
medical question read as a booking by the rules alone: the goal is not met on either. No label was corrected. After
the fixes by kind both read 99.2% with the model and 98.4% with a model that has not seen them (rules alone 94.1% and
94.6%); medical -> booking 0 everywhere; the next fresh set tells whether the kinds generalise.
"""
