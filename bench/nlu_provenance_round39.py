"""Where blind62 and blind63 come from and what their first runs read (issue 15, round 39): blocks of the text at
the top of bench/nlu_accuracy.txt, moved here from ``nlu_provenance`` to keep it short."""

ROUND_39_SETS = """\
  blind62  258  sixty-second blind set (issue 15, round 39), written by a different person who never saw the rules,
                their tests or this file's results: an ordinary Thursday at a clinic near a big hospital and a
                nursing home (patients on blood thinners or with diabetes, nursing-home staff calling for residents,
                home visits asked, dentures and implants) and that day's 65+ offers, implant check-ups and reminders;
                committed before its first run (the writers had the conventions through round 36).
                FIRST RUN (main at the merge base 9ff9eb5, after round 38): intent 96.1% (rules alone 91.5%), date
                100.0%, time 100.0%, treatment 97.7%, all three slots 97.7%, medical -> booking 0 (rules alone 0); a
                medical question read as an emergency ("항응고제 먹는데 스케일링하면 피 많이 나요?") and a symptom as
                one (pus told alone); misses by gold intent: book x5, question_other x2, medical_question, reschedule,
                symptom. Goal (intent >= 97%) NOT met.
  blind63  251  sixty-third blind set (issue 15, round 39), by another writer in the same way: a Wednesday in December
                at a clinic in a tourist city (the year-end insurance scaling rush, travellers with a broken tooth,
                전라도 speech) and that day's scaling offers, reminders and happy calls; committed before its first run.
                FIRST RUN (main at the merge base 0d5d050): intent 94.8% (rules alone 88.4%), date 97.6%, time
                100.0%, treatment 98.0%, all three slots 96.0%, medical -> booking 0 (rules alone 0); a refusal
                missed ("나 치과 다시 갈 일 없으니께 전화 고만 하쇼" read other) and a symptom read as the place asked
                ("… 치과 맞죠 … 크라운이 빠져서 들고 있어요"). Goal NOT met.
                Labels corrected after the first runs (the first runs above stay as recorded), 9 in all. By the
                written conventions: a treatment named in an insurance condition or an offer's answer keeps it
                (rounds 28, 30): blind62:155, blind63:29, blind63:72; a past day of a treatment done and a pulled
                tooth's place (rounds 25, 35): blind63:18 (date and treatment); a day in an hours question keeps its
                date (round 28): blind63:227; a red flag's onset today (round 28): blind63:34. Counted and written
                down as round 39's: a group's checkup asked names checkup (2 of 2): blind62:60; an appliance's trouble
                on a wellbeing call names it (26 of 26): blind62:216; a named paper asked to be issued for an insurer
                is question_other (5 of 5): blind63:163.
                Fixed by kind (appliance/language/winter_day_kinds, new; care_boundaries, life_around_visits,
                opt_out_words, lexicon, relative_days, treatments_named, caller_errands): safety first: "전화 고만/고마
                하쇼" is a refusal; a red flag told then "may I come tomorrow / can it wait" stays an emergency (fever
                with pus or a swelling, trouble breathing or swallowing, bleeding that will not stop: "고름이 나오고
                열이 나는데 내일 가도 되나요" was a medical question, "숨쉬기가 힘든데 주말까지 참아도 돼요" a question
                for staff), a fever denied or "열 시" is no fever; pus told alone is a symptom; a treatment's bleeding
                asked a medical question. Then: the last slot asked to the time question, may I come by an hour, a
                group's or a home visit asked, another person qualifying, a visit forgotten and booked again, a
                reminder put off, family added with a treatment between, an offer taken then "when", another day's
                hours after a proposal, a visit wished with the price in passing, on my way, a missed call returned,
                the clinic checked then a trouble, a read-back held and one part changed, several booked at once, a
                clipped move, open on a day, fine on a wellbeing call, a diary looked at then a yes; a holiday's next
                day, 유치 pulled at home, "썩은 건가", a hospital's test, a treatment added to one already booked.
                After: blind62 intent 100% with the model, 100% with a model built without blind62/blind63, 95.3%
                with the rules alone; date 100%, time 100%, treatment 99.6%, all three 99.6%. blind63 100% with the
                model, 100% without them, 96.8% with the rules alone; date 99.6%, time and treatment 100%, all three
                99.6%. Medical -> booking 0 on every set, with and without the model.
                Changed predictions on the older sets (dump of every set with and without the model, before and
                after): 15, all to their labels (blind32 pus told alone both ways; blind42 family added both ways;
                blind56 a read-back's one part changed both ways; dev12, dev13 a hospital's test no checkup both
                ways; blind22 "일요일도 하는 데예요" and blind36 "네 받아야죠 언제 가면 돼요" by the rules alone;
                blind54 "지금 가면 바로 볼 수 있어요 …" with the rebuilt model); one miss changed its wrong intent
                (blind20, with the model: ask_hours to ask_price, labelled question_other); none away from its label
                (the rebuilt model had turned blind35's "잠깐만요 달력 좀 보고요 네 돼요" into other: a diary looked at
                then a yes is now a rule). The opt-out check's counts unchanged (refusals 436, 0 missed, fired 1 of
                6960 at LEAD 30; at LEAD 100 3 instead of 2, the rebuilt model's margins); the new sets' 12 refusals
                (5 and 7) are all read as opt_out, with and without the model, no false one.
                Left as they are: "아니요 틀니는 처음이에요" (labelled no treatment, read denture: a treatment named in
                an answer keeps it, round 30); "둘 다 별로예요 주말은 없어요?" (labelled no day, read the Saturday; no
                written convention for a weekend asked); rules alone: a wondering told ("썩은 건가 해서요"), dialect
                yeses ("그라믄 가야지"), "그 월요일로 할게요 두 번째".
"""

ROUND_39_SUM = """\
Round 39 (blind62, blind63) in sum: two more sets of an ordinary clinic day: the first runs read intent 96.1% on
blind62, beside a hospital and a nursing home (rules alone 91.5%; a medical question and a symptom read as emergencies),
and 94.8% on blind63, the week before Christmas in a tourist city (rules alone 88.4%; date 97.6%, a refusal missed): the
goal is met on neither first run. 9 labels were corrected, 6 by written conventions and 3 by the sets' majority
(written down). After the fixes by kind they read 100% each with the model and with a model that has not seen them,
95.3% and 96.8% with the rules alone; medical -> booking 0 everywhere; the next fresh set tells whether the kinds
generalise.
"""
