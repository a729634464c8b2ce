"""Every fixed sentence the appliance speaks, by key. A prompt pack records each key once.

Texts may hold ``{clinic}`` (the clinic name, fixed per installation, so it is recorded into the pack).
Anything else that varies (dates, times, prices, names) is spoken through fragments or TTS, never here.
Keep sentences short and polite, the way a good 실장님 speaks on the phone.

The clinic records every key (``dentalcall prompts script``, ``*77``), so the table is kept small: a sentence
that is said in several places is one key, and a longer message made of whole recorded sentences is a name in
``JOINED`` ("예약되었습니다." + "그때 뵙겠습니다. 감사합니다.") that the dialogs say through
:func:`appliance.conversation.actions.says` — sentence by sentence, the way a person pauses between them.
A key no dialog says does not belong here (``tests/test_dialog_graph.py`` checks both ways).
"""

from __future__ import annotations

PHRASES: dict[str, str] = {
    # legal notices first: AI assistant + recording, in every call's opening
    "greeting": "안녕하세요, {clinic}입니다. 저는 AI 상담원이고, 통화 내용은 서비스 품질을 위해 녹음됩니다.",
    "greeting_unrecorded": "안녕하세요, {clinic}입니다. 저는 AI 상담원입니다.",  # the call is not recorded
    # asked again during the call ("AI예요?", "녹음돼요?"): the same true notices, and staff on request
    "about_call_recorded": "저는 AI 상담원이고, 통화 내용은 서비스 품질을 위해 녹음됩니다. 직원과 통화를 원하시면 말씀해 주세요.",
    "about_call_unrecorded": "저는 AI 상담원이고, 이 통화는 녹음되지 않습니다. 직원과 통화를 원하시면 말씀해 주세요.",
    "how_can_i_help": "무엇을 도와드릴까요?",
    "ack": "네,",
    "sorry_again": "죄송하지만 다시 한 번 말씀해 주시겠어요?",
    "callback_promise": "말씀 잘 들었습니다. 담당자가 확인 후 연락드리겠습니다.",
    "goodbye": "전화 주셔서 감사합니다. 좋은 하루 보내세요.",
    "understood": "네, 알겠습니다.",
    "good_day": "좋은 하루 보내세요.",
    "call_anytime": "필요하시면 언제든 전화 주세요.",
    "see_you": "그때 뵙겠습니다. 감사합니다.",
    "transfer": "담당 직원에게 연결해 드리겠습니다. 잠시만 기다려 주세요.",
    "apology": "죄송합니다. 지금은 연결이 원활하지 않습니다.",
    "leave_message": "삐 소리가 나면 성함과 용건을 남겨 주세요. 확인 후 바로 연락드리겠습니다.",
    "silence": "여보세요? 말씀이 잘 들리지 않습니다.",
    # --- inbound receptionist (appliance.conversation.receptionist) ---
    "reask_need": "예약, 예약 변경이나 취소, 진료시간 문의처럼 용건을 짧게 말씀해 주세요.",
    "menu_dtmf": "예약은 1번, 진료시간 안내는 2번, 예약 변경이나 취소는 3번, 직원 연결은 0번을 눌러 주세요.",
    "yes_no_keys": "네는 1번, 아니요는 2번을 눌러 주세요.",
    "confirmed_short": "네, 확인되었습니다.",
    "family_who": "이 번호로 가족분 여러 명이 등록되어 있습니다.",
    "ask_birth": "본인 확인을 위해 환자분 생년월일 여섯 자리를 말씀해 주시겠어요?",
    "ask_birth_again": "생년월일 여섯 자리를 숫자로 말씀하시거나 눌러 주세요. 예를 들어 팔십오 년 삼월 십이 일생이시면 팔, 오, 공, 삼, 일, 이입니다.",
    "ask_birth_keys": "생년월일 여섯 자리를 숫자 버튼으로 눌러 주세요.",
    "birth_not_found": "죄송하지만 말씀하신 정보로 등록된 분을 찾지 못했습니다.",
    "confirmed_guardian": "네, 보호자분 확인되었습니다.",
    "identity_failed": "본인 확인이 되지 않아 전화로는 예약 내용을 알려 드리기 어렵습니다. 담당자가 확인 후 연락드리겠습니다.",
    "callback_no_number": "발신번호가 표시되지 않아 저희가 다시 연락드릴 수는 없습니다. 진료시간에 다시 전화 주시면 도와드리겠습니다.",
    "ask_name_verify": "본인 확인을 위해 환자분 성함을 말씀해 주세요.",
    "ask_treatment": "어떤 진료로 예약해 드릴까요?",
    "ask_treatment_again": "스케일링, 충치 치료, 검진처럼 어떤 진료인지 말씀해 주세요.",
    "treatment_menu": "스케일링은 1번, 충치 치료는 2번, 검진이나 상담은 3번, 임플란트는 4번, 그 밖의 진료는 5번을 눌러 주세요.",
    "ask_date": "언제 오시는 게 편하세요?",
    "day_left_out": "네, 그날은 피해서 잡아 드릴게요.",
    "ask_date_again": "오시기 편한 날짜나 요일을 말씀해 주세요. 가장 빠른 날로 잡아 드릴 수도 있습니다.",
    "date_menu": "날짜를 월과 일, 네 자리로 눌러 주세요. 가장 빠른 날로 잡으시려면 별표를 눌러 주세요.",
    "no_slots": "죄송하지만 그때는 예약 가능한 시간이 없습니다.",
    "nearest_is": "가장 가까운 시간은",
    "book_this": "이대로 예약해 드릴까요?",
    "booked": "예약되었습니다.",
    "booking_requested": "예약 요청이 접수되었습니다. 담당자가 확인 후 확정 연락을 드리겠습니다.",
    "slot_gone": "죄송합니다. 방금 그 시간이 마감되었습니다.",
    "ask_name": "예약하실 분 성함을 말씀해 주세요.",
    "offer_sms": "예약 내용을 문자로 보내 드릴까요?",
    "sms_ok": "네, 문자로 보내 드리겠습니다.",
    "questionnaire_offer": "진료 전에 간단한 건강 질문 몇 가지 여쭤봐도 될까요?",
    "q_complaint": "어디가 불편하셔서 오시는지 간단히 말씀해 주세요.",
    "q_pain": "지금 통증이 있으세요?",
    "q_diabetes": "당뇨가 있으세요?",
    "q_hypertension": "고혈압이 있으세요?",
    "q_anticoagulant": "아스피린처럼 피를 묽게 하는 약을 드시고 계세요?",
    "q_pregnancy": "임신 중이시거나 임신 가능성이 있으세요?",
    "questionnaire_done": "감사합니다. 원장님께 미리 전달해 두겠습니다.",
    "anything_else": "더 도와드릴 일 있으세요?",
    "appointment_is": "예약이 있습니다.",
    "no_appointment": "예정된 예약을 찾지 못했습니다.",
    "confirm_cancel": "예약을 취소해 드릴까요?",
    "cancelled": "예약이 취소되었습니다.",
    "cancel_requested": "취소 요청이 접수되었습니다. 담당자가 확인 후 처리해 드리겠습니다.",
    "offer_rebook": "다른 날로 다시 예약해 드릴까요?",
    "which_new_date": "어느 날로 바꿔 드릴까요?",
    "rescheduled": "예약이 변경되었습니다.",
    "keep_appointment": "네, 예약은 그대로 두겠습니다.",
    "change_or_cancel_keys": "날짜를 바꾸시려면 1번, 취소하시려면 2번을 눌러 주세요.",
    "change_or_cancel": "날짜를 바꿔 드릴까요, 아니면 취소해 드릴까요?",
    "hours_intro": "진료시간 안내해 드릴게요.",
    "closed_word": "휴진입니다.",
    "holidays_closed": "공휴일은 휴진입니다.",
    "lunch_intro": "점심시간은",
    "open_word": "진료합니다.",
    "price_exact_later": "정확한 비용은 진료 후 상태를 보고 안내해 드립니다.",
    "ask_price_which": "어떤 진료 비용이 궁금하세요?",
    "staff_keys": "진료 이름을 말씀해 주시거나, 직원과 통화하시려면 0번을 눌러 주세요.",
    "insurance_scaling": "만 19세 이상이시면 1년에 한 번 스케일링 보험 적용이 됩니다. 올해 다른 치과에서 받으셨으면 적용이 안 될 수 있습니다.",
    "insurance_implant": "만 65세 이상이시면 임플란트는 평생 두 개까지 보험 적용이 됩니다.",
    "insurance_denture": "만 65세 이상이시면 틀니는 칠 년에 한 번 보험 적용이 됩니다.",
    "emergency_after_hours": "지금은 진료시간이 아닙니다. 피가 멈추지 않거나 얼굴이 많이 붓거나 다치셨다면 가까운 응급실로 바로 가 주세요. 진료가 시작되면 가장 먼저 연락드리겠습니다.",
    "symptom_sorry": "많이 불편하시겠어요.",
    "offer_booking": "진료 예약 도와드릴까요?",
    "medical_no_advice": "그 부분은 원장님이나 치위생사 선생님이 직접 답변드려야 합니다. 여쭤보신 내용을 전달해 두고 연락드리겠습니다.",
    "offer_earliest": "가장 빠른 진료 시간으로 예약 도와드릴까요?",
    "question_to_staff": "그 부분은 원장님께 여쭤보고 연락드릴게요.",
    "running_late_noted": "네, 늦으신다고 데스크에 전해 두겠습니다. 조심히 오세요.",
    "staff_after_hours": "지금은 진료시간이 아니라 직원 연결이 어렵습니다.",
    "opt_out_done": "네, 수신거부 처리되었습니다. 앞으로 안내 전화는 드리지 않겠습니다.",
    "opt_out_calls_done": "네, 앞으로 전화는 드리지 않고 문자로만 안내드리겠습니다.",  # scope calls: texts still wanted
    "opt_out_texts_done": "네, 앞으로 문자는 보내 드리지 않겠습니다.",  # scope texts: calls still allowed
    "opt_out_all_done": "네, 수신거부 처리되었습니다. 앞으로 전화나 문자로 연락드리지 않겠습니다.",  # scope all
    "opt_out_check": "앞으로 병원 안내 연락을 그만 받으시겠어요?",  # a refusal heard but not understood as one
    "opt_out_not_stored": "발신번호가 표시되지 않아 지금 바로 수신거부 처리를 하지는 못했습니다. 요청하신 내용은 담당자에게 전달하겠습니다.",
    # campaign calls (appliance.conversation.campaigns): notices, generic purpose, identity first
    "ob_optout_notice": "광고 안내 전화입니다. 수신을 원치 않으시면 9번을 누르시거나 말씀해 주세요.",
    "ob_purpose_generic": "안내드릴 내용이 있어 전화드렸습니다.",
    "ob_identity_unavailable": "지금은 본인 확인이 어려워 다음에 다시 연락드리겠습니다. 감사합니다.",
    "ob_family_may_answer": "가족분이시면 환자분 생년월일을 대신 말씀해 주셔도 됩니다.",
    "ob_other_family": "다른 가족분 일로 전화드렸습니다. 그분의 생년월일을 말씀해 주시겠어요?",
    "ob_who_we_are": "{clinic} AI 상담원입니다. 병원에서 안내드릴 내용이 있어 전화드렸습니다.",
    "ob_call_us_back": "걱정되시면 끊으시고 병원 대표번호로 직접 전화 주셔도 됩니다.",  # a doubt about who calls
    "ob_your_number": "진료받으실 때 병원에 남겨 주신 연락처로 전화드렸습니다.",  # "제 번호 어떻게 아셨어요?"
    # after identity: the purpose in full
    "ob_purpose_reminder": "예약 안내 때문에 전화드렸습니다.",
    "ob_purpose_happy": "치료 후 불편하신 데는 없으신지 여쭤보려고 전화드렸습니다.",
    "ob_purpose_implant": "임플란트 점검 안내 때문에 전화드렸습니다.",
    "ob_purpose_scaling": "스케일링 안내 때문에 전화드렸습니다.",
    "ob_purpose_insured": "보험 적용 치료 안내 때문에 전화드렸습니다.",
    "ob_not_patient": "그러시군요. 환자분께 병원에서 연락드렸다고 전해 주시겠어요? 다시 연락드리겠습니다. 감사합니다.",
    "ob_reminder_keys": "예약대로 오시면 1번, 변경은 2번, 취소는 3번을 누르시거나 말씀해 주세요.",
    "ob_multi_one_person": "예약이 여러 건 있습니다.",
    "ob_multi_children_2": "자녀분 두 분 예약이 있습니다.",
    "ob_multi_family": "가족분들 예약이 여러 건 있습니다.",
    "ob_which_appointment": "모든 예약이면 1번, 한 분 예약만이면 2번을 누르시거나 말씀해 주세요.",
    "ob_this_appointment": "이 예약이 맞으세요?",
    "ob_others_kept": "나머지 예약은 그대로 두겠습니다.",
    "ob_reschedule_each": "한 분씩 새 시간을 잡아 드리겠습니다.",
    "ob_moving_this": "예약의 새 시간을 안내해 드릴게요.",
    "ob_no_slot": "지금 맞는 시간을 찾지 못했습니다. 담당자가 확인 후 연락드리겠습니다.",
    "ob_happy_ask": "통증이나 출혈, 붓기가 심하신가요? 심하시면 1번, 괜찮으시면 2번을 누르시거나 말씀해 주세요.",
    "ob_happy_fine": "다행입니다. 불편하신 점이 생기면 언제든 전화 주세요. 감사합니다.",
    "ob_problem_callback": "걱정되시겠어요. 담당자가 최대한 빨리 전화드리겠습니다. 많이 심하시면 가까운 응급실을 이용해 주세요.",
    "ob_implant_ask": "수술하신 지 한 달쯤 되어 점검이 필요합니다. 불편하신 데가 있으시면 1번, 점검 예약은 2번, 다음에 하시려면 3번을 눌러 주세요.",
    "ob_recall_pitch": "마지막 진료 후 시간이 꽤 지나, 정기 검진을 권해 드리려고 전화드렸습니다.",
    "ob_recall_why_implant": "임플란트는 정기적으로 점검을 받으셔야 오래 쓰실 수 있습니다.",
    "ob_recall_why_gum": "잇몸 치료 후에는 정기적인 관리가 중요합니다.",
    "ob_recall_why_denture": "틀니도 잘 맞는지 정기적으로 점검이 필요합니다.",
    "ob_recall_why_tooth": "치료받으신 치아도 정기 검진으로 상태를 확인하시는 것이 좋습니다.",
    "ob_recall_why_scaling": "치석은 정기적으로 제거하시는 것이 잇몸 건강에 좋습니다.",
    "ob_senior_pitch": "만 65세 이상이시면 임플란트와 틀니에 건강보험이 적용될 수 있습니다.",
    "ob_private_pitch": "치아보험에 가입하셨다면 보장받으실 수 있는 치료가 있는지 정기 검진에서 확인해 보시는 것이 좋습니다.",
    "ob_callback_later": "네, 편하실 때 다시 연락드리겠습니다. 감사합니다.",
    "ob_wrong_number": "실례했습니다. 좋은 하루 보내세요.",
    "ob_staff_unavailable": "지금은 직원 연결이 어려워 담당자가 다시 전화드리겠습니다. 감사합니다.",
    # answering machines: no health detail; who calls, the number, and for adverts the notice and the opt-out
    "ob_voicemail_ad": "안녕하세요, {clinic} AI 상담원입니다. 치과 진료 안내를 드리는 광고 전화입니다.",
    "ob_voicemail_number": "병원 전화번호를 알려 드립니다.",
    "ob_voicemail_end": "편하실 때 병원으로 전화 부탁드립니다. 감사합니다.",
    "ob_voicemail_ad_end": "수신을 원치 않으시면 이 번호로 전화 주셔서 수신거부라고 말씀해 주세요. 감사합니다.",
    "staff_alert": "급한 연락 요청이 들어왔습니다. 직원 콘솔에서 확인해 주세요.",  # staff phones (appliance/console/notify)
}

