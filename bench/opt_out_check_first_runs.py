"""The opt-out check on fresh blind sets, over the code as it was at each set's first run.

    git archive REV appliance | tar -x -C DIR   # the rules and model of that first run
    cp appliance/language/opt_out_check.py DIR/appliance/language/   # when the check was not there yet
    PYTHONPATH=DIR python bench/opt_out_check_first_runs.py NAME tests/data/nlu/NAME.jsonl

Counts the gold refusals the understanding missed and how many of them the check would ask about, and how often it
asks on every other sentence. Results in bench/opt_out_check.txt.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

from appliance.language import understand
from appliance.language.opt_out_check import sounds_like_opt_out


def main(name: str, path: str) -> str:
    refusals = missed = caught = others = fired = 0
    with open(path, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    for row in rows:
        understood = understand(row["text"], dt.datetime.fromisoformat(row["now"]), expect=row.get("expect"))
        asks = understood.intent != "opt_out" and sounds_like_opt_out(row["text"], row.get("expect"))
        if row["intent"] == "opt_out":
            refusals += 1
            if understood.intent != "opt_out":
                missed += 1
                caught += asks
        else:
            others += 1
            fired += asks
    return (f"{name}: refusals {refusals}, understanding missed {missed}, the check asks on {caught} of them; "
            f"other sentences {others}, the check asks needlessly on {fired}")


if __name__ == "__main__":
    print(main(sys.argv[1], sys.argv[2]))
