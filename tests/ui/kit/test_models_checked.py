"""Every table model under ui/ is known and checked with qtmodeltester in a named test."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# the model class -> the test that runs qtmodeltester.check on it (issue 9)
CHECKED = {
    "PagedTableModel": "tests/ui/kit/test_kit_widgets.py::test_paged_model_fetches_pages_on_demand",
    "IdPagedTableModel": (
        "tests/ui/kit/test_kit_widgets.py::test_id_paged_model_builds_rows_a_page_of_ids_at_a_time"
    ),
    "ListTableModel": (
        "tests/ui/kit/test_list_table_model.py::test_check_column_is_user_checkable_and_sorts_along"
    ),
    "SummaryTableModel": (
        "tests/ui/evaluation/test_evaluation_ui.py::test_summary_table_on_screen_and_exported"
    ),
    "RoundSheetsModel": (
        "tests/ui/evaluation/test_evaluation_ui.py::"
        "test_fill_sheet_needs_comment_then_sign_off_locks"
    ),
    "ComplianceTableModel": (
        "tests/ui/cpd/test_compliance_model.py::"
        "test_compliance_model_pages_by_id_and_passes_qt_model_tester"
    ),
    "AuditTableModel": (
        "tests/ui/security/test_security_ui.py::test_audit_model_pages_and_passes_qt_model_tester"
    ),
    "PeopleTableModel": "tests/ui/test_people_ui.py::test_people_model_passes_qt_model_tester",
}


def _models_under_ui() -> set[str]:
    """Classes deriving (through any number of our own classes) from a Qt item model."""
    bases: dict[str, set[str]] = {}
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names = set()
                for base in node.bases:
                    target = base.value if isinstance(base, ast.Subscript) else base
                    if isinstance(target, ast.Name):
                        names.add(target.id)
                    elif isinstance(target, ast.Attribute):
                        names.add(target.attr)
                bases[node.name] = names
    found: set[str] = set()

    def is_model(name: str, seen: frozenset[str] = frozenset()) -> bool:
        if (name.startswith("QAbstract") and name.endswith("Model")) or name in {
            "QStandardItemModel",
            "QStringListModel",
            "QSortFilterProxyModel",
            "QIdentityProxyModel",
        }:
            return True
        return name not in seen and any(is_model(b, seen | {name}) for b in bases.get(name, ()))

    for name in bases:
        if is_model(name):
            found.add(name)
    return found


def test_every_model_under_ui_is_in_the_checked_list() -> None:
    assert _models_under_ui() == set(CHECKED)


def test_each_listed_test_runs_qtmodeltester() -> None:
    for name, where in CHECKED.items():
        file, _, test = where.partition("::")
        source = (ROOT / file).read_text(encoding="utf-8")
        tree = ast.parse(source)
        functions = [
            f
            for f in ast.walk(tree)
            if isinstance(f, ast.FunctionDef)
            and f.name.startswith("test")
            and (not test or f.name == test)
        ]
        assert functions, (name, where)
        assert any(
            "qtmodeltester.check(" in ast.get_source_segment(source, f) for f in functions
        ), name
