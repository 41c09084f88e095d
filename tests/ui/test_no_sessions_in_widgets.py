"""Widgets never open sessions nor catch refusals themselves: ui/kit's Op runner does both."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from app.core.errors import DomainError

UI = Path(__file__).resolve().parents[2] / "ui"
# Temporary: uikit2 converts these folders onto ui/kit in parallel; the lead removes this
# allowance after merging their branch.
NOT_YET_CONVERTED: tuple[str, ...] = ()
# The GUI's composition root and its start-up self-test open and close the store: their job.
STORE_OWNERS = {"application.py", "self_test.py"}
# Being converted on this branch (uikit); emptied before it is merged.
CONVERTING: set[str] = set()
# Where the data lives, for people and for enabling file actions: plain values, no session.
STORE_DESCRIPTION = {"location", "path", "backup_dir"}
FORBIDDEN_NAMES = {"run_read", "run_write", "run_with_progress", "session_factory"}
FORBIDDEN_MODULES = {"ui.kit.ops", "ui.kit.worker"}
BROAD = {"Exception", "BaseException"}


def _widget_modules() -> list[Path]:
    return sorted(
        p
        for p in UI.rglob("*.py")
        if p.relative_to(UI).parts[0] not in ("kit", *NOT_YET_CONVERTED)
        and p.relative_to(UI).as_posix() not in STORE_OWNERS | CONVERTING
    )


def _is_store(node: ast.expr) -> bool:
    """`store`, `self._store`, `ctx.store`, `self._ctx.store`…"""
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    return name.lstrip("_") == "store"


def _imported_errors(tree: ast.Module) -> dict[str, type]:
    found: dict[str, type] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app."):
            module = importlib.import_module(node.module or "")
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if isinstance(value, type) and issubclass(value, BaseException):
                    found[alias.asname or alias.name] = value
    return found


def _caught(handler: ast.ExceptHandler) -> list[str]:
    if handler.type is None:
        return ["<bare except>"]
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return [t.id if isinstance(t, ast.Name) else ast.unparse(t) for t in types]


def problems(path: Path) -> list[str]:
    """What in one module opens a session or swallows a refusal, with line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    errors = _imported_errors(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if (
            isinstance(node, ast.Attribute)
            and _is_store(node.value)
            and node.attr not in STORE_DESCRIPTION
        ):
            found.append(f"{line}: store.{node.attr}")
        elif isinstance(node, ast.Attribute | ast.Name) and (
            getattr(node, "attr", None) in FORBIDDEN_NAMES
            or getattr(node, "id", None) in FORBIDDEN_NAMES
        ):
            found.append(f"{line}: {ast.unparse(node)}")
        elif isinstance(node, ast.ImportFrom) and (
            node.module in FORBIDDEN_MODULES or any(a.name in FORBIDDEN_NAMES for a in node.names)
        ):
            found.append(f"{line}: import from {node.module}")
        elif isinstance(node, ast.ExceptHandler):
            for name in _caught(node):
                caught = errors.get(name)
                if name in BROAD or name == "<bare except>":
                    found.append(f"{line}: except {name}")
                elif caught is not None and issubclass(caught, DomainError):
                    found.append(f"{line}: except {name} (a refusal: Op shows it)")
    return sorted(found, key=lambda f: int(f.split(":")[0]))


@pytest.mark.parametrize("path", _widget_modules(), ids=lambda p: str(p.relative_to(UI)))
def test_module_leaves_sessions_and_refusals_to_the_op_runner(path: Path) -> None:
    assert problems(path) == []


def test_the_check_finds_what_it_forbids(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from app.core.errors import ValidationError\n"
        "from ui.kit.ops import run_read\n"
        "def f(self):\n"
        "    with self._ctx.store.write() as s:\n"
        "        pass\n"
        "    try:\n"
        "        g()\n"
        "    except ValidationError:\n"
        "        pass\n"
        "    except Exception:\n"
        "        pass\n"
        "    self._store.session_factory()\n",
        encoding="utf-8",
    )
    assert problems(sample) == [
        "2: import from ui.kit.ops",
        "4: store.write",
        "8: except ValidationError (a refusal: Op shows it)",
        "10: except Exception",
        "12: store.session_factory",
    ]
