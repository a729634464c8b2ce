"""Where blind94, blind95, blind96 and blind97 come from and what their first runs read (issue 15, round 51): blocks
of the text at the top of bench/nlu_accuracy.txt, kept beside ``nlu_provenance`` to keep it short."""

ROUND_51_SETS = """\
  blind94  252  ninety-fourth blind set (issue 15, round 51), written by a different person who never saw the rules,
                their tests or this file's results: a June Wednesday at a clinic in 광명 (commuters, the KTX station, a
                mother and her daughter) and that day's offers, reminders, read-backs and happy calls.
                FIRST RUN (main after round 50): intent 97.6% (rules alone 96.8%), date 99.6%, time 100.0%, treatment
                100.0%, all three slots 99.6%, medical -> booking 0 (rules alone 1: "교정 중인데 미백도 같이 할 수
                있어요"). Goal met.
  blind95  259  ninety-fifth blind set (issue 15, round 51), by another writer in the same way: a January Tuesday at a
                clinic by the 여수 harbour (전라도 speech, fishermen back from sea, dentures) and that day's calls.
                FIRST RUN (main after round 50): intent 95.4% (rules alone 91.5%), date 98.8%, time 100.0%, treatment
                98.8%, all three slots 97.7%, medical -> booking 1 ("배에서 막 내렸는디요 틀니가 부러져 부렀어 내일
                아침에 가도 되까"; rules alone 1, the same). Goal NOT met.
  blind96  251  ninety-sixth blind set (issue 15, round 51), by another writer in the same way: an October Friday in
                일산 (toddlers' parents, retired teachers, braces) and that day's calls.
                FIRST RUN (main after round 50): intent 97.6% (rules alone 94.0%), date 98.8%, time 99.6%, treatment
                98.8%, all three slots 97.2%, medical -> booking 0 (rules alone 0). Goal met.
  blind97  253  ninety-seventh blind set (issue 15, round 51), by another writer in the same way: an August Thursday in
                포항 (경상도 speech, workers of three shifts, beach visitors) and that day's calls.
                FIRST RUN (main after round 50): intent 94.1% (rules alone 92.1%), date 98.4%, time 99.2%, treatment
                99.2%, all three slots 96.8%, medical -> booking 1 ("지금 사랑니 뽑으면 바다 들어가도 돼요 다음 주에
                휴가라서"; rules alone 1, the same); an opt-out missed: "그 우리 아버지가 지난주에 돌아가셔가 예약된 거
                다 없애 주시고 연락도 인제 안 주셔도 됩니더" read cancel. Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 1 by a written
                convention: "never booked" to a reminder is wrong_number (round 50, 26 of 26): blind96 "예약이요 무슨
                예약이요 저 예약한 적 없는데" other -> wrong_number; 2 by a count, written down as round 51's
                convention: a thing off, broken or loose given to the treatment question is book (19 of 19 earlier
                labels, one bare, blind69 "때운 게 떨어져서요"; round 28's bare-pain convention names a pain):
                blind94 "떼운 게 떨어져서요", blind95 "틀니가 안 맞아서요" symptom -> book.
                Fixed by kind (appliance/language/commute_and_coast_kinds, new; opt_out_words, care_waits, dates,
                caller_errands): safety first, a refusal of calls "from now on" said "인제" (the missed opt-out); a
                thing broken "… 부러져 부렀어 / 깨져 버렸어" then "may I come [a day word]" with no hour; an activity
                asked allowed if a treatment is done and a treatment asked allowed while another goes on
                (medical_question); then the kinds in commute_and_coast_kinds' docstring; "낼라고/낼려고" (to hand in a
                paper) is no "tomorrow". The dialog on an opt-out with a cancel asked: the refusal is stored (on a
                reminder call the call ends and the refusal cancels the queued calls), the booked visits are not
                cancelled by the opt-out itself; left as it is (a dialog matter, not this round's).
                AFTER ROUND 51, with the model: blind94 99.2% (all three slots 99.6%), blind95 98.5% (98.5%), blind96
                99.2% (97.2%), blind97 97.6% (96.8%); with a model built without the four sets: 98.8%, 97.3%, 98.4%,
                95.7%; rules alone 98.4%, 93.4%, 94.8%, 94.1%; medical -> booking 0 on every set with and without the
                model. The older sets: 3 readings changed, all by the rules alone and all to their labels (a doctor
                asked by name with "오늘 나오세요", blind44/53/73); none with the model, none away (blind69's "때운 게
                떨어져서요" moved away during the round and the rule was narrowed to the wellbeing call). Opt-out, with
                today's rules: the 833 refusals of every labelled set read opt_out, none missed, no false opt-out
                (bench/opt_out_check.py rerun in the round, not committed: the check fires on 1 of 26 550 others as
                before; with a model left out it hears 753 of 833 by itself and fires on 5); the new sets' 23
                refusals (5, 5, 7, 6) read opt_out after the round; on the first runs blind97's one was missed by the
                rules and the check asked (margin +3.2).
                Left as they are: over-triage on blind95, pus with red swollen gums and nothing else (round 39:
                symptom) and a little bleeding with the gauze held after a pull (round 48: symptom), both still read
                emergency by the red-flag words (the safe side; a narrowing of lexicon.EMERGENCY wants its own round);
                a yes with a person added or one's own day ("예 예 가께예 우리 영감도 같이 가도 되지예", "남편 거
                … 제 것도 같이 … 같은 시간에"), "네 잡아 주세요" after a condition labelled yes, "모르겠어요 …" to a
                yes/no question, a reminder's day mistaken then "can't" (cancel), a doctor's school asked, a text seen
                then a check-up, an estimate taken up ("견적 받은 사람인데예 그거 할라꼬요"), the date and time slots
                of moved bookings ("오늘 두 시에 … 예약돼 있는데요 … 다음 주 화요일로", "오전 열한 시요 아 열 시
                반"), and for the rules alone some thirty readings the model carries.
"""

ROUND_51_SUM = """\
Round 51 (blind94, blind95, blind96, blind97) in sum: four more sets of a clinic day in 광명, 여수, 일산 and 포항: the
first runs read intent 97.6%, 95.4%, 97.6% and 94.1% (rules alone 91.5-96.8%), with an opt-out missed and two medical
questions read as bookings: the goal is met by blind94 and blind96. One label was corrected by round 50's convention,
two by a count (a thing off or loose given to the treatment question is book, 19 of 19).
After the fixes by kind (a short round, safety first) they read 99.2%, 98.5%, 99.2% and 97.6% with the model,
98.8/97.3/98.4/95.7% with a model that has not seen them (rules alone 93.4-98.4%); medical -> booking 0 everywhere.
"""
