"""Import CPD ledger lines from XLSX or CSV: all rows or none, each row exactly once.

Columns (first row, names as in the template; order free, case ignored):
  iin        12-digit IIN of a person already in the register (required)
  form       code of an activity form of the catalogue, e.g. F02 (required)
  event      title of the event (required)
  organiser  organiser of the event
  starts_on  first day: dd.mm.yyyy, d.m.yy, yyyy-mm-dd or an Excel date (required)
  ends_on    last day, same formats; empty = starts_on (its year is the reporting year, C-2)
  hours      hours of study, a number ≥ 0
  points     empty = the catalogue's points (C-1); other points need a reason
  reason     why the points differ from the catalogue
  key        optional unique id of the row in the source system

Every row gets an idempotency key (the `key` column, or a digest of the row's content and its
occurrence in the file), so importing the same file again adds nothing.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import DomainError
from app.core.permissions import CPD_KEEP, REFUSED, require
from app.core.progress import Progress
from app.core.store import take_turns
from app.cpd.import_file import (
    COLUMNS,
    parse_day,
    parse_iin,
    parse_number,
    read_rows,
    text_of,
)
from app.cpd.ledger import EVENT_MAX, ORGANISER_MAX
from app.cpd.rules import rule_set_for
from db.base import utcnow
from db.models import CpdActivity, CpdForm, CpdReport, Person
from i18n import N_, _


@dataclass(frozen=True)
class RowProblem:
    """Why one row of the file cannot be imported."""

    line: int
    column: str
    message_id: str
    params: dict[str, Any]

    def message(self) -> str:
        """The problem as "Line 5, iin: …" in the active language."""
        text = _(self.message_id).format(**self.params)
        return _("Line {line}, {column}: {problem}").format(
            line=self.line, column=self.column, problem=text
        )


class ImportRejectedError(DomainError):
    """The file has bad rows; nothing was imported."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(
            N_("The file has {count} problems; nothing was imported."), count=len(problems)
        )
        self.problems = problems

    def message(self) -> str:
        """Summary and every problem, one per line."""
        return "\n".join([super().message(), *(p.message() for p in self.problems)])


@dataclass(frozen=True)
class ImportResult:
    """How many rows were added and how many were already there."""

    imported: int
    skipped: int


@dataclass
class _Row:
    line: int
    person_id: uuid.UUID
    form_id: uuid.UUID
    event: str
    organiser: str
    starts_on: date
    ends_on: date
    hours: Decimal | None
    points: Decimal
    catalogue: Decimal | None
    reason: str
    key: str


def _check(
    session: Session, data: list[tuple[int, dict[str, Any]]], today: date, progress: Progress | None
) -> tuple[list[_Row], list[RowProblem]]:
    iins = {parse_iin(v.get("iin")) for _line, v in data}
    people = dict(session.execute(select(Person.iin, Person.id).where(Person.iin.in_(iins))).all())
    forms = dict(session.execute(select(CpdForm.code, CpdForm.id)).all())
    locked = {
        (r.person_id, r.year)
        for r in session.execute(
            select(CpdReport.person_id, CpdReport.year).where(CpdReport.state == "accepted")
        )
    }
    catalogues: dict[int, dict[uuid.UUID, Decimal]] = {}
    problems: list[RowProblem] = []
    rows: list[_Row] = []
    seen: dict[str, int] = {}
    for i, (line, v) in enumerate(data, start=1):
        bad: list[RowProblem] = []

        def problem(
            column: str, message: str, line: int = line, bad: list[RowProblem] = bad, **params: Any
        ) -> None:
            bad.append(RowProblem(line, column, message, params))

        iin = parse_iin(v.get("iin"))
        person = people.get(iin)
        if person is None:
            problem("iin", N_("no person with IIN {iin} in the register"), iin=iin or "-")
        code = text_of(v.get("form")).upper()
        form = forms.get(code)
        if form is None:
            problem("form", N_("unknown activity form {code}"), code=code or "-")
        event, organiser = text_of(v.get("event")), text_of(v.get("organiser"))
        if not event:
            problem("event", N_("the title of the event is empty"))
        elif len(event) > EVENT_MAX:
            problem("event", N_("at most {limit} characters"), limit=EVENT_MAX)
        if len(organiser) > ORGANISER_MAX:
            problem("organiser", N_("at most {limit} characters"), limit=ORGANISER_MAX)
        starts = parse_day(v.get("starts_on"))
        if starts is None:
            shown = text_of(v.get("starts_on")) or "-"
            problem("starts_on", N_("not a date: {value}"), value=shown)
        ends = starts
        if text_of(v.get("ends_on")):
            ends = parse_day(v.get("ends_on"))
            if ends is None:
                problem("ends_on", N_("not a date: {value}"), value=text_of(v.get("ends_on")))
        if starts and ends:
            if ends < starts:
                problem("ends_on", N_("ends before it starts"))
            elif ends > today:
                problem("ends_on", N_("the date is in the future"))
            elif starts.year < 1992:
                problem("starts_on", N_("the date is before 1992"))
        hours = None
        if text_of(v.get("hours")):
            hours = parse_number(v.get("hours"))
            if hours is None or hours < 0 or hours > 10000:
                problem("hours", N_("hours must be a number from 0 to 10000"))
        points = None
        if text_of(v.get("points")):
            points = parse_number(v.get("points"))
            if points is None:
                problem("points", N_("not a number: {value}"), value=text_of(v.get("points")))
            elif points < 0:
                problem("points", N_("points cannot be negative"))
            elif points > 100:
                problem("points", N_("points cannot exceed 100"))
        reason = text_of(v.get("reason"))
        catalogue = None
        if not bad and ends is not None and form is not None and person is not None:
            if ends.year not in catalogues:
                catalogues[ends.year] = rule_set_for(session, ends.year).points
            catalogue = catalogues[ends.year].get(form)
            if points is None and catalogue is None:
                problem(
                    "points",
                    N_("the form has no points in {year}: give points and a reason"),
                    year=ends.year,
                )
            elif points is not None and points != catalogue and not reason:
                problem(
                    "reason",
                    N_("points differ from the catalogue ({points}): give the reason"),
                    points=catalogue if catalogue is not None else "-",
                )
            if (person, ends.year) in locked:
                problem(
                    "ends_on", N_("the report for {year} is accepted and locked"), year=ends.year
                )
        if bad:
            problems += bad
        else:
            assert person and form and starts and ends
            final = points if points is not None else catalogue
            assert final is not None
            content = "|".join(
                [
                    iin,
                    code,
                    event,
                    organiser,
                    starts.isoformat(),
                    ends.isoformat(),
                    str(hours or ""),
                    str(final),
                    reason,
                ]
            )
            given = text_of(v.get("key"))
            if given:
                key = "import:" + hashlib.sha256(given.encode()).hexdigest()[:40]
            else:
                digest = hashlib.sha256(content.encode()).hexdigest()[:40]
                seen[digest] = seen.get(digest, 0) + 1
                key = f"row:{digest}:{seen[digest]}"
            rows.append(
                _Row(
                    line,
                    person,
                    form,
                    event,
                    organiser,
                    starts,
                    ends,
                    hours,
                    final,
                    catalogue,
                    reason if final != catalogue else "",
                    key,
                )
            )
        if progress is not None and i % 500 == 0:
            progress.step(i, len(data) * 2)
    keys = [r.key for r in rows]
    if len(set(keys)) != len(keys):
        first: dict[str, int] = {}
        for r in rows:
            if r.key in first:
                problems.append(
                    RowProblem(
                        r.line, "key", N_("the key repeats line {other}"), {"other": first[r.key]}
                    )
                )
            first.setdefault(r.key, r.line)
    return rows, sorted(problems, key=lambda p: (p.line, COLUMNS.index(p.column)))


