"""Import people: a preview that merges (field by field, old → new), then all or nothing."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.permissions import IMPORT, require
from app.core.progress import Progress
from app.core.spreadsheet.reader import Sheet, line_errors, read_sheet
from app.core.spreadsheet.values import as_iin, as_text
from app.people.dto import PersonInput
from app.people.import_columns import (
    COLUMNS,
    Lookups,
    columns_of,
    court_lookup,
    header_names,
    read_row,
    split_full_name,
    vocab_lookup,
    write_template,
)
from app.people.service import create_person, normalise, to_dto, update_person, validate
from app.people.vocab import ROLES, SPECIALISATIONS, label
from db.models import Court, Person
from i18n import N_, _, current_language, localized
from i18n.search_fold import loose

__all__ = ["COLUMNS", "header_names", "write_template"]  # the template lives beside the columns

# Fields a row can change, in the template's order ("court" is court_id in PersonInput).
COMPARED: tuple[str, ...] = ("surname", "first_name", "patronymic", "role", "court_id")
COMPARED += ("position", "specialisation", "first_appointed_on", "notes")
_INPUT_FIELDS = frozenset(f.name for f in fields(PersonInput))


@dataclass(frozen=True)
class Change:
    """One field a row would change: its column key and the old and new values as shown."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class PreviewRow:
    """One row of the file as the import would treat it."""

    line: int
    action: str  # "new" | "update" | "same" | "conflict" | "error"
    iin: str
    name: str
    errors: tuple[str, ...] = ()
    data: PersonInput | None = None
    person_id: uuid.UUID | None = None
    version: int = 0
    changes: tuple[Change, ...] = ()
    old_name: str = ""  # a conflict: who the register holds under this IIN


@dataclass(frozen=True)
class PeoplePreview:
    """What importing a file would do; nothing is written to make it."""

    rows: tuple[PreviewRow, ...]
    unknown_columns: tuple[str, ...] = field(default_factory=tuple)

    def count(self, action: str) -> int:
        """Rows with an action."""
        return sum(1 for r in self.rows if r.action == action)


def _existing(session: Session, iins: list[str]) -> dict[str, tuple[uuid.UUID, int, PersonInput]]:
    found: dict[str, tuple[uuid.UUID, int, PersonInput]] = {}
    for start in range(0, len(iins), 500):  # SQLite's bound-parameter limit
        chunk = iins[start : start + 500]
        query = (
            select(Person).where(Person.iin.in_(chunk)).options(selectinload(Person.status_periods))
        )
        for p in session.scalars(query):
            found[p.iin] = (p.id, p.version, to_dto(p, None).data)
    return found


def _names(given: dict[str, Any], full: str, old: PersonInput | None) -> list[tuple[str, str]]:
    """Fold a "surname, name, patronymic" cell into the three name fields; problems returned."""
    if not full or "surname" in given or "first_name" in given:
        return []
    if old is not None and " ".join(full.split()) == " ".join(
        p for p in (old.surname, old.first_name, old.patronymic) if p
    ):
        return []  # the register's own spelling came back: nothing to change
    parts = split_full_name(full)
    if parts is None:
        return [("surname", _("Write the surname and the first name."))]
    given.update(parts)
    return []


def _shown(key: str, value: Any, courts: dict[uuid.UUID, tuple[str, str]]) -> str:
    if value is None or value == "":
        return ""
    if key == "court_id":
        return localized(*courts.get(value, ("", "")), current_language())
    if key == "role":
        return label(ROLES, value)
    if key == "specialisation":
        return label(SPECIALISATIONS, value)
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def _changes(
    old: PersonInput, new: PersonInput, courts: dict[uuid.UUID, tuple[str, str]]
) -> tuple[Change, ...]:
    return tuple(
        Change(
            "court" if key == "court_id" else key,
            _shown(key, getattr(old, key), courts),
            _shown(key, getattr(new, key), courts),
        )
        for key in COMPARED
        if getattr(old, key) != getattr(new, key)
    )


def preview_people(
    session: Session, actor: Actor, sheet: Sheet, today: date | None = None
) -> PeoplePreview:
    """Classify every row as new, update, same, identity conflict or error; writes nothing.

    Merging, never erasing (issue 15): a column absent from the file and an empty cell keep
    what the register holds; status periods are not in the file and stay as they are.
    """
    require(actor, IMPORT)
    today = today or date.today()
    index, unknown = columns_of(sheet)
    look = Lookups(vocab_lookup(ROLES), vocab_lookup(SPECIALISATIONS), court_lookup(session))
    courts = {
        c.id: (c.name_kk, c.name_ru)
        for c in session.execute(select(Court.id, Court.name_kk, Court.name_ru))
    }
    cells_of = [
        (line, {k: raw[i] if i < len(raw) else None for k, i in index.items()})
        for line, raw in sheet.rows
    ]
    existing = _existing(session, sorted({as_iin(c.get("iin")) for _l, c in cells_of} - {""}))
    seen: dict[str, int] = {}
    out: list[PreviewRow] = []
    for line, cells in cells_of:
        out.append(_classify(line, cells, look, existing, courts, seen, today))
    return PeoplePreview(tuple(out), unknown)


