"""Summary tables by criterion per judge and court for a period, with the change from the
previous period (E-3). Only signed sheets count.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from app.core.progress import Progress
from app.evaluation.dto import CriterionDTO
from app.evaluation.templates import current_template
from db.models import Court, EvalCriterion, EvalRating, EvalSheet, EvalTemplate, Person
from i18n import current_language, localized
from i18n.collation import bilingual_key

Value = Decimal | None
ONE_PLACE = Decimal("0.1")


def RAW(column: Any) -> Any:
    """The column's value as the driver returns it (no UUID conversion), for use as a key."""
    return type_coerce(column, String)


@dataclass(frozen=True)
class SummaryRow:
    """One judge (or one court, when person_id is None) in the summary table."""

    person_id: uuid.UUID | None
    name: str
    court_id: uuid.UUID
    court_name_kk: str
    court_name_ru: str
    values: tuple[Value, ...]
    changes: tuple[Value, ...]
    total: Value
    total_change: Value
    acknowledged_on: date | None = None

    def court_name(self, lang: str | None = None) -> str:
        """Court name in a language."""
        return localized(self.court_name_kk, self.court_name_ru, lang)


@dataclass(frozen=True)
class SummaryTable:
    """Criteria as columns; judges grouped by court, then one row per court."""

    template_code: str
    title_kk: str
    title_ru: str
    period: str
    previous_period: str
    criteria: tuple[CriterionDTO, ...]
    judges: tuple[SummaryRow, ...]
    courts: tuple[SummaryRow, ...]
    region_kk: str = ""  # the region's regional court when the table covers one region
    region_ru: str = ""
    region_code: str = ""

    def region(self, lang: str | None = None) -> str:
        """The region covered in a language ("" for the whole store)."""
        return localized(self.region_kk, self.region_ru, lang) if self.region_kk else ""


def _q(v: Decimal | None) -> Value:
    return None if v is None else v.quantize(ONE_PLACE, ROUND_HALF_UP)


def _mean(values: list[Decimal]) -> Value:
    return _q(sum(values, Decimal(0)) / len(values)) if values else None


def _mean_of(values: list[Value]) -> Value:
    return _mean([v for v in values if v is not None])


def _change(now: Value, before: Value) -> Value:
    return None if now is None or before is None else _q(now - before)


class _Shared(dict[Any, Any]):
    """One object per distinct value: tens of thousands of rows repeat a few hundred means."""

    # Court names, ids and rounded means repeat across tens of thousands of judges; a separate
    # object for each was a large part of the table's memory.

    def __missing__(self, key: Any) -> Any:
        self[key] = key
        return key


@dataclass
class _Person:
    """What the signed sheets of one judge give in one period, already rounded."""

    values: list[Value]
    total: Value = None
    acknowledged_on: date | None = None


# Rows are fetched in batches: holding every (judge, period, criterion) row at once was most
# of the summary's peak memory on the national demo (issue 13).
BATCH = 5000
STEPS = (1, 2, 3, 4)  # the values by criterion, the totals, the judges, done


def _in_region(region_code: str) -> Any:
    """The people of a region's courts (a subquery of ids)."""
    return (
        select(Person.id)
        .join(Court, Court.id == Person.court_id)
        .where(Court.region_code == region_code)
    )


def _values(
    session: Session,
    code: str,
    periods: list[str],
    criteria: tuple[CriterionDTO, ...],
    region_code: str = "",
    progress: Progress | None = None,
) -> dict[tuple[object, str], _Person]:
    signed: tuple[Any, ...] = (
        EvalSheet.status == "signed",
        EvalSheet.period.in_(periods),
        EvalTemplate.code == code,
    )
    if region_code:
        signed += (EvalSheet.subject_id.in_(_in_region(region_code)),)
    index = {c.code: i for i, c in enumerate(criteria)}
    shared = _Shared()
    people: dict[tuple[object, str], _Person] = {}

    def person(pid: object, period: str) -> _Person:
        key = (pid, period)
        found = people.get(key)
        if found is None:
            found = people[key] = _Person([None] * len(criteria))
        return found

    # Raw ids as keys: converting tens of thousands of UUIDs dominated the run time.
    per_criterion = session.execute(
        select(
            RAW(EvalSheet.subject_id),
            EvalSheet.period,
            EvalCriterion.code,
            EvalCriterion.scale,
            func.avg(EvalRating.value),
        )
        .join(EvalTemplate, EvalTemplate.id == EvalSheet.template_id)
        .join(EvalRating, EvalRating.sheet_id == EvalSheet.id)
        .join(EvalCriterion, EvalCriterion.id == EvalRating.criterion_id)
        .where(*signed)
        .group_by(EvalSheet.subject_id, EvalSheet.period, EvalCriterion.code, EvalCriterion.scale)
        .execution_options(yield_per=BATCH)
    )
    step = progress or Progress()
    for n, (pid, period, c_code, scale, avg) in enumerate(per_criterion):
        if not n % BATCH:
            step.step(STEPS[0], STEPS[-1])  # where Cancel stops a national table (issue 11)
        i = index.get(c_code)
        if i is None:  # a criterion no longer in the current template is not shown
            continue
        # yes/no criteria show the share of "yes" in percent; 1–5 criteria their mean value.
        v = Decimal(str(avg)) * (100 if scale == "yes_no" else 1)
        person(pid, period).values[i] = shared[_q(v)]
    step.step(STEPS[1], STEPS[-1])
    for pid, period, t, ack_count, count, ack_last in session.execute(
        select(
            RAW(EvalSheet.subject_id),
            EvalSheet.period,
            func.avg(EvalSheet.total),
            func.count(EvalSheet.acknowledged_on),
            func.count(),
            func.max(EvalSheet.acknowledged_on),
        )
        .join(EvalTemplate, EvalTemplate.id == EvalSheet.template_id)
        .where(*signed)
        .group_by(EvalSheet.subject_id, EvalSheet.period)
        .execution_options(yield_per=BATCH)
    ):
        found = person(pid, period)
        if t is not None:
            found.total = shared[_q(Decimal(str(t)))]
        # E-3: acquainted when every signed sheet of the period was acknowledged.
        found.acknowledged_on = shared[ack_last] if ack_count == count else None
    return people


