"""Recording paths and retention."""

from __future__ import annotations

import os
import stat
import time

from appliance import settings
from appliance.data import recordings


def test_recordings_go_to_private_month_folders(tmp_path):
    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    path = recordings.path_for(config, "1700000000.12")
    assert path.name == "1700000000.12.wav" and path.parent.parent == config.recordings_dir
    assert stat.S_IMODE(path.parent.stat().st_mode) & 0o007 == 0  # nothing for others
    assert recordings.path_for(config, "../../etc/passwd").parent == path.parent  # no path tricks


def test_retention_deletes_only_old_recordings(tmp_path):
    config = settings.load(overrides={"home": str(tmp_path), "recording_retention_days": 30}, env={})
    old = recordings.path_for(config, "old")
    new = recordings.path_for(config, "new")
    old.write_bytes(b"x")
    new.write_bytes(b"y")
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    assert recordings.purge_old(config) == 1
    assert not old.exists() and new.exists()
