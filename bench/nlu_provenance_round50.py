"""Where blind90, blind91, blind92 and blind93 come from and what their first runs read (issue 15, round 50): blocks
of the text at the top of bench/nlu_accuracy.txt, kept beside ``nlu_provenance`` to keep it short."""

ROUND_50_SETS = """\
  blind90  254  ninetieth blind set (issue 15, round 50), written by a different person who never saw the rules, their
                tests or this file's results: a September Tuesday at a clinic in 전주 before 추석 (전라도 speech,
                dentures, 한옥마을 tourists) and that day's offers, reminders, read-backs and happy calls.
                FIRST RUN (main after round 49): intent 93.7% (rules alone 90.2%), date 99.2%, time 98.4%, treatment
                100.0%, all three slots 97.6%, medical -> booking 1 ("틀니가 좀 헐렁해서 그러는디 토요일에 다시 가서
                봐도 되까", since relabelled book by the count below; rules alone 0). Goal NOT met.
  blind91  252  ninety-first blind set (issue 15, round 50), by another writer in the same way: a March Thursday in 세종
                (civil servants between meetings, young parents, light 충청도 speech) and that day's calls.
                FIRST RUN (main after round 49): intent 95.2% (rules alone 91.3%), date 99.2%, time 99.6%, treatment
                99.2%, all three slots 98.0%, medical -> booking 1 ("이가 시린데 내일 가도 될까요 오늘은 회의가 계속
                있어서요"; rules alone 1, the same); an emergency missed: "얼굴이 어제보다 더 부었어요 열도 좀 나는 것
                같고요" on a happy call read symptom. Goal NOT met.
  blind92  254  ninety-second blind set (issue 15, round 50), by another writer in the same way: a November Monday in
                춘천 (강원도 farmers, dentures, implants for the 65s and over, a grandchild calling for a grandparent)
                and that day's calls.
                FIRST RUN (main after round 49): intent 96.1% (rules alone 93.7%), date 99.2%, time 100.0%, treatment
                98.8%, all three slots 98.0%, medical -> booking 1 ("어금니가 아까부터 욱신욱신한데 오늘 가도 되나요";
                rules alone 1, the same). Goal NOT met.
  blind93  255  ninety-third blind set (issue 15, round 50), by another writer in the same way: an October Sunday at a
                clinic in a 부천 shopping mall (walk-ins, families, the food court's noise) and that day's calls.
                FIRST RUN (main after round 49): intent 94.5% (rules alone 91.0%), date 99.2%, time 100.0%, treatment
                99.2%, all three slots 98.4%, medical -> booking 3 ("애기가 이제 돌 지났는데 첫 치과 검진은 언제
                데려가면 돼요", "이가 시려서 그러는데 내일 아침에 가도 돼요", "이가 좀 아프긴 한데 참았다가 다음 주에
                가도 될까요"; rules alone 3, the same); rules alone an emergency missed ("입 벌리기가 힘들고 침 삼킬 때
                목이 너무 아파요", read symptom). Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 5 by the written
                conventions: a yes to a reminder with the parking asked is ask_location (round 49, 9 of 9): blind91 "네
                가요 그런데 주차 되죠", blind93 "네 가는데 주차는 어디다 해요" yes -> ask_location; a treatment named in
                an offer's answer or an insurance question keeps it (rounds 28/30): blind91 "아 네 맞아요 스케일링 받을
                때 됐죠 해 주세요" none -> scaling, blind92 "틀니 보험 되면 해야지 예 가께요" none -> denture, blind92
                "노인들 구강검진은 무료예요" none -> checkup (10 of 10 earlier such labels). 3 by a count, written down
                as round 50's conventions: a trouble told, then "may I come" with no hour and no errand, split by what
                names the visit: with a day word it is round 34's medical_question (15 of 18 earlier labels; the rules
                now read it so in its general form), with "지금/바로" and no day word round 36's walk-in, book today (29
                of 29 earlier non-emergency labels): blind93 "지금 근처에 있는데 이가 너무 욱신거려서요 바로 가도 돼요"
                medical_question -> book; an appliance's fit with a day books (6 of 6: blind72/73/77/80/82/83): blind90
                "틀니가 좀 헐렁해서 그러는디 토요일에 다시 가서 봐도 되까" medical_question -> book; "never booked" to a
                reminder is wrong_number (26 of 26): blind92 "아니요 저 예약한 적 없는데요" no -> wrong_number. Two
                yeses to a read-back with the parking asked ("네네 그때 갈게요 주차 되죠") stay yes: round 49's
                convention is the reminder's and no earlier read-back was labelled.
                Fixed by kind (appliance/language/four_days_kinds, new; care_waits, lexicon, body_or_visit, times,
                caller_errands): safety first, a trouble told then "may I come [a day word]" in its general form (any
                trouble ending, "참았다가" between, "내일 아침에", a reason of one's day after), never with "지금" or an
                hour or an errand or an appliance's fit; a swelling with "열도 좀 나는"; the mouth hard to open with "침
                삼킬 때" sore; a baby's first check-up asked when, "can it be left", "is this the dentist's to see";
                then the kinds in four_days_kinds' docstring; a crown off put back on a day and an appliance's fit with
                a day are visits asked (body_or_visit's care-question guard left them medical for the rules alone); a
                booked hour read back then moved by whole hours names the hour it goes to.
                AFTER ROUND 50, with the model: blind90 99.6% (all three slots 98.0%), blind91 100.0% (98.4%), blind92
                100.0% (98.8%), blind93 100.0% (98.4%); with a model built without the four sets: 98.4%, 99.2%, 100.0%,
                99.6%; rules alone 94.1%, 95.6%, 98.0%, 96.5%; medical -> booking 0 on every set with and without the
                model. The older sets: 10 readings changed (4 with the model, 6 by the rules alone), every one now as
                labelled ("오늘이요 지금 가면 안 돼요", "얼마예요 보험 되면" and "스케일링 얼마예요 보험 되면",
                "스케일링? 작년에 했는디 또 해야 돼요?", and for the rules alone also "어 여기 정비소 아니에요
                죄송합니다" and "택시 내려서 비 피할 데 있어요?"). Rules that moved older readings away during the round
                (one's number changed read over another's, two papers for a claim, "그때 갈게요" to a reminder, "네
                할게요 언제 돼요" to an offer, another hour asked after "안 되고", "참을 만해요" with no yes, a staff
                member asked after a move) were narrowed; none moves away at the end. Opt-out, read on every labelled
                sentence (26 613) with today's rules, with and without the model: the 819 refusals all read opt_out, no
                false opt-out, as before the round (the new sets' 23 refusals, 6, 5, 6 and 6, read opt_out on their
                first runs too). bench/opt_out_check.py, rerun in the round (not committed): today 810 refusals of the
                joined sets, none missed, the check fires on 1 of 25 558 other sentences (dev16's, as before); with a
                model left out it hears 735 of 810 by itself and fires on 5; the first runs stay as cached.
                Left as they are: "오늘 오후 세 시 반 예약이요 한 삼십 분 늦게 가도 될까요" (15:30 read, 16:00 labelled:
                a move by minutes), "여섯 시 넘어서 퇴근하니께 여섯 시 반 되나" (18:00 read), "거기 진료 끝나는 시간이
                몇 시예요 화요일은 야간 하세요" on a Tuesday (next Tuesday read), "그 모레 예약했던 거 … 하루만 미뤄"
                (the booked day read, the day after labelled), "씌운 게 빠졌어요 월요일에 밥 먹다가요" (the coming
                Monday read), "십일월 첫째 주 토요일 되나요" (no date read), "회사 점심시간이 열두 시부터 …" (12:00
                read), "이번 달은 좀 어렵고 다음 달 초에 다시 연락 주세요" and "평일엔 … 일요일에 주세요" (a day read in
                a call back), "치실 쓸 때마다 피가 나는데" and "이 닦을 때 피가 좀 나는데" (no gum read), "어 그게 그
                점검은 몇 분 정도 걸려요" (checkup read), and for the rules alone some thirty readings of kinds the
                model carries (hours questions in passing, relayed yeses, fine in dialect on a happy call).
"""

ROUND_50_SUM = """\
Round 50 (blind90, blind91, blind92, blind93) in sum: four more sets of a clinic day in 전주, 세종, 춘천 and a 부천
mall: the first runs read intent 93.7%, 95.2%, 96.1% and 94.5% (rules alone 90.2-93.7%), with an emergency missed and
six medical questions read as bookings, five of them a trouble told then "may I come [a day]": the goal is met by none.
The trouble-then-"may I come" form was settled by a count (a day word 15 of 18 medical_question, "지금/바로" 29 of 29
book, an appliance's fit with a day 6 of 6 book); 5 labels were corrected by the conventions, 3 by counts. After the
fixes by kind they read 99.6%, 100.0%, 100.0% and 100.0% with the model, 98.4/99.2/100.0/99.6% with a model that has not
seen them (rules alone 94.1-98.0%); medical -> booking 0 everywhere; the next fresh set tells whether the kinds
generalise.
"""
