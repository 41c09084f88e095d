"""Write a header and rows as CSV (UTF-8 with BOM, for Excel) or as sheets of an XLSX workbook."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.core.owner_only import create_private
from app.core.spreadsheet.bounds import XLSX_MAX_ROWS, SheetError
from app.core.spreadsheet.cells import as_cell, neutralise
from i18n import N_


@dataclass(frozen=True)
class SheetData:
    """One sheet to write: its title, header and rows; widths in characters, 0 = fitted."""

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[Any]]
    widths: Sequence[int] = ()


def csv_text(value: Any) -> str:
    """A value as CSV text: empty for None, dd.mm.yyyy for dates, 0 as 0, formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    # Only text is neutralised: a negative number is a number, not a formula.
    return str(neutralise(value)) if isinstance(value, str) else str(value)


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """CSV that Excel opens with Cyrillic intact (RFC 4180 quoting, `;`); formulas neutralised."""
    tmp = path.with_name(path.name + ".partial")
    try:
        create_private(tmp, replace=True)  # exports hold personal data: owner only
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";")
            writer.writerow([csv_text(h) for h in header])
            writer.writerows([csv_text(v) for v in row] for row in rows)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def write_xlsx(
    path: Path, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """An XLSX sheet with a bold frozen header, dates as dates, formulas neutralised."""
    write_workbook(path, [SheetData(title, header, rows)])


def write_workbook(path: Path, sheets: Sequence[SheetData]) -> None:
    """An XLSX workbook of one or more sheets, each written as write_xlsx writes one."""
    from openpyxl import Workbook

    wb = Workbook()
    for n, sheet in enumerate(sheets):
        _fill(wb.active if n == 0 else wb.create_sheet(), sheet)
    tmp = path.with_name(path.name + ".partial")
    try:
        create_private(tmp, replace=True)  # openpyxl truncates it, keeping the mode
        wb.save(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def _fill(ws: Any, sheet: SheetData) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.title = sheet.title[:31]
    ws.append([neutralise(h) for h in sheet.header])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    if isinstance(sheet.rows, Sequence) and len(sheet.rows) >= XLSX_MAX_ROWS:
        _too_many_rows(sheet.title)
    widths = [len(str(h)) for h in sheet.header]
    for count, row in enumerate(sheet.rows, start=2):
        if count > XLSX_MAX_ROWS:
            _too_many_rows(sheet.title)
        values = [as_cell(v) for v in row]
        ws.append(values)
        widths += [0] * (len(values) - len(widths))
        for i, v in enumerate(values):
            widths[i] = max(widths[i], 10 if isinstance(v, date) else len(str(v)))
    for row_cells in ws.iter_rows(min_row=2):
        for cell in row_cells:
            if isinstance(cell.value, date):
                cell.number_format = "DD.MM.YYYY"
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # never let openpyxl treat text as a formula
    fixed = list(sheet.widths) + [0] * (len(widths) - len(sheet.widths))
    for i, w in enumerate(widths, start=1):
        width = fixed[i - 1] or min(max(w + 2, 8), 60)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


def _too_many_rows(title: str) -> None:
    raise SheetError(
        N_("The sheet {title} would have more than {limit} rows, more than Excel opens."),
        title=title,
        limit=XLSX_MAX_ROWS,
    )
