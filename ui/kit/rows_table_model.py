"""The in-memory table model, for lists bounded by nature; one column may be a check."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from i18n import _
from ui.kit.paged_table_model import Column

__all__ = ["Column", "RowsTableModel"]

T = TypeVar("T")
DISPLAY = Qt.ItemDataRole.DisplayRole
CHECK = Qt.ItemDataRole.CheckStateRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel, Generic[T]):
    """Rows held in memory, with the paged model's columns.

    Only for lists that stay small whatever the data: one person's ledger, one session's
    registrations, the catalogue of forms, the courts of a country. A list that grows with
    the register (people, verdicts) is a PagedTableModel.
    """

    def __init__(
        self,
        columns: Sequence[Column[T]],
        *,
        check_column: int = -1,
        checked: Callable[[T], bool] | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows: list[T] = []
        self.check_column = check_column
        self._checked_of = checked
        self.checks: list[bool] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace the rows (and the check marks, from the rows)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.checks = [bool(self._checked_of and self._checked_of(r)) for r in self.rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        if role == DISPLAY:
            return col.text(self.rows[index.row()])
        if role == CHECK and index.column() == self.check_column:
            return Qt.CheckState.Checked if self.checks[index.row()] else Qt.CheckState.Unchecked
        if role == ALIGN and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = CHECK) -> bool:
        if role != CHECK or index.column() != self.check_column:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        self.checks[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [CHECK])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.check_column:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return _(self.columns[section].header)
        return None

    def retranslate(self) -> None:
        """Headers and texts again in the active language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1)
            )
