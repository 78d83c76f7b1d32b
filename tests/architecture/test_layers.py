"""The package's layers hold: no import reaches up, no stage package imports another of its
own layer, and typer and rich stay in the front end (docs/architecture.md draws the layers).

Every ``import`` and ``from ... import`` in src/evidence counts, including the ones inside
functions and under ``TYPE_CHECKING``: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "evidence"

# Top to bottom. A package may import its own modules and any package of a lower layer;
# packages of one layer are independent of each other.
LAYERS: list[tuple[str, ...]] = [
    ("cli",),
    ("pipeline",),
    ("report", "drafting"),
    ("claims", "baseline"),
    ("entrez",),
    ("ingest",),
    ("store",),
    ("tagging", "pubmed"),
    ("config", "yamlfiles", "pmid", "lazy"),
    ("models",),
    ("errors",),
]
FRONT_END_ONLY = ("typer", "rich", "click")


def _layer_of() -> dict[str, int]:
    return {unit: n for n, units in enumerate(LAYERS) for unit in units}


def _unit(module: str) -> str | None:
    """The layer unit of an ``evidence.*`` module name: its first part below evidence."""
    parts = module.split(".")
    if parts[0] != "evidence" or len(parts) < 2:
        return None
    return parts[1]


def _imports() -> dict[str, set[str]]:
    """Each unit's imported module names (absolute), from every file of the unit."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        module = ".".join(rel.parts)
        unit = _unit(module.removesuffix(".__init__"))
        if unit is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found[unit].update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found[unit].add(node.module)
                found[unit].update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_every_package_of_evidence_has_a_layer() -> None:
    units = {
        p.name if p.is_dir() else p.stem
        for p in SRC.iterdir()
        if (p.is_dir() and (p / "__init__.py").is_file())
        or (p.suffix == ".py" and not p.name.startswith("_"))
    }
    missing = sorted(units - set(_layer_of()))
    assert not missing, f"no layer for {missing}: add it to LAYERS and docs/architecture.md"


def test_no_import_reaches_up_or_across_a_layer() -> None:
    layer = _layer_of()
    wrong = []
    for unit, modules in sorted(_imports().items()):
        for module in sorted(modules):
            other = _unit(module)
            if other is None or other == unit or other not in layer:
                continue
            if layer[other] <= layer[unit]:
                wrong.append(f"{unit} imports {module}")
    assert not wrong, "\n".join(wrong)


def test_the_package_graph_has_no_cycle() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for unit, modules in _imports().items():
        graph[unit].update(u for m in modules if (u := _unit(m)) and u != unit)
    seen: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        if seen.get(node) == 1:
            raise AssertionError("cycle: " + " -> ".join([*path, node]))
        if seen.get(node) == 2:
            return
        seen[node] = 1
        for nxt in sorted(graph[node]):
            visit(nxt, [*path, node])
        seen[node] = 2

    for node in sorted(graph):
        visit(node, [])


@pytest.mark.parametrize("library", FRONT_END_ONLY)
def test_only_the_front_end_imports_typer_or_rich(library: str) -> None:
    users = sorted(
        unit
        for unit, modules in _imports().items()
        if unit != "cli" and any(m == library or m.startswith(f"{library}.") for m in modules)
    )
    assert not users, f"{library} imported by {users}"
