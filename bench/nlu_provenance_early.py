"""The first part of the NLU sets' provenance (bench/nlu_provenance.py prints it before the later sets): the sets up
to dev11 (rounds 1 to 4 of issue 15), kept as they were written after each first run."""

EARLY_SETS = """
Sets (tests/data/nlu/*.jsonl; one author wrote both the sets and the rules, so every number is optimistic):
  heldout  245  written and committed before any parser code; never tuned on. This is the number to quote.
  train    321  developed on.
  stress    77  harder phrasing/dialect/spacing, labelled before its first run, then tuned on.
                first run: intent 89.6%, date 96.1% (2 of the 3 misses were label slips, fixed), time 100%,
                treatment 98.7%
  blind2    87  second blind set, labelled before its first run, then tuned on.
                first run: intent 92.0%, date 97.7% (both misses label slips, fixed), time 100%, treatment 100%
  blind3    75  third blind set: replies inside dialogs (expect=confirm/proposal/offer/wellbeing), recall and
                happy calls; labelled before its first run, then tuned on.
                first run: intent 85.3%, date 94.7% (3 of 4 misses label slips, fixed), time 100%, treatment 96.0%
  blind4    66  fourth blind set, written after the blind3 fixes; labelled before its first run, then tuned on.
                first run: intent 84.8%, date 93.9% (3 of 4 misses label slips), time 98.5%, treatment 98.5%
                (that miss was a label slip too)
  blind5   203  fifth blind set (issue 15), written before any rule change for it: dialect, elderly speech,
                self-corrections, run-ons, STT spacing, and the new intents medical_question (24) and
                question_other (12) that the rules did not know yet.
                first run: intent 61.1% (124/203; 124/167 = 74.3% on the 167 rows of intents the rules knew),
                date 96.6%, time 99.5%, treatment 99.5%, all three slots 95.6%; medical -> booking 18.
                after the first run two labels were corrected to the convention (a past "어제" is a date too);
                one (엑스레이 → checkup) likewise.
  dev5     220  tuning set written after blind5's first run (every intent, hard negatives for the new ones).
                first run: intent 71.8%, date 100%, time 99.5%, treatment 99.5%; medical -> booking 10.
  dev6     125  tuning set: outbound-call replies, dialect, elderly speech, STT spacing, run-ons.
                first run: intent 69.6%, date 98.4%, time 99.2%, treatment 100%; medical -> booking 3.
  dev7      98  tuning set, ordinary phrasing.  first run: intent 90.8%, date 99.0%, time 100%, treatment 98.0%;
                medical -> booking 2 (3 labels corrected after it: a past date loses to today, pus is an emergency,
                the treatment with the higher priority is the slot).
  blind6   166  sixth blind set (issue 15, second one), written after all the rule changes above by a different
                mindset (Gyeongsang/Jeolla/Chungcheong elderly callers, a parent's run-ons, outbound-call replies),
                committed before its first run.
                FIRST RUN: intent 80.1% (133/166), date 98.2%, time 98.8%, treatment 99.4%, all three slots 96.4%;
                medical -> booking 2; misses by gold intent: question_other 11/16, medical_question 6/27,
                book 2, confirm_appointment 2, symptom 2, emergency 2, yes 3, no 2, ask_hours 1, callback_later 1,
                other 1. With the Qwen2.5-1.5B fallback (bench/llm_nlu_results.txt): 80.7% (134/166).
                Goal (97% intent, 97% slots on a first run) NOT met. One of the 3 date misses was a label slip
                ("주말에도 …" names that Saturday by convention), corrected after the run.
After blind6: a statistical model (appliance/language/statistical.py, naive Bayes over character n-grams of the
labelled sets except heldout) decides where the rules are unsure. Simulated first runs (the rules as committed before
each set's first run, the model trained only on the sets written before it; current labels): dev5 71.8% -> 80.9%,
dev6 69.6% -> 84.0%, dev7 91.8% -> 95.9%, blind6 80.1% -> 89.2%. Its four thresholds were chosen on these runs with
heldout as a guard, so these gains are optimistic too; the next fresh set tells the truth. "rules alone" below is
understand(..., statistical=False); on every set but heldout the model has seen the sentences.
  blind7   152  seventh blind set (third for issue 15), written after the statistical model: Whisper-style
                transcripts (punctuation, digits), casual speech, mixed requests, outbound replies; committed
                before its first run.
                FIRST RUN: intent 93.4% (142/152; rules alone 88.8%), date 100%, time 100%, treatment 100%,
                all three slots 100%; medical -> booking 2; misses: medical_question 2/24 (-> book),
                question_other 2/13, symptom 2/8, confirm_appointment 1/5, talk_to_staff 1/7, no 1/9, opt_out 1/4.
                With the Qwen2.5-1.5B fallback: 93.4% (asked 6x, changed nothing for the better).
                Goal (97% intent) NOT met; slots met.
  blind8   154  eighth blind set (fourth for issue 15), written after the blind7 fixes: a reception desk's day
                (greeting-first callers, STT mishearings, compound requests, campaign replies); committed before its
                first run.
                FIRST RUN: intent 89.0% (137/154; rules alone 84.4%), date 98.7%, time 100%, treatment 98.7%,
                all three slots 97.4%; medical -> booking 2; misses: question_other 7/14, medical_question 2/25,
                no 2/8, confirm_appointment 1/4, ask_hours 1/5, symptom 1/9, yes 1/8, opt_out 1/4, other 1/7.
                With the Qwen2.5-1.5B fallback: 89.0% (asked 6x, changed nothing for the better).
                Goal (97% intent) NOT met. Two of its slot misses were label slips against the conventions
                ("잇몸" names gum; "주말" names that Saturday), corrected after the run.
  dev8     189  tuning set (issue 15, second round), written before any rule change of that round from mindsets no set
                had used (formal business speech, young casual speech, non-native simplified Korean, complaining
                callers) plus kinds of medical and open questions and hard negatives; committed before its first run.
                first run: intent 81.0% (153/189; rules alone 75.1%), date 99.5%, time 98.4% (both misses "-십시오"
                read as 10 o'clock), treatment 100%, all three slots 97.9%; medical -> booking 2.
  dev9     119  tuning set written after the dev8 fixes (hedged and indirect speech, rambling self-corrections, first
                visits and transfers, less common treatments, two requests at once); committed before its first run.
                first run: intent 88.2% (105/119; rules alone 86.6%), date 99.2%, time 100%, treatment 96.6%, all three
                slots 95.8%; medical -> booking 0. One date label corrected after the run to the convention (the
                appointment a cancel names is its date).
Round 2 (after dev8 and dev9): the model's limits and the safety rule moved to appliance/language/blend.py (the model
never says emergency without a red flag, never calls a told sentence a question, never calls a sentence without a body
word a medical question, never books a question the rules found or turns a visit asked for into a medical question;
a question about one's own teeth with no visit asked for is never book/reschedule); MODEL_LEAD 15 -> 10. Simulated
first runs with this blend over the old rules (the rules as before each set's first run, the model trained only on the
sets before it): blind7 93.4% -> 94.7%, blind8 89.0% -> 91.6%, dev8 81.0% -> 84.1%; medical -> booking 2/2/2 -> 1/0/1.
  blind9   162  ninth blind set (issue 15, round 2, first of two), written after all the round-2 changes without
                looking at the rules, from a mindset no set had used: callers on the go (walking, driving, subway,
                lunch break), short and elliptical, noisy transcripts (dropped words, wrong spacing, misheard
                syllables), numbers in digits and words mixed; committed before its first run.
                FIRST RUN: intent 96.3% (156/162; rules alone 88.3%), date 100%, time 100%, treatment 100%, all three
                slots 100%; medical -> booking 0 (21 medical questions); misses: book 3/30 (-> ask_location, yes,
                other), question_other 2/12 (-> book, other), ask_hours 1/6 (-> callback_later).
                Goal (97% intent) NOT met by one sentence (157 would be 96.9%, 158 is 97.5%); slots met.
  blind10  155  tenth blind set (issue 15, round 2, second of two), written after the blind9 fixes without looking at
                the rules, from another unused mindset: worried parents and grown children calling about children and
                elderly parents, and outbound-call replies with the question asked (reminder, cancel confirmation,
                happy call, recall offer, slot proposal, identity check); committed before its first run.
                FIRST RUN: intent 90.3% (140/155; rules alone 85.2%), date 100%, time 100%, treatment 98.7%, all three
                slots 98.7%; medical -> booking 2 (of 23 medical questions); misses: medical_question 5/23 (-> book 2,
                other, symptom, question_other), book 3/21 (-> no 2, other), question_other 2/10 (-> ask_location,
                cancel), no 2/11 (-> cancel, other), symptom 1/10, yes 1/11, opt_out 1/4 (-> no).
                Goal (97% intent, no medical question to booking) NOT met; slots met.
                After the run five labels were corrected to conventions earlier sets had set: a slot rejected and
                another asked for is "no" with the new slot (blind6, blind8, dev6: x2), "엘리베이터 있는 건물" is
                ask_location (blind3), "검진이요? 네 한번 가 볼게요" to an offer is book (blind5), a treatment named
                in a cancel is its slot. With them the first run reads intent 92.9% (144/155), treatment 99.4%.
Round 2 in sum: the two blind sets' first runs give intent 296/317 = 93.4% (blind9 96.3%, blind10 90.3%), every
slot >= 98.7%, medical -> booking 2 of 44 medical questions (both in blind10: a question about after-care of a
fluoride varnish, one about stopping aspirin before scaling; both fixed by kind since). The goal (>= 97% intent on a
first run, no medical question to booking) is not met yet; slots are. "ms per utterance" below was measured with the
load average near 2 on 2 shared cores (other developers' tests running).
Round 3 (before blind11): the model reads words and word pairs beside the character n-grams, smoothing 0.3 -> 0.1
(simulated first runs - the rules as they were before each set's first run, the model trained only on the sets before
it - of dev8, dev9, blind7, blind8, blind9, blind10: 837 -> 852 of 931); MODEL_LEAD 10 -> 14 (equal on the simulated
runs, 8 fewer good rule answers overridden with each set left out of the model in turn); per-expect class priors (the
expect feature weighted 1, 3, 6, 10 times) change nothing (844/852/853/853). Fixes by kind found by perturbing every
labelled sentence (fillers inside a sentence, no spacing, random spacing): hesitations inside the sentence are
dropped ("어 제가" was read as "어제", "어 금니" as "어금니"), and by kinds of outbound replies and STT spellings
("모래" for 모레, "이 시린" read as 2 o'clock, "얼마 안 됐는데" as a price question).
  blind11  194  eleventh blind set (issue 15, round 3), written after the round-3 changes without looking at the rules:
                a noisy line (fillers, dropped particles, wrong spacing, homophones such as 모래/낳았어요/뻐근한대,
                digits), patients in the middle of a treatment (implant stages, orthodontic adjustments, root canal
                sessions, prostheses), callers returning a missed call, and outbound-call replies with the question
                asked (46 rows: offer, reminder, proposal, yes_no, wellbeing, confirm); committed before its first
                run. Three short sentences also occur in earlier sets ("카드 할부 되나요", "지금은 생각 없어요",
                "누구시라고요?").
                FIRST RUN: intent 98.5% (191/194; rules alone 96.4%), date 99.5%, time 100%, treatment 100%, all three
                slots 99.5%; medical -> booking 1 (of 24 medical questions); misses by gold intent: symptom 1/10
                (-> emergency), no 1/14 (-> medical_question), medical_question 1/24 (-> book).
                Goal: intent >= 97% and slots >= 97% met on this first run; zero medical questions to booking NOT met.
                The medical question taken for a booking: "애가 불소 바르고 바로 물 마셨는데 괜찮을까요"
                (applying fluoride then drinking was no after-care word, plain water no care topic). The date
                miss: "예약 한 주 뒤로 옮겨 …" read as a week from today (a move counted from the visit names no
                date). After the run its misses were fixed by kind (after-care of applied fluoride or sealant,
                drinking water; "떨어져 나갔어요" came off, nobody fell; "…아뇨 안 해도 돼요" declines an offer; and
                the rules-alone misses: 낳았 for 나았, "직원분 좀요", "…하는 날이라", "X 씨 아니고 Y 씨"); then the
                recogniser's spellings found by perturbing every labelled sentence ("괜찮아여", "…인대 …" going
                on, "금요 일로", "이십 삼일", "다 음주"). No label was changed.
  blind12  219  twelfth blind set (issue 15, round 4), written after the round-3 fixes without looking at the rules or
                their tests: office workers on a lunch break (clipped, polite business register, "-십시오", digits),
                retirees speaking Busan/Daegu/Gwangju dialect (할라꼬, 되능교, 되것소, 주이소, 묵어도 되노), a daughter
                managing her mother's dentures and implants, students and parents about braces, callers returning a
                missed call, and outbound-call replies with the question asked (54 rows: offer, proposal, reminder,
                yes_no, wellbeing, confirm, date, time, treatment); 31 medical questions, 9 emergencies, 14 questions
                for staff; committed before its first run.
                FIRST RUN: intent 95.4% (209/219; rules alone 90.4%), date 99.5%, time 100%, treatment 100%, all three
                slots 99.5%; medical -> booking 0 (of 40 medical questions and emergencies); misses by gold intent:
                question_other 4/14 (-> other, reschedule, talk_to_staff, book), medical_question 2/31 (-> symptom x2),
                book 2/44 (-> medical_question, ask_hours), ask_insurance 1/6 (-> question_other), yes 1/14 (-> other).
                Goal: slots >= 97% and zero medical questions to booking met on this first run; intent >= 97% NOT met
                (213 of 219 would be 97.3%). The date miss: "목요일 스케일링 예약을 다음주 화요일 점심으로 옮길 …" read
                as the Thursday of the old visit, not the Tuesday it moves to.
                After the run one label was corrected to the convention of dev8/dev9 (a certificate for the insurer,
                "실비 청구하려고 하는데 진단서 발급 돼요", is question_other); with it the first run reads 95.9%
                (210/219). Its misses were then fixed by kind: circumstances said while booking ("점심시간이라",
                "회사 앞이라", "외근 중이라") ask no hours, location or call-back and a clock time asked about is a
                slot; an answer naming the slot asked for is a booking; a "…로" target after a part of the day or a
                clock time; Gyeongsang 바까 주이소 / 안 할랍니다 / 됐심더 / 엽니꺼 / 마쳐요; instalments are a price
                ("일시불" no 1 o'clock); what a visit takes ("…받으려면 부모님이 같이 가야 돼요"), records moved
                and "X 되는 치과예요" are for staff; "원래 좀 그래요" after a treatment is a sure medical question;
                the model never turns a check of one's visit into a booking, nor a question asked at the end into a
                symptom told.
                A probe of 40 new sentences in the same mindsets, written during these fixes, read 35/40 on its first
                run (two of the five labels arguable); three of its kinds were fixed too (tests/
                test_language_kinds_round4.py). blind12 then joined the model's examples and the regression tests.
  dev10     66  tuning set written after the blind12 fixes from mindsets no set had used (night-shift workers and shop
                owners, care-home staff for elderly residents, teenagers, pregnancy, price comparison); committed before
                its first run.
                first run: intent 95.5% (63/66; rules alone 92.4%), date 100%, time 100%, treatment 100%, all three
                slots 100%; medical -> booking 0 (of 16); misses: "이를 심하게 가는데 크면 괜찮아지나요"
                (-> question_other: grinding with an adverb between was no symptom), "그날 야간이라 못 가요 다른
                날로 해 주세요" to a reminder (-> cancel: "다른 날로" was no sure move), and the arguable "그 예약을
                목요일 아니 금요일로 해 주세요" (book; the model says reschedule). The first two were fixed by kind.
  dev11     69  tuning set written after the dev10 fixes (formal 다나까 register, Konglish 리스케줄/컨펌/캔슬/체크업,
                grandparents on speakerphone with family relaying, run-on stories, patients with conditions and special
                needs, outbound replies); committed before its first run.
                first run: intent 95.7% (66/69; rules alone 89.9%), date 100%, time 100%, treatment 100%, all three
                slots 100%; medical -> booking 0 (of 15); misses: "리스케줄" (-> book), "노쇼 하면 패널티 있어요"
                (-> other), "거의 다 나았어요 가끔 좀 시린 거 말고는" to a wellbeing question (-> no). Fixed by kind
                (Konglish moves and "예약 컨펌"; no-show penalties and fees are for staff; a change only supposed,
                "취소하면 위약금 있나요", asks for none, while "취소하면 안 될까요" politely asks for one; fine but for
                a symptom is a symptom; "유지장치 안 끼면 다시 돌아가요" asks what happens: with the rules alone it
                had been a booking; "좋아진 것 같아요" to a wellbeing question is a sure no).
"""
