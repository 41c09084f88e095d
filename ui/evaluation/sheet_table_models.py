"""The evaluation page's lists: a round's sheets, a draw's codes, the summary by criterion."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from app.evaluation.dto import DrawDTO
from app.evaluation.queries import SheetRow
from app.evaluation.summary import SummaryTable
from app.evaluation.summary_table import grouped, summary_rows
from i18n import N_, _, format_number
from ui.kit.list_table_model import ListTableModel
from ui.kit.paged_table_model import Column, Index

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
