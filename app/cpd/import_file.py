"""Read an import file: XLSX or CSV (UTF-8, UTF-8 with BOM, Windows-1251), cells to values."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.core.errors import DomainError
from i18n import N_

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
EXCEL_EPOCH = date(1899, 12, 30)
MAX_ROWS = 100_000


class ImportFileError(DomainError):
    """The file cannot be read at all."""


def decode_csv(raw: bytes) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), else Windows-1251."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def _csv_rows(raw: bytes) -> Iterator[tuple[int, list[Any]]]:
    text = decode_csv(raw)
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    for n, row in enumerate(
        csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1
    ):
        yield n, list(row)


def _xlsx_rows(raw: bytes) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
            yield n, list(row)
    finally:
        wb.close()


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """Header names and (line, {column: value}) of every non-empty data row."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            N_("Cannot read {path}: {reason}"), path=str(path), reason=exc.strerror or str(exc)
        ) from exc
    try:
        rows = list(_xlsx_rows(raw) if raw[:2] == b"PK" else _csv_rows(raw))
    except Exception as exc:  # a damaged workbook raises many kinds of errors
        raise ImportFileError(
            N_("Cannot read {path}: {reason}"), path=str(path), reason=str(exc)
        ) from exc
    if not rows:
        raise ImportFileError(N_("The file {path} is empty."), path=str(path))
    header = [
        ALIASES.get(str(h or "").strip().lower(), str(h or "").strip().lower()) for h in rows[0][1]
    ]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(N_("The file has no column {columns}."), columns=", ".join(missing))
    data = []
    for line, values in rows[1:]:
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        data.append(
            (
                line,
                {
                    h: values[i] if i < len(values) else None
                    for i, h in enumerate(header)
                    if h in COLUMNS
                },
            )
        )
    if len(data) > MAX_ROWS:
        raise ImportFileError(N_("The file has more than {limit} rows."), limit=MAX_ROWS)
    return header, data


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def parse_iin(value: Any) -> str:
    """An IIN as text; Excel keeps it as a number and drops leading zeros."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{int(value):012d}"
    return text_of(value)


def parse_day(value: Any) -> date | None:
    """A date from a cell: a date, an Excel serial number, dd.mm.yyyy or yyyy-mm-dd."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return EXCEL_EPOCH + timedelta(days=int(value)) if 1 <= value < 2_958_466 else None
    text = text_of(value)
    # A serial number that lost its date format on the way to CSV.
    if text.isascii() and text.isdigit() and 20_000 <= int(text) <= 80_000:
        return EXCEL_EPOCH + timedelta(days=int(text))
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_number(value: Any) -> Decimal | None:
    """A number from a cell, with a comma or a point as the decimal sign; None if not one."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value))
    try:
        number = Decimal(text_of(value).replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None
