"""Old home of the spreadsheet reader, kept for callers not yet moved to app.core.spreadsheet."""

from __future__ import annotations

from app.core.spreadsheet.bounds import MAX_ROWS, SheetError
from app.core.spreadsheet.reader import Sheet, read_sheet
from app.core.spreadsheet.values import EXCEL_EPOCH, as_date, as_iin, as_text

__all__ = [
    "EXCEL_EPOCH",
    "MAX_ROWS",
    "Sheet",
    "SheetError",
    "as_date",
    "as_iin",
    "as_text",
    "read_sheet",
]
