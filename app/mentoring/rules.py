"""The rules of the regulation on judicial mentoring (seed 002), each citing its M-ID.

Every function returns refusals instead of raising, so a form can show all problems at once
and the coordinator can override an eligibility refusal with a recorded reason (M-1, M-3).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.core.errors import DomainError
from app.people.experience import add_years, has_experience, judicial_experience
from i18n import N_, _, ngettext

Periods = list[tuple[str, date, date | None]]

TUTOR = "tutor"
MENTOR = "mentor"
KINDS = (TUTOR, MENTOR)

TUTOR_MIN_YEARS = 5  # M-1, cl. 11: at least five years as a judge
PROTEGE_WINDOW_YEARS = 1  # M-2: first appointed, or a career event, less than a year ago
DEFAULT_TERM_MONTHS = 12  # M-4, cl. 5: tutorship for one year
MIN_TERM_MONTHS = 12  # M-4, cl. 1: one to three years
MAX_TOTAL_MONTHS = 36
CASELOAD_MAX_PERCENT = 30  # M-5, cl. 6
CASELOAD_MONTHS = 6
DEFAULT_MAX_PROTEGES = 3  # a training-centre setting, not a number of the regulation
MAX_PROTEGES_KEY = "mentoring.max_proteges_per_guide"

# M-2: what makes a judge a protégé
FIRST_APPOINTMENT = "first_appointment"
EVENT_KINDS = ("specialisation_changed", "region_changed", "childcare_return", "needs_help")
REASONS: dict[str, str] = {
    FIRST_APPOINTMENT: N_("First appointed less than a year ago"),
    "specialisation_changed": N_("Changed specialisation"),
    "region_changed": N_("Changed region"),
    "childcare_return": N_("Returned from childcare leave"),
    "needs_help": N_("Needs help to improve the quality of justice"),
}
KIND_LABELS = {TUTOR: N_("tutor"), MENTOR: N_("mentor")}


def experience_text(years: int, months: int) -> str:
    """Years and months, e.g. "4 years 7 months", in the active language."""
    y = ngettext("{n} year", "{n} years", years).format(n=years)
    m = ngettext("{n} month", "{n} months", months).format(n=months)
    return f"{y} {m}"


@dataclass(frozen=True)
class Refusal:
    """Why a rule says no: the rule's ID, a catalog message id and its numbers."""

    rule: str
    message_id: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self) -> str:
        """The message in the active language, experience spelt out."""
        params = dict(self.params)
        if "held_years" in params:
            params["held"] = experience_text(params["held_years"], params["held_months"])
        if "kind" in params:
            params["kind"] = _(KIND_LABELS.get(params["kind"], params["kind"]))
        return _(self.message_id).format(**params)

    def as_json(self) -> list[Any]:
        """Stored beside an overridden roster entry."""
        return [self.rule, self.message_id, self.params]


class RuleError(DomainError):
    """One or more rules refuse the action; nothing was written."""

    def __init__(self, refusals: list[Refusal]) -> None:
        super().__init__(refusals[0].message_id, **refusals[0].params)
        self.refusals = refusals

    def message(self) -> str:
        """Every refusal, one per line."""
        return "\n".join(r.message() for r in self.refusals)

    @property
    def rules(self) -> list[str]:
        """The IDs of the refusing rules."""
        return [r.rule for r in self.refusals]


@dataclass(frozen=True)
class JudgeFacts:
    """What the rules need to know about a person."""

    name: str
    role: str
    court_level: str
    status: str
    first_appointed_on: date | None
    periods: Periods
    # M-1, seed 002 cl. 11: their court is a small district court; they are its chairman.
    small_court: bool = False
    chairman: bool = False


def guide_refusals(kind: str, judge: JudgeFacts, on: date) -> list[Refusal]:
    """Whether a person may be a tutor or a mentor on a date (M-1, cl. 1, 11, 12)."""
    out: list[Refusal] = []
    if judge.role != "judge":
        return [
            Refusal(
                "M-1", N_("{name} is not a judge; only judges guide — M-1"), {"name": judge.name}
            )
        ]
    retired = judge.status == "retired"
    if judge.status in ("childcare_leave", "suspended"):
        out.append(
            Refusal(
                "M-1",
                N_("{name} is on leave or suspended on {date} and cannot guide — M-1"),
                {"name": judge.name, "date": on.strftime("%d.%m.%Y")},
            )
        )
    if kind == TUTOR:
        # cl. 11: district judges, or in a small court a retired district judge
        if judge.court_level != "district":
            out.append(
                Refusal(
                    "M-1",
                    N_("A tutor must be a judge of a district court, serving or retired — M-1"),
                )
            )
        elif retired and not judge.small_court:
            out.append(
                Refusal(
                    "M-1",
                    N_("A retired judge may tutor only in a small district court — M-1"),
                )
            )
        elif judge.chairman and not judge.small_court:
            out.append(
                Refusal(
                    "M-1",
                    N_("A court's chairman may tutor only in a small district court — M-1"),
                )
            )
        if not has_experience(judge.first_appointed_on, judge.periods, on, TUTOR_MIN_YEARS):
            exp = judicial_experience(judge.first_appointed_on, judge.periods, on)
            out.append(
                Refusal(
                    "M-1",
                    N_("{held} as a judge; a tutor needs {years} years — M-1"),
                    {"held_years": exp.years, "held_months": exp.months, "years": TUTOR_MIN_YEARS},
                )
            )
    elif kind == MENTOR:
        # cl. 1, 12: an experienced judge of the regional (higher) court, or a retired judge
        if judge.court_level not in ("regional", "supreme") and not retired:
            out.append(
                Refusal(
                    "M-1",
                    N_("A mentor must be a judge of the regional court or a retired judge — M-1"),
                )
            )
        if judge.first_appointed_on is None:
            out.append(
                Refusal(
                    "M-1", N_("{name} has no date of first appointment — M-1"), {"name": judge.name}
                )
            )
    else:
        raise ValueError(kind)
    return out


