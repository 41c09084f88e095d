"""Audit log viewer services: filter, export, permission."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.core.audit_log import AuditFilter, count_entries, export_entries, page_entries
from app.core.context import HR, Actor
from app.core.errors import PermissionDeniedError
from app.core.store import Store
from tests.app.security.helpers import add_judge


def test_filter_page_and_export(store: Store, tmp_path: Path) -> None:
    officer, other = Actor("officer"), Actor("other")
    with store.write() as s:
        add_judge(s, officer, 1, position='=HYPERLINK("http://x")')
        add_judge(s, other, 2)
        add_judge(s, other, 3)
    with store.read() as s:
        assert count_entries(s, officer, AuditFilter()) == 3
        mine = page_entries(s, officer, AuditFilter(actor="other"), 0, 10)
        assert [r.actor for r in mine] == ["other", "other"]
        assert mine[0].seq > mine[1].seq  # newest first
        assert (
            export_entries(s, officer, AuditFilter(), "xlsx", tmp_path / "a.xlsx", lang="kk") == 3
        )
        export_entries(
            s, officer, AuditFilter(actor="officer"), "csv", tmp_path / "a.csv", lang="ru"
        )
    wb = load_workbook(tmp_path / "a.xlsx")
    assert wb.active.max_row == 4
    assert all(c.data_type != "f" for row in wb.active.iter_rows() for c in row)
    wb.close()
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert len(rows) == 2 and rows[1][2] == "officer"


def test_hr_may_not_read_the_audit_log(store: Store) -> None:
    with pytest.raises(PermissionDeniedError), store.read() as s:
        page_entries(s, Actor("hr", frozenset({HR})), AuditFilter(), 0, 10)
