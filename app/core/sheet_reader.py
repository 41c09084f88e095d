"""Read a sheet (XLSX or CSV in UTF-8, UTF-8 with BOM or Windows-1251) into header and rows."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.core.errors import DomainError
from i18n import N_

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01, with Excel's 1900 leap-year bug
MAX_ROWS = 200_000


class SheetError(DomainError):
    """The file cannot be read as a table."""


@dataclass(frozen=True)
class Sheet:
    """A header and the rows under it, each with its line number in the file."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1251 (what Excel on Russian Windows saves)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251", errors="replace")


def _read_csv(raw: bytes) -> list[list[Any]]:
    text = decode_text(raw)
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), dialect))


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise SheetError(
            N_("The file {path} is not a readable XLSX workbook."), path=path.name
        ) from exc
    try:
        ws = wb.worksheets[0]
        return [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def read_sheet(path: Path) -> Sheet:
    """The first sheet of an XLSX file or a CSV file; empty rows are skipped."""
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            table = _read_xlsx(path)
        else:
            table = _read_csv(path.read_bytes())
    except OSError as exc:
        raise SheetError(
            N_("The file {path} cannot be read: {reason}"),
            path=path.name,
            reason=exc.strerror or str(exc),
        ) from exc
    except (csv.Error, UnicodeDecodeError) as exc:
        raise SheetError(N_("The file {path} is not a readable table."), path=path.name) from exc
    rows = [
        (n, r)
        for n, r in enumerate(table, start=1)
        if any(v not in (None, "") and str(v).strip() for v in r)
    ]
    if not rows:
        raise SheetError(N_("The file {path} has no rows."), path=path.name)
    if len(rows) > MAX_ROWS:
        raise SheetError(N_("The file has more than {limit} rows."), limit=MAX_ROWS)
    header = tuple(str(v or "").strip() for v in rows[0][1])
    body = tuple((n, tuple(r) + ("",) * (len(header) - len(r))) for n, r in rows[1:])
    return Sheet(header, body)


def as_date(value: Any) -> date | None:
    """A date from a cell: a date, an Excel serial number, or dd.mm.yyyy / yyyy-mm-dd text.

    Raises ValueError when the cell holds something that is not a date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < 2958466:  # Excel's range: 1900-01-01 … 9999-12-31
            raise ValueError(value)
        return EXCEL_EPOCH + timedelta(days=int(value))
    text = str(value).strip()
    if text.isdigit() and len(text) <= 6:
        return as_date(int(text))
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def as_text(value: Any) -> str:
    """A cell as text; numbers that are whole (IINs read as numbers) lose their ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()
