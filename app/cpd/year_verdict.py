"""Judging one person's year: exempt days, points required, Academy course, verdict (C-2, C-4)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from app.people.experience import add_years

ZERO = Decimal(0)


def covered_days(periods: Iterable[tuple[date, date | None]], year: int) -> int:
    """Days of a year covered by the union of periods (an open end runs to the year's end)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    spans = sorted(
        (max(s, first), min(e or last, last))
        for s, e in periods
        if s <= last and (e is None or e >= first)
    )
    total, cur_start, cur_end = 0, None, None
    for s, e in spans:
        if e < s:
            continue
        if cur_end is None or s > cur_end + timedelta(days=1):
            if cur_end is not None and cur_start is not None:
                total += (cur_end - cur_start).days + 1
            cur_start, cur_end = s, e
        elif e > cur_end:
            cur_end = e
    if cur_end is not None and cur_start is not None:
        total += (cur_end - cur_start).days + 1
    return total


def required_points(minimum: Decimal, exempt: int, year: int, mode: str) -> Decimal:
    """The minimum of a partly exempt year, per the rule set's setting (C-4).

    "prorata": the minimum times the share of days not exempt, rounded up to a whole point;
    "full": the whole minimum unless every day is exempt; "any": nothing if any day is exempt.
    A year exempt every day always requires nothing.
    """
    days = (date(year, 12, 31) - date(year, 1, 1)).days + 1
    if exempt >= days:
        return ZERO
    if mode == "any" and exempt > 0:
        return ZERO
    if mode == "prorata" and exempt > 0:
        share = Decimal(days - exempt) / Decimal(days)
        return Decimal(math.ceil(minimum * share))
    return minimum


def academy_due(
    last_course: date | None, first_appointed: date | None, every_years: int
) -> date | None:
    """When the next Academy of Justice course falls due (T-1): N years after the last one,
    or after the first appointment when there was none yet.
    """
    if every_years <= 0:
        return None
    start = last_course or first_appointed
    return add_years(start, every_years) if start else None


def verdict(required: Decimal, earned: Decimal, year: int, as_of: date, due: date | None) -> str:
    """compliant / at_risk / not_compliant / exempt for one person and year (C-2, T-1).

    The Academy rule counts when its due date has passed by the end of the year (or by as_of,
    for the year in progress); a due date inside the running year is a risk, not yet a breach.
    """
    year_end = date(year, 12, 31)
    finished = as_of > year_end
    ref = year_end if finished else as_of
    academy_overdue = due is not None and due < ref
    academy_soon = due is not None and not academy_overdue and due <= year_end
    if required == 0 and due is None:
        return "exempt"
    if academy_overdue:
        return "not_compliant"
    if earned >= required and not academy_soon:
        return "compliant"
    if finished:
        return "not_compliant"
    return "at_risk"
