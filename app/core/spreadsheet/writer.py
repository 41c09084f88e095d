"""Write a header and rows as CSV (UTF-8 with BOM, for Excel) or as sheets of an XLSX workbook."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.core.owner_only import create_private
from app.core.spreadsheet.bounds import XLSX_MAX_ROWS, SheetError
from app.core.spreadsheet.cells import Change, Percent, as_cell, looks_like_formula, neutralise
from i18n import N_


@dataclass(frozen=True)
class SheetData:
    """One sheet to write: its title, header and rows; widths in characters, 0 = fitted.

    ``header_row`` is the row (from 1) of the column titles when lines come above them: it is
    frozen and printed at the top of every page.
    """

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[Any]]
    widths: Sequence[int] = ()
    header_row: int = 1


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
    path: Path,
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    centre: str = "",
) -> None:
    """An XLSX sheet with a bold frozen header, typed cells and a page setup for printing."""
    write_workbook(path, [SheetData(title, header, rows)], centre=centre)


def write_workbook(path: Path, sheets: Sequence[SheetData], *, centre: str = "") -> None:
    """An XLSX workbook of one or more sheets; the centre is its author and prints on top."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = centre or "Tälimger"
    if sheets:
        wb.properties.title = sheets[0].title
    for n, sheet in enumerate(sheets):
        _fill(wb.active if n == 0 else wb.create_sheet(), sheet)
        _page_setup(wb.worksheets[n], sheet, centre)
    tmp = path.with_name(path.name + ".partial")
    try:
        create_private(tmp, replace=True)  # openpyxl truncates it, keeping the mode
        wb.save(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def _fill(ws: Any, sheet: SheetData) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws.title = sheet_title(sheet.title)
    _append(ws, sheet.header)
    if isinstance(sheet.rows, Sequence) and len(sheet.rows) >= XLSX_MAX_ROWS:
        _too_many_rows(sheet.title)
    widths = [0] * len(sheet.header)
    _measure(widths, ws[1], 1, sheet.header_row)
    for count, row in enumerate(sheet.rows, start=2):
        if count > XLSX_MAX_ROWS:
            _too_many_rows(sheet.title)
        cells = _append(ws, row)
        _measure(widths, cells, count, sheet.header_row)
    for cell in ws[sheet.header_row]:
        cell.font = Font(bold=True)
    fixed = list(sheet.widths) + [0] * (len(widths) - len(sheet.widths))
    for i, w in enumerate(widths, start=1):
        width = fixed[i - 1] or min(max(w + 2, 8), MAX_WIDTH)
        ws.column_dimensions[get_column_letter(i)].width = width
        if not fixed[i - 1] and w + 2 > MAX_WIDTH:  # the longest texts wrap, none is clipped
            for (cell,) in ws.iter_rows(min_row=1, min_col=i, max_col=i):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = f"A{sheet.header_row + 1}"


# Column widths in characters: Excel's default font fits ~100 of them across a landscape page.
MAX_WIDTH = 100
LANDSCAPE_FROM = 95  # total width in characters that no longer fits a portrait A4 page
_NUMBER_FORMATS = {0: "0", 1: "0.0", 2: "0.00", 3: "0.000"}


def sheet_title(title: str) -> str:
    r"""A sheet's name as Excel allows it: 31 characters, none of : \ / ? * [ ]."""
    return "".join("_" if c in ":\\/?*[]" else c for c in title)[:31] or "-"


def _append(ws: Any, row: Sequence[Any]) -> Any:
    """Add a row of typed cells: numbers, dates and percentages keep their types and formats,
    text that looks like a formula is marked as text by its style (no visible apostrophe).
    """
    values = [as_cell(v) for v in row]
    ws.append([float(v) if isinstance(v, Decimal) else v for v in values])
    row_number = ws._current_row
    cells = [ws.cell(row=row_number, column=i) for i in range(1, len(values) + 1)]
    for cell, value in zip(cells, values, strict=True):
        if isinstance(value, str):
            cell.data_type = "s"  # never let openpyxl treat text as a formula
            if looks_like_formula(value):
                cell.quotePrefix = True
        elif isinstance(value, date):
            cell.number_format = "DD.MM.YYYY"
        elif isinstance(value, Percent):
            cell.number_format = "0.0%"
        elif isinstance(value, Decimal):
            exponent = value.as_tuple().exponent
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            number = _NUMBER_FORMATS.get(places, "0.00")
            signed = isinstance(value, Change)
            cell.number_format = f"+{number};-{number};{number}" if signed else number
    return cells


def _measure(widths: list[int], cells: Any, row: int, header_row: int) -> None:
    # Lines above the real header (a title, a summary) may be as long as they like.
    if row < header_row:
        return
    widths += [0] * (len(cells) - len(widths))
    for i, cell in enumerate(cells):
        value = cell.value
        if isinstance(value, date):
            size = 10
        elif isinstance(value, str):
            size = max((len(line) for line in value.split("\n")), default=0)
        else:
            size = len(str(value)) if value is not None else 0
        widths[i] = max(widths[i], size)


def _page_setup(ws: Any, sheet: SheetData, centre: str) -> None:
    """Print on A4 across one page's width, the header row on every page, the centre on top
    and page numbers below; landscape when the columns are wider than a portrait page.
    """
    total = sum(d.width or 8 for d in ws.column_dimensions.values())
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if total > LANDSCAPE_FROM else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{sheet.header_row}:{sheet.header_row}"
    ws.print_options.gridLines = True
    if centre:
        ws.oddHeader.center.text = centre.replace("&", "&&")
    ws.oddFooter.center.text = "&P / &N"


def _too_many_rows(title: str) -> None:
    raise SheetError(
        N_("The sheet {title} would have more than {limit} rows, more than Excel opens."),
        title=title,
        limit=XLSX_MAX_ROWS,
    )
