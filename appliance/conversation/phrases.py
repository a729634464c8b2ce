"""Every fixed sentence the appliance speaks, by key. A prompt pack records each key once.

Texts may hold ``{clinic}`` (the clinic name, fixed per installation, so it is recorded into the pack).
Anything else that varies (dates, times, prices, names) is spoken through fragments or TTS, never here.
Keep sentences short and polite, the way a good 실장님 speaks on the phone.
"""

from __future__ import annotations

PHRASES: dict[str, str] = {
    # legal notices first: AI assistant + recording, in every call's opening
    "greeting": "안녕하세요, {clinic}입니다. 저는 AI 상담원이고, 통화 내용은 서비스 품질을 위해 녹음됩니다.",
    "how_can_i_help": "무엇을 도와드릴까요?",
    "ack": "네,",
    "one_moment": "잠시만요.",
    "sorry_again": "죄송하지만 다시 한 번 말씀해 주시겠어요?",
    "not_understood_dtmf": "예약은 1번, 진료시간 안내는 2번, 직원 연결은 0번을 눌러 주세요.",
    "callback_promise": "말씀 잘 들었습니다. 담당자가 확인 후 연락드리겠습니다.",
    "goodbye": "전화 주셔서 감사합니다. 좋은 하루 보내세요.",
    "transfer": "담당 직원에게 연결해 드리겠습니다. 잠시만 기다려 주세요.",
    "apology": "죄송합니다. 지금은 연결이 원활하지 않습니다.",
    "leave_message": "삐 소리가 나면 성함과 용건을 남겨 주세요. 확인 후 바로 연락드리겠습니다.",
    "silence": "여보세요? 말씀이 잘 들리지 않습니다.",
    # --- inbound receptionist (appliance.conversation.receptionist) ---
    "reask_need": "예약, 예약 변경이나 취소, 진료시간 문의처럼 용건을 짧게 말씀해 주세요.",
    "menu_dtmf": "예약은 1번, 진료시간 안내는 2번, 예약 변경이나 취소는 3번, 직원 연결은 0번을 눌러 주세요.",
    "yes_no_keys": "맞으면 1번, 아니면 2번을 눌러 주세요.",
    "confirmed_short": "네, 확인되었습니다.",
    "family_who": "이 번호로 가족분 여러 명이 등록되어 있습니다.",
    "ask_birth": "환자분 생년월일 여섯 자리를 말씀하시거나 눌러 주세요.",
    "ask_birth_again": "생년월일을 여섯 자리 숫자로 눌러 주세요. 예를 들어 팔십오 년 삼월 십이 일생이시면 팔, 오, 공, 삼, 일, 이입니다.",
    "birth_not_found": "죄송하지만 말씀하신 정보로 등록된 분을 찾지 못했습니다.",
    "ask_treatment": "어떤 진료로 예약해 드릴까요?",
    "ask_treatment_again": "스케일링, 충치 치료, 검진처럼 어떤 진료인지 말씀해 주세요.",
    "treatment_menu": "스케일링은 1번, 충치 치료는 2번, 검진이나 상담은 3번, 임플란트는 4번, 그 밖의 진료는 5번을 눌러 주세요.",
    "ask_date": "언제 오시는 게 편하세요?",
    "ask_date_again": "오시기 편한 날짜나 요일을 말씀해 주세요. 가장 빠른 날로 잡아 드릴 수도 있습니다.",
    "date_menu": "날짜를 월과 일, 네 자리로 눌러 주세요. 가장 빠른 날로 잡으시려면 별표를 눌러 주세요.",
    "ask_time_pref": "오전, 오후처럼 편하신 시간대를 말씀해 주세요.",
    "checking": "네, 예약 가능한 시간 확인해 보겠습니다.",
    "closed_that_day": "그날은 휴진입니다.",
    "time_taken": "말씀하신 시간은 예약이 다 찼습니다.",
    "no_slots": "죄송하지만 그때는 예약 가능한 시간이 없습니다.",
    "nearest_is": "가장 가까운 시간은",
    "book_this": "이 시간으로 예약해 드릴까요?",
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
    "confirm_cancel": "이 예약을 취소해 드릴까요?",
    "cancelled": "예약이 취소되었습니다.",
    "cancel_requested": "취소 요청이 접수되었습니다. 담당자가 확인 후 처리해 드리겠습니다.",
    "offer_rebook": "다른 날로 다시 예약해 드릴까요?",
    "which_new_date": "어느 날로 바꿔 드릴까요?",
    "rescheduled": "예약이 변경되었습니다.",
    "keep_appointment": "네, 예약은 그대로 두겠습니다.",
    "hours_intro": "진료시간 안내해 드릴게요.",
    "closed_word": "휴진입니다.",
    "holidays_closed": "공휴일은 휴진입니다.",
    "lunch_intro": "점심시간은",
    "open_word": "진료합니다.",
    "price_exact_later": "정확한 비용은 진료 후 상태를 보고 안내해 드립니다.",
    "ask_price_which": "어떤 진료 비용이 궁금하세요?",
    "insurance_scaling": "만 19세 이상이시면 1년에 한 번 스케일링 보험 적용이 됩니다. 올해 다른 치과에서 받으셨으면 적용이 안 될 수 있습니다.",
    "insurance_implant": "만 65세 이상이시면 임플란트는 평생 두 개까지 보험 적용이 됩니다.",
    "insurance_denture": "만 65세 이상이시면 틀니는 칠 년에 한 번 보험 적용이 됩니다.",
    "emergency_transfer": "많이 불편하시겠어요. 바로 직원에게 연결해 드리겠습니다.",
    "emergency_after_hours": "지금은 진료시간이 아닙니다. 피가 멈추지 않거나 얼굴이 많이 붓거나 다치셨다면 가까운 응급실로 바로 가 주세요. 진료가 시작되면 가장 먼저 연락드리겠습니다.",
    "symptom_sorry": "많이 불편하시겠어요.",
    "offer_booking": "진료 예약 도와드릴까요?",
    "staff_after_hours": "지금은 진료시간이 아니라 직원 연결이 어렵습니다.",
    "opt_out_done": "네, 수신거부 처리되었습니다. 앞으로 안내 전화는 드리지 않겠습니다.",
    "wrong_number": "네, 알겠습니다.",
}


def render(key: str, clinic: str) -> str:
    """The text of ``key`` for a given clinic name."""
    return PHRASES[key].format(clinic=clinic)
