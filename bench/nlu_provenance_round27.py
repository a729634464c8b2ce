"""Where blind38 and blind39 come from and what their first runs read (issue 15, round 27): blocks of the text at
the top of bench/nlu_accuracy.txt, moved here from ``nlu_provenance`` to keep it short."""

ROUND_27_SETS = """\
  blind38  252  thirty-eighth blind set (issue 15, round 27), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Tuesday (a full day with a lunch-hour lull) and the
                replies to that day's outbound reminders and recall calls; committed before its first run.
                FIRST RUN (main at caca4ef, after round 26): intent 92.5% (233/252; rules alone 88.1%), date 96.0%,
                time 99.2%, treatment 98.4%, all three slots 93.7%, medical -> booking 1; misses by gold intent:
                reschedule (-> book x3, yes), yes (-> book x2, no x2, ask_price), book (-> ask_price,
                confirm_appointment, yes), no (-> cancel x2, other), emergency (-> question_other), medical_question
                (-> book), other (-> yes), question_other (-> ask_insurance). Goal (intent >= 97%) NOT met.
  blind39  253  thirty-ninth blind set (issue 15, round 27), by another writer in the same way: an ordinary late-
                opening Thursday (morning, afternoon and the evening rush of workers) and the replies to that day's
                outbound reminder, implant check, scaling offer and happy calls; committed before its first run.
                FIRST RUN (main at caca4ef): intent 88.5% (224/253; rules alone 85.8%), date 96.4%, time 100.0%,
                treatment 98.0%, all three slots 94.5%, medical -> booking 1; misses by gold intent: yes (-> no x6,
                book), reschedule (-> book x3), question_other (-> talk_to_staff, confirm_appointment,
                ask_insurance), symptom (-> medical_question x2), medical_question (-> book, question_other), no (->
                cancel, other), other (-> yes, no), emergency, opt_out (-> no), ask_location, ask_price, book,
                confirm_appointment, talk_to_staff (one each). Goal (intent >= 97%) NOT met.
                Labels corrected after the first runs to the conventions the earlier sets hold, written down in
                docs/understanding.md as round 27's (the first runs above stay as recorded): a wellbeing call's
                "yes, fine / better / thanks" yes/other -> no (69 of 69 earlier): blind38:93, :188, blind39:57, :61,
                :92, :128, :156, :183, :204; a bare day or time answered to the date or time question reschedule ->
                book (245 of 245): blind38:34, :35, :216, blind39:21, :23, :227; a reminder's bare "can't come" no ->
                cancel (5 of 5): blind38:42, :134, :173, blind39:83, :127, :179; 실비 papers question_other ->
                ask_insurance (42 of 44): blind38:214, blind39:160; bleeding gums treatment None -> gum (24 of 24):
                blind38:57, blind39:65; X-ray pictures None -> checkup (round 26): blind38:89; a milk tooth pulled at
                home None -> extraction (every earlier set): blind38:187; "충치 치료 예약" None -> filling:
                blind39:100; a day named keeps its date (a person asked for on a day, an urgent pain "오늘 꼭 봐
                주세요", a day in doubt between two): blind38:122, :131, :196, blind39:15, :58, :99, :246.
                The misses were then fixed by kind (tests/test_language_kinds_round27.py; new module
                clinic_day_kinds, KindRule rows, consulted first in stage 2): dizziness with a cold sweat or a faint
                coming after an anaesthetic is an emergency (red_flags, no racing heart needed); "이런 전화 필요 없어요
                앞으로 안 하셔도 돼요" is an opt-out; a proposal taken by its time or position ("여섯 시 그거요") is
                yes; a wellbeing "yes, fine" is no; "네?" is other; a visit that must be moved, one day refused for
                another to a reminder, a reminder answered with another day are reschedule; a treatment added to
                the visit is book; offers taken with a double negative, on a condition, "anyway" or "네 해야죠" are
                yes, declined for another clinic no, answered with one's own day book; a person asked for by name or
                post is talk_to_staff; a shop asked for is wrong_number; "에이아이예요? 사람 아니죠?" is
                question_other; a crown come off "can you put it back" and an ache "you'll look at that too" are
                symptom; stitches' day on a wellbeing call, "can I come tomorrow or must I come today" and a photo
                for the dentist are medical_question; a walk-in, a caller on the way and a booked time moved later
                are book/reschedule; the latest hour and a transfer's payment are ask_hours/ask_price; a double
                charge is question_other; "좀 이따가 해 주세요" and "주말엔 전화 말고 평일에" are callback_later.
                Slots: a day named only as when not to call and how long a pain has lasted ("한 달쯤 됐어요") name
                no day; "다음 다음 주" is two weeks on; a weekday said again with its week is that week's; the one day
                refused with a move asked is none; an hour doubted or refused is none; gums named only as a worry
                are no gum treatment; a cavity looked for with 검진 is a checkup; "찡해요" is a symptom.
                After: blind38 100.0% (252/252) with the model, 99.6% (251/252) with a model built without
                blind38/blind39, 100.0% with the rules alone; date 99.2%, time 100.0%, treatment 100.0%, all three
                99.2%. blind39 99.6% (252/253) with the model, 99.6% (252/253) without them, 99.6% with the rules
                alone; date 98.8%, time 100.0%, treatment 99.2%, all three 98.0%. Medical -> booking 0 on every set
                with and without the model; on the earlier sets 9 predictions changed, each to its label (8 with the
                rules alone, 1 with the model); the opt-out check's counts unchanged (refusals 436, 0 missed; fired
                1 of 6960 at LEAD 30, 2 left out, alone 417; at LEAD 20 one more fires today), and the new sets'
                9 refusals (blind38 5, blind39 4) are all read as opt_out.
                Left as they are: "어제 이 뽑았는데 오늘 샤워해도 되나요" (labelled yesterday; the earlier sets
                split 2:1 for today, so the lead to decide against round 25's past-deed line); "수요일 두 시요 네
                맞아요" to a read-back of next week's Wednesday (the words name this week's); "위생사 선생님 …
                스케일링 해 주신 분" (scaling names the person; labelled none); "네 할게요 다음 주 목요일 …" to a
                scaling offer (the treatment is the offer's, not said); "가는 중인데요 … 받아 주실 수 있어요"
                (labelled today, no day said); "오늘 치료비 얼마 나왔는지" (labelled no date); "내일 가도 될까요
                아니면 오늘 가야 될까요" (labelled no date; alternatives keep the first day elsewhere); "주차권 어디서
                받아요 아까 깜빡했어요" (a forgotten parking ticket is question_other by round 17's second look).
"""

ROUND_27_SUM = """\
Round 27 (blind38, blind39) in sum: two more sets of an ordinary clinic day, in real proportions: the first runs read
intent 233/252 = 92.5% on blind38, an ordinary Tuesday (rules alone 88.1%; date 96.0%, all three slots 93.7%), and
224/253 = 88.5% on blind39, a late-opening Thursday (rules alone 85.8%; date 96.4%, all three slots 94.5%), medical ->
booking 1 on each: the goal is not met on either first run. 35 labels were corrected to the conventions the earlier
sets hold (most of them a wellbeing call's "yes, fine", a bare day answered in a move, a reminder's "can't come"),
written down as round 27's. After the fixes by kind blind38 and blind39 read 100.0% and 99.6% with the model, 99.6%
and 99.6% with a model that has not seen them, 100.0% and 99.6% with the rules alone; medical -> booking 0 everywhere
with and without the model; the next fresh set tells whether the kinds generalise.
"""