# longer messages made of recorded sentences (name -> keys, said in order); a name is never a key of PHRASES
JOINED: dict[str, tuple[str, ...]] = {
    "emergency_transfer": ("symptom_sorry", "transfer"),
    "ob_problem_transfer": ("symptom_sorry", "transfer"),
    "ob_voicemail": ("greeting_unrecorded", "ob_purpose_generic"),
    "ob_reminder_ask": ("appointment_is", "ob_reminder_keys"),
    "ob_this_one": ("ob_this_appointment", "yes_no_keys"),
    "ob_cancel_ask": ("confirm_cancel", "yes_no_keys"),
    "ob_offer_booking": ("offer_booking", "yes_no_keys"),
    "ob_offer_slot": ("book_this", "yes_no_keys"),
    "ob_confirmed": ("understood", "see_you"),
    "ob_booked": ("booked", "see_you"),
    "ob_rescheduled": ("rescheduled", "see_you"),
    "ob_cancelled": ("cancelled", "call_anytime", "good_day"),
    "ob_declined": ("understood", "call_anytime", "good_day"),
    "ob_opted_out": ("opt_out_done", "good_day"),
    "ob_opted_out_calls": ("opt_out_calls_done", "good_day"),
    "ob_opted_out_texts": ("opt_out_texts_done", "good_day"),
    "ob_opted_out_all": ("opt_out_all_done", "good_day"),
}
OPT_OUT_DONE = {"ad": "opt_out_done", "calls": "opt_out_calls_done", "texts": "opt_out_texts_done",
                "all": "opt_out_all_done"}
"""The confirmation of an opt-out, by the scope stored (``appliance.data.crm_records.OPT_OUT_SCOPES``)."""


def text_of(name: str, clinic: str) -> str:
    """What a caller hears for a phrase key or a ``JOINED`` name."""
    return " ".join(render(key, clinic) for key in JOINED.get(name, (name,)))


def render(key: str, clinic: str) -> str:
    """The text of ``key`` for a given clinic name."""
    return PHRASES[key].format(clinic=clinic)
