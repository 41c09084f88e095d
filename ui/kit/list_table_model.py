"""The paged model's style for small lists one query computes whole (rules checked in Python)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt

from ui.kit.paged_table_model import Column, PagedTableModel

if TYPE_CHECKING:
    from app.core.store import Session
    from ui.context import UiContext

R = TypeVar("R")


class ListTableModel(PagedTableModel[R], Generic[R]):
    """Rows read by one query on ``refresh()`` and held (a region's pairs, a year's due list).

    The lists are small and their rules are computed in Python, so there is no SQL page to
    fetch: ``count()`` keeps the rows and ``row_at()`` reads them. Columns, headers, language
    changes and refusals work as in :class:`PagedTableModel`. With ``sort_keys`` (one key
    per column, None where a column does not sort) a header click sorts the held rows.
    """

    def __init__(
        self,
        ctx: UiContext,
        columns: Sequence[Column[R]],
        parent: QObject | None = None,
        *,
        sort_keys: Sequence[Callable[[R], Any] | None] = (),
    ) -> None:
        super().__init__(ctx, columns, parent)
        self._read: Callable[[Session], Sequence[R]] = lambda _session: []
        self._sort_keys = tuple(sort_keys)
        self._order: tuple[int, Qt.SortOrder] | None = None
        self.rows: list[R] = []

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
        self.rows = list(held)
        self._sort_rows()
        self._count = len(self.rows)
        self.endResetModel()

    def count(self, session: Session) -> int:
        self.rows = []  # a refused read leaves the list empty, not stale
        self.rows = list(self._read(session))
        self._sort_rows()
        return len(self.rows)

    def fetch(self, session: Session, offset: int, limit: int) -> list[R]:
        return self.rows[offset : offset + limit]

    def row_at(self, row: int) -> R | None:
        return self.rows[row] if 0 <= row < min(self._count, len(self.rows)) else None

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
        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
