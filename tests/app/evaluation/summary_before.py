"""The evaluation summary as gathered before issue 13 (every row held at once): the reference."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.evaluation.summary import RAW, SummaryRow, SummaryTable
from app.evaluation.templates import current_template
from db.models import Court, EvalCriterion, EvalRating, EvalSheet, EvalTemplate, Person

Value = Decimal | None
ONE_PLACE = Decimal("0.1")


def _q(v: Decimal | None) -> Value:
    return None if v is None else v.quantize(ONE_PLACE, ROUND_HALF_UP)


def _mean(values: list[Decimal]) -> Value:
    return _q(sum(values, Decimal(0)) / len(values)) if values else None


def _mean_of(values: list[Value]) -> Value:
    return _mean([v for v in values if v is not None])


def _change(now: Value, before: Value) -> Value:
    return None if now is None or before is None else _q(now - before)


def _values(
    session: Session, code: str, periods: list[str]
) -> tuple[
    dict[tuple[object, str, str], Decimal],
    dict[tuple[object, str], Decimal],
    dict[tuple[object, str], date | None],
]:
    signed = (
        EvalSheet.status == "signed",
        EvalSheet.period.in_(periods),
        EvalTemplate.code == code,
    )
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
    ).all()
    values = {}
    for pid, period, c_code, scale, avg in per_criterion:
        # yes/no criteria show the share of "yes" in percent; 1–5 criteria their mean value.
        v = Decimal(str(avg)) * (100 if scale == "yes_no" else 1)
        values[(pid, period, c_code)] = v
    totals: dict[tuple[object, str], Decimal] = {}
    acknowledged: dict[tuple[object, str], date | None] = {}
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
    ):
        if t is not None:
            totals[(pid, period)] = Decimal(str(t))
        # E-3: acquainted when every signed sheet of the period was acknowledged.
        acknowledged[(pid, period)] = ack_last if ack_count == count else None
    return values, totals, acknowledged


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


def summary_table(session: Session, template_code: str, period: str) -> SummaryTable:
    """The summary table of a template's signed sheets in a period (E-3)."""
    template = current_template(session, template_code)
    criteria = tuple(template.criteria())
    prev = previous_period(session, template_code, period)
    values, totals, acknowledged = _values(session, template_code, [p for p in (period, prev) if p])
    in_period = (
        select(EvalSheet.subject_id)
        .join(EvalTemplate, EvalTemplate.id == EvalSheet.template_id)
        .where(
            EvalTemplate.code == template_code,
            EvalSheet.period == period,
            EvalSheet.status == "signed",
        )
    )
    people = session.execute(
        select(
            Person.id,
            RAW(Person.id).label("raw_id"),
            Person.surname,
            Person.first_name,
            Person.patronymic,
            Person.sort_key,
            Court.id,
            Court.name_kk,
            Court.name_ru,
            Court.sort_key,
        )
        .join(Court, Court.id == Person.court_id)
        .where(Person.id.in_(in_period))
    ).all()
    judges: list[SummaryRow] = []
    by_court: dict[uuid.UUID, list[SummaryRow]] = defaultdict(list)
    # Courts may share a name: the id keeps each court's judges together.
    rows = sorted(people, key=lambda r: (r[9], str(r[6]), r[5]))
    for pid, raw, s, f, p, _skey, cid, ckk, cru, _csk in rows:
        now = tuple(_q(values.get((raw, period, c.code))) for c in criteria)
        before = tuple(_q(values.get((raw, prev, c.code))) for c in criteria)
        total, total_before = _q(totals.get((raw, period))), _q(totals.get((raw, prev)))
        row = SummaryRow(
            pid,
            " ".join(x for x in (s, f, p) if x),
            cid,
            ckk,
            cru,
            now,
            tuple(_change(a, b) for a, b in zip(now, before, strict=True)),
            total,
            _change(total, total_before),
            acknowledged.get((raw, period)),
        )
        judges.append(row)
        by_court[cid].append(row)
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
    )
