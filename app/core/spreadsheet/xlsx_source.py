"""Rows of the first sheet of an XLSX workbook, streamed; its declared size is checked first."""

from __future__ import annotations

import zipfile
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any

from app.core.spreadsheet.bounds import MAX_SHARED_STRINGS_BYTES, SheetError
from i18n import N_


def _not_readable(path: Path) -> SheetError:
    return SheetError(N_("The file {path} is not a readable XLSX workbook."), path=path.name)


def _check_parts(path: Path) -> None:
    """Refuse a workbook whose shared strings would not fit in memory (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            sizes = [i.file_size for i in archive.infolist() if i.filename.endswith("Strings.xml")]
    except (zipfile.BadZipFile, OSError) as exc:
        raise _not_readable(path) from exc
    if sum(sizes) > MAX_SHARED_STRINGS_BYTES:
        raise SheetError(
            N_("The file {path} holds more text than an import can take."), path=path.name
        )


def xlsx_rows(path: Path, max_rows: int) -> Generator[Sequence[Any], None, None]:
    """Values of each row of the first sheet (dates as dates, numbers as numbers).

    A sheet that declares more than ``max_rows`` data rows is refused before any row is read;
    a sheet that declares less than it holds is read to its end (the declaration is only used to
    refuse early), and the caller counts rows as they come.
    """
    from openpyxl import load_workbook

    _check_parts(path)
    # A file object, not the path: openpyxl refuses a workbook by its name (e.g. "list.csv").
    with path.open("rb") as fh:
        try:
            wb = load_workbook(fh, read_only=True, data_only=True, keep_links=False)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise _not_readable(path) from exc
        try:
            yield from _first_sheet_rows(path, wb, max_rows)
        finally:
            wb.close()


def _first_sheet_rows(path: Path, wb: Any, max_rows: int) -> Generator[Sequence[Any], None, None]:
    if not wb.worksheets:
        return
    ws = wb.worksheets[0]
    declared = getattr(ws, "max_row", None)
    if isinstance(declared, int) and declared > max_rows + 1:
        raise SheetError(
            N_(
                "The sheet of {path} declares {count} rows; an import takes at most "
                "{limit}. Delete the empty rows below the data and save it again."
            ),
            path=path.name,
            count=declared,
            limit=max_rows,
        )
    # Without the declared size, openpyxl neither pads every row to the widest one nor stops at
    # a declared last row that some programs write too small.
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()
    try:
        yield from ws.iter_rows(values_only=True)
    except Exception as exc:  # a damaged sheet inside a sound zip
        raise _not_readable(path) from exc
