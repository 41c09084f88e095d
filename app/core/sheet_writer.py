"""Old home of the spreadsheet writer, kept for callers not yet moved to app.core.spreadsheet."""

from __future__ import annotations

from app.core.spreadsheet.writer import SheetData, write_csv, write_workbook, write_xlsx

__all__ = ["SheetData", "write_csv", "write_workbook", "write_xlsx"]
