"""The one spreadsheet writer: zero stays 0, formulas neutralised, sheets read back."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.core.spreadsheet.bounds import XLSX_MAX_ROWS, SheetError
from app.core.spreadsheet.reader import read_sheet
from app.core.spreadsheet.writer import SheetData, write_csv, write_workbook, write_xlsx

ROW = [0, 0.0, Decimal("0"), None, -5, "=1+1", date(2026, 3, 8), 'Әбілқасымова; "Гүлнұр"']


def test_csv_writes_zero_as_zero_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, [f"c{i}" for i in range(len(ROW))], [ROW])
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[1] == ["0", "0.0", "0", "", "-5", "'=1+1", "08.03.2026", ROW[7]]
    assert read_sheet(path).rows == ((2, tuple(rows[1])),)
    assert not path.with_name("out.csv.partial").exists()


def test_xlsx_writes_zero_as_zero_and_dates_as_dates(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(path, "Нәтиже", [f"c{i}" for i in range(len(ROW))], iter([ROW]))
    wb = load_workbook(path)
    ws = wb.active
    values = [c.value for c in ws[2]]
    assert values[:3] == [0, 0, 0] and values[4] == -5 and values[5] == "=1+1"
    assert ws["F2"].data_type == "s" and ws["F2"].quotePrefix  # text, no visible apostrophe
    assert values[6].date() == date(2026, 3, 8) and ws["G2"].number_format == "DD.MM.YYYY"
    assert ws.title == "Нәтиже" and ws.freeze_panes == "A2" and ws["A1"].font.b
    wb.close()


def test_workbook_of_several_sheets_with_fixed_widths(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    write_workbook(
        path,
        [
            SheetData("one", ["a", "b"], [[1, "x"]], widths=[24, 0]),
            SheetData("two", ["c"], [["+7 701"], []]),
        ],
    )
    wb = load_workbook(path)
    assert wb.sheetnames == ["one", "two"]
    assert wb["one"].column_dimensions["A"].width == 24
    assert wb["one"].column_dimensions["B"].width == 8
    assert wb["two"]["A2"].value == "+7 701" and wb["two"]["A2"].quotePrefix
    wb.close()


def test_more_rows_than_excel_opens_is_refused_before_writing(tmp_path: Path) -> None:
    rows = [[1]] * XLSX_MAX_ROWS  # with the header, one row too many
    with pytest.raises(SheetError) as err:
        write_xlsx(tmp_path / "huge.xlsx", "Huge", ["n"], rows)
    assert err.value.params["limit"] == XLSX_MAX_ROWS
    assert not (tmp_path / "huge.xlsx").exists()
