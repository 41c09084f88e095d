"""The one table model style: a count (or the ids) held, rows fetched a page at a time."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from i18n import _
from ui.kit.op import Query, show_refusal
from ui.kit.server_wait import on_server

if TYPE_CHECKING:
    from app.core.errors import DomainError
    from app.core.store import Session
    from ui.context import UiContext

R = TypeVar("R")
K = TypeVar("K")
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
HORIZONTAL = Qt.Orientation.Horizontal
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
Index = QModelIndex | QPersistentModelIndex
LOADING = "…"  # shown in a row whose page is on its way from the server


@dataclass(frozen=True)
class Column(Generic[R]):
    """A declarative column: header catalog id (N_) and how to show a row in it."""

    header: str
    text: Callable[[R], str]
    numeric: bool = False


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Subclasses say how many rows there are and how to fetch a page, both in SQL.

    ``count(session)`` runs on ``refresh()``; ``fetch(session, offset, limit)`` runs when a
    page is first painted, through a :class:`Query`: synchronously on a local file (a page is
    a short read); on a server asynchronously (issue 16) — the rows show LOADING until the
    page arrives and ``dataChanged`` repaints them; a reply of an earlier refresh is dropped
    (a generation counter); painting never waits. ``row_at()`` (a caller's selected row)
    always returns the row, waiting through the Query if needed. At most CACHED_PAGES pages
    are kept. Filter and sort belong in the subclass's queries;
    a subclass that sorts overrides ``sort()`` and calls ``refresh()``. A refused read shows
    its reason next to the model's parent widget and leaves the page empty until the next
    refresh (so a painting view does not ask again and again).
    """

    PAGE_SIZE = 100
    CACHED_PAGES = 32

    def __init__(
        self, ctx: UiContext, columns: Sequence[Column[R]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.columns = tuple(columns)
        self._count = 0
        self._pages: OrderedDict[int, list[R]] = OrderedDict()
        self._generation = 0  # a refresh starts a new one: earlier pages' replies are stale
        self._pending: set[int] = set()
        self._counting = False
        self._told = False  # one refusal per refresh, however many pages it failed
        self._server: bool | None = None

    # -- what subclasses provide --------------------------------------------------------------
    def count(self, session: Session) -> int:
        """How many rows the current filter matches."""
        raise NotImplementedError

    def fetch(self, session: Session, offset: int, limit: int) -> list[R]:
        """The rows from offset, at most limit of them, in the order shown."""
        raise NotImplementedError

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Count again and forget every page (after a change or a new filter)."""
        self._generation += 1
        self._pending.clear()
        # Counted before the reset: on a server the window paints while it waits, from the
        # pages it has (no new page is asked for the list that is going away).
        self._counting = True
        try:
            count = Query(self._widget(), self._ctx, self.count).run() or 0
        finally:
            self._counting = False
        self.beginResetModel()
        self._pages.clear()
        self._count = count
        self._told = False
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        """The row shown at a position (fetching its page if needed)."""
        if not 0 <= row < self._count:
            return None
        page_no, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * self.PAGE_SIZE
            page = (
                Query(
                    self._widget(), self._ctx, lambda s: self.fetch(s, start, self.PAGE_SIZE)
                ).run()
                or []
            )
            self._pages[page_no] = page
            while len(self._pages) > self.CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def _shown(self, row: int) -> R | None:
        """The row to paint: on a server only from a page at hand, else its page is asked."""
        if self._server is None:
            self._server = on_server(self._ctx)
        if not self._server:
            return self.row_at(row)
        page_no, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            self._request(page_no)
            return None
        self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def _request(self, page_no: int) -> None:
        if self._counting or page_no in self._pending:
            return
        self._pending.add(page_no)
        generation, start = self._generation, page_no * self.PAGE_SIZE
        Query(
            self._widget(), self._ctx, lambda s: self.fetch(s, start, self.PAGE_SIZE)
        ).in_background().success(
            lambda rows: self._arrived(generation, page_no, rows)
        ).refusals_with(lambda exc: self._refused(generation, page_no, exc)).run()

    def _arrived(self, generation: int, page_no: int, rows: list[R]) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return  # a refresh came meanwhile (or the model is gone): another list's rows
        self._pending.discard(page_no)
        self._pages[page_no] = rows
        while len(self._pages) > self.CACHED_PAGES:
            self._pages.popitem(last=False)
        first = page_no * self.PAGE_SIZE
        last = min(first + self.PAGE_SIZE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(
                self.index(first, 0), self.index(last, len(self.columns) - 1), [DISPLAY, TOOLTIP]
            )

    def _refused(self, generation: int, page_no: int, exc: DomainError) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return
        if not self._told:
            self._told = True
            show_refusal(self._widget(), exc)
        self._arrived(generation, page_no, [])  # empty until the next refresh, as on a file

    def position(self, session: Session, key: Any) -> int | None:
        """Where the row with a key (an id) stands under the current filter and order, from 0;
        None when the filter leaves it out. Models whose actions create rows provide it, in SQL.
        """
        raise NotImplementedError

    def row_of(self, key: Any) -> int | None:
        """The row showing a key, with its page fetched (so a selection paints at once)."""
        row = Query(self._widget(), self._ctx, lambda s: self.position(s, key)).run()
        if row is None or not 0 <= row < self._count:
            return None
        self.row_at(row)
        return row

    def _widget(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == ALIGN:
            return RIGHT if column.numeric else None
        if role not in (DISPLAY, TOOLTIP):
            return None
        found = self._shown(index.row())
        if found is None:
            loading = index.row() // self.PAGE_SIZE in self._pending and index.column() == 0
            return LOADING if loading and role == DISPLAY else None
        return column.text(found)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY:
            return None
        if orientation == HORIZONTAL:
            return _(self.columns[section].header)
        return str(section + 1)

    def retranslate(self) -> None:
        """Headers and labels change with the language; the rows do not."""
        self.headerDataChanged.emit(HORIZONTAL, 0, len(self.columns) - 1)
        if self._count:
            last = self.index(self._count - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [DISPLAY, TOOLTIP])


class IdPagedTableModel(PagedTableModel[R], Generic[R, K]):
    """Holds only the ids of the rows, in order; rows are built a page of ids at a time.

    For lists whose filter or order cannot be said in SQL (a verdict computed in Python, say):
    ``ids(session)`` on refresh, ``rows_for(session, ids)`` per page, rows in the ids' order.
    """

    def __init__(
        self, ctx: UiContext, columns: Sequence[Column[R]], parent: QObject | None = None
    ) -> None:
        super().__init__(ctx, columns, parent)
        self._ids: list[K] = []

    def ids(self, session: Session) -> list[K]:
        """Every row's id under the current filter, in the order shown."""
        raise NotImplementedError

    def rows_for(self, session: Session, ids: Sequence[K]) -> list[R]:
        """The rows of these ids, in the same order."""
        raise NotImplementedError

    @property
    def all_ids(self) -> list[K]:
        """The ids listed (printing or exporting the whole list goes by these)."""
        return list(self._ids)

    def position(self, session: Session, key: Any) -> int | None:
        return self._ids.index(key) if key in self._ids else None

    def count(self, session: Session) -> int:
        self._ids = self.ids(session)
        return len(self._ids)

    def fetch(self, session: Session, offset: int, limit: int) -> list[R]:
        return self.rows_for(session, self._ids[offset : offset + limit])
