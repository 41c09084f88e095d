"""Quality of a judge's work before and after an internship (I-2, E-4): entry, XLSX/CSV import,
and the comparison per judge and per court.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.permissions import INTERNSHIPS_PLAN, require
from app.core.progress import Progress
from app.core.spreadsheet.reader import Sheet, read_sheet
from app.core.spreadsheet.values import as_date, as_decimal, as_iin, as_text
from db.base import utcnow
from db.models import Court, Internship, Person, QualityIndicator
from i18n import N_, current_language, localized
from i18n.collation import bilingual_key


@dataclass(frozen=True)
class QualityInput:
    """Indicators of one judge over a period."""

    person_id: uuid.UUID
    period_start: date
    period_end: date
    cases: int
    overturned: int
    time_limits_kept_pct: Decimal
    complaints: int


@dataclass(frozen=True)
class Comparison:
    """Before/after one internship (I-2); changes are after minus before."""

    internship_id: uuid.UUID
    person_id: uuid.UUID
    full_name: str
    court_id: uuid.UUID
    court_name_kk: str
    court_name_ru: str
    starts_on: date
    ends_on: date
    before: QualityInput | None
    after: QualityInput | None

    def court_name(self, lang: str | None = None) -> str:
        """Court name in a language."""
        return localized(self.court_name_kk, self.court_name_ru, lang)

    def change(self, field: str) -> Decimal | None:
        """after − before of one indicator, None when either side is missing."""
        if self.before is None or self.after is None:
            return None
        return Decimal(getattr(self.after, field)) - Decimal(getattr(self.before, field))


def _errors(data: QualityInput) -> list[FieldError]:
    errors: list[FieldError] = []
    if data.period_end < data.period_start:
        errors.append(FieldError("period_end", N_("The end is before the start.")))
    for name in ("cases", "overturned", "complaints"):
        if getattr(data, name) < 0:
            errors.append(FieldError(name, N_("Cannot be negative.")))
    if data.overturned > data.cases:
        errors.append(FieldError("overturned", N_("More decisions overturned than cases.")))
    if not Decimal(0) <= data.time_limits_kept_pct <= Decimal(100):
        errors.append(FieldError("time_limits_kept_pct", N_("A percentage from 0 to 100.")))
    return errors


def add_indicators(session: Session, actor: Actor, items: list[QualityInput]) -> int:
    """Save indicators (all or none); one audit entry for the batch."""
    require(actor, INTERNSHIPS_PLAN, N_("You may not enter quality indicators."))
    errors = [
        FieldError(f"{n}.{e.field}", e.message_id, e.params)
        for n, item in enumerate(items, start=1)
        for e in _errors(item)
    ]
    known = set(
        session.scalars(select(Person.id).where(Person.id.in_({i.person_id for i in items})))
    )
    errors += [
        FieldError(f"{n}.person_id", N_("Choose the person."))
        for n, item in enumerate(items, start=1)
        if item.person_id not in known
    ]
    if errors:
        raise ValidationError(errors)
    now = utcnow()
    for item in items:
        session.add(QualityIndicator(**item.__dict__, created_at=now, updated_by=actor.name))
    session.flush()
    record(session, actor, "import", "quality_indicator", "-", {"rows": [None, len(items)]})
    return len(items)


_WIDTH = 7  # IIN, period start, period end, cases, overturned, % of time limits kept, complaints
_WHAT = {
    "date": N_("Row {row}, column {column}: \u201c{value}\u201d is not a date."),
    "whole": N_("Row {row}, column {column}: \u201c{value}\u201d is not a whole number."),
    "number": N_("Row {row}, column {column}: \u201c{value}\u201d is not a number."),
}


def _row_input(
    sheet: Sheet, line: int, pid: uuid.UUID, cells: tuple[Any, ...]
) -> tuple[QualityInput | None, list[FieldError]]:
    errors: list[FieldError] = []

    def bad(kind: str, i: int) -> None:
        params = {"row": line, "column": sheet.column_title(i), "value": as_text(cells[i])[:40]}
        errors.append(FieldError(f"row {line}", _WHAT[kind], params))

    days: list[date] = []
    for i in (1, 2):
        try:
            day = as_date(cells[i])
        except (ValueError, OverflowError):
            day = None
        if day is None:
            bad("date", i)
        else:
            days.append(day)
    counts: list[int] = []
    for i in (3, 4, 6):
        try:
            number = as_decimal(cells[i])
        except ValueError:
            bad("whole", i)
            continue
        if number is None:
            counts.append(0)
        elif number != number.to_integral_value():
            bad("whole", i)
        else:
            counts.append(int(number))
    try:
        pct = as_decimal(cells[5])
    except ValueError:
        pct = None
        bad("number", 5)
    if errors:
        return None, errors
    kept = pct if pct is not None else Decimal(100)
    item = QualityInput(pid, days[0], days[1], counts[0], counts[1], kept, counts[2])
    return item, [FieldError(f"row {line}", e.message_id, e.params) for e in _errors(item)]


def read_indicators_xlsx(
    session: Session, path: Path, progress: Progress | None = None
) -> list[QualityInput]:
    """Rows of an XLSX or CSV file: IIN, period start, period end, cases, overturned on appeal,
    % of procedural time limits kept, complaints (a header row first). Every bad row is reported
    with its row and column.
    """
    sheet = read_sheet(path)
    by_iin = dict(session.execute(select(Person.iin, Person.id)).all())
    out: list[QualityInput] = []
    errors: list[FieldError] = []
    for done, (n, row) in enumerate(sheet.rows, start=1):
        cells = row + (None,) * (_WIDTH - len(row))
        iin = as_iin(cells[0])
        pid = by_iin.get(iin)
        if pid is None:
            errors.append(
                FieldError(
                    f"row {n}", N_("Row {row}: no person with IIN {iin}."), {"row": n, "iin": iin}
                )
            )
            continue
        item, problems = _row_input(sheet, n, pid, cells)
        errors += problems
        if item is not None:
            out.append(item)
        if progress is not None:
            progress.step(done, len(sheet.rows))
    if errors:
        raise ValidationError(errors)
    return out


def _dto(q: QualityIndicator) -> QualityInput:
    return QualityInput(
        q.person_id,
        q.period_start,
        q.period_end,
        q.cases,
        q.overturned,
        q.time_limits_kept_pct,
        q.complaints,
    )


def compare(session: Session, year: int, region_code: str = "") -> list[Comparison]:
    """For each internship done in `year` (by the judges of a region's courts, or of every
    court): the latest indicators ending before it and the earliest starting after it (I-2).
    """
    done_in_year: tuple[Any, ...] = (
        Internship.kind == "judge",
        Internship.status == "done",
        Internship.ends_on >= date(year, 1, 1),
        Internship.ends_on <= date(year, 12, 31),
    )
    if region_code:  # a centre's list: the country's figures held were a page's peak (issue 11)
        region = select(Person.id).join(Court, Court.id == Person.court_id)
        done_in_year += (Internship.person_id.in_(region.where(Court.region_code == region_code)),)
    rows = session.execute(
        select(
            Internship,
            Person.surname,
            Person.first_name,
            Person.patronymic,
            Court.id,
            Court.name_kk,
            Court.name_ru,
            Court.sort_key,
            Person.name_order(current_language()),
        )
        .join(Person, Person.id == Internship.person_id)
        .join(Court, Court.id == Person.court_id)
        .where(*done_in_year)
    ).all()
    quality: dict[uuid.UUID, list[QualityIndicator]] = defaultdict(list)
    # Only the indicators of the year's interns, chosen in SQL: the whole table of a national
    # store as ORM objects took ~200 MB for a list of 3,000 comparisons.
    interns = select(Internship.person_id).where(*done_in_year)
    for q in session.scalars(
        select(QualityIndicator)
        .where(QualityIndicator.person_id.in_(interns))
        .order_by(QualityIndicator.period_start)
    ):
        quality[q.person_id].append(q)
    out: list[Comparison] = []
    for i, s, f, p, cid, ckk, cru, _csk, _psk in sorted(
        rows, key=lambda r: (bilingual_key(r[7], r[6]), r[8])
    ):
        qs = quality[i.person_id]
        before = [q for q in qs if q.period_end < i.starts_on]
        after = [q for q in qs if q.period_start > i.ends_on]
        out.append(
            Comparison(
                i.id,
                i.person_id,
                " ".join(x for x in (s, f, p) if x),
                cid,
                ckk,
                cru,
                i.starts_on,
                i.ends_on,
                _dto(before[-1]) if before else None,
                _dto(after[0]) if after else None,
            )
        )
    return out


def per_court(comparisons: list[Comparison]) -> list[tuple[str, str, int, dict[str, Decimal]]]:
    """Mean change per court of each indicator, over judges with both sides known."""
    groups: dict[uuid.UUID, list[Comparison]] = defaultdict(list)
    for c in comparisons:
        groups[c.court_id].append(c)
    out = []
    for items in groups.values():
        both = [c for c in items if c.before and c.after]
        means: dict[str, Decimal] = {}
        for field in ("overturned", "time_limits_kept_pct", "complaints"):
            if both:
                total = sum((c.change(field) or Decimal(0) for c in both), Decimal(0))
                means[field] = (total / len(both)).quantize(Decimal("0.1"))
        out.append((items[0].court_name_kk, items[0].court_name_ru, len(both), means))
    return out
