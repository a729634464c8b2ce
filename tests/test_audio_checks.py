"""The heard-audio checks the end-to-end tests rely on: a prompt is found when its pieces are heard in order, even
when one piece's best match sits in a repeat of the same sound elsewhere in the call (two reasons that start with
the same tone: the CI flake of the *77 test); a prompt cut short is not found."""

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


def test_a_prompt_whose_first_piece_is_heard_better_later_is_still_found_in_order():
    heard = np.concatenate([_gap(1), _noisy(TONE, 7), WORDS_A, _gap(1), TONE, WORDS_B, _gap(1)])
    found, score, at = heard_prompt(heard, REASON_A, min_score=0.8)
    assert found and score >= 0.8
    assert abs(at - 1.0) < 0.05  # where reason A starts, not the later tone
    assert heard_in_sequence(heard, REASON_A, REASON_B, min_score=0.8) == (True, 2)


def test_a_prompt_cut_short_is_not_found():
    heard = np.concatenate([_gap(1), TONE, WORDS_A[: RATE // 4], _gap(1), TONE, WORDS_B, _gap(1)])
    assert not heard_prompt(heard, REASON_A, min_score=0.8)[0]
    assert heard_in_sequence(heard, REASON_A, REASON_B, min_score=0.8) == (False, 0)


def test_prompts_heard_in_the_wrong_order_are_not_in_sequence():
    heard = np.concatenate([_gap(1), REASON_B, _gap(1), REASON_A, _gap(1)])
    assert heard_prompt(heard, REASON_A, min_score=0.8)[0] and heard_prompt(heard, REASON_B, min_score=0.8)[0]
    assert heard_in_sequence(heard, REASON_A, REASON_B, min_score=0.8) == (False, 1)
