"""The audit log, paged: a COUNT and pages of entries, filtered in SQL, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.core.audit_log import AuditFilter, count_entries, page_lines
from app.core.audit_text import AuditLine
from i18n import N_
from ui.context import UiContext
from ui.kit.paged_table_model import Column, PagedTableModel

if TYPE_CHECKING:
    from app.core.store import Session

CHANGES_SHOWN = 300  # characters of the changes in the cell; the details pane has all of it
COLUMNS: tuple[Column[AuditLine], ...] = (
    Column(N_("No."), lambda r: str(r.seq), numeric=True),
    Column(N_("Time"), lambda r: r.at),
    Column(N_("User"), lambda r: r.actor),
    Column(N_("Action"), lambda r: r.action),
    Column(N_("Record"), lambda r: r.record),
    Column(N_("Changes"), lambda r: r.changes_text[:CHANGES_SHOWN]),
)


class AuditTableModel(PagedTableModel[AuditLine]):
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

    def fetch(self, session: Session, offset: int, limit: int) -> list[AuditLine]:
        return page_lines(session, self._ctx.actor, self._filter, offset, limit)

    def retranslate(self) -> None:
        """The rows are words of the language too: read them again."""
        self.refresh()
