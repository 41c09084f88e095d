"""E-4 monitoring data (seed 001 §7.2.1, §7.2.3): workload by specialisation and quality on appeal
and cassation by case category, imported from XLSX/CSV with a preview, kept per judge.
"""

from __future__ import annotations

import uuid
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
from app.core.permissions import EVALUATION_MANAGE, require
from app.core.progress import Progress
from app.core.spreadsheet.reader import read_sheet
from app.core.spreadsheet.values import as_date, as_decimal, as_iin, as_text
from db.models import MonitoringLine, Person
from i18n import N_

WORKLOAD, APPEAL, CASSATION = "workload", "appeal", "cassation"
KINDS: dict[str, str] = {
    WORKLOAD: N_("Workload"),
    APPEAL: N_("Appeal"),
    CASSATION: N_("Cassation"),
}
# Specialisations (workload) and categories of cases (appeal, cassation) share one list.
CATEGORIES: dict[str, str] = {
    "civil": N_("Civil cases"),
    "criminal": N_("Criminal cases"),
    "administrative": N_("Administrative cases"),
    "offences": N_("Administrative offences"),
    "economic": N_("Economic cases"),
    "juvenile": N_("Juvenile cases"),
    "investigative": N_("Investigating judge"),
}
REPEATED = N_("Row {row} repeats row {first}: same judge, kind, category and period — E-4")
# The file's columns, in order (a header row first; its words are free).
COLUMNS = (
    "iin",
    "period_start",
    "period_end",
    "kind",
    "category",
    "cases",
    "upheld",
    "changed",
    "reversed",
)


@dataclass(frozen=True)
class MonitoringInput:
    """One line of monitoring data (E-4)."""

    person_id: uuid.UUID
    period_start: date
    period_end: date
    kind: str
    category: str
    cases: int
    upheld: int = 0
    changed: int = 0
    reversed: int = 0

    @property
    def key(self) -> tuple[uuid.UUID, str, str, date, date]:
        """What identifies a line: a second line with the same key replaces the first."""
        return (self.person_id, self.kind, self.category, self.period_start, self.period_end)

    @property
    def kept_share(self) -> Decimal | None:
        """Share of reviewed cases left unchanged (appeal, cassation); None for workload."""
        if self.kind == WORKLOAD or self.cases == 0:
            return None
        return Decimal(self.upheld) / Decimal(self.cases)


def line_errors(item: MonitoringInput) -> list[FieldError]:
    """E-4: what a line must satisfy, whatever its source."""
    errors: list[FieldError] = []
    if item.period_end < item.period_start:
        errors.append(FieldError("period_end", N_("The end is before the start.")))
    if item.kind not in KINDS:
        errors.append(
            FieldError("kind", N_("Unknown kind of data: {value} — E-4"), {"value": item.kind})
        )
    if item.category not in CATEGORIES:
        errors.append(
            FieldError("category", N_("Unknown category: {value} — E-4"), {"value": item.category})
        )
    counts = (item.cases, item.upheld, item.changed, item.reversed)
    if any(n < 0 for n in counts):
        errors.append(FieldError("cases", N_("Cannot be negative.")))
    elif item.kind == WORKLOAD and (item.upheld or item.changed or item.reversed):
        errors.append(
            FieldError("upheld", N_("Workload has no review results; leave them empty — E-4"))
        )
    elif item.upheld + item.changed + item.reversed > item.cases:
        errors.append(FieldError("cases", N_("More review results than cases reviewed — E-4")))
    return errors


@dataclass(frozen=True)
class MonitoringPreview:
    """What a file would import: its lines (with names) and every wrong row."""

    lines: tuple[tuple[str, MonitoringInput], ...]
    errors: tuple[FieldError, ...]
    replaces: int  # lines already stored that these lines would replace


def _cell(cells: tuple[Any, ...], i: int) -> Any:
    return cells[i] if i < len(cells) else None


