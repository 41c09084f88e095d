"""The audit log, paged: a COUNT and pages of entries, filtered in SQL, newest first."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.core.audit_log import AuditFilter, AuditRow, count_entries, page_entries
from i18n import N_, format_datetime
from ui.context import UiContext
from ui.kit.paged_table_model import Column, PagedTableModel

if TYPE_CHECKING:
    from app.core.store import Session

CHANGES_SHOWN = 300  # characters of the JSON diff in the cell; the export has all of it
COLUMNS: tuple[Column[AuditRow], ...] = (
    Column(N_("No."), lambda r: str(r.seq), numeric=True),
    Column(N_("Time (UTC)"), lambda r: format_datetime(r.at)),
    Column(N_("User"), lambda r: r.actor),
    Column(N_("Action"), lambda r: r.action),
    Column(N_("Record"), lambda r: f"{r.entity} {r.entity_id}"),
    Column(N_("Changes"), lambda r: json.dumps(r.changes, ensure_ascii=False)[:CHANGES_SHOWN]),
)


class AuditTableModel(PagedTableModel[AuditRow]):
    """The log can hold millions of entries: only the pages looked at are read."""

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, COLUMNS, parent)
        self._filter = AuditFilter()

    def set_filter(self, flt: AuditFilter) -> None:
        """Show the entries matching a filter."""
        self._filter = flt
        self.refresh()

    def count(self, session: Session) -> int:
        return count_entries(session, self._ctx.actor, self._filter)

    def fetch(self, session: Session, offset: int, limit: int) -> list[AuditRow]:
        return page_entries(session, self._ctx.actor, self._filter, offset, limit)