def import_activities(
    session: Session,
    actor: Actor,
    path: Path,
    *,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Check every row first; import all of them or, when any is bad, none (C-3).

    Rows already imported (same idempotency key) are skipped, so a file imports exactly once.
    Imported lines await the officer's check like any other.
    """
    require(actor, CPD_KEEP, REFUSED)
    take_turns(session, "cpd-import")  # the same file on two PCs: the second skips every row
    _header, data = read_rows(path)
    rows, problems = _check(session, data, today or date.today(), progress)
    if problems:
        raise ImportRejectedError(problems)
    existing: set[str] = set()
    keys = [r.key for r in rows]
    for chunk in range(0, len(keys), 500):
        existing |= set(
            session.scalars(
                select(CpdActivity.idempotency_key).where(
                    CpdActivity.idempotency_key.in_(keys[chunk : chunk + 500])
                )
            )
        )
    now = utcnow()
    new = [
        {
            "id": uuid.uuid4(),
            "person_id": r.person_id,
            "year": r.ends_on.year,
            "starts_on": r.starts_on,
            "ends_on": r.ends_on,
            "form_id": r.form_id,
            "event": r.event,
            "organiser": r.organiser,
            "hours": r.hours,
            "points": r.points,
            "catalogue_points": r.catalogue,
            "override_reason": r.reason,
            "state": "pending",
            "reviewed_by": "",
            "reviewed_on": None,
            "review_note": "",
            "source": "import",
            "registration_id": None,
            "idempotency_key": r.key,
            "created_at": now,
            "updated_at": now,
            "updated_by": actor.name,
            "version": 1,
        }
        for r in rows
        if r.key not in existing
    ]
    for chunk in range(0, len(new), 5000):
        session.execute(insert(CpdActivity), new[chunk : chunk + 5000])
        if progress is not None:
            progress.step(len(data) + chunk, len(data) * 2)
    record(
        session,
        actor,
        "import",
        "cpd_activity",
        "-",
        {
            "file": [None, path.name],
            "imported": [None, len(new)],
            "skipped": [None, len(rows) - len(new)],
        },
    )
    return ImportResult(imported=len(new), skipped=len(rows) - len(new))


def write_template(path: Path, forms: list[tuple[str, str, str, Decimal | None]]) -> None:
    """An empty import file with the documented columns; XLSX adds a sheet of form codes."""
    from app.core.spreadsheet.writer import SheetData, write_csv, write_workbook

    if path.suffix.lower() == ".csv":
        write_csv(path, COLUMNS, [])
        return
    codes = [[code, kk, ru, float(pts) if pts is not None else None] for code, kk, ru, pts in forms]
    write_workbook(
        path,
        [
            SheetData("cpd", COLUMNS, []),
            SheetData("forms", ["code", "name_kk", "name_ru", "points"], codes, widths=[0, 60, 60]),
        ],
    )
