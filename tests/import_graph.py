"""The import graph of the ``appliance`` package, read from the source with ``ast`` (nothing is imported).

Every ``import``/``from … import`` of an ``appliance`` module counts, at module level or inside a function (a
lazy import is still a dependency), except under ``if TYPE_CHECKING:`` (annotations only). ``from pkg import
name`` points at ``pkg.name`` when that is a module, else at ``pkg``. Run it to print the cycles:
``python -m tests.import_graph``.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "appliance"


def modules(root: Path = ROOT) -> dict[str, Path]:
    out = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, module: str, is_package: bool, known: set[str]) -> set[str]:
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in known else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def graph(root: Path = ROOT) -> dict[str, set[str]]:
    """module -> the appliance modules it imports."""
    mods = modules(root)
    known = set(mods)
    edges: dict[str, set[str]] = {}
    for name, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets = _imports(tree, name, path.name == "__init__.py", known)
        edges[name] = {t for t in targets if t in known and t != name}
    return edges


def layers(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    """The same graph between layers: ``appliance.<package>`` (top-level modules stay themselves)."""

    def layer(module: str) -> str:
        return ".".join(module.split(".")[:2])

    out: dict[str, set[str]] = {}
    for module, targets in edges.items():
        out.setdefault(layer(module), set()).update(layer(t) for t in targets if layer(t) != layer(module))
    return out


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def connect(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return out


def path_between(edges: dict[str, set[str]], start: str, goal: str) -> list[str] | None:
    """A shortest import chain start → … → goal (to show how a cycle closes)."""
    from collections import deque

    seen = {start: [start]}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(edges.get(node, ())):
            if nxt not in seen:
                seen[nxt] = seen[node] + [nxt]
                if nxt == goal:
                    return seen[nxt]
                queue.append(nxt)
    return None


def _show(g: dict[str, set[str]]) -> None:
    for component in cycles(g):
        print(f"cycle of {len(component)}: {', '.join(component)}")
        first = component[0]
        for other in component[1:2]:
            print("  ", " -> ".join(path_between(g, first, other) or []))
            print("  ", " -> ".join(path_between(g, other, first) or []))


if __name__ == "__main__":
    for g in (graph(), layers(graph())):
        _show(g)
