"""Where blind86, blind87, blind88 and blind89 come from and what their first runs read (issue 15, round 49): blocks
of the text at the top of bench/nlu_accuracy.txt, kept beside ``nlu_provenance`` to keep it short."""

ROUND_49_SETS = """\
  blind86  256  eighty-sixth blind set (issue 15, round 49), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Monday in May at a clinic in 제주시 (제주 speech
                mixed with standard, tourists with a toothache who fly home soon, tangerine farmers, elderly 해녀,
                hotel staff on shifts) and that day's offers, implant check-up calls, reminders and happy calls.
                FIRST RUN (main after round 48): intent 95.3% (rules alone 90.6%), date 98.4%, time 99.2%, treatment
                100.0%, all three slots 97.7%, medical -> booking 1 ("아 임플란트 점검이요 그거 안 아파도 꼭 가야
                돼요"; rules alone 4: that, "아이 교정 언제 시작하는 게 좋아요 지금 아홉 살이에요", "틀니가 잇몸을
                눌러서 아픈데 토요일에 좀 가 봐도 돼요" and the emergency "내일 출국이라 오늘 꼭 치료 받아야 되는데
                진통제 먹어도 계속 아파요", which the model read medical_question). Goal NOT met.
  blind87  258  eighty-seventh blind set (issue 15, round 49), by another writer in the same way: an ordinary
                Wednesday in December in a 서울 강남 office and apartment district (fast speech, loanwords,
                whitening and aesthetics, parents of teens in braces, prices compared) and that day's calls.
                FIRST RUN (main after round 48): intent 95.0% (rules alone 90.3%), date 99.2%, time 99.2%, treatment
                99.6%, all three slots 98.1%, medical -> booking 1 (rules alone 2: "딸이 교정 장치 끼고 있는데요 그
                상태로 스케일링도 받을 수 있어요", "… 교정기 철사가 튀어나와서 볼을 찔러요 오늘 학교 끝나고 데려가도
                될까요" alone). Goal NOT met.
  blind88  256  eighty-eighth blind set (issue 15, round 49), by another writer in the same way: an ordinary
                Saturday in July in 수원 near a university and an army base (students and soldiers on leave with
                wisdom teeth, slang, late callers, grandparents in 경기도 towns, a heat wave) and that day's calls.
                FIRST RUN (main after round 48): intent 95.7% (rules alone 91.4%), date 98.4%, time 100.0%, treatment
                99.2%, all three slots 97.7%, medical -> booking 0; a FALSE OPT-OUT: "주말엔 좀 전화 안 했으면
                좋겠는데 평일 저녁에 다시 주세요" (a restriction of when to call); an emergency missed: "오늘 아침부터
                입 벌리기가 힘들고 침 삼키기가 아파요" on a happy call read symptom. Goal NOT met.
  blind89  257  eighty-ninth blind set (issue 15, round 49), by another writer in the same way: an ordinary Friday
                in April in 울산 by the shipyards and car plants (shift workers, wives calling for husbands, 경상도
                speech, a work injury, 실비 and work-insurance questions) and that day's calls.
                FIRST RUN (main after round 48): intent 96.5% (rules alone 90.3%), date 99.2%, time 100.0%, treatment
                99.6%, all three slots 98.8%, medical -> booking 1 (rules alone 1: "아 저 야간 끝나고 지금 나왔는데
                이가 밤새 욱신거리가 오늘 가도 되는교"); an OPT-OUT MISSED: "이사를 가가 인자 거기 못 가요 이런 전화는
                다시 안 해 주셔도 됩니더" read no. Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 5 by the written
                conventions and a count: a day named with an urgent pain (round 27): blind89 "… 진통제 먹어도 안 듣고
                오늘 좀 꼭 봐 주이소" date none -> 2051-04-14; a day or an hour in a non-booking reply keeps it
                (round 23): blind87 "아 잠깐만요 시간은 네 시로 해 주세요" time none -> 16:00, blind86 "저녁 여덟 시까지
                하는 날이 무슨 요일이에요" (an hours question) none -> 20:00, blind86 "평일 낮엔 일해서 안 되고 주말에
                전화 주세요" (call me back at) none -> 2051-05-20; a checkup named in a booking (counted: 307 of 335
                earlier bookings naming 검진, the rest a more specific treatment): blind89 "다음 주 토요일에 애들 둘
                다 검진 좀 받을라 카는데 오전에 되지요" none -> checkup. 3 by a count, written down as round 49's
                conventions: a yes to a reminder with the parking asked is ask_location (9 of 9 earlier labels):
                blind88 "네 네 가요 근데 주차는 돼요", blind89 "네 가요 근데 주차는 어디 하면 되는교" yes ->
                ask_location; what one pays with the insurance is ask_insurance (33 of 35 earlier labels): dev18 "그
                임플란트 보험 되믄 내 돈은 얼마나 드능교" ask_price -> ask_insurance. Also counted and written down:
                an implant check-up asked needed with nothing wrong, to an offer ("안 아파도 꼭 가야 돼요"), is a
                medical_question (3 of 3 earlier labels); "I see, thanks" with nothing asked is other (3 of 3; to a
                reminder, yes, 32 of 32).
                Fixed by kind (appliance/language/four_cities_kinds, new; opt_out_words, channels_and_consent,
                days_not_asked, lexicon, care_waits, dates, date_choice, caller_errands): safety first, a
                restriction of when to call in the "…안 했으면" form is callback_later with no day; "이런 전화는 다시
                안 해 주셔도 됩니더" is an opt-out; the mouth hard to open with swallowing sore, told together, is an
                emergency, and so is a pain a painkiller does not ease; a trouble in dialect ("욱신거리가"), a wire
                poking, "…아픈데" or a weekday, then "may I come / bring him" with no hour, an appliance worn with a
                treatment asked in that state, a check-up asked needed with nothing wrong and when to start with
                one's child's age are medical questions; then the kinds in four_cities_kinds' docstring; "내일 모레
                중에" is two days in doubt (the first), the end of one's stay as a bound names no day, a bound before
                the day asked names the day asked.
                AFTER ROUND 49, with the model: blind86 99.6% (all three slots 98.8%), blind87 98.4% (98.8%),
                blind88 99.6% (98.8%), blind89 100.0% (99.6%); rules alone 95.3%, 96.1%, 96.5%, 97.7%; with a model
                built without them: 98.8%, 98.4%, 99.6%, 100.0%; medical -> booking 0 on every set with and without
                the model. The older sets: 16 readings changed (3 with the model, 13 by the rules alone), every one
                now as labelled (dev18's by its corrected label; blind57's "바로 가면 볼 수 있어요" and blind75's "아 네
                그 뭐" by the rebuilt model; the rules alone: the hour asked again, "…하긴 했는데 괜찮아요", how often,
                how many visits, open on a holiday, the lunch break, gums reddened, an hour to be past). Two readings
                the model rebuilt with the new sets moved away during the round (blind10 "아 네 알겠습니다
                고맙습니다", blind17 "퇴근하고 여섯 시 반 넘어야 돼요") and were given rules of their kind; none moves
                away at the end. Opt-out, read on every labelled sentence with today's rules (with and without the
                model): the older sets' 772 refusals all read opt_out, no false opt-out, as before the round; the new
                sets add 24 refusals (6 each), all read opt_out after the round (the first runs missed blind89's one
                and fired falsely once on blind88, as recorded). bench/opt_out_check.py (which trains a model per
                set) was not rerun in this round's time box.
                Left as they are: "제가 호텔 근무가 오후 세 시부터라 그 전에 가야 되는데 내일 오전 되나요" (15:00
                read, an hour given as a bound), "지금 가면 바로 볼 수 있나요 어제 저녁부터 …" (the onset read, the
                walk-in's today labelled), "토요일은 점심시간 없이 쭉 하세요" on a Saturday (next Saturday read),
                "다음 주 목요일로 잡아 놓은 거 화요일로 좀 당기 주이소" (the Thursday's week read), "내일 출국이라 오늘
                꼭 …" (tomorrow read, today labelled), "저녁 몇 시까지 하세요 퇴근하면 일곱 시라서" (19:00 read), the
                group checkup "단체로 검진 받을 수 있을까요" (question_other read, book labelled), a photo sent for a
                look, "잠깐만요 네?", a family membership discount, "치실 쓸 때마다 피가 나는데" (no gum read),
                "애 이가 흔들리는데 집에서 실로 빼도 되나요" (no extraction read), "그날 잇몸 치료도 같이" (scaling
                read), "일요일이나 공휴일에 여는 치과 혹시 아세요" (ask_hours and Sunday read).
"""

ROUND_49_SUM = """\
Round 49 (blind86, blind87, blind88, blind89) in sum: four more sets of an ordinary clinic day in four cities: the
first runs read intent 95.3%, 95.0%, 95.7% and 96.5% (rules alone 90.3-91.4%), with a false opt-out, a missed
opt-out, two emergencies missed and three medical questions read as bookings: the goal is met by none. 5 labels were
corrected by the conventions and a count, 3 by a count written down as round 49's. After the fixes by kind they read
99.6%, 98.4%, 99.6% and 100.0% with the model, 98.8/98.4/99.6/100.0% with a model that has not seen them (rules
alone 95.3-97.7%); medical -> booking 0 everywhere; the next fresh set tells whether the kinds generalise.
"""
