"""How big a spreadsheet may be, and the error that says what is wrong with one."""

from __future__ import annotations

from app.core.errors import DomainError
from i18n import N_

# Data rows one import accepts; checked before rows are kept, so memory stays bounded.
MAX_ROWS = 200_000
# Filled columns of one row; imports use a dozen, this leaves room for notes.
MAX_COLUMNS = 100
# A CSV of MAX_ROWS rows of a dozen columns is a few tens of MB; more is not a register.
MAX_CSV_BYTES = 64 * 1024 * 1024
# openpyxl keeps a workbook's shared strings in memory even in read-only mode.
MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024
# Excel's own limit of rows in a sheet (the header included).
XLSX_MAX_ROWS = 1_048_576


class SheetError(DomainError):
    """The file cannot be read or written as a table; the message names the file and place."""


def too_many_rows(name: str, limit: int) -> SheetError:
    """The refusal of a file with more than `limit` data rows."""
    return SheetError(
        N_("The file {path} has more than {limit} rows; split it into smaller files."),
        path=name,
        limit=limit,
    )
