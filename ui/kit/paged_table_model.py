"""The one table model style: a count (or the ids) held, rows fetched a page at a time."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from i18n import _
from ui.kit.op import Query

if TYPE_CHECKING:
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


@dataclass(frozen=True)
class Column(Generic[R]):
    """A declarative column: header catalog id (N_) and how to show a row in it."""

    header: str
    text: Callable[[R], str]
    numeric: bool = False


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Subclasses say how many rows there are and how to fetch a page, both in SQL.

    ``count(session)`` runs on ``refresh()``; ``fetch(session, offset, limit)`` runs when a
    page is first painted, through a :class:`Query` (synchronous: a page is a short read).
    At most CACHED_PAGES pages are kept. Filter and sort belong in the subclass's queries;
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
        self.beginResetModel()
        self._pages.clear()
        self._count = Query(self._widget(), self._ctx, self.count).run() or 0
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
        found = self.row_at(index.row())
        return None if found is None else column.text(found)

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
