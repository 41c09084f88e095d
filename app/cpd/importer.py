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

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import DomainError
from app.core.permissions import CPD_KEEP, REFUSED, require
from app.core.progress import Progress
from app.core.store import take_turns
from app.cpd.import_check import RowProblem, _check
from app.cpd.import_file import column_titles, read_rows
from db.base import utcnow
from db.models import CpdActivity
from i18n import N_, translator


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
    rows, problems, there = _check(session, data, today or date.today(), progress)
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
    skipped = len(rows) - len(new) + there
    # An import that adds nothing changes nothing, not even the audit log (issue 15).
    if new:
        record(
            session,
            actor,
            "import",
            "cpd_activity",
            "-",
            {
                "file": [None, path.name],
                "imported": [None, len(new)],
                "skipped": [None, skipped],
            },
        )
    return ImportResult(imported=len(new), skipped=skipped)


def write_template(
    path: Path, forms: list[tuple[str, str, str, Decimal | None]], lang: str = "ru"
) -> None:
    """An empty import file with the documented columns titled in a language (the reader also
    takes the English keys of older templates); XLSX adds a sheet of form codes.
    """
    from app.core.spreadsheet.writer import SheetData, write_csv, write_workbook

    header = column_titles(lang)
    if path.suffix.lower() == ".csv":
        write_csv(path, header, [])
        return
    tr_ = translator(lang)
    codes = [[code, kk, ru, pts] for code, kk, ru, pts in forms]
    forms_header = [tr_("Code"), tr_("Name in Kazakh"), tr_("Name in Russian"), tr_("Points")]
    write_workbook(
        path,
        [
            SheetData(tr_("CPD lines"), header, [], widths=[max(len(h) + 4, 14) for h in header]),
            SheetData(tr_("Forms"), forms_header, codes),
        ],
    )
