"""The CPD import file: its columns, read through the one spreadsheet reader, cells to values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.core.spreadsheet.bounds import SheetError
from app.core.spreadsheet.reader import read_sheet
from app.core.spreadsheet.values import as_date, as_decimal, as_iin, as_text
from i18n import LANGUAGES, N_, translator

COLUMNS = (
    "iin",
    "form",
    "event",
    "organiser",
    "starts_on",
    "ends_on",
    "hours",
    "points",
    "reason",
    "key",
)
REQUIRED = ("iin", "form", "event", "starts_on")
# The template's column titles; the reader accepts them in English, Kazakh and Russian, the
# keys above (older templates) and the ALIASES below.
TITLES = {
    "iin": N_("IIN"),
    "form": N_("Form code"),
    "event": N_("Event"),
    "organiser": N_("Organiser"),
    "starts_on": N_("First day"),
    "ends_on": N_("Last day"),
    "hours": N_("Hours"),
    "points": N_("Points"),
    "reason": N_("Reason"),
    "key": N_("Row key"),
}
ALIASES = {
    "жсн": "iin",
    "иин": "iin",
    "нысан": "form",
    "форма": "form",
    "іс-шара": "event",
    "мероприятие": "event",
    "ұйымдастырушы": "organiser",
    "организатор": "organiser",
    "балл": "points",
    "баллы": "points",
    "сағат": "hours",
    "часы": "hours",
}
MAX_ROWS = 100_000

# Reading errors and a missing column are the same kind of refusal for the CPD import.
ImportFileError = SheetError


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """Header names and (row, {column: value}) of every non-empty data row."""
    sheet = read_sheet(path, max_rows=MAX_ROWS)
    names = _header_names()
    header = [names.get(_folded(h), h.lower()) for h in sheet.header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(
            N_("The file {path} has no column {columns}."),
            path=sheet.name,
            columns=", ".join(missing),
        )
    data = [
        (
            line,
            {
                h: values[i] if i < len(values) else None
                for i, h in enumerate(header)
                if h in COLUMNS
            },
        )
        for line, values in sheet.rows
    ]
    return header, data


def column_titles(lang: str) -> list[str]:
    """The template's header in a language, required columns marked with *."""
    tr_ = translator(lang)
    return [tr_(TITLES[c]) + (" *" if c in REQUIRED else "") for c in COLUMNS]


def _folded(title: str) -> str:
    return title.strip().removesuffix("*").strip().casefold()


def _header_names() -> dict[str, str]:
    names = {_folded(k): v for k, v in ALIASES.items()}
    for column, title in TITLES.items():
        for text in (column, title, *(translator(lang)(title) for lang in LANGUAGES)):
            names[_folded(text)] = column
    return names


def text_of(value: Any) -> str:
    """A cell as text with runs of white space made one space."""
    return " ".join(as_text(value).split())


def parse_iin(value: Any) -> str:
    """An IIN as 12 digits; Excel keeps it as a number and drops leading zeros."""
    return as_iin(value)


def parse_day(value: Any) -> date | None:
    """A date from a cell (the forms of app.core.spreadsheet.values.as_date), else None."""
    try:
        return as_date(value)
    except (ValueError, OverflowError):
        return None


def parse_number(value: Any) -> Decimal | None:
    """A number from a cell, with a comma or a point as the decimal sign; None if not one."""
    try:
        return as_decimal(value)
    except ValueError:
        return None
