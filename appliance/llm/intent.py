"""Korean intent classifier on the local LLM: the *fallback* behind the rule-based NLU.

Rules decide emergencies, opt-outs, yes/no and every date/time (measured: a 1.5B model missed every
emergency and got date arithmetic wrong half the time). This module only picks one label out of the list
the caller allows, with the output constrained by a GBNF grammar to exactly those labels: it can never
produce free text, let alone medical advice. Anything unexpected (no model, timeout, crash, a label outside
``allowed``) gives ``None`` and the dialog goes on as "not understood" (re-ask, keypad, staff).

The prompt is one fixed text (all intents with a Korean gloss and a few examples) that opens every request,
then the caller's sentence; the allowed subset is enforced by the grammar only, so the fixed part stays
byte-identical and its evaluated state is reused between calls (see ``worker.py``).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path
from typing import Callable, Iterable, Sequence

from appliance.errors import ModelMissing
from appliance.llm import models
from appliance.llm.worker import LlmWorker, Reply, Request, default_threads

_LOGGER = logging.getLogger(__name__)

INTENTS: tuple[str, ...] = (
    "book", "reschedule", "cancel", "confirm_appointment", "ask_hours", "ask_location", "ask_price",
    "ask_insurance", "symptom", "emergency", "talk_to_staff", "yes", "no", "opt_out", "callback_later",
    "wrong_number", "medical_question", "question_other", "other",
)  # the same labels, in the same order, as appliance.language.INTENTS (a test checks)

# What the model writes for each intent: one English word each whose FIRST token differs from every other's
# (single tokens in the Qwen2.5 and Gemma 3 vocabularies). Greedy decoding under a grammar commits to the first
# token, so labels sharing one ("ask_hours", "ask_price", …) pool their probability on "ask" and the choice among
# them is then forced: measured on Qwen2.5-Coder 0.5B, full intent names 45 % vs distinct words (bench).
ALIAS: dict[str, str] = {
    "book": "book", "reschedule": "change", "cancel": "cancel", "confirm_appointment": "confirm",
    "ask_hours": "hours", "ask_location": "location", "ask_price": "price", "ask_insurance": "insurance",
    "symptom": "symptom", "emergency": "emergency", "talk_to_staff": "staff", "yes": "yes", "no": "no",
    "opt_out": "unsubscribe", "callback_later": "later", "wrong_number": "wrong", "medical_question": "medical",
    "question_other": "question", "other": "other",
}
_FROM_ALIAS = {alias: intent for intent, alias in ALIAS.items()}

# Korean gloss of each label, shown to the model (order = INTENTS).
GLOSS: dict[str, str] = {
    "book": "새 진료 예약을 원함",
    "reschedule": "이미 있는 예약의 날짜나 시간을 바꾸고 싶음",
    "cancel": "예약을 취소하고 싶음",
    "confirm_appointment": "자기 예약이 언제인지 확인하고 싶음",
    "ask_hours": "진료 시간, 점심시간, 휴무일, 야간 진료 문의",
    "ask_location": "병원 위치, 찾아가는 길, 주차 문의",
    "ask_price": "치료 비용, 가격 문의",
    "ask_insurance": "건강보험, 실비, 보험 적용 문의",
    "symptom": "이가 아프거나 시리거나 불편한 증상 설명",
    "emergency": "피가 멈추지 않음, 얼굴이 심하게 부음, 사고로 이가 부러짐 같은 응급 상황",
    "talk_to_staff": "직원, 상담원, 사람과 직접 통화하고 싶음",
    "yes": "긍정, 동의 (네, 맞아요, 좋아요)",
    "no": "부정, 거절 (아니요, 괜찮습니다, 안 돼요)",
    "opt_out": "앞으로 전화나 문자를 받고 싶지 않음 (수신 거부)",
    "callback_later": "지금 통화가 어려워 나중에 다시 전화해 달라고 함",
    "wrong_number": "전화를 잘못 걸었음, 치과에 건 전화가 아님",
    "medical_question": "증상, 치료 후 주의사항, 이게 정상인지 묻는 의료 질문 (약, 음식, 술, 담배, 운동 등)",
    "question_other": "진료시간, 위치, 비용, 보험 말고 치료나 병원에 대한 다른 질문 (치료 기간, 장비, 의사 등)",
    "other": "위의 어느 것에도 해당하지 않음",
}

# Few-shot examples inside the fixed prompt. Keep them disjoint from bench/llm_intents.tsv (the test set).
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("다음 주에 스케일링 받으러 가고 싶은데요", "book"),
    ("임플란트 상담 예약 잡아주세요", "book"),
    ("목요일 예약을 토요일로 옮길 수 있을까요", "reschedule"),
    ("예약 시간 좀 늦춰도 될까요", "reschedule"),
    ("내일 예약한 거 못 갈 것 같아서 취소할게요", "cancel"),
    ("제 예약이 몇 시였죠", "confirm_appointment"),
    ("토요일에도 진료하세요", "ask_hours"),
    ("거기 주차 되나요", "ask_location"),
    ("지하철역에서 어떻게 가요", "ask_location"),
    ("사랑니 빼는 데 얼마예요", "ask_price"),
    ("스케일링 보험 되나요", "ask_insurance"),
    ("어금니가 씹을 때마다 시큰거려요", "symptom"),
    ("넘어져서 앞니가 부러졌어요 피가 계속 나요", "emergency"),
    ("그냥 사람이랑 통화할게요", "talk_to_staff"),
    ("네 그렇게 해주세요", "yes"),
    ("아니요 그건 아니에요", "no"),
    ("이런 전화 다시는 하지 마세요", "opt_out"),
    ("지금 운전 중이라 이따 다시 걸어주세요", "callback_later"),
    ("거기 중국집 아니에요", "wrong_number"),
    ("발치하고 나서 언제부터 술 마셔도 돼요", "medical_question"),
    ("신경치료 받은 데가 계속 시린데 정상인가요", "medical_question"),
    ("임플란트는 보통 기간이 얼마나 걸려요", "question_other"),
    ("거기 수면 치료도 하세요", "question_other"),
    ("오늘 날씨 좋네요", "other"),
)

ANSWER_PREFIX = "의도: "


def system_prompt() -> str:
    """The fixed text that opens every request (identical between calls → its state is reused)."""
    lines = [
        "치과에 걸려 온 전화에서 환자가 한 말의 의도를 분류합니다. "
        "의료 조언은 하지 않고 아래 목록의 영어 단어 하나만 답합니다.",
        "",
        "의도 목록:",
    ]
    lines += [f"- {ALIAS[name]}: {GLOSS[name]}" for name in INTENTS]
    return "\n".join(lines)


# The examples as fixed chat turns after the system text (instruct models follow turns better than a list).
SHOTS: tuple[tuple[str, str], ...] = tuple((f"문장: {text}", ALIAS[label]) for text, label in EXAMPLES)


def request_for(text: str, labels: Sequence[str], system: str | None = None) -> Request:
    """The worker request for one sentence; everything before the sentence is fixed."""
    return Request(system or system_prompt(), f"문장: {text}", grammar_for(labels), ANSWER_PREFIX, max_tokens=8,
                   shots=SHOTS)


def grammar_for(labels: Iterable[str]) -> str:
    """GBNF that accepts exactly the model-side word (:data:`ALIAS`) of one of ``labels`` (intent names)."""
    alts = " | ".join(f'"{ALIAS[label]}"' for label in labels)
    return f"root ::= {alts}\n"


def _clean_allowed(allowed: Iterable[str] | None) -> list[str]:
    wanted = set(INTENTS if allowed is None else allowed)
    return [name for name in INTENTS if name in wanted]  # fixed order: stable grammar text per set


class IntentClassifier:
    """``classify(text, allowed)`` → one of ``allowed`` or ``None``. One model process per classifier;
    create it once per service and share it (it is thread-safe, requests queue)."""

    MAX_CHARS = 300  # longer transcripts are cut: a turn is one or two sentences

    def __init__(self, config, *, model: str | None = None, threads: int | None = None,
                 n_ctx: int = 2048, start: bool = True):
        self.config = config
        self.default_timeout_s = float(config.llm_timeout or 1.5)
        self._log_phi = config.log_phi
        self._system = system_prompt()
        self.model_path = None
        self.worker: LlmWorker | None = None
        self.unavailable: str | None = None
        try:
            self.model_path = models.resolve(config, model)
        except ModelMissing as exc:
            self.unavailable = str(exc)
            _LOGGER.warning("LLM intent fallback off: %s", exc)
            return
        n_threads = default_threads(threads if threads is not None else config.llm_threads)
        warm = request_for("안녕하세요", INTENTS, self._system)
        # The evaluated fixed prompt is cached on disk: a restarted worker (after a timeout or crash) is ready
        # in about a second instead of re-evaluating ~1000 prompt tokens (15-35 s on 2 shared cores).
        state_dir = Path(config.cache_dir) / "llm-state" if config.cache_dir else None
        self.worker = LlmWorker(str(self.model_path), n_threads=n_threads, n_ctx=n_ctx, warmup=[warm],
                                name="llm-intent", state_dir=state_dir)
        if start:
            self.worker.start()

    @property
    def available(self) -> bool:
        return self.worker is not None

    def wait_ready(self, timeout_s: float = 300.0) -> bool:
        """Block until the model has loaded and evaluated the fixed prompt (service start, tests, bench)."""
        return bool(self.worker and self.worker.start(wait=True, timeout_s=timeout_s))

    def classify_detail(self, text: str, allowed: Sequence[str] | None = None,
                        timeout_s: float | None = None) -> tuple[str | None, Reply | None]:
        """Like :meth:`classify`, also returning the worker's reply (timings, reused prefix tokens)."""
        if self.worker is None:
            return None, None
        labels = _clean_allowed(allowed)
        text = " ".join((text or "").split())[: self.MAX_CHARS]
        if not labels or not text:
            return None, None
        if len(labels) == 1:
            return labels[0], None
        req = request_for(text, labels, self._system)
        reply = self.worker.request(req, self.default_timeout_s if timeout_s is None else timeout_s)
        if reply is None:
            _LOGGER.info("LLM intent fallback gave no answer in time")
            return None, None
        label = _FROM_ALIAS.get(reply.text.strip())
        if label not in labels:  # cannot happen under the grammar; never pass anything else on
            _LOGGER.warning("LLM produced a label outside the allowed set; ignored")
            return None, reply
        if self._log_phi:
            _LOGGER.debug("LLM intent %r → %s (%.3f s, %d/%d prompt tokens reused)", text, label,
                          reply.total_s, reply.reused_tokens, reply.prompt_tokens)
        return label, reply

    def classify(self, text: str, allowed: Sequence[str] | None = None, timeout_s: float | None = None) -> str | None:
        """One of ``allowed`` (default: every intent) for the caller's sentence, or ``None`` (no model,
        over ``timeout_s`` — default setting llm_timeout, 1.5 s —, crashed worker)."""
        return self.classify_detail(text, allowed, timeout_s)[0]

    async def aclassify(self, text: str, allowed: Sequence[str] | None = None,
                        timeout_s: float | None = None) -> str | None:
        """:meth:`classify` for the asyncio call engine (runs in a thread; the hard limit still applies)."""
        return await asyncio.to_thread(self.classify, text, allowed, timeout_s)

    def fallback(self, text: str, allowed: Sequence[str] | None = None) -> str | None:
        """The hook shape the rule-based NLU calls: ``fallback(text) -> intent | None``."""
        return self.classify(text, FALLBACK_ALLOWED if allowed is None else allowed)

    def close(self) -> None:
        if self.worker is not None:
            self.worker.close()

    def __enter__(self) -> "IntentClassifier":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# What the NLU hook may answer when the rules found nothing: yes/no and opt_out are the rules' alone (a
# wrong "opt_out" would silently drop a patient); emergency stays allowed (its error goes to a human).
FALLBACK_ALLOWED: tuple[str, ...] = tuple(i for i in INTENTS if i not in ("yes", "no", "opt_out"))

_shared: IntentClassifier | None = None
_shared_lock = threading.Lock()


def shared_classifier(config) -> IntentClassifier:
    """The service's one classifier (model loaded once per process tree)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = IntentClassifier(config)
        return _shared


def make_fallback(config, allowed: Sequence[str] | None = None) -> Callable[[str], str | None] | None:
    """A ``fallback(text) -> intent | None`` callable for the rule-based NLU, or ``None`` when no LLM is
    configured (setting llm_model empty or the model not installed): the NLU then runs on rules alone."""
    if not config.llm_model:
        return None
    clf = shared_classifier(config)
    if not clf.available:
        return None
    labels = tuple(FALLBACK_ALLOWED if allowed is None else allowed)

    def fallback(text: str) -> str | None:
        return clf.classify(text, labels)

    return fallback
