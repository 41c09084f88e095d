"""Paged table model over the people queries: holds a count and fetches pages on demand."""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.core.store import Store
from app.people.dto import PersonFilter, PersonRow
from app.people.experience import describe
from app.people.queries import count_people, page_people
from app.people.vocab import ROLES, SPECIALISATIONS, STATUSES, label
from i18n import N_, _, format_date, localized

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
HORIZONTAL = Qt.Orientation.Horizontal
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A declarative column: header catalog id and how to show a row."""

    header: str
    text: Callable[[PersonRow], str]


COLUMNS: tuple[Column, ...] = (
    Column(N_("Full name"), lambda r: r.full_name),
    Column(N_("IIN"), lambda r: r.iin),
    Column(N_("Court"), lambda r: localized(r.court_name_kk, r.court_name_ru)),
    Column(N_("Position"), lambda r: r.position),
    Column(N_("Role"), lambda r: label(ROLES, r.role)),
    Column(
        N_("Specialisation"),
        lambda r: label(SPECIALISATIONS, r.specialisation) if r.specialisation else "",
    ),
    Column(N_("First appointed"), lambda r: format_date(r.first_appointed_on)),
    Column(N_("Judicial experience"), lambda r: describe(r.experience) if r.experience else ""),
    Column(N_("Status"), lambda r: label(STATUSES, r.status)),
)
NAME_COLUMN = 0


class PeopleTableModel(QAbstractTableModel):
    """Rows come from SQL a page at a time; filter and sort happen in SQL, not in Qt."""

    PAGE_SIZE = 100
    CACHED_PAGES = 32

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._filter = PersonFilter()
        self._count = 0
        self._pages: OrderedDict[int, list[PersonRow]] = OrderedDict()

    # -- data loading ---------------------------------------------------------------------
    @property
    def filter(self) -> PersonFilter:
        """The filter in force."""
        return self._filter

    def set_filter(self, flt: PersonFilter) -> None:
        """Show the people matching a filter (one COUNT now, pages when painted)."""
        self.beginResetModel()
        self._filter = flt
        with self._store.read() as session:
            self._count = count_people(session, flt)
            first = page_people(session, flt, 0, self.PAGE_SIZE) if self._count else []
        self._pages.clear()
        self._pages[0] = first
        self.endResetModel()

    def refresh(self) -> None:
        """Reload after a change."""
        self.set_filter(self._filter)

    def _row(self, row: int) -> PersonRow | None:
        page_no, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            with self._store.read() as session:
                page = page_people(session, self._filter, page_no * self.PAGE_SIZE, self.PAGE_SIZE)
            self._pages[page_no] = page
            while len(self._pages) > self.CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def person_id(self, row: int) -> uuid.UUID | None:
        """Id of the person shown on a row."""
        found = self._row(row)
        return found.id if found else None

    def person_row(self, row: int) -> PersonRow | None:
        """The list row shown at a position."""
        return self._row(row)

    # -- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or role not in (DISPLAY, TOOLTIP):
            return None
        found = self._row(index.row())
        if found is None:
            return None
        return COLUMNS[index.column()].text(found)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY:
            return None
        if orientation == HORIZONTAL:
            return _(COLUMNS[section].header)
        return str(section + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Only the name column sorts; order is the Kazakh/Russian alphabet, done in SQL."""
        if column != NAME_COLUMN:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if descending != self._filter.descending:
            from dataclasses import replace

            self.set_filter(replace(self._filter, descending=descending))

    def retranslate(self) -> None:
        """Headers and labels change with the language; the rows do not."""
        self.headerDataChanged.emit(HORIZONTAL, 0, len(COLUMNS) - 1)
        if self._count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1), [DISPLAY]
            )
