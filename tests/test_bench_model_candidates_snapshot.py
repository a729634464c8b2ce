"""bench/nlu_model_candidates scores an older snapshot of the rules with today's model features: the language
modules today's ``statistical`` imports and the snapshot lacks are loaded from this checkout, found from
``statistical``'s own imports (not a list kept by hand)."""

from __future__ import annotations

import io
import subprocess
import tarfile
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
sys.path.insert(0, {bench!r})
import nlu_model_candidates as candidates
import appliance.language.symptom_lookalikes as helper
print(helper.__file__)
print(" ".join(candidates.STAT.features("아파트 앞에 주차돼요", None)))
"""


def test_an_older_snapshot_without_todays_helper_gets_it_from_this_checkout(tmp_path):
    added = subprocess.run(["git", "-C", str(ROOT), "log", "--diff-filter=A", "--format=%H", "--",
                            "appliance/language/symptom_lookalikes.py"], capture_output=True, text=True, check=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", added.stdout.split()[-1] + "^",
                              "appliance"], capture_output=True, check=True).stdout  # the rules just before round 38
    snapshot = tmp_path / "snapshot"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(snapshot, filter="data")
    assert not (snapshot / "appliance" / "language" / "symptom_lookalikes.py").exists()
    done = subprocess.run([sys.executable, "-c", PROBE.format(bench=str(ROOT / "bench"))], cwd=tmp_path,
                          env={"PYTHONPATH": str(snapshot), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    helper_file, features = done.stdout.strip().splitlines()[-2:]
    assert Path(helper_file) == ROOT / "appliance" / "language" / "symptom_lookalikes.py"
    assert "아파" not in features.split(), "the apartment was read as pain: the helper's stand-in is missing"