def previous_period(session: Session, code: str, period: str) -> str:
    """The latest period before `period` with sheets of the template, or ""."""
    return (
        session.scalar(
            select(func.max(EvalSheet.period))
            .join(EvalTemplate, EvalTemplate.id == EvalSheet.template_id)
            .where(EvalTemplate.code == code, EvalSheet.period < period)
        )
        or ""
    )


def summary_table(
    session: Session,
    template_code: str,
    period: str,
    region_code: str = "",
    progress: Progress | None = None,
) -> SummaryTable:
    """The summary table of a template's signed sheets in a period (E-3), of one region's
    courts or (region_code empty) of every court in the store.
    """
    step = progress or Progress()
    template = current_template(session, template_code)
    criteria = tuple(template.criteria())
    prev = previous_period(session, template_code, period)
    people = _values(
        session, template_code, [p for p in (period, prev) if p], criteria, region_code, step
    )
    step.step(STEPS[2], STEPS[-1])
    in_period = (
        select(EvalSheet.subject_id)
        .join(EvalTemplate, EvalTemplate.id == EvalSheet.template_id)
        .where(
            EvalTemplate.code == template_code,
            EvalSheet.period == period,
            EvalSheet.status == "signed",
        )
    )
    rows = session.execute(
        select(
            Person.id,
            RAW(Person.id).label("raw_id"),
            Person.surname,
            Person.first_name,
            Person.patronymic,
            Person.name_order(current_language()),
            Court.id,
            Court.name_kk,
            Court.name_ru,
            Court.sort_key,
        )
        .join(Court, Court.id == Person.court_id)
        .where(
            Person.id.in_(in_period), *([Court.region_code == region_code] if region_code else [])
        )
    ).all()
    # Courts may share a name: the id keeps each court's judges together.
    # P-2: courts and names in the alphabet of the language shown
    rows = sorted(rows, key=lambda r: (bilingual_key(r[9], r[8]), str(r[6]), r[5]))
    shared = _Shared()
    nothing = _Person([None] * len(criteria))
    judges: list[SummaryRow] = []
    by_court: dict[uuid.UUID, list[SummaryRow]] = defaultdict(list)
    for n, (pid, raw, s, f, p, _skey, cid, ckk, cru, _csk) in enumerate(rows):
        if not n % BATCH:
            step.step(STEPS[2], STEPS[-1])
        now_ = people.get((raw, period), nothing)
        before_ = people.get((raw, prev), nothing)
        changes = tuple(
            shared[_change(a, b)] for a, b in zip(now_.values, before_.values, strict=True)
        )
        row = SummaryRow(
            pid,
            " ".join(x for x in (s, f, p) if x),
            shared[cid],
            shared[ckk],
            shared[cru],
            shared[tuple(now_.values)],
            shared[changes],
            now_.total,
            shared[_change(now_.total, before_.total)],
            now_.acknowledged_on,
        )
        judges.append(row)
        by_court[row.court_id].append(row)
    del rows, people
    courts: list[SummaryRow] = []
    for cid, members in by_court.items():
        first = members[0]
        now = tuple(_mean_of([r.values[i] for r in members]) for i in range(len(criteria)))
        changes = tuple(_mean_of([r.changes[i] for r in members]) for i in range(len(criteria)))
        courts.append(
            SummaryRow(
                None,
                "",
                cid,
                first.court_name_kk,
                first.court_name_ru,
                now,
                changes,
                _mean_of([r.total for r in members]),
                _mean_of([r.total_change for r in members]),
            )
        )
    return SummaryTable(
        template.code,
        template.title_kk,
        template.title_ru,
        period,
        prev,
        criteria,
        tuple(judges),
        tuple(courts),
        *_region_names(session, region_code),
        region_code,
    )


def _region_names(session: Session, region_code: str) -> tuple[str, str]:
    """The names (kk, ru) of a region's regional court; blank for the whole store."""
    if not region_code:
        return "", ""
    found = session.execute(
        select(Court.name_kk, Court.name_ru).where(
            Court.region_code == region_code, Court.level == "regional"
        )
    ).first()
    return (str(found[0]), str(found[1])) if found else (region_code, region_code)
