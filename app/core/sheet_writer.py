"""Write a header and rows as CSV (UTF-8 with BOM, for Excel) or XLSX."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app.core.cells import as_cell, neutralise


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """CSV that Excel opens with Cyrillic intact; formulas neutralised."""
    tmp = path.with_name(path.name + ".partial")
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow([neutralise(h) for h in header])
        for row in rows:
            writer.writerow(
                [
                    v.strftime("%d.%m.%Y") if isinstance(v, date) else neutralise(v or "")
                    for v in row
                ]
            )
    tmp.replace(path)


def write_xlsx(
    path: Path, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """An XLSX sheet with a bold frozen header, dates as dates, formulas neutralised."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append([neutralise(h) for h in header])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [len(str(h)) for h in header]
    for row in rows:
        values = [as_cell(v) for v in row]
        ws.append(values)
        for i, v in enumerate(values):
            widths[i] = max(widths[i], 10 if isinstance(v, date) else len(str(v)))
    for row_cells in ws.iter_rows(min_row=2):
        for cell in row_cells:
            if isinstance(cell.value, date):
                cell.number_format = "DD.MM.YYYY"
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # never let openpyxl treat text as a formula
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(w + 2, 8), 60)
    ws.freeze_panes = "A2"
    tmp = path.with_name(path.name + ".partial")
    wb.save(tmp)
    tmp.replace(path)
