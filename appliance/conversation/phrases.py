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
}


def render(key: str, clinic: str) -> str:
    """The text of ``key`` for a given clinic name."""
    return PHRASES[key].format(clinic=clinic)
