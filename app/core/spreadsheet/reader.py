"""Read the first sheet of an XLSX file or a CSV file into a header and numbered rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from app.core.errors import FieldError
from app.core.spreadsheet.bounds import MAX_COLUMNS, MAX_ROWS, SheetError, too_many_rows
from app.core.spreadsheet.csv_source import csv_rows
from app.core.spreadsheet.values import as_text
from app.core.spreadsheet.xlsx_source import xlsx_rows
from i18n import N_

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the binary .xls of Excel 97–2003


@dataclass(frozen=True)
class Sheet:
    """A header and the rows under it, each with its row number in the file."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]
    name: str = ""

    def column_title(self, index: int) -> str:
        """The header of a column, or its number when the header cell is empty."""
        title = self.header[index] if index < len(self.header) else ""
        return title or str(index + 1)


def read_sheet(path: Path, *, max_rows: int = MAX_ROWS) -> Sheet:
    """The first sheet of an XLSX file or a CSV file (told apart by content, not by name).

    The first non-empty row is the header; empty rows are skipped; rows are numbered as the
    spreadsheet program shows them. More than ``max_rows`` rows are refused while streaming,
    before they are kept.
    """
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
        if magic == _OLE:
            raise SheetError(
                N_("The file {path} is an old Excel 97–2003 workbook; save it as XLSX or CSV."),
                path=path.name,
            )
        source = xlsx_rows(path, max_rows) if magic == _ZIP else csv_rows(path, max_rows)
        try:
            table = _collect(path, source, max_rows)
        finally:
            source.close()  # a refused file is closed now, not when its traceback is freed
    except OSError as exc:
        raise SheetError(
            N_("The file {path} cannot be read: {reason}"),
            path=path.name,
            reason=exc.strerror or str(exc),
        ) from exc
    if not table:
        raise SheetError(N_("The file {path} has no rows."), path=path.name)
    header = tuple(as_text(v) for v in table[0][1])
    body = tuple((n, r + ("",) * (len(header) - len(r))) for n, r in table[1:])
    return Sheet(header, body, path.name)


def _collect(
    path: Path, source: Iterable[Sequence[Any]], max_rows: int
) -> list[tuple[int, tuple[Any, ...]]]:
    """Non-empty rows without their trailing empty cells, counted as they stream in."""
    kept: list[tuple[int, tuple[Any, ...]]] = []
    for number, row in enumerate(source, start=1):
        if number > max_rows + 1:  # the header and max_rows rows under it
            raise too_many_rows(path.name, max_rows)
        width = len(row)
        while width and _blank(row[width - 1]):
            width -= 1
        if not width:
            continue
        if width > MAX_COLUMNS:
            raise SheetError(
                N_("Row {row} of the file {path} has cells beyond column {limit}."),
                path=path.name,
                row=number,
                limit=MAX_COLUMNS,
            )
        kept.append((number, tuple(row[:width])))
    return kept


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _RefusedRow(Protocol):
    @property
    def line(self) -> int: ...

    @property
    def errors(self) -> Sequence[str]: ...


def line_errors(rows: Sequence[_RefusedRow], limit: int = 50) -> list[FieldError]:
    """An import's refusal of rows with errors: a line each, the first `limit` of them."""
    return [
        FieldError(
            "file", N_("Line {line}: {reason}"), {"line": r.line, "reason": "; ".join(r.errors)}
        )
        for r in rows[:limit]
    ]
