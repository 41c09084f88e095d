"""The start page's I-1 figure: judges due in a year and not planned, counted in SQL."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Date, Float, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from app.core.bulk import collector_paused
from app.internships.due import priority_of
from app.internships.due_reads import as_uuid, last_quality, raw, raw_periods
from app.internships.rules import InternshipRules, PriorityWeights, host_levels_for, rules_for_year
from app.people.experience import add_years, judicial_experience
from db.models import Court, Internship, Person, PersonStatusPeriod, QualityIndicator
from i18n import current_language

LEVELS = ("district", "regional")  # I-1 binds the judges of these courts
# How far the SQL bound may fall below the exact priority: priority_of rounds to 3 places
# and the SQL sums floats in another order (the bound's date arithmetic only overshoots).
SLACK = 0.01
BATCH = 200


def unplanned_due(
    session: Session, year: int, region_code: str, shown: int
) -> tuple[int, list[str]]:
    """How many judges are due in `year` and not planned (I-1), and the names of the first
    `shown` of them in the due list's order (due_judges with only_unscheduled).

    The due set is found in SQL, the judges with a qualifying internship, a plan or a
    retirement excluded as sets, so the 36,000 national judges are not read into Python
    (issue 12). SQL also gives each a bound of its priority, the rows arrive by that bound,
    and the exact priority (due.priority_of, the due list's own) is computed only until no
    later row can reach the last one shown.
    """
    rules = rules_for_year(session, year)
    weights = PriorityWeights()
    with collector_paused():
        rows = session.connection().execute(_statement(session, year, region_code, rules, weights))
        first = rows.fetchmany(max(shown, BATCH))
        if not first or not shown:
            rows.close()
            return (int(first[0].total) if first else 0), []
        total = int(first[0].total)
        start = date(year, 1, 1)
        keys: list[tuple[float, date, Any]] = []
        batch = first
        while batch:
            keys += _exact(session, batch, start, rules, weights)
            top = heapq.nsmallest(shown, keys)
            # Every row left has a bound at most the current batch's last; once that is
            # below the last one shown, none of them can be shown (nor tie with it).
            if len(top) >= shown and batch[-1].ub + SLACK < -top[-1][0]:
                break
            batch = rows.fetchmany(BATCH)
        rows.close()
    cut = heapq.nsmallest(shown, keys)[-1][:2]
    near = [k for k in keys if k[:2] <= cut]
    names = _names(session, [k[2] for k in near])
    # due_judges breaks the last ties by the order it reads the judges in, this by id: they
    # differ only between namesakes (same sort key), whose names read the same either way.
    near.sort(key=lambda k: (k[0], k[1], names[k[2]][1], k[2]))
    return total, [names[k[2]][0] for k in near[:shown]]


def _statement(
    session: Session, year: int, region: str, rules: InternshipRules, weights: PriorityWeights
) -> Any:
    start, end = date(year, 1, 1), date(year, 12, 31)
    sqlite = session.get_bind().dialect.name == "sqlite"
    # I-1: due when the last qualifying internship ended before the year `interval` years
    # back or earlier (add_years(last, interval) > 31 December exactly when last.year >
    # year - interval), or never.
    recent = date(year - rules.interval_years + 1, 1, 1)
    on = literal(start, Date)

    def qualifying(levels: tuple[str, ...]) -> Any:
        # resets_clock (I-1 clarification): held, ≥ min_days calendar days, at a higher court
        return select(Internship.person_id).where(
            Internship.kind == "judge",
            Internship.status == "done",
            Internship.ends_on < start,
            Internship.ends_on >= recent,
            days(sqlite, Internship.ends_on, Internship.starts_on) + 1 >= rules.min_days,
            Internship.host_court_id.in_(_courts(levels)),
        )

    planned = select(Internship.person_id).where(
        Internship.kind == "judge",
        Internship.status != "cancelled",
        Internship.starts_on <= end,
        Internship.ends_on >= start,
    )
    later = aliased(PersonStatusPeriod)
    retired = select(PersonStatusPeriod.person_id).where(
        # status_on(periods, 1 January) == "retired": the covering period starting last
        PersonStatusPeriod.status == "retired",
        PersonStatusPeriod.starts_on <= start,
        or_(PersonStatusPeriod.ends_on.is_(None), PersonStatusPeriod.ends_on >= start),
        ~exists().where(
            later.person_id == PersonStatusPeriod.person_id,
            later.starts_on > PersonStatusPeriod.starts_on,
            later.starts_on <= start,
            or_(later.ends_on.is_(None), later.ends_on >= start),
        ),
    )
    due = (
        select(
            raw(Person.id).label("pid"),
            Person.first_appointed_on.label("appointed"),
            _last_end(sqlite, start, rules).label("last"),
            _quality_bound(start, weights).label("quality"),
            # Sets SQLite looks ids up in, cheaper than a subquery per judge
            Person.id.in_(select(PersonStatusPeriod.person_id)).label("periods"),
            # A window function also keeps SQLite from copying the subqueries above into
            # each use of their columns below.
            func.count().over().label("total"),
        )
        .join(Court, Court.id == Person.court_id)
        .where(Person.role == "judge", Court.level.in_(LEVELS))
    )
    if region:
        # A region's few judges are read from the (role, court) index through its courts,
        # and each is looked up in the internships by its own index: the country's lists,
        # built for one region, made its start page on the national store as slow as the
        # country's (issue 12)
        mine = select(Court.id).where(Court.region_code == region, Court.level.in_(LEVELS))
        due = due.where(
            Court.region_code == region,
            Person.court_id.in_(mine),
            Person.id.not_in(retired),
            ~exists(planned.where(Internship.person_id == Person.id)),
            *(
                or_(
                    Court.level != level,
                    ~exists(
                        qualifying(host_levels_for(level)).where(Internship.person_id == Person.id)
                    ),
                )
                for level in LEVELS
            ),
        )
    else:
        due = due.where(
            Person.id.not_in(planned.union_all(retired)),
            *(
                or_(Court.level != level, Person.id.not_in(qualifying(host_levels_for(level))))
                for level in LEVELS
            ),
        )
    d = due.subquery()
    # add_years(last, n) is at least 365 n - 1 days after last (29 February)
    late = days(sqlite, on, d.c.last) - (365 * rules.interval_years - 1)
    bound = (
        (
            case(
                (d.c.last.is_(None), weights.never_interned),
                else_=case((late > 0, late), else_=0) * (weights.per_year_overdue / 365.25),
            )
            + func.coalesce(d.c.quality, 0.0)
            + case(
                (
                    or_(
                        d.c.appointed.is_(None),
                        # Exact without status periods: judicial_experience's whole calendar
                        # months to 1 January fall short of junior_years exactly when the
                        # appointment came after 1 January junior_years back
                        d.c.appointed > date(year - weights.junior_years, 1, 1),
                        # Breaks and retirement shorten the service: the bound assumes junior
                        d.c.periods,
                    ),
                    weights.junior_bonus,
                ),
                else_=0.0,
            )
        )
        .cast(Float)
        .label("ub")
    )
    return select(
        d.c.pid, d.c.appointed.label("first_appointed_on"), d.c.last, bound, d.c.total
    ).order_by(bound.desc())


def days(sqlite: bool, later: Any, earlier: Any) -> Any:
    """Days from one date to another in SQL."""
    if sqlite:
        return func.julianday(later) - func.julianday(earlier)
    return later - earlier  # PostgreSQL: date - date is a number of days


def _last_end(sqlite: bool, start: date, rules: InternshipRules) -> Any:
    """The judge's last internship before the year that resets the clock (I-1), per row."""
    return (
        select(func.max(Internship.ends_on))
        .where(
            Internship.person_id == Person.id,
            Internship.kind == "judge",
            Internship.status == "done",
            Internship.ends_on < start,
            days(sqlite, Internship.ends_on, Internship.starts_on) + 1 >= rules.min_days,
            or_(
                *(
                    and_(
                        Court.level == level,
                        Internship.host_court_id.in_(_courts(host_levels_for(level))),
                    )
                    for level in LEVELS
                )
            ),
        )
        .correlate(Person, Court)
        .scalar_subquery()
    )


def _courts(levels: tuple[str, ...]) -> Any:
    host = aliased(Court)
    return select(host.id).where(host.level.in_(levels))


def _quality_bound(start: date, weights: PriorityWeights) -> Any:
    """At least the quality part of the priority: the exact figure takes the judge's latest
    period before the year (last_quality), and this the largest of the periods ending that
    day, so it is exact unless two periods end the same day. A bound over all the periods
    was loose enough that thousands of exact priorities were computed in January (issue 12).
    """
    q = QualityIndicator
    score = (
        q.complaints * weights.per_complaint
        + q.overturned * weights.per_overturned
        + (100 - q.time_limits_kept_pct) * weights.per_pct_time_limits_missed
    )
    # One index seek per judge: the latest period first, the worst of a day's periods first
    return (
        select(score)
        .where(q.person_id == Person.id, q.period_end < start)
        .order_by(q.period_end.desc(), score.desc())
        .limit(1)
        .correlate(Person)
        .scalar_subquery()
    )


def _exact(
    session: Session, rows: Sequence[Any], start: date, rules: InternshipRules, w: PriorityWeights
) -> list[tuple[float, date, Any]]:
    """(-priority, due date, id) of each row, computed as the due list computes them."""
    ids = [r.pid for r in rows]
    periods = raw_periods(session, ids)
    quality = last_quality(session, start, ids)
    out = []
    for r in rows:
        last = r.last
        due_on = add_years(last, rules.interval_years) if last else start
        complaints, overturned, kept = quality.get(r.pid) or (0, 0, None)
        exp = judicial_experience(r.first_appointed_on, periods.get(r.pid, []), start).years
        prio = priority_of(
            due_on,
            start,
            never=last is None,
            experience_years=exp,
            complaints=complaints,
            overturned=overturned,
            kept_pct=kept,
            weights=w,
        )
        out.append((-prio, due_on, r.pid))
    return out


def _names(session: Session, raw_ids: list[Any]) -> dict[Any, tuple[str, str]]:
    """Full name and sort key (P-2: the alphabet of the language shown) per raw id."""
    found: dict[Any, tuple[str, str]] = {}
    ids = [as_uuid(i) for i in raw_ids]
    for i in range(0, len(ids), 500):  # SQLite limits the number of bound parameters
        stmt = select(
            raw(Person.id),
            Person.surname,
            Person.first_name,
            Person.patronymic,
            Person.name_order(current_language()),
        ).where(Person.id.in_(ids[i : i + 500]))
        for pid, surname, first, patr, skey in session.connection().execute(stmt):
            found[pid] = (" ".join(x for x in (surname, first, patr) if x), skey)
    return found
