"""The layer contracts hold: app/db/i18n import no Qt, ui never imports db."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_import_linter_contracts_are_kept() -> None:
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "importlinter.cli", "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode != 0 and "No module named importlinter.cli" in result.stderr:
        result = subprocess.run(
            ["lint-imports", "--no-cache"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
    assert result.returncode == 0, result.stdout + result.stderr


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _package_graph() -> dict[str, set[str]]:
    """app.<package> -> the app packages it imports (every import statement, not only
    module-level ones, so a lazy import cannot hide a cycle either)."""
    import grimp

    graph = grimp.build_graph("app", cache_dir=None)
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            a, b = _package(module), _package(imported)
            if a != b and b.startswith("app."):
                edges.setdefault(a, set()).add(b)
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one package (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"app.a": {"app.b"}, "app.b": {"app.c"}, "app.c": {"app.a"}}) == [
        ["app.a", "app.b", "app.c"]
    ]
    assert _cycles({"app.a": {"app.b"}, "app.b": {"app.c"}}) == []


def test_no_import_cycle_among_app_packages() -> None:
    edges = _package_graph()
    assert "app.core" in edges["app.mentoring"] and "app.documents" in edges["app.cli"]
    assert _cycles(edges) == []


# What ui may import of app/documents: the catalogue's seam (issue 9).
UI_MAY_IMPORT = {"app.documents.catalogue", "app.documents.output", "app.documents.spec"}


def _ui_documents_contract(root: Path) -> dict[str, object]:
    import tomllib

    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["name"].startswith("ui reaches documents only"))


def _documents_modules(root: Path) -> set[str]:
    """The modules and subpackages directly under app/documents."""
    folder = root / "app" / "documents"
    found = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    found |= {p.parent.name for p in folder.glob("*/__init__.py")}
    return {f"app.documents.{name}" for name in found}


def test_ui_is_forbidden_every_documents_module_but_the_catalogue_seam() -> None:
    root = Path(__file__).resolve().parent.parent
    contract = _ui_documents_contract(root)
    assert contract["source_modules"] == ["ui"]
    forbidden = set(contract["forbidden_modules"])  # type: ignore[call-overload]
    assert {"app.cli", "app.demo", "app.__main__"} <= forbidden
    listed = {m for m in forbidden if m.startswith("app.documents.")}
    modules = _documents_modules(root)
    assert modules >= UI_MAY_IMPORT  # the seam exists under these names
    # A new documents module must be added to the contract; a removed one taken out of it.
    assert listed == modules - UI_MAY_IMPORT