def _row(
    line: int, cells: tuple[Any, ...], pid: uuid.UUID
) -> tuple[MonitoringInput | None, list[FieldError]]:
    where = f"row {line}"
    errors: list[FieldError] = []
    days: list[date] = []
    for i in (1, 2):
        try:
            day = as_date(_cell(cells, i))
        except (ValueError, OverflowError):
            day = None
        if day is None:
            value = as_text(_cell(cells, i))[:40]
            errors.append(
                FieldError(
                    where,
                    N_("Row {row}: \u201c{value}\u201d is not a date."),
                    {"row": line, "value": value},
                )
            )
        days.append(day or date.min)
    counts: list[int] = []
    for i in (5, 6, 7, 8):
        try:
            number = as_decimal(_cell(cells, i))
        except ValueError:
            number = Decimal("0.5")  # reported below as not whole
        if number is not None and number != number.to_integral_value():
            value = as_text(_cell(cells, i))[:40]
            errors.append(
                FieldError(
                    where,
                    N_("Row {row}: \u201c{value}\u201d is not a whole number."),
                    {"row": line, "value": value},
                )
            )
        counts.append(int(number or 0))
    if errors:
        return None, errors
    item = MonitoringInput(
        pid,
        days[0],
        days[1],
        as_text(_cell(cells, 3)).strip().casefold(),
        as_text(_cell(cells, 4)).strip().casefold(),
        *counts,
    )
    found = [
        FieldError(where, N_("Row {row}: {reason}"), {"row": line, "reason": e.message()})
        for e in line_errors(item)
    ]
    return item, found


def preview_monitoring(
    session: Session, path: Path, progress: Progress | None = None
) -> MonitoringPreview:
    """Read a file without saving: every line it holds and every wrong row (E-4)."""
    sheet = read_sheet(path)
    people = {
        iin: (pid, " ".join(x for x in (s, f, p) if x))
        for iin, pid, s, f, p in session.execute(
            select(Person.iin, Person.id, Person.surname, Person.first_name, Person.patronymic)
        )
    }
    lines: list[tuple[str, MonitoringInput]] = []
    errors: list[FieldError] = []
    seen: dict[tuple[uuid.UUID, str, str, date, date], int] = {}
    for done, (n, row) in enumerate(sheet.rows, start=1):
        iin = as_iin(_cell(row, 0))
        if iin not in people:
            errors.append(
                FieldError(
                    f"row {n}", N_("Row {row}: no person with IIN {iin}."), {"row": n, "iin": iin}
                )
            )
            continue
        pid, name = people[iin]
        item, problems = _row(n, row, pid)
        errors += problems
        if item is not None and not problems:
            if item.key in seen:
                errors.append(
                    FieldError(
                        f"row {n}",
                        REPEATED,
                        {"row": n, "first": seen[item.key]},
                    )
                )
            else:
                seen[item.key] = n
                lines.append((name, item))
        if progress is not None:
            progress.step(done, len(sheet.rows))
    return MonitoringPreview(tuple(lines), tuple(errors), len(_stored(session, set(seen))))


def _stored(
    session: Session, keys: set[tuple[uuid.UUID, str, str, date, date]]
) -> dict[tuple[uuid.UUID, str, str, date, date], MonitoringLine]:
    if not keys:
        return {}
    rows = session.scalars(
        select(MonitoringLine).where(MonitoringLine.person_id.in_({k[0] for k in keys}))
    )
    out = {}
    for r in rows:
        key = (r.person_id, r.kind, r.category, r.period_start, r.period_end)
        if key in keys:
            out[key] = r
    return out


def import_monitoring(
    session: Session, actor: Actor, path: Path, progress: Progress | None = None
) -> tuple[int, int]:
    """Save every line of a file, or none when a row is wrong: (added, replaced) (E-4).

    A line for the same judge, kind, category and period replaces the stored one, so a
    corrected file can be imported again.
    """
    require(actor, EVALUATION_MANAGE)
    found = preview_monitoring(session, path, progress)
    if found.errors:
        raise ValidationError(list(found.errors))
    stored = _stored(session, {item.key for _name, item in found.lines})
    added = 0
    for _name, item in found.lines:
        line = stored.get(item.key)
        if line is None:
            line = MonitoringLine(person_id=item.person_id)
            session.add(line)
            added += 1
        line.period_start, line.period_end = item.period_start, item.period_end
        line.kind, line.category, line.cases = item.kind, item.category, item.cases
        line.upheld, line.changed, line.reversed = item.upheld, item.changed, item.reversed
        line.updated_by = actor.name
    session.flush()
    counts = {"added": [None, added], "replaced": [None, len(stored)]}
    record(session, actor, "import", "monitoring_line", "-", counts)
    return added, len(stored)


def lines_of(session: Session, person_id: uuid.UUID) -> list[MonitoringInput]:
    """A judge's monitoring data, by period, then kind and category (for the dossier)."""
    order = {WORKLOAD: 0, APPEAL: 1, CASSATION: 2}
    rows = session.scalars(select(MonitoringLine).where(MonitoringLine.person_id == person_id))
    items = [
        MonitoringInput(
            r.person_id,
            r.period_start,
            r.period_end,
            r.kind,
            r.category,
            r.cases,
            r.upheld,
            r.changed,
            r.reversed,
        )
        for r in rows
    ]
    return sorted(items, key=lambda i: (i.period_start, order.get(i.kind, 9), i.category))
