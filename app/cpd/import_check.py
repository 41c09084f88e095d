"""Checking every row of a CPD import file before anything is written (C-1, C-3)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.progress import Progress
from app.cpd.activity_checks import EVENT_MAX, ORGANISER_MAX
from app.cpd.import_file import (
    COLUMNS,
    parse_day,
    parse_iin,
    parse_number,
    text_of,
)
from app.cpd.rules import rule_set_for
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


def known_keys(session: Session, given: set[str]) -> set[str]:
    """The row keys of a file that name a line already in the ledger: the ledger export writes
    a line's stored key, or `id:<uuid>` for a line entered by hand (issue 15: round trips).
    """
    ids = {k[3:] for k in given if k.startswith("id:")}
    found = set(
        session.scalars(
            select(CpdActivity.idempotency_key).where(CpdActivity.idempotency_key.in_(given))
        )
    )
    valid = []
    for text in ids:
        try:
            valid.append(uuid.UUID(text))
        except ValueError:
            continue
    found |= {
        f"id:{i}" for i in session.scalars(select(CpdActivity.id).where(CpdActivity.id.in_(valid)))
    }
    return {k for k in found if k}


def _check(
    session: Session, data: list[tuple[int, dict[str, Any]]], today: date, progress: Progress | None
) -> tuple[list[_Row], list[RowProblem], int]:
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
    already = known_keys(session, {text_of(v.get("key")) for _line, v in data} - {""})
    there = 0
    for i, (line, v) in enumerate(data, start=1):
        # A line exported from this ledger is already there: left alone, even in a locked year.
        if already and text_of(v.get("key")) in already:
            there += 1
            continue
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
    return rows, sorted(problems, key=lambda p: (p.line, COLUMNS.index(p.column))), there
