"""The compliance list of a year, paged: it holds the listed ids, not 50,000 rows."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.cpd.compliance import compliance, streamed
from app.cpd.compliance_counts import counts_by_court, status_totals
from app.cpd.dto import ComplianceFilter, ComplianceRow, CourtCount
from app.cpd.vocab import COMPLIANCE_STATUSES
from i18n import N_, _, format_date, format_number
from ui.context import UiContext
from ui.kit.paged_table_model import Column, IdPagedTableModel

if TYPE_CHECKING:
    from app.core.store import Session

COMPLIANCE_COLUMNS: tuple[Column[ComplianceRow], ...] = (
    Column(N_("Full name"), lambda r: r.full_name),
    Column(N_("IIN"), lambda r: r.iin),
    Column(N_("Points earned"), lambda r: format_number(r.earned), numeric=True),
    Column(N_("Points required"), lambda r: format_number(r.required), numeric=True),
    Column(N_("Academy course due"), lambda r: format_date(r.academy_due)),
    Column(N_("Status"), lambda r: _(COMPLIANCE_STATUSES[r.status])),
)


class ComplianceTableModel(IdPagedTableModel[ComplianceRow, uuid.UUID]):
    """Verdicts are judged in Python (C-2, C-4, C-9), so the status filter cannot be SQL.

    A refresh makes the one national pass, keeps the ids of the people listed (in the
    register's order), the counts per court and the totals, and drops the rows; a page is
    judged again for its hundred people when it is painted (same rules, same day).
    """

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, COMPLIANCE_COLUMNS, parent)
        self._filter = ComplianceFilter(year=0)
        self.courts: list[CourtCount] = []
        self.totals: dict[str, int] = status_totals([])

    @property
    def filter(self) -> ComplianceFilter:
        """The year and status listed."""
        return self._filter

    def set_filter(self, flt: ComplianceFilter) -> None:
        """List a year's verdicts, of one status or all (the counts are of everyone)."""
        self._filter = flt
        self.refresh()

    def ids(self, session: Session) -> list[uuid.UUID]:
        everyone = ComplianceFilter(year=self._filter.year, region_code=self._filter.region_code)
        totals, listed, wanted = status_totals([]), [], self._filter.status

        # The verdicts are counted as they come, not kept: 50,000 rows held at once were the
        # CPD page's memory peak on the national demo (issue 11).
        def tally(rows: Iterator[ComplianceRow]) -> Iterator[ComplianceRow]:
            for r in rows:
                totals[r.status] += 1
                if not wanted or r.status == wanted:
                    listed.append(r.person_id)
                yield r

        self.courts = counts_by_court(session, tally(streamed(session, everyone, date.today())))
        self.totals = totals
        return listed

    def rows_for(self, session: Session, ids: Sequence[uuid.UUID]) -> list[ComplianceRow]:
        found = compliance(session, ComplianceFilter(year=self._filter.year, person_ids=tuple(ids)))
        by_id = {r.person_id: r for r in found}
        return [by_id[i] for i in ids if i in by_id]
