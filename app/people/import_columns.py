"""Columns of a people file: the template, headers in every language, and a row read as changes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import FieldError, ValidationError
from app.core.spreadsheet.reader import Sheet
from app.core.spreadsheet.values import as_date, as_iin, as_text
from app.core.spreadsheet.writer import SheetData, write_csv, write_workbook
from app.people.vocab import ROLES, SPECIALISATIONS
from db.models import Court
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
# The people register's export (app/documents/people_register.py) names some columns its own
# way; its file imports back, so those titles are recognised too (issue 15, round trips).
ALIASES: dict[str, tuple[str, ...]] = {
    "full_name": (N_("Surname, name, patronymic"),),
    "first_appointed_on": (N_("First appointed"),),
    "status": (N_("Status"),),  # computed from status periods: read, never imported
}
READ_ONLY = frozenset({"status"})
# An empty cell keeps what the register holds; this marker in a cell clears an optional field.
CLEAR = "-"
CLEARABLE = frozenset({"patronymic", "court", "position", "specialisation"})
CLEARABLE |= {"first_appointed_on", "notes"}
_NULLABLE = frozenset({"court", "first_appointed_on"})
NAME_KEYS = ("surname", "first_name", "patronymic")


def header_names(key: str) -> set[str]:
    """Every header a column is recognised by: its key, English, Kazakh and Russian titles."""
    titles = [c[1] for c in COLUMNS if c[0] == key] + list(ALIASES.get(key, ()))
    names = {key, *titles} | {translator(lang)(t) for t in titles for lang in LANGUAGES}
    return {n.casefold() for n in names}


def write_template(path: Path, lang: str) -> None:
    """The documented template: titles in the language (``*`` = required); XLSX adds a help
    sheet listing every column, the accepted roles and specialisations, and the clear marker.
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
    help_rows.append([])
    help_rows.append(
        [
            CLEAR,
            "",
            tr_(
                "An empty cell keeps what the register holds; a cell holding only “-” "
                "clears an optional field."
            ),
        ]
    )
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


def columns_of(sheet: Sheet) -> tuple[dict[str, int], tuple[str, ...]]:
    """Which column holds which field, and the titles nobody knows; refuses a missing one."""
    keys = [c[0] for c in COLUMNS] + list(ALIASES)
    index: dict[str, int] = {}
    unknown: list[str] = []
    for i, title in enumerate(sheet.header):
        clean = title.rstrip(" *").strip().casefold()
        key = next((k for k in keys if clean in header_names(k)), None)
        if key is None:
            if title:
                unknown.append(title)
        else:
            index.setdefault(key, i)
    has_names = "full_name" in index or ("surname" in index and "first_name" in index)
    missing = [
        title
        for key, title, required, _n in COLUMNS
        if required and key not in index and not (key in NAME_KEYS and has_names)
    ]
    if missing:
        raise ValidationError(
            [FieldError("file", N_("The file has no column {name}."), {"name": m}) for m in missing]
        )
    return index, tuple(unknown)


def vocab_lookup(vocabulary: dict[str, str]) -> dict[str, str]:
    """A closed list's keys by any spelling: key, English, Kazakh or Russian title."""
    found: dict[str, str] = {}
    for key, title in vocabulary.items():
        for text in [key, title, *(translator(lang)(title) for lang in LANGUAGES)]:
            if text:
                found[text.casefold()] = key
    return found


def court_lookup(session: Session) -> dict[str, uuid.UUID]:
    """Courts by code, Kazakh or Russian name (spaces collapsed, case ignored)."""
    found: dict[str, uuid.UUID] = {}
    for c in session.execute(select(Court.id, Court.code, Court.name_kk, Court.name_ru)):
        for text in (c.code, c.name_kk, c.name_ru):
            found[" ".join(text.split()).casefold()] = c.id
    return found


@dataclass(frozen=True)
class Lookups:
    """What cell texts resolve against: roles, specialisations, courts."""

    roles: dict[str, str]
    specs: dict[str, str]
    courts: dict[str, uuid.UUID]


def read_row(cells: dict[str, Any], look: Lookups) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The fields a row sets (absent column or empty cell: not set; CLEAR: set to empty) and
    its problems as (field, message id) with the cell's text kept for the message.
    """
    given: dict[str, Any] = {}
    problems: list[tuple[str, str, str]] = []
    for key, raw in cells.items():
        if key in READ_ONLY:
            continue
        text = as_text(raw)
        if not text:
            continue
        if text == CLEAR:
            if key in CLEARABLE:
                given["court_id" if key == "court" else key] = None if key in _NULLABLE else ""
            else:
                problems.append((key, N_("“{value}” cannot clear a required field."), text))
            continue
        if key == "iin":
            given["iin"] = as_iin(raw)
        elif key == "role":
            role = look.roles.get(text.casefold())
            if role is None:
                problems.append((key, N_("Unknown role \u201c{value}\u201d."), text))
            else:
                given["role"] = role
        elif key == "specialisation":
            spec = look.specs.get(text.casefold())
            if spec is None:
                problems.append((key, N_("Unknown specialisation \u201c{value}\u201d."), text))
            else:
                given["specialisation"] = spec
        elif key == "court":
            court_id = look.courts.get(" ".join(text.split()).casefold())
            if court_id is None:
                problems.append((key, N_("Unknown court \u201c{value}\u201d."), text))
            else:
                given["court_id"] = court_id
        elif key == "first_appointed_on":
            try:
                given[key] = as_date(raw)
            except (ValueError, OverflowError):
                problems.append((key, N_("The date \u201c{value}\u201d is not a date."), text))
        elif key == "notes":
            given[key] = raw.strip() if isinstance(raw, str) else text  # keeps line breaks
        else:
            given[key] = text
    messages = [(f, FieldError("", m, {"value": v[:80]}).message()) for f, m, v in problems]
    return given, messages


def split_full_name(text: str) -> dict[str, str] | None:
    """Surname, first name and the rest as patronymic; None when fewer than two words."""
    words = text.split()
    if len(words) < 2:
        return None
    return {"surname": words[0], "first_name": words[1], "patronymic": " ".join(words[2:])}
