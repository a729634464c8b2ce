"""The external programs the test caller runs (sipp, sox, dumpcap) and the error raised when one is missing."""

from __future__ import annotations

import shutil

SIPP = "sipp"


class SippError(RuntimeError):
    """sipp, sox or dumpcap missing or unusable."""


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if not path:
        hint = {"sipp": "apt-get install sip-tester", "sox": "apt-get install sox", "dumpcap": "apt-get install tshark"}
        raise SippError(f"{tool} not found ({hint.get(tool, 'install it')})")
    return path
