"""Every key a service writes into the audit log has a translated name (found in the code)."""

from __future__ import annotations

import ast
from pathlib import Path

from app.core.audit_fields import FIELDS, SETTINGS
from app.core.audit_vocab import PROVIDERS

APP = Path(__file__).resolve().parents[3] / "app"
# Functions whose returned dict is the "after" of an audited diff (people, CPD, internships).
SNAPSHOTS = {"_snapshot", "_fields", "_plain"}


def _dict_keys(node: ast.AST) -> set[str]:
    keys: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Dict):
            keys |= {k.value for k in sub.keys if isinstance(k, ast.Constant)}
        # {k: [None, v] for k, v in (("person_id", …), …)}
        if isinstance(sub, ast.Tuple) and len(sub.elts) == 2:
            first = sub.elts[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                keys.add(first.value)
    return keys


def _written_keys() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in APP.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = {f.name: f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) < 6:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name != "record":
                continue
            changes = node.args[5]
            keys = _dict_keys(changes)
            for call in ast.walk(changes):
                callee = getattr(call, "func", None)
                if isinstance(callee, ast.Name) and callee.id in SNAPSHOTS & set(functions):
                    returned = [
                        r for r in ast.walk(functions[callee.id]) if isinstance(r, ast.Return)
                    ]
                    for r in returned:
                        if isinstance(r.value, ast.Dict):  # the snapshot's top-level keys only
                            keys |= {k.value for k in r.value.keys if isinstance(k, ast.Constant)}
            for key in keys:
                found.setdefault(key, f"{path.relative_to(APP.parent)}:{node.lineno}")
    return found


def _setting_keys() -> set[str]:
    constants: dict[str, str] = {}
    used: set[str] = set()
    for path in APP.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for t in node.targets:
                    if isinstance(t, ast.Name) and isinstance(node.value.value, str):
                        constants[t.id] = node.value.value
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "set_setting":
                key = node.args[2]
                used.add(key.attr if isinstance(key, ast.Attribute) else getattr(key, "id", ""))
    return {constants[name] for name in used if name in constants}


def test_every_literal_key_of_an_audit_entry_has_a_name() -> None:
    written = _written_keys()
    assert len(written) > 100  # the scan sees the services' entries, not nothing
    unnamed = {k: where for k, where in written.items() if k not in FIELDS}
    assert unnamed == {}


def test_every_setting_a_service_changes_has_a_name() -> None:
    keys = _setting_keys()
    assert {"security.login_required", "centre_id", "mentoring.max_proteges_per_guide"} <= keys
    assert keys - set(SETTINGS) == set()


def test_every_module_that_registers_codes_is_loaded_before_the_log_is_read() -> None:
    registering = {
        ".".join(path.relative_to(APP.parent).with_suffix("").parts)
        for path in APP.rglob("*.py")
        if "register_values(" in path.read_text(encoding="utf-8") and path.parent.name != "core"
    }
    assert len(registering) >= 7
    assert registering == set(PROVIDERS)
