"""The internship page's lists: who is due, places, closed dates, holidays, quality."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.internships.dto import BlackoutRow, DueRow, OfferRow
from app.internships.hosts import HolidayDTO
from i18n import N_, _, format_date, format_number, localized
from i18n.collation import collation_key
from ui.kit.paged_table_model import Column

DUE_COLUMNS = (
    Column[DueRow](N_("Judge"), lambda r: r.full_name),
    Column[DueRow](N_("Court"), lambda r: r.court_name),
    Column[DueRow](
        N_("Last internship ended"),
        lambda r: format_date(r.last_internship_end) or _("never"),
        True,
    ),
    Column[DueRow](N_("Due on"), lambda r: format_date(r.due_on), True),
    Column[DueRow](N_("Experience, years"), lambda r: str(r.experience_years), True),
    Column[DueRow](N_("Decisions overturned"), lambda r: str(r.overturned), True),
    Column[DueRow](
        N_("Time limits kept, %"),
        lambda r: "" if r.time_limits_kept_pct is None else str(r.time_limits_kept_pct),
        True,
    ),
    Column[DueRow](N_("Complaints"), lambda r: str(r.complaints), True),
    Column[DueRow](N_("Priority"), lambda r: format_number(r.priority, decimals=1), True),
    Column[DueRow](N_("Scheduled"), lambda r: _("yes") if r.scheduled else _("no")),
)
# Numbers sort as numbers and dates as dates, not as their text.
DUE_SORT_KEYS: tuple[Callable[[DueRow], Any], ...] = (
    lambda r: r.sort_key or r.full_name,
    lambda r: collation_key(r.court_name),  # P-2: the alphabet of the language shown
    lambda r: r.last_internship_end or date.min,
    lambda r: r.due_on,
    lambda r: r.experience_years,
    lambda r: r.overturned,
    lambda r: r.time_limits_kept_pct or 0,
    lambda r: r.complaints,
    lambda r: r.priority,
    lambda r: r.scheduled,
)
PRIORITY_COLUMN = 8
OFFER_COLUMNS = (
    Column[OfferRow](N_("Host court"), lambda o: o.court_name),
    Column[OfferRow](N_("From"), lambda o: format_date(o.starts_on)),
    Column[OfferRow](N_("To"), lambda o: format_date(o.ends_on)),
    Column[OfferRow](N_("Places a day"), lambda o: str(o.capacity), True),
)
BLACKOUT_COLUMNS = (
    Column[BlackoutRow](N_("Host court"), lambda b: b.court_name),
    Column[BlackoutRow](N_("From"), lambda b: format_date(b.starts_on)),
    Column[BlackoutRow](N_("To"), lambda b: format_date(b.ends_on)),
    Column[BlackoutRow](N_("Reason"), lambda b: b.reason),
)


def holiday_columns(year: Callable[[], int]) -> tuple[Column[HolidayDTO], ...]:
    """Holidays of the year the page shows (a yearly holiday falls on that year's date)."""
    return (
        Column[HolidayDTO](N_("Holiday"), lambda h: localized(h.name_kk, h.name_ru)),
        Column[HolidayDTO](N_("Date"), lambda h: format_date(date(year(), h.month, h.day))),
        Column[HolidayDTO](
            N_("Repeats"), lambda h: _("every year") if h.year is None else _("this year only")
        ),
    )


def quality_columns(header: list[str]) -> list[Column[list[Any]]]:
    """Columns of the before-and-after table, whose header comes worded by its document."""

    def cell(c: int) -> Callable[[list[Any]], str]:
        return lambda row: row[c].strftime("%d.%m.%Y") if isinstance(row[c], date) else str(row[c])

    return [Column[list[Any]](h, cell(c)) for c, h in enumerate(header)]
