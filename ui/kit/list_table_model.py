"""The paged model's style for small lists held whole (rules checked in Python); a check column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt

from ui.kit.paged_table_model import DISPLAY, Column, Index, PagedTableModel

if TYPE_CHECKING:
    from app.core.store import Session
    from ui.context import UiContext

__all__ = ["Column", "ListTableModel"]

R = TypeVar("R")
CHECK = Qt.ItemDataRole.CheckStateRole


class ListTableModel(PagedTableModel[R], Generic[R]):
    """Rows read by one query on ``refresh()`` (or given by ``set_rows``) and held.

    Only for lists that stay small whatever the data (a region's pairs, a year's due list,
    one person's ledger, one session's registrations): there is no SQL page to fetch, so
    ``count()`` keeps the rows and ``row_at()`` reads them. A list that grows with the
    register is a :class:`PagedTableModel`. Columns, headers, language changes and refusals
    work as in the paged model. With ``sort_keys`` (one key per column, None where a column
    does not sort) a header click sorts the held rows. With ``check_column`` that column
    carries a check box, first ticked by ``checked(row)``; ``checks`` follows ``rows``.
    """

    def __init__(
        self,
        ctx: UiContext,
        columns: Sequence[Column[R]],
        parent: QObject | None = None,
        *,
        sort_keys: Sequence[Callable[[R], Any] | None] = (),
        check_column: int = -1,
        checked: Callable[[R], bool] | None = None,
    ) -> None:
        super().__init__(ctx, columns, parent)
        self._read: Callable[[Session], Sequence[R]] = lambda _session: []
        self._sort_keys = tuple(sort_keys)
        self._order: tuple[int, Qt.SortOrder] | None = None
        self.rows: list[R] = []
        self.check_column = check_column
        self._checked_of = checked
        self.checks: list[bool] = []

    def show(self, read: Callable[[Session], Sequence[R]]) -> None:
        """Read the rows with this query now and again on every refresh()."""
        self._read = read
        self.refresh()

    def set_rows(self, rows: Sequence[R], columns: Sequence[Column[R]] | None = None) -> None:
        """Show rows the caller already holds (a write's result, a computed table), and new
        columns when the table's shape depends on the data (a template's criteria, say).
        """
        held = list(rows)
        self.beginResetModel()
        if columns is not None:
            self.columns = tuple(columns)
        self._read = lambda _session: held
        self._hold(held)
        self._count = len(self.rows)
        self.endResetModel()

    def count(self, session: Session) -> int:
        self._hold([])  # a refused read leaves the list empty, not stale
        self._hold(self._read(session))
        return len(self.rows)

    def fetch(self, session: Session, offset: int, limit: int) -> list[R]:
        return self.rows[offset : offset + limit]

    def row_at(self, row: int) -> R | None:
        return self.rows[row] if 0 <= row < min(self._count, len(self.rows)) else None

    def _hold(self, rows: Sequence[R]) -> None:
        self.rows = list(rows)
        self.checks = [bool(self._checked_of and self._checked_of(r)) for r in self.rows]
        self._sort_rows()

    # -- the check column ---------------------------------------------------------------------
    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role == CHECK:
            if not index.isValid() or index.column() != self.check_column:
                return None
            on = index.row() < len(self.checks) and self.checks[index.row()]
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = CHECK) -> bool:
        if role != CHECK or not index.isValid() or index.column() != self.check_column:
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

    # -- sorting ------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < len(self._sort_keys) and self._sort_keys[column] is not None:
            self.beginResetModel()  # a small list: cheaper to say so than to map persistent indexes
            self._order = (column, order)
            self._sort_rows()
            self.endResetModel()

    def _sort_rows(self) -> None:
        if self._order is None:
            return
        column, order = self._order
        key = self._sort_keys[column]
        assert key is not None
        # the check marks travel with their rows
        pairs = sorted(
            zip(self.rows, self.checks, strict=True),
            key=lambda pair: key(pair[0]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.rows = [row for row, _on in pairs]
        self.checks = [on for _row, on in pairs]
