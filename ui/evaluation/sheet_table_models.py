"""The evaluation page's lists: a round's sheets, a draw's codes, the summary by criterion."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from app.evaluation.dto import DrawDTO
from app.evaluation.queries import SheetRow, round_sheet_ids, sheet_rows
from app.evaluation.summary import SummaryTable
from app.evaluation.summary_table import grouped, summary_rows
from i18n import N_, _, format_number
from ui.context import UiContext
from ui.kit.list_table_model import ListTableModel
from ui.kit.paged_table_model import Column, IdPagedTableModel, Index

if TYPE_CHECKING:
    from app.core.store import Session

FONT = Qt.ItemDataRole.FontRole
SHEET_COLUMNS = (
    Column[SheetRow](N_("Judge"), lambda sh: sh.subject_name),
    Column[SheetRow](N_("Court"), lambda sh: sh.court_name),
    Column[SheetRow](
        N_("Status"), lambda sh: _("signed off") if sh.status == "signed" else _("draft")
    ),
    Column[SheetRow](
        N_("Total"), lambda sh: "" if sh.total is None else format_number(sh.total), True
    ),
)


class RoundSheetsModel(IdPagedTableModel[SheetRow, uuid.UUID]):
    """A round's sheets, a page at a time: a national round has tens of thousands (issue 11)."""

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, SHEET_COLUMNS, parent)
        self.round_id: uuid.UUID | None = None

    def set_round(self, round_id: uuid.UUID | None) -> None:
        """List the sheets of a round (none for None)."""
        self.round_id = round_id
        self.refresh()

    def ids(self, session: Session) -> list[uuid.UUID]:
        return [] if self.round_id is None else round_sheet_ids(session, self.round_id)

    def rows_for(self, session: Session, ids: Sequence[uuid.UUID]) -> list[SheetRow]:
        return sheet_rows(session, ids)


Draw = tuple[str, DrawDTO]
DRAW_COLUMNS = (
    Column[Draw](N_("Judge"), lambda d: d[0]),
    Column[Draw](N_("Seed"), lambda d: str(d[1].seed), True),
    Column[Draw](N_("Codes"), lambda d: ", ".join(i.code for i in d[1].items)),
)
# One line of the summary: its kind ("judge" or "court") and the cells as printed.
SummaryLine = tuple[str, list[Any]]


def _cell(c: int) -> Any:
    return lambda line: str(line[1][c])


class SummaryTableModel(ListTableModel[SummaryLine]):
    """Judges court by court with a column per criterion; court lines in bold."""

    def show_table(self, table: SummaryTable, lang: str) -> None:
        """Lay out a computed summary in a language (its headers come worded)."""
        header, body = summary_rows(table, lang)
        kinds = [kind for kind, _n, _r in grouped(table)]
        columns = [Column[SummaryLine](h, _cell(c), c >= 3 or c == 0) for c, h in enumerate(header)]
        self.set_rows(list(zip(kinds, body, strict=True)), columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header  # criterion titles are longer than columns
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header  # already in the table's language
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = 0) -> Any:
        if role == FONT and index.isValid():
            line = self.row_at(index.row())
            if line is not None and line[0] == "court":
                bold = QFont()
                bold.setBold(True)
                return bold
            return None
        return super().data(index, role)