def protege_reasons(
    first_appointed_on: date | None, status: str, events: list[tuple[str, date]], on: date
) -> list[tuple[str, date]]:
    """Why a judge qualifies as a protégé on a date, with the date each reason began (M-2).

    A reason holds for one year from its date; a judge on leave or retired is not a protégé.
    """
    if status != "active":
        return []
    out: list[tuple[str, date]] = []
    if first_appointed_on is not None and first_appointed_on <= on < add_years(
        first_appointed_on, PROTEGE_WINDOW_YEARS
    ):
        out.append((FIRST_APPOINTMENT, first_appointed_on))
    for kind, since in sorted(set(events), key=lambda e: (e[1], e[0])):
        if since <= on < add_years(since, PROTEGE_WINDOW_YEARS):
            out.append((kind, since))
    return out


def status_events(periods: Periods) -> list[tuple[str, date]]:
    """Career events the people register's own status periods imply (M-2 clarification).

    The day after a childcare leave ends the judge returns, and qualifies as a protégé as if
    the return had been recorded by hand.
    """
    return [
        ("childcare_return", ends + timedelta(days=1))
        for status, _starts, ends in periods
        if status == "childcare_leave" and ends is not None
    ]


def add_months(start: date, months: int) -> date:
    """The same day `months` later, clipped to the month's end."""
    y, m = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, m + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def months_spanned(start: date, end: date) -> int:
    """Calendar months from start to end, a begun month counting as a whole one."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    months = max(months, 0)
    return months + 1 if add_months(start, months) < end else months


def term_refusals(term_months: int, extensions: list[int], used_months: int = 0) -> list[Refusal]:
    """The term of a protégé's guidance: one to three years in total (M-4, cl. 1, 5).

    `used_months` is what earlier pairs of the same need (a replaced guide) already ran: the
    M-4 clarification counts every pair of the protégé, so a replacement does not restart it.
    """
    out: list[Refusal] = []
    if used_months + term_months < MIN_TERM_MONTHS:
        out.append(
            Refusal(
                "M-4",
                N_("Mentoring lasts at least {limit} months; this term is {term} months."),
                {"limit": MIN_TERM_MONTHS, "term": used_months + term_months},
            )
        )
    if any(m < 1 for m in extensions):
        out.append(Refusal("M-4", N_("An extension must be at least one month.")))
    total = used_months + term_months + sum(extensions)
    if total > MAX_TOTAL_MONTHS:
        out.append(
            Refusal(
                "M-4",
                N_("{total} months in total; mentoring lasts at most {limit} months."),
                {"total": total, "limit": MAX_TOTAL_MONTHS},
            )
        )
    return out


def caseload_refusals(
    percent: int, starts_on: date, ends_on: date, first_appointed_on: date | None
) -> list[Refusal]:
    """A caseload reduction: at most 30%, within the first six months in office (M-5)."""
    out: list[Refusal] = []
    if not 0 < percent <= CASELOAD_MAX_PERCENT:
        out.append(
            Refusal(
                "M-5",
                N_("A reduction of {percent}%; at most {limit}% — M-5"),
                {"percent": percent, "limit": CASELOAD_MAX_PERCENT},
            )
        )
    if ends_on < starts_on:
        out.append(Refusal("M-5", N_("The reduction ends before it starts — M-5")))
    if first_appointed_on is None:
        out.append(Refusal("M-5", N_("Only a newly appointed judge's caseload is reduced — M-5")))
    else:
        limit = add_months(first_appointed_on, CASELOAD_MONTHS) - timedelta(days=1)
        if starts_on < first_appointed_on or ends_on > limit:
            out.append(
                Refusal(
                    "M-5",
                    N_(
                        "The reduction must fall within the first {months} months in office, "
                        "{start} to {end} — M-5"
                    ),
                    {
                        "months": CASELOAD_MONTHS,
                        "start": first_appointed_on.strftime("%d.%m.%Y"),
                        "end": limit.strftime("%d.%m.%Y"),
                    },
                )
            )
    return out


def load_refusal(guide_name: str, current: int, limit: int) -> list[Refusal]:
    """The centre's limit of protégés per guide (M-6: the centre forms the pairs)."""
    if current >= limit:
        return [
            Refusal(
                "M-6",
                N_("{name} already guides {count} protégés; the limit is {limit} — M-6"),
                {"name": guide_name, "count": current, "limit": limit},
            )
        ]
    return []
