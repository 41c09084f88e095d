"""Pure rules of staff adaptation (S-1, seed 003 §7.1.5) and internships (S-2, §7.1.6)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from i18n import N_

# Seed 003 §7.1.5 says only that the HR service organises "professional adaptation and
# tutoring" in the apparatus; it sets no numbers. The term follows the civil servant's
# probation period (at most 3 months) and the plan is due within 10 days of the start:
# the centre's defaults, named here once so a change is one line.
MAX_TERM_MONTHS = 3
PLAN_DUE_DAYS = 10
# Who may be adapted and who may tutor: court staff of the apparatus, never judges (S-1).
STAFF_ROLE = "staff"
RESULTS = ("adapted", "not_adapted")
# S-2: an internship on the schedule is planned, then held or not held; or cancelled before.
INTERNSHIP_STATUSES = ("planned", "held", "not_held", "cancelled")
# Lines in these states leave their dates free for another internship of the same person.
FREEING_STATUSES = ("not_held", "cancelled")


@dataclass(frozen=True)
class PersonFacts:
    """What the rules need to know of a person."""

    role: str
    court_id: object


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has fewer days."""
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def last_term_day(starts_on: date) -> date:
    """The last day an adaptation starting on `starts_on` may run to (S-1)."""
    return add_months(starts_on, MAX_TERM_MONTHS) - timedelta(days=1)


def plan_due_on(starts_on: date) -> date:
    """The last day the adaptation plan may be drawn up (S-1)."""
    return starts_on + timedelta(days=PLAN_DUE_DAYS)


def plan_overdue(starts_on: date, has_plan: bool, today: date) -> bool:
    """S-1: no plan after its due day."""
    return not has_plan and today > plan_due_on(starts_on)


def tutor_refusals(newcomer: PersonFacts, tutor: PersonFacts, same: bool) -> list[tuple[str, str]]:
    """(field, message): why this tutor may not tutor this newcomer (S-1).

    Both are staff of the same court's apparatus; judges have mentoring (seed 002) instead.
    """
    out: list[tuple[str, str]] = []
    if newcomer.role != STAFF_ROLE:
        out.append(
            ("person_id", N_("Only court staff are adapted this way; judges have mentoring."))
        )
    if same:
        out.append(("tutor_id", N_("A staff member cannot tutor themselves.")))
    elif tutor.role != STAFF_ROLE:
        out.append(("tutor_id", N_("The tutor must be a staff member of the court's apparatus.")))
    elif tutor.court_id != newcomer.court_id:
        out.append(("tutor_id", N_("The tutor must work in the same court's apparatus.")))
    return out


def term_refusals(hired_on: date, starts_on: date, ends_on: date) -> list[tuple[str, str]]:
    """(field, message) pairs wrong with the term (S-1): from hiring, at most the maximum."""
    out: list[tuple[str, str]] = []
    if starts_on < hired_on:
        out.append(("starts_on", N_("The adaptation cannot start before the hiring date.")))
    if ends_on < starts_on:
        out.append(("ends_on", N_("The end cannot be before the start.")))
    elif ends_on > last_term_day(starts_on):
        # the message names MAX_TERM_MONTHS as {months}
        out.append(("ends_on", N_("The adaptation lasts at most {months} months.")))
    return out


def item_refusal(starts_on: date, ends_on: date, due_on: date) -> str:
    """Why a plan item's date is wrong (S-1): every item falls within the term."""
    if not starts_on <= due_on <= ends_on:
        return N_("Each item of the plan falls within the adaptation's term.")
    return ""


def result_refusal(starts_on: date, has_plan: bool, decided_on: date, today: date) -> str:
    """Why a result cannot be recorded (S-1): it rests on a plan and a real date."""
    if not has_plan:
        return N_("Draw up the adaptation plan before recording the result.")
    if decided_on < starts_on:
        return N_("The result cannot be decided before the adaptation starts.")
    if decided_on > today:
        return N_("The result cannot be dated in the future.")
    return ""


def internship_refusals(year: int, starts_on: date, ends_on: date) -> list[tuple[str, str]]:
    """(field, message) wrong with a scheduled internship (S-2): inside its schedule's year."""
    out: list[tuple[str, str]] = []
    if starts_on.year != year:
        out.append(("starts_on", N_("The internship starts within the schedule's year.")))
    if ends_on < starts_on:
        out.append(("ends_on", N_("The end cannot be before the start.")))
    elif ends_on.year != year:
        out.append(("ends_on", N_("The internship ends within the schedule's year.")))
    return out


def outcome_refusal(ends_on: date, today: date, status: str) -> str:
    """S-2: whether an internship was held is recorded once it has ended."""
    if status not in ("held", "not_held"):
        return N_("Choose held or not held.")
    if today < ends_on:
        return N_("Record whether the internship was held after its last day.")
    return ""
