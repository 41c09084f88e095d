"""Workbooks as documents: page setup, typed cells, quote-prefixed formulas, widths, author."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from app.core.spreadsheet.cells import Change, Percent
from app.core.spreadsheet.writer import SheetData, write_workbook

COURT = "Ақмола облысы Көкшетау қаласының мамандандырылған ауданаралық экономикалық соты"
DAY, PHONE = date(2026, 3, 8), "+7 701 000 00 00"
CENTRE = "Ақмола облыстық сотының оқу орталығы & кітапхана"


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "book.xlsx"
    wide = SheetData(
        "Тізім",
        ["№", "Сот", "Балл", "Үлес", "Өзгеріс", "Күні", "Ескерту", "Сан"],
        [
            [1, COURT, Decimal("81.25"), Percent(0.875), Change(Decimal("0.5")), DAY, PHONE, 12],
            [2, "Қысқа", Decimal("7.0"), Percent(0.5), Change(Decimal("-1.0")), None, "=1+1", 0],
        ],
    )
    titled = SheetData(
        "Шолу",
        ["Өңір", "Ақмола"],
        [["Жұп саны", 12], ["", ""], ["№", "Тәлімгер"], [1, "Әбілов Серік"]],
        header_row=4,
    )
    write_workbook(path, [wide, titled], centre=CENTRE)
    return path


def test_every_sheet_prints_on_a4_across_one_page_with_its_header_on_each_page(
    tmp_path: Path,
) -> None:
    wb = load_workbook(_write(tmp_path))
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddHeader.center.text == CENTRE.replace("&", "&&")
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    wide, titled = wb.worksheets
    assert wide.page_setup.orientation == "landscape"  # the long court name needs the width
    assert titled.page_setup.orientation == "portrait"
    assert wide.print_title_rows == "$1:$1" and titled.print_title_rows == "$4:$4"
    assert wide.freeze_panes == "A2" and titled.freeze_panes == "A5"  # under the real header
    assert titled["A4"].font.b and not titled["A1"].font.b


def test_cells_are_typed_with_number_formats(tmp_path: Path) -> None:
    ws = load_workbook(_write(tmp_path)).worksheets[0]
    assert ws["C2"].value == 81.25 and ws["C2"].number_format == "0.00"
    assert ws["C3"].value == 7 and ws["C3"].number_format == "0.0"
    assert ws["D2"].value == 0.875 and ws["D2"].number_format == "0.0%"
    assert ws["E2"].value == 0.5 and ws["E3"].value == -1
    assert ws["E2"].number_format == "+0.0;-0.0;0.0"
    assert ws["F2"].is_date and ws["F2"].number_format == "DD.MM.YYYY"
    assert ws["H2"].value == 12 and ws["H3"].value == 0 and ws["A2"].data_type == "n"


def test_formula_looking_text_is_text_by_its_style_without_an_apostrophe(tmp_path: Path) -> None:
    ws = load_workbook(_write(tmp_path)).worksheets[0]
    for ref, text in (("G2", "+7 701 000 00 00"), ("G3", "=1+1")):
        assert ws[ref].value == text and ws[ref].data_type == "s" and ws[ref].quotePrefix
    assert not ws["B2"].quotePrefix


def test_widths_come_from_the_content_and_long_text_is_not_clipped(tmp_path: Path) -> None:
    ws = load_workbook(_write(tmp_path)).worksheets[0]
    assert ws.column_dimensions["B"].width >= len(COURT) > 60
    assert 8 <= ws.column_dimensions["A"].width < 12


def test_the_centre_is_the_author(tmp_path: Path) -> None:
    wb = load_workbook(_write(tmp_path))
    assert wb.properties.creator == CENTRE and wb.properties.lastModifiedBy == CENTRE
    assert wb.properties.title == "Тізім"
