"""The heard-audio checks the end-to-end tests rely on. ``heard_in_sequence`` finds prompts said one after another even
when a piece's best match sits in a repeat of the same sound elsewhere in the call (two reasons that start with the
same tone: the CI flake of the *77 test, where ``heard_prompt``'s best-match order check failed at random); a prompt
cut short is not found. ``heard_prompt`` stays strict: the negative checks of the e2e tests rely on it."""

from __future__ import annotations

import numpy as np

from tests.audio_checks import heard_in_sequence, heard_prompt

RATE = 8000


def _sound(seed: int, seconds: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (rng.standard_normal(int(seconds * RATE)) * 3000).astype(np.int16)


def _gap(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.int16)


TONE, WORDS_A, WORDS_B = _sound(1, 0.5), _sound(2, 1.5), _sound(3, 1.5)
REASON_A = np.concatenate([TONE, WORDS_A])
REASON_B = np.concatenate([TONE, WORDS_B])


def _noisy(x: np.ndarray, seed: int) -> np.ndarray:
    """The same sound, slightly different (another packetisation): still heard, but not the best match."""
    noise = np.random.default_rng(seed).standard_normal(len(x)) * 900
    return np.clip(x + noise, -32768, 32767).astype(np.int16)


def test_prompts_in_order_are_found_though_a_piece_is_heard_better_in_a_later_repeat():
    heard = np.concatenate([_gap(1), _noisy(TONE, 7), WORDS_A, _gap(1), TONE, WORDS_B, _gap(1)])
    assert heard_in_sequence(heard, REASON_A, REASON_B, min_score=0.8) == (True, 2)
    # the best match of reason A's tone is the later, cleaner one: the best-match order check cannot tell
    assert not heard_prompt(heard, REASON_A, min_score=0.8)[0]


def test_a_prompt_cut_short_is_not_found():
    heard = np.concatenate([_gap(1), TONE, WORDS_A[: RATE // 4], _gap(1), TONE, WORDS_B, _gap(1)])
    assert not heard_prompt(heard, REASON_A, min_score=0.8)[0]
    assert heard_in_sequence(heard, REASON_A, REASON_B, min_score=0.8) == (False, 0)


def test_prompts_heard_in_the_wrong_order_are_not_in_sequence():
    heard = np.concatenate([_gap(1), REASON_B, _gap(1), REASON_A, _gap(1)])
    assert heard_prompt(heard, REASON_A, min_score=0.8)[0] and heard_prompt(heard, REASON_B, min_score=0.8)[0]
    assert heard_in_sequence(heard, REASON_A, REASON_B, min_score=0.8) == (False, 1)
