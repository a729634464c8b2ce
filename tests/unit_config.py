"""A real ``settings.Config`` for unit tests that need settings but no instance.

Every setting is its registry default unless given; no config file and no environment variable is read, and
``home`` is a temporary folder nothing creates (so no drain flag, no secrets, no clinic file is ever found).
A real Config rather than a namespace: code reads ``config.x`` for any setting, as it does in production.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from appliance import settings

NO_INSTANCE = Path(tempfile.gettempdir()) / "dentalcall-unit-tests-no-instance"


def unit_config(**values: Any) -> settings.Config:
    return settings.load(overrides={"home": str(NO_INSTANCE), **values}, env={})
