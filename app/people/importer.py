"""Import people: a documented template, a preview (new / update / error), then all or nothing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.permissions import IMPORT, require
from app.core.progress import Progress
from app.core.spreadsheet.reader import Sheet, read_sheet
from app.core.spreadsheet.values import as_date, as_iin, as_text
from app.core.spreadsheet.writer import SheetData, write_csv, write_workbook
from app.people.dto import PersonInput
from app.people.service import create_person, normalise, update_person, validate
from app.people.vocab import ROLES, SPECIALISATIONS
from db.models import Court, Person
from i18n import LANGUAGES, N_, translator

# key, English source of the kk/ru header, required, help text written under the header
COLUMNS: tuple[tuple[str, str, bool, str], ...] = (
    ("iin", N_("IIN"), True, N_("12 digits")),
    ("surname", N_("Surname"), True, ""),
    ("first_name", N_("First name"), True, ""),
    ("patronymic", N_("Patronymic"), False, ""),
    ("role", N_("Role"), True, N_("judge, court staff, candidate judge, legal consultant")),
    ("court", N_("Court"), False, N_("court name in Kazakh or Russian, or its code")),
    ("position", N_("Position"), False, ""),
    ("specialisation", N_("Specialisation"), False, N_("civil, criminal, administrative …")),
    ("first_appointed_on", N_("Date of first appointment"), False, N_("dd.mm.yyyy")),
    ("notes", N_("Notes"), False, ""),
)


@dataclass(frozen=True)
class PreviewRow:
    """One row of the file as the import would treat it."""

    line: int
    action: str  # "new" | "update" | "error"
    iin: str
    name: str
    errors: tuple[str, ...] = ()
    data: PersonInput | None = None
    person_id: uuid.UUID | None = None
    version: int = 0


@dataclass(frozen=True)
class PeoplePreview:
    """What importing a file would do; nothing is written to make it."""

    rows: tuple[PreviewRow, ...]
    unknown_columns: tuple[str, ...] = field(default_factory=tuple)

    def count(self, action: str) -> int:
        """Rows with an action."""
        return sum(1 for r in self.rows if r.action == action)


def header_names(key: str) -> set[str]:
    """Every header a column is recognised by: its key, English, Kazakh and Russian titles."""
    title = next(c[1] for c in COLUMNS if c[0] == key)
    names = {key, title} | {translator(lang)(title) for lang in LANGUAGES}
    return {n.casefold() for n in names}


def write_template(path: Path, lang: str) -> None:
    """The documented template: titles in the language (``*`` = required); XLSX adds a help
    sheet listing every column and the accepted roles and specialisations.
    """
    tr_ = translator(lang)
    header = [tr_(c[1]) + (" *" if c[2] else "") for c in COLUMNS]
    if path.suffix.lower() == ".csv":
        write_csv(path, header, [])
        return
    help_rows: list[list[str]] = [
        [tr_(title), tr_("yes") if required else "", tr_(note) if note else ""]
        for _key, title, required, note in COLUMNS
    ]
    help_rows.append([])
    help_rows.append([tr_("Role")] + [tr_(v) for v in ROLES.values()])
    help_rows.append([tr_("Specialisation")] + [tr_(v) for k, v in SPECIALISATIONS.items() if k])
    write_workbook(
        path,
        [
            SheetData(tr_("People"), header, [], widths=[24] * len(COLUMNS)),
            SheetData(
                tr_("Help"),
                [tr_("Column"), tr_("Required"), tr_("What to write")],
                help_rows,
                widths=[30, 0, 60],
            ),
        ],
    )


def _vocab_lookup(vocabulary: dict[str, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, title in vocabulary.items():
        for text in [key, title, *(translator(lang)(title) for lang in LANGUAGES)]:
            if text:
                found[text.casefold()] = key
    return found


def _court_lookup(session: Session) -> dict[str, uuid.UUID]:
    found: dict[str, uuid.UUID] = {}
    for c in session.execute(select(Court.id, Court.code, Court.name_kk, Court.name_ru)):
        for text in (c.code, c.name_kk, c.name_ru):
            found[" ".join(text.split()).casefold()] = c.id
    return found


def _columns(sheet: Sheet) -> tuple[dict[str, int], tuple[str, ...]]:
    index: dict[str, int] = {}
    unknown: list[str] = []
    for i, title in enumerate(sheet.header):
        clean = title.rstrip(" *").strip().casefold()
        key = next((c[0] for c in COLUMNS if clean in header_names(c[0])), None)
        if key is None:
            if title:
                unknown.append(title)
        else:
            index.setdefault(key, i)
    missing = [c[1] for c in COLUMNS if c[2] and c[0] not in index]
    if missing:
        raise ValidationError(
            [FieldError("file", N_("The file has no column {name}."), {"name": m}) for m in missing]
        )
    return index, tuple(unknown)


def _row_input(
    cells: dict[str, Any],
    roles: dict[str, str],
    specs: dict[str, str],
    courts: dict[str, uuid.UUID],
) -> tuple[PersonInput, list[str], set[str]]:
    problems: list[str] = []
    reported: set[str] = set()  # fields whose own problem was told; validation adds the rest

    def bad(message_id: str, key: str) -> None:
        problems.append(_fmt(message_id, {"value": as_text(cells.get(key))[:80]}))
        reported.add("court_id" if key == "court" else key)

    iin = as_iin(cells.get("iin"))
    role_text = as_text(cells.get("role")).casefold()
    role = roles.get(role_text, "")
    if role_text and not role:
        bad(N_("Unknown role \u201c{value}\u201d."), "role")
    spec_text = as_text(cells.get("specialisation")).casefold()
    spec = specs.get(spec_text, "")
    if spec_text and spec_text not in specs:
        bad(N_("Unknown specialisation \u201c{value}\u201d."), "specialisation")
    court_text = " ".join(as_text(cells.get("court")).split()).casefold()
    court_id = courts.get(court_text) if court_text else None
    if court_text and court_id is None:
        bad(N_("Unknown court \u201c{value}\u201d."), "court")
    try:
        appointed = as_date(cells.get("first_appointed_on"))
    except (ValueError, OverflowError):
        appointed = None
        bad(N_("The date \u201c{value}\u201d is not a date."), "first_appointed_on")
    data = normalise(
        PersonInput(
            iin=iin,
            surname=as_text(cells.get("surname")),
            first_name=as_text(cells.get("first_name")),
            patronymic=as_text(cells.get("patronymic")),
            role=role,
            court_id=court_id,
            position=as_text(cells.get("position")),
            specialisation=spec,
            first_appointed_on=appointed,
            notes=as_text(cells.get("notes")),
        )
    )
    return data, problems, reported


def preview_people(
    session: Session, actor: Actor, sheet: Sheet, today: date | None = None
) -> PeoplePreview:
    """Classify every row as new, update or error (with the reasons); writes nothing."""
    require(actor, IMPORT)
    today = today or date.today()
    index, unknown = _columns(sheet)
    roles, specs = _vocab_lookup(ROLES), _vocab_lookup(SPECIALISATIONS)
    courts = _court_lookup(session)
    existing = {
        r.iin: (r.id, r.version)
        for r in session.execute(select(Person.iin, Person.id, Person.version))
    }
    seen: dict[str, int] = {}
    out: list[PreviewRow] = []
    for line, raw in sheet.rows:
        cells = {k: raw[i] if i < len(raw) else None for k, i in index.items()}
        data, problems, reported = _row_input(cells, roles, specs, courts)
        texts = list(problems)
        iin = data.iin
        name = " ".join(as_text(cells.get(k)) for k in ("surname", "first_name"))[:200]
        texts += [
            f"{_field_title(e.field)}: {e.message()}"
            for e in validate(data, today)
            if e.field not in reported
        ]
        if iin in seen:
            texts.append(_fmt(N_("The IIN repeats line {line}."), {"line": seen[iin]}))
        seen.setdefault(iin, line)
        if texts:
            out.append(PreviewRow(line, "error", iin, name, tuple(texts)))
        elif iin in existing:
            pid, version = existing[iin]
            out.append(PreviewRow(line, "update", iin, name, (), data, pid, version))
        else:
            out.append(PreviewRow(line, "new", iin, name, (), data))
    return PeoplePreview(tuple(out), unknown)


def _fmt(message_id: str, params: dict[str, Any]) -> str:
    return FieldError("", message_id, params).message()


def _field_title(key: str) -> str:
    from i18n import _

    key = "court" if key == "court_id" else key
    title = next((c[1] for c in COLUMNS if c[0] == key), "")
    return _(title) if title else key


def preview_file(session: Session, actor: Actor, path: Path) -> PeoplePreview:
    """Read and classify a file."""
    return preview_people(session, actor, read_sheet(path))


def apply_people(
    session: Session,
    actor: Actor,
    preview: PeoplePreview,
    *,
    skip_errors: bool = False,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write a confirmed preview in the caller's transaction: all rows or none.

    Rows with errors refuse the whole import unless the user chose to leave them out.
    """
    require(actor, IMPORT)
    bad = [r for r in preview.rows if r.action == "error"]
    if bad and not skip_errors:
        raise ValidationError(
            [
                FieldError(
                    "file",
                    N_("Line {line}: {reason}"),
                    {"line": r.line, "reason": "; ".join(r.errors)},
                )
                for r in bad[:50]
            ]
        )
    todo = [r for r in preview.rows if r.action != "error"]
    counts = {"new": 0, "update": 0, "skipped": len(bad)}
    for done, row in enumerate(todo, start=1):
        assert row.data is not None
        if row.action == "new":
            create_person(session, actor, row.data)
        else:
            assert row.person_id is not None
            update_person(session, actor, row.person_id, row.data, row.version)
        counts[row.action] += 1
        if progress is not None:
            progress.step(done, len(todo))
    return counts
