"""Where blind64 and blind65 come from and what their first runs read (issue 15, round 40): blocks of the text at
the top of bench/nlu_accuracy.txt, kept beside ``nlu_provenance`` to keep it short."""

ROUND_40_SETS = """\
  blind64  255  sixty-fourth blind set (issue 15, round 40), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Monday in January at a clinic beside a large hospital
                and a subway station (second opinions from other clinics, post-holiday toothaches, office workers at
                lunch, elderly patients with dentures) and that day's recalls, implant check-ups, reminders and happy
                calls; committed before its first run (the writers had the conventions through round 38).
                FIRST RUN (main at the merge base c3d5f59, before round 39): intent 94.5% (rules alone 93.7%), date
                98.8%, time 100.0%, treatment 99.6%, all three slots 98.4%, medical -> booking 0 (rules alone 0); a
                symptom read as an emergency (pus told alone), two as medical questions (an appliance's trouble with
                "can you fix it", a screw come out told as hearsay), a medical question as a symptom ("미백하면
                하얘져요"); misses by gold intent: book x4, symptom x4, ask_insurance, cancel, medical_question,
                wrong_number, yes x2. Goal (intent >= 97%) NOT met.
  blind65  258  sixty-fifth blind set (issue 15, round 40), by another writer in the same way: a Thursday in early
                May, Children's Day week, at a clinic in a mid-sized city (parents booking for children, fluoride and
                sealants, grandparents with partial dentures, a few 충청도 speakers) and that day's child check-up
                offers, reminders and happy calls; committed before its first run.
                FIRST RUN (main at the merge base c698b4d, before round 39): intent 93.8% (rules alone 89.9%), date
                99.6%, time 100.0%, treatment 98.1%, all three slots 97.7%, medical -> booking 2 (rules alone 3):
                another's pain relayed then "오늘 가능할까요" and a trouble told then "한번 가 봐야 할까요 내일 가도
                돼요?" read as bookings, "이가 다 빠져서 임플란트는 안 되는 거 아녀유?" read as no; a cancel read as a
                yes ("저 죄송한데 취소할게요 …"). Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 3 in all, each by a
                written convention: a treatment named in an insurance condition or an offer's answer keeps it
                (rounds 28, 30): blind65:181 (denture), blind65:200 (checkup); an X-ray picture asked to be issued
                for an insurance claim is a named paper (round 39): blind65:256 (question_other). Counted and
                written down as round 40's: fluoride and sealants name no treatment (62 of 75 earlier labels), also
                beside braces one wears; a trouble told with its cause wondered ("충치인가 싶어서요") is a symptom
                (11 of 14; the 3 others ask whether it is okay).
                Fixed by kind (appliance/language/childrens_week_kinds, new; care_waits, body_or_visit,
                dialect_endings, lexicon, date_choice, treatments_named, caller_errands): safety first: another's
                pain relayed then "is today possible", a trouble told then "should I go and see" are medical
                questions the safety rule keeps from a booking; a treatment wondered impossible for one's condition
                or to help a trouble a medical question; an appliance's or a crown's trouble told, or with "can you
                fix it / put it back" and no day, a symptom; a child not brought or a cancel said first to a reminder
                a cancel. Then: late with a new time, one's own treatment added to a reminder, fine then "but book
                me", the machine asked about, who does the treatment, not now, an offer taken with a reason, a
                reminder's day echoed, a second opinion asked here, another's old number, the share with insurance,
                a cause wondered, a walk-in now, a day at one's free hour, nothing thanks, a call back after asking
                another, open now, a booked day moved, a doctor asked for by name, an appliance to be made again;
                the 충청도 endings ("…유", "아녀유", "있슈", "…겄는디"); the gums gone red a symptom; dates: a day in
                doubt told with its verb, a day given as a condition, a visit moved to "그 다음 주", "오늘까지";
                fluoride or sealants beside braces name none.
                After: blind64 intent 100% with the model, 100% with a model built without blind64/blind65, 100%
                with the rules alone; date 100%, time 100%, treatment 99.6%, all three 99.6%. blind65 99.2% with
                the model, 99.2% without them, 99.2% with the rules alone; date 100%, time 100%, treatment 99.2%,
                all three 99.2%. Medical -> booking 0 on every set, with and without the model.
                Changed predictions on the older sets (dump of every set with and without the model, before and
                after): 18, 17 of them to their labels, by the rules alone but one: the gums gone red told (blind40,
                blind45, blind47, blind48, blind50) and a cause wondered ("충치인가 싶어서요": blind35, blind46,
                blind52, blind60) symptoms; "없어요 고마워요" to the need question no (blind49); "선생님 오늘
                나오세요 이 원장님이요" a transfer (blind54); "지금 진료 끝났어요?" the hours (blind60);
                "오늘 오후에 가능한 시간 있나요 급한 건 아닌데" a booking (blind58); the 충청도 "안 해유" no
                (blind50) and "안 갈래유" a cancel (blind55); "지금은 좀 그래요 바빠서" no (blind55); with the
                rebuilt model "지금 대기 많아요? 바로 가면 볼 수 있어요" a booking (blind57). One miss changed its
                wrong intent: blind8's "스케일링 후에 불소 도포도 같이 해 주세요?" (labelled question_other) by the
                rules alone from medical_question to book (a treatment added to a visit is a visit asked,
                body_or_visit). None away from its label.
                The opt-out check's counts on the older sets unchanged (refusals 679, 0 missed, fired 1 at LEAD 30);
                the new sets' 9 refusals (4 and 5) are all read as opt_out, with and without the model, no false one.
                Left as they are: "그 점검은 얼마나 자주 받아야 되는 거예요" to an implant check-up offer (labelled no
                treatment, read checkup: a bare "점검" is labelled no treatment 3 of 4 times, but the rules read it
                as checkup everywhere; not changed this round); "위생사 선생님 … 저번에 스케일링 해 주신 분" (a person
                named by a past treatment, labelled none, read scaling; no written convention); "이 뺀 데는 괜찮은데
                반대쪽이 좀 시려요" (labelled none, read extraction); "음 저기 그 저 아니에요 죄송해요" (labelled
                other, read no); "예약 잡아 주세요 아무 날이나 오전으로" to an offer (labelled yes, read book; no
                earlier label of the kind).
"""

ROUND_40_SUM = """\
Round 40 (blind64, blind65) in sum: two more sets of an ordinary clinic day: the first runs read intent 94.5% on
blind64, beside a large hospital (rules alone 93.7%; a symptom read as an emergency, two as medical questions), and
93.8% on blind65, Children's Day week with 충청도 speakers (rules alone 89.9%; medical -> booking 2): the goal is met
on neither first run. 3 labels were corrected by the written conventions. After the fixes by kind they read 100% and
99.2% with the model, 100% and 99.2% with a model that has not seen them, 100% and 99.2% with the rules alone;
medical -> booking 0 everywhere; the next fresh set tells whether the kinds generalise.
"""
