"""Judicial experience derived from the first appointment and career breaks (P-3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from i18n import ngettext as active_ngettext
from i18n import plural_translator

# Periods that do not count as service as a judge; retirement ends the count.
BREAK_STATUSES = frozenset({"childcare_leave", "suspended"})


@dataclass(frozen=True, order=True)
class Experience:
    """Whole years and months of service, plus the day count they come from."""

    years: int
    months: int
    days: int


def describe(exp: Experience, lang: str | None = None) -> str:
    """Experience in words, "6 жыл 8 ай" / "6 лет 8 месяцев", in the active or given language."""
    ngettext = plural_translator(lang) if lang else active_ngettext
    years = ngettext("{n} year", "{n} years", exp.years).format(n=exp.years)
    months = ngettext("{n} month", "{n} months", exp.months).format(n=exp.months)
    if exp.years and exp.months:
        return f"{years} {months}"
    return years if exp.years else months


def add_years(start: date, years: int) -> date:
    """The same day `years` later (29 February becomes 28 February)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def months_between(start: date, end: date) -> int:
    """Whole calendar months from start to end."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def _overlap_days(a_start: date, a_end: date, b_start: date, b_end: date) -> int:
    start, end = max(a_start, b_start), min(a_end, b_end)
    return max((end - start).days, 0)


def judicial_experience(
    first_appointed: date | None,
    periods: list[tuple[str, date, date | None]],
    on: date,
) -> Experience:
    """Service as a judge on a date: appointment to `on`, less breaks, stopped by retirement."""
    if first_appointed is None or on <= first_appointed:
        return Experience(0, 0, 0)
    end = on
    for status, starts, _ends in periods:
        if status == "retired" and first_appointed <= starts < end:
            end = starts
    # A break's last day is part of the break (P-3 clarification), as in status_on().
    break_days = sum(
        _overlap_days(first_appointed, end, starts, ends + timedelta(days=1) if ends else end)
        for status, starts, ends in periods
        if status in BREAK_STATUSES
    )
    effective_end = end - timedelta(days=break_days)
    months = months_between(first_appointed, effective_end)
    return Experience(months // 12, months % 12, (effective_end - first_appointed).days)


def has_experience(
    first_appointed: date | None, periods: list[tuple[str, date, date | None]], on: date, years: int
) -> bool:
    """Whether service reaches `years` full years on a date (exactly N years counts)."""
    if first_appointed is None:
        return False
    exp = judicial_experience(first_appointed, periods, on)
    return first_appointed + timedelta(days=exp.days) >= add_years(first_appointed, years)


def status_on(periods: list[tuple[str, date, date | None]], on: date) -> str:
    """The status on a date: the covering period's status, else active."""
    for status, starts, ends in sorted(periods, key=lambda p: p[1], reverse=True):
        if starts <= on and (ends is None or on <= ends):
            return status
    return "active"
