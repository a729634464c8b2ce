"""The state graph of a dialog, read from its flows' state tables (no conversation needed).

Edges of a state: its step's ``leads_to``, the dialog's ``links()`` for it (where a shared step such as the
identity check continues), the dialog's ``ENTRIES`` when the step ``routes``, the dialog's ``ANYWHERE``
states, and itself (asked again). ``python -m appliance.conversation.graph [receptionist|CAMPAIGN …]``
prints the graphs in Graphviz dot.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import Any


def edges(dialog: Any) -> dict[str, set[str]]:
    links = dialog.links()
    out: dict[str, set[str]] = {}
    for state, (_flow, step) in dialog.steps.items():
        targets = set(step.leads_to) | set(links.get(state, ())) | set(dialog.ANYWHERE) | {state}
        if step.routes:
            targets |= set(dialog.ENTRIES)
        out[state] = targets
    return out


def reachable(dialog: Any) -> set[str]:
    graph = edges(dialog)
    seen: set[str] = set()
    todo = list(dialog.START)
    while todo:
        state = todo.pop()
        if state in seen or state not in graph:
            continue
        seen.add(state)
        todo += sorted(graph[state] - seen)
    return seen


def problems(dialog: Any) -> list[str]:
    """What is wrong with a dialog's tables: unknown target states, unreachable states, questions without a
    re-ask or without a keypad path."""
    graph = edges(dialog)
    out = []
    for state, targets in graph.items():
        for target in sorted(targets - set(graph)):
            out.append(f"{state} -> unknown state {target}")
    for state in sorted(set(graph) - reachable(dialog)):
        out.append(f"{state} is unreachable from {dialog.START}")
    for state, (_flow, step) in dialog.steps.items():
        if not step.reask:
            out.append(f"{state} has no re-ask")
        if step.keypad is None and step.on_miss is None:
            out.append(f"{state} has neither a keypad version nor an answer-optional rule")
    return out


def undeclared(dialog: Any) -> list[tuple[str, str]]:
    """Transitions a conversation took (``dialog.trace``) that the tables do not declare."""
    graph = edges(dialog)
    out = []
    for src, dst in dialog.trace:
        if src == "start":
            if dst not in dialog.START:
                out.append((src, dst))
        elif dst not in graph.get(src, set()):
            out.append((src, dst))
    return out


def dot(dialog: Any, name: str) -> str:
    lines = [f'digraph "{name}" {{', "  rankdir=LR;"]
    for state in dialog.START:
        lines.append(f'  "start" -> "{state}";')
    for state, targets in sorted(edges(dialog).items()):
        for target in sorted(targets - {state} - set(dialog.ANYWHERE)):
            lines.append(f'  "{state}" -> "{target}";')
    lines.append("}")
    return "\n".join(lines)


def sample(name: str) -> Any:
    """A dialog of the kind ``name`` ("receptionist" or a campaign) built on stubs, for its tables only."""
    if name == "receptionist":
        from appliance.conversation.receptionist import Receptionist

        backend = SimpleNamespace(facts=None, call_id=None)
        return Receptionist(clinic_name="-", backend=backend, recorded=False)
    from appliance.conversation.campaigns import CampaignDialog

    ops = SimpleNamespace(call_id=None, clinic_open=lambda: False)
    return CampaignDialog(campaign=name, kind="INFO", ops=ops, facts=None)


def main(argv: list[str]) -> int:
    from appliance.conversation.campaigns import CAMPAIGNS

    for name in argv or ["receptionist", *CAMPAIGNS]:
        print(dot(sample(name), name))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
