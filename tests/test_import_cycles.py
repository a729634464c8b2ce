"""No import cycles between the layers of ``appliance`` (and no new ones between its modules).

The graph is read from the source (``tests/import_graph.py``): lazy imports inside functions count,
``TYPE_CHECKING`` imports do not.
"""

from __future__ import annotations

from tests import import_graph

# Module cycles inside one package that remain, each with its owner; delete a line when it is broken.
KNOWN_MODULE_CYCLES = [
    # crm.open_database runs the migrations; the migration steps create the crm tables
    ["appliance.data.crm", "appliance.data.migrations"],
    # the voice falls back to piper, whose worker renders through the voice's helpers (voice developer)
    ["appliance.speech.piper_tts", "appliance.speech.voice"],
]


def _loop(edges, component):
    there = import_graph.path_between(edges, component[0], component[1]) or []
    back = import_graph.path_between(edges, component[1], component[0]) or []
    return " -> ".join(there + back[1:])


def test_no_cycles_between_layers():
    layers = import_graph.layers(import_graph.graph())
    found = import_graph.cycles(layers)
    assert found == [], [_loop(layers, c) for c in found]


def test_no_new_cycles_between_modules():
    found = import_graph.cycles(import_graph.graph())
    new = [c for c in found if c not in KNOWN_MODULE_CYCLES]
    assert not new, new


def test_the_graph_sees_lazy_imports_and_skips_type_checking_ones():
    edges = import_graph.graph()
    assert "appliance.llm.intent" in edges["appliance.clinic"]  # imported inside Clinic.build's helper
    assert "appliance.conversation.backend" in edges["appliance.clinic"]  # inside a method
    assert "appliance.clinic" not in edges["appliance.conversation.factory"]  # TYPE_CHECKING only
    assert "appliance.calls.pipeline" in edges["appliance.engine"]
    assert import_graph.cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_layer_rules():
    """The wire knows nothing of dialogs or the call log; dialogs know no audio, Asterisk or models; the call
    pipeline knows nothing of the engine that runs it."""
    layers = import_graph.layers(import_graph.graph())
    modules = import_graph.graph()
    telephony = {t for m, ts in modules.items() if m.startswith("appliance.telephony") for t in ts}
    assert not {t for t in telephony if t.startswith(("appliance.conversation", "appliance.calls"))}
    assert "appliance.data.calllog" not in telephony
    assert not layers["appliance.conversation"] & {"appliance.telephony", "appliance.calls", "appliance.speech",
                                                   "appliance.llm", "appliance.engine", "appliance.outbound"}
    assert not layers["appliance.calls"] & {"appliance.engine", "appliance.routes", "appliance.clinic",
                                            "appliance.outbound"}
