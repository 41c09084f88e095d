"""One line of the agenda: a deadline or a to-do, its date, count, state and where it is done."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

OVERDUE, THIS_WEEK, THIS_MONTH, LATER = "overdue", "this_week", "this_month", "later"
STATES = (OVERDUE, THIS_WEEK, THIS_MONTH, LATER)


@dataclass(frozen=True)
class Target:
    """The page (and its tab) that resolves an item, and the filter it opens with."""

    page: str
    tab: str = ""
    filters: tuple[tuple[str, object], ...] = ()

    def filter(self, key: str) -> object:
        """One filter's value, or None."""
        return dict(self.filters).get(key)


@dataclass(frozen=True)
class AgendaItem:
    """`key` is stable (tests and the CLI's csv use it); `rule` the DOMAIN ID it enforces.

    `due_on` is None for a to-do that has no deadline of its own (it can be done now).
    `names` are the people behind the count when the count is about people (first ones only).
    """

    key: str
    rule: str
    due_on: date | None
    count: int
    state: str
    target: Target
    year: int = 0
    names: tuple[str, ...] = ()
    detail: dict[str, int] = field(default_factory=dict)


def state_of(due_on: date | None, on: date) -> str:
    """Overdue, due within 7 days, within the month ahead (31 days), or later."""
    if due_on is None:
        return THIS_WEEK  # nothing to wait for: it can be done today
    if due_on < on:
        return OVERDUE
    if due_on <= on + timedelta(days=7):
        return THIS_WEEK
    if due_on <= on + timedelta(days=31):
        return THIS_MONTH
    return LATER
