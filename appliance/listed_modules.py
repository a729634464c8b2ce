"""Importing the modules a registry lists (``migrations.STEP_MODULES``, ``privacy.registry.HOLDER_MODULES``): each
registers itself on import, so the registry's own file needs none of their code."""

from __future__ import annotations

import importlib
from typing import Iterable


def import_listed(names: Iterable[str]) -> None:
    """Imports each module named; one that does not exist (listed, but not in this build) is passed over, while an
    import error inside a module that does exist is raised."""
    for name in names:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
