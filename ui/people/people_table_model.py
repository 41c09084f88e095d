"""Paged table model over the people queries: holds a count and fetches pages on demand."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from app.people.dto import PersonFilter, PersonRow
from app.people.experience import describe
from app.people.queries import count_people, page_people, position_of
from app.people.vocab import ROLES, SPECIALISATIONS, STATUSES, label
from i18n import N_, format_date, localized
from ui.context import UiContext
from ui.kit.paged_table_model import Column, PagedTableModel

if TYPE_CHECKING:
    from app.core.store import Session

COLUMNS: tuple[Column[PersonRow], ...] = (
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


class PeopleTableModel(PagedTableModel[PersonRow]):
    """Rows come from SQL a page at a time; filter and sort happen in SQL, not in Qt."""

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, COLUMNS, parent)
        self._filter = PersonFilter()

    @property
    def filter(self) -> PersonFilter:
        """The filter in force."""
        return self._filter

    def set_filter(self, flt: PersonFilter) -> None:
        """Show the people matching a filter (one COUNT now, pages when painted)."""
        self._filter = flt
        self.refresh()

    def count(self, session: Session) -> int:
        return count_people(session, self._filter)

    def fetch(self, session: Session, offset: int, limit: int) -> list[PersonRow]:
        return page_people(session, self._filter, offset, limit)

    def position(self, session: Session, key: object) -> int | None:
        return position_of(session, self._filter, key) if isinstance(key, uuid.UUID) else None

    def person_id(self, row: int) -> uuid.UUID | None:
        """Id of the person shown on a row."""
        found = self.row_at(row)
        return found.id if found else None

    def person_row(self, row: int) -> PersonRow | None:
        """The list row shown at a position."""
        return self.row_at(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Only the name column sorts; order is the Kazakh/Russian alphabet, done in SQL."""
        if column != NAME_COLUMN:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if descending != self._filter.descending:
            self.set_filter(replace(self._filter, descending=descending))