def _classify(
    line: int,
    cells: dict[str, Any],
    look: Lookups,
    existing: dict[str, tuple[uuid.UUID, int, PersonInput]],
    courts: dict[uuid.UUID, tuple[str, str]],
    seen: dict[str, int],
    today: date,
) -> PreviewRow:
    given, problems = read_row(cells, look)
    iin = str(given.get("iin", ""))
    found = existing.get(iin)
    old = found[2] if found else None
    problems += _names(given, as_text(cells.get("full_name")), old)
    given = {k: v for k, v in given.items() if k in _INPUT_FIELDS}
    if old is not None:
        data = normalise(replace(old, **given))
    else:
        if "role" not in given and all(f != "role" for f, _m in problems):
            problems.append(("role", _("This field is required.")))
        base = {"iin": iin, "surname": "", "first_name": ""}
        data = normalise(PersonInput(**(base | given)))
    name = " ".join(p for p in (data.surname, data.first_name) if p)[:200]
    reported = {"court_id" if f == "court" else f for f, _m in problems}
    changes = _changes(normalise(old), data, courts) if old is not None else ()
    texts = [f"{field_title(f)}: {m}" for f, m in problems]
    if old is None or changes:  # a row that changes nothing writes nothing, whatever was kept
        texts += [
            f"{field_title(e.field)}: {e.message()}"
            for e in validate(data, today)
            if e.field not in reported
        ]
    if iin in seen:
        texts.append(_fmt(N_("The IIN repeats line {line}."), {"line": seen[iin]}))
    seen.setdefault(iin, line)
    if texts:
        return PreviewRow(line, "error", iin, name, tuple(texts))
    if found is None or old is None:
        return PreviewRow(line, "new", iin, name, (), data)
    person_id, version, _old = found
    if loose(data.surname) != loose(old.surname):  # the same IIN, someone else's name
        old_name = " ".join(p for p in (old.surname, old.first_name, old.patronymic) if p)
        return PreviewRow(
            line, "conflict", iin, name, (), data, person_id, version, changes, old_name
        )
    action = "update" if changes else "same"
    return PreviewRow(line, action, iin, name, (), data, person_id, version, changes)


def _fmt(message_id: str, params: dict[str, Any]) -> str:
    return FieldError("", message_id, params).message()


def field_title(key: str) -> str:
    """A column's title in the active language (a problem's or a change's field)."""
    key = "court" if key == "court_id" else key
    if key == "status_periods":
        return _("Status")
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
    confirmed: Collection[int] = (),
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write a confirmed preview in the caller's transaction: all rows or none.

    Rows with errors, and identity conflicts whose line is not in ``confirmed``, refuse the
    whole import unless the user chose to leave them out. Unchanged rows write nothing.
    """
    require(actor, IMPORT)
    bad = [r for r in preview.rows if r.action == "error"]
    doubtful = [r for r in preview.rows if r.action == "conflict" and r.line not in confirmed]
    if (bad or doubtful) and not skip_errors:
        raise ValidationError(
            line_errors(bad)
            + [
                FieldError(
                    "file",
                    N_(
                        "Line {line}: IIN {iin} belongs to {old} in the register, the file "
                        "names {new}; it is imported only when this row is confirmed."
                    ),
                    {"line": r.line, "iin": r.iin, "old": r.old_name, "new": r.name},
                )
                for r in doubtful[:50]
            ]
        )
    todo = [
        r
        for r in preview.rows
        if r.action in ("new", "update") or (r.action == "conflict" and r.line in confirmed)
    ]
    counts = {"new": 0, "update": 0, "skipped": len(bad) + len(doubtful)}
    for done, row in enumerate(todo, start=1):
        assert row.data is not None
        if row.action == "new":
            create_person(session, actor, row.data)
            counts["new"] += 1
        else:
            assert row.person_id is not None
            update_person(session, actor, row.person_id, row.data, row.version)
            counts["update"] += 1
        if progress is not None:
            progress.step(done, len(todo))
    return counts
