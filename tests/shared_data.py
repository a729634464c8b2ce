"""The optional shared data beside the checkout (``../shared``, or ``DENTALCALL_SHARED_DIR``): more Korean speech
clips for the tests that measure hearing. A fresh clone has none: tests that need it skip with this reason, and
tests that only need *some* Korean speech use the clip the package ships (``sipp.demo_clip()``).

Every test module that reads shared data imports its paths from here; ``.ci/run`` re-runs those modules with an
empty shared folder to prove a fresh clone passes or skips them, never fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from appliance import settings

SHARED = Path(settings.load().shared_dir)
SPEECH_KO = SHARED / "data" / "speech-ko"  # clips + transcripts.tsv
SPEECH_KO_READ = SHARED / "data" / "speech-ko-read"  # 11 read utterances with human transcripts

MISSING = ("needs the shared speech clips: put the project's shared folder beside the checkout "
           "(../shared/data/speech-ko/transcripts.tsv) or point DENTALCALL_SHARED_DIR at it")


def have_speech_ko() -> bool:
    return (SPEECH_KO / "transcripts.tsv").exists()


needs_speech_ko = pytest.mark.skipif(not have_speech_ko(), reason=MISSING)


def bundled_clip() -> Path:
    """The Korean clip the package ships (the same recording as ``speech-ko/ko_rhino_light_blue_8k_ulaw.wav``)."""
    from appliance.telephony.sipp import demo

    return demo._BUNDLED / demo.DEMO_CLIP
