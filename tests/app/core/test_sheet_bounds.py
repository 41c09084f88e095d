"""The size bound is checked before rows are kept: refused files cost little memory."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.core.spreadsheet.bounds import (
    MAX_COLUMNS,
    MAX_CSV_BYTES,
    MAX_ROWS,
    XLSX_MAX_ROWS,
    SheetError,
)
from app.core.spreadsheet.reader import read_sheet


def _peak_while_refused(read: Callable[[], object]) -> tuple[SheetError, int]:
    tracemalloc.start()
    try:
        with pytest.raises(SheetError) as err:
            read()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return err.value, peak


def test_a_sparse_xlsx_declaring_every_excel_row_is_refused_before_reading(
    tmp_path: Path,
) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["ИИН", "Аты"])
    ws.cell(row=XLSX_MAX_ROWS, column=2, value="x")  # one stray cell at the very bottom
    path = tmp_path / "sparse.xlsx"
    wb.save(path)
    assert path.stat().st_size < 20_000
    error, peak = _peak_while_refused(lambda: read_sheet(path))
    assert error.params["count"] == XLSX_MAX_ROWS
    assert "sparse.xlsx" in error.message() and str(MAX_ROWS) in error.message()
    # Streaming a million empty rows would take seconds; building them, hundreds of MB.
    assert peak < 8 * 1024 * 1024, peak


def test_a_csv_over_the_size_bound_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as fh:
        fh.write(b"a;b\n")
        fh.truncate(MAX_CSV_BYTES + 1)  # sparse on disk: cheap to make
    error, peak = _peak_while_refused(lambda: read_sheet(path))
    assert "big.csv" in error.message() and error.params["limit"] == MAX_CSV_BYTES // 2**20
    assert peak < 1024 * 1024, peak


def test_a_csv_with_too_many_rows_is_counted_before_any_row_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_bytes(b"iin;name\n" + b"1;x\n" * (MAX_ROWS + 1))
    error, peak = _peak_while_refused(lambda: read_sheet(path))
    assert "long.csv" in error.message() and error.params["limit"] == MAX_ROWS
    # Keeping 200,001 rows would take tens of MB; counting them takes a chunk of the file.
    assert peak < 4 * 1024 * 1024, peak


def test_exactly_the_bound_is_read_and_quoted_line_breaks_do_not_count(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_bytes(b"iin;note\n" + b'1;"two\nlines"\n' * 50)
    assert len(read_sheet(path, max_rows=50).rows) == 50  # 100 line breaks, 51 records
    with pytest.raises(SheetError):
        read_sheet(path, max_rows=49)


def test_an_xlsx_declaring_too_few_rows_is_still_stopped_while_streaming(tmp_path: Path) -> None:
    from tests.app.core.test_sheet_reader import _declare

    wb = Workbook()
    for n in range(120):
        wb.active.append([n, "x"])
    path = tmp_path / "lying.xlsx"
    wb.save(path)
    _declare(path, "A1:B2")
    assert len(read_sheet(path, max_rows=119).rows) == 119
    with pytest.raises(SheetError) as err:
        read_sheet(path, max_rows=100)
    assert err.value.params["limit"] == 100


def test_a_row_wider_than_the_bound_is_refused_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("a;b\n1;2\n" + ";".join(["v"] * (MAX_COLUMNS + 1)) + "\n", encoding="utf-8")
    with pytest.raises(SheetError) as err:
        read_sheet(path)
    assert err.value.params["row"] == 3 and "wide.csv" in err.value.message()
