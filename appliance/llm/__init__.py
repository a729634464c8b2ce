"""Local LLM: a grammar-constrained Korean intent classifier, the fallback behind the rule-based NLU.

    from appliance.llm import IntentClassifier, make_fallback
    clf = IntentClassifier(config)                       # spawns the model process (setting llm_model)
    clf.classify("어금니가 좀 욱신거리는데요", ["symptom", "book", "other"])   # → "symptom" | ... | None
    fallback = make_fallback(config)                     # → callable(text) -> intent | None, or None

The model runs in its own process (``worker.LlmWorker``) with a hard time limit per request; llama_cpp is
imported only there, so importing this package costs nothing and works without llama-cpp-python.
"""

from appliance.llm.intent import (
    FALLBACK_ALLOWED,
    INTENTS,
    IntentClassifier,
    grammar_for,
    make_fallback,
    shared_classifier,
    system_prompt,
)
from appliance.llm.worker import LlmWorker, Reply, Request

__all__ = [
    "FALLBACK_ALLOWED", "INTENTS", "IntentClassifier", "LlmWorker", "Reply", "Request", "grammar_for",
    "make_fallback", "shared_classifier", "system_prompt",
]
