"""The one spreadsheet reader: delimiters, encodings, RFC 4180 quoting, IINs and dates."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from app.core.spreadsheet.bounds import SheetError
from app.core.spreadsheet.reader import read_sheet
from app.core.spreadsheet.values import as_date, as_decimal, as_iin, as_text
from app.people.iin import make_iin

IIN_2001 = make_iin(date(2001, 5, 6), 21)  # "010506…": Excel keeps it as a number without the 0
IIN_2000 = make_iin(date(2000, 1, 2), 7)  # "000102…": three leading zeros


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_each_delimiter_with_rfc4180_quoting(tmp_path: Path, delimiter: str) -> None:
    """A quoted cell may hold the delimiter, doubled quotes and a line break (RFC 4180)."""
    d = delimiter
    text = (
        f"ИИН{d}Должность{d}Примечание\r\n"
        f'{IIN_2001}{d}"Судья ""по гражданским делам""{d} председатель"{d}"две\r\nстроки"\r\n'
        f"{IIN_2000}{d}судья{d}\r\n"
    )
    sheet = read_sheet(_csv(tmp_path, text))
    assert sheet.header == ("ИИН", "Должность", "Примечание")
    assert sheet.rows == (
        (2, (IIN_2001, f'Судья "по гражданским делам"{d} председатель', "две\r\nстроки")),
        (3, (IIN_2000, "судья", "")),
    )


def test_standard_quoting_that_csv_sniffer_misread(tmp_path: Path) -> None:
    """csv.Sniffer took this file (what Excel writes for a position with quotes in the last
    column) for one without doubled quotes and split the position; RFC 4180 reads it whole."""
    text = 'ИИН;Фамилия;Должность\r\n010506500213;Иванов;"Судья ""А"""\r\n'
    sniffed = csv.Sniffer().sniff(text, delimiters=";,\t")
    assert list(csv.reader(io.StringIO(text, newline=""), sniffed))[1][2] != 'Судья "А"'
    sheet = read_sheet(_csv(tmp_path, text))
    assert sheet.rows == ((2, ("010506500213", "Иванов", 'Судья "А"')),)
    text = '"Фамилия, имя";"Должность ""старшая""";ИИН\n"Иванов, Иван";"""Судья""";1\n'
    sheet = read_sheet(_csv(tmp_path, text))
    assert sheet.header == ("Фамилия, имя", 'Должность "старшая"', "ИИН")
    assert sheet.rows == ((2, ("Иванов, Иван", '"Судья"', "1")),)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    sheet = read_sheet(_csv(tmp_path, "Фамилия;Имя\nЁлкина;Мария\n", encoding))
    assert sheet.header == ("Фамилия", "Имя")  # no BOM left in the first title
    assert sheet.rows == ((2, ("Ёлкина", "Мария")),)


def test_kazakh_letters_survive_utf8(tmp_path: Path) -> None:
    sheet = read_sheet(_csv(tmp_path, "Тегі,Аты\nӘбілқасымова,Гүлнұр\n", "utf-8-sig"))
    assert sheet.rows[0][1] == ("Әбілқасымова", "Гүлнұр")


def test_a_bom_with_broken_utf8_is_refused_with_the_place(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(b"\xef\xbb\xbfa;b\n\xff;1\n")
    with pytest.raises(SheetError) as err:
        read_sheet(path)
    assert "broken.csv" in err.value.message() and " 8" in err.value.message()


def test_reading_never_changes_the_csv_module(tmp_path: Path) -> None:
    """The old reader set csv.excel.delimiter for the whole process when sniffing failed."""
    before = (csv.excel.delimiter, csv.excel.quotechar, csv.field_size_limit())
    for text in ("одна колонка\nзначение\n", "a;b\n1;2\n", "a\tb\n1\t2\n", "a,b\n1,2\n"):
        read_sheet(_csv(tmp_path, text))
    assert (csv.excel.delimiter, csv.excel.quotechar, csv.field_size_limit()) == before
    assert list(csv.reader(["x,y"])) == [["x", "y"]]


def test_blank_lines_are_skipped_and_rows_keep_their_numbers(tmp_path: Path) -> None:
    sheet = read_sheet(_csv(tmp_path, "\n;;\nA;B\n\n1;2\n ; \n3\n"))
    assert sheet.header == ("A", "B")
    assert sheet.rows == ((5, ("1", "2")), (7, ("3", "")))


def test_nul_and_long_cells_are_text(tmp_path: Path) -> None:
    sheet = read_sheet(_csv(tmp_path, "a;b\n" + "x\x00y;" + "Ә" * 5000 + "\n"))
    assert sheet.rows[0][1] == ("x\x00y", "Ә" * 5000)


def test_xlsx_keeps_numbers_dates_and_reads_past_a_short_declared_size(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["ИИН", "Күні", "Сағат"])
    ws.append([int(IIN_2001), datetime(2026, 5, 4), 0])
    for n in range(40):
        ws.append([int(IIN_2000), 46000 + n, n])
    path = tmp_path / "people.xlsx"
    wb.save(path)
    _declare(path, "A1:C2")  # some programs write a dimension smaller than the sheet
    sheet = read_sheet(path)
    assert sheet.name == "people.xlsx" and sheet.header == ("ИИН", "Күні", "Сағат")
    assert len(sheet.rows) == 41 and sheet.rows[-1][0] == 42
    line, (iin, day, hours) = sheet.rows[0]
    assert (line, as_iin(iin), as_date(day), hours) == (2, IIN_2001, date(2026, 5, 4), 0)
    assert as_iin(sheet.rows[1][1][0]) == IIN_2000


def test_a_csv_that_is_really_an_xlsx_and_an_old_xls(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["a", "b"])
    wb.active.append([1, 2])
    wb.save(tmp_path / "named-wrong.csv")
    assert read_sheet(tmp_path / "named-wrong.csv").rows == ((2, (1, 2)),)
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(SheetError) as err:
        read_sheet(tmp_path / "old.xls")
    assert "old.xls" in err.value.message()


def test_damaged_missing_and_empty_files_are_domain_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04 not a zip at all")
    (tmp_path / "empty.csv").write_bytes(b"")
    for name in ("bad.xlsx", "missing.csv", "empty.csv"):
        with pytest.raises(SheetError) as err:
            read_sheet(tmp_path / name)
        assert name in err.value.message()


def _declare(path: Path, ref: str) -> None:
    """Rewrite the dimension an XLSX sheet declares."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(
        rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), parts[sheet]
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


def test_iin_stored_as_a_number_gets_its_zeros_back() -> None:
    assert as_iin(int(IIN_2001)) == IIN_2001 and len(str(int(IIN_2001))) == 11
    assert as_iin(float(IIN_2000)) == IIN_2000 and len(str(int(IIN_2000))) == 9
    assert as_iin(str(int(IIN_2001))) == IIN_2001  # a CSV saved from such a sheet
    assert as_iin(" 800101300011 ") == "800101300011"
    assert as_iin("123") == "123"  # too short to be an IIN that lost zeros: shown as written
    assert as_iin(None) == ""


def test_the_documented_date_forms_and_two_digit_years() -> None:
    assert as_date(datetime(2026, 5, 4, 13, 0)) == date(2026, 5, 4)
    assert as_date(45000) == as_date(45000.75) == as_date("45000") == date(2023, 3, 15)
    assert as_date("15.03.2023") == as_date("2023-03-15") == as_date("15/03/2023")
    assert as_date("2023-03-15 00:00:00") == as_date("15.03.2023 0:00") == date(2023, 3, 15)
    assert as_date("5.3.26") == date(2026, 3, 5)  # d.m.yy as spreadsheet programs re-save
    assert as_date("31.12.29") == date(2029, 12, 31)
    assert as_date("01.01.30") == date(1930, 1, 1)  # Excel's and LibreOffice's pivot
    assert as_date("17.05.80") == date(1980, 5, 17)
    assert as_date("") is None and as_date(None) is None
    for bad in ("31.02.2020", "2026", "завтра", "1.2.3", -5, 10**9, float("nan"), True):
        with pytest.raises(ValueError):
            as_date(bad)


def test_numbers_and_text() -> None:
    assert as_decimal("1 234,5") == as_decimal("1\u00a0234.5") == Decimal("1234.5")
    assert as_decimal(0) == Decimal(0) and as_decimal("") is None
    for bad in ("abc", "NaN", float("inf"), True):
        with pytest.raises(ValueError):
            as_decimal(bad)
    assert as_text(12.0) == "12" and as_text(date(2026, 1, 2)) == "02.01.2026"


CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    delimiter=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig"]),
    rows=st.lists(st.lists(CELL, min_size=3, max_size=3), max_size=6),
)
def test_whatever_csv_writes_reads_back(
    tmp_path: Path, delimiter: str, encoding: str, rows: list[list[str]]
) -> None:
    """Any cells written by an RFC 4180 writer come back as written (blank rows skipped)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(['Тегі "аты"', "ЖСН", "Ескерту"])
    writer.writerows(rows)
    path = _csv(tmp_path, buffer.getvalue(), encoding, name="h.csv")
    sheet = read_sheet(path)
    assert sheet.header == ('Тегі "аты"', "ЖСН", "Ескерту")
    expected = [_trimmed(r) for r in rows if any(c.strip() for c in r)]
    assert [_trimmed(r) for _n, r in sheet.rows] == expected


def _trimmed(row: Sequence[str]) -> tuple[str, ...]:
    """A row without its trailing blank cells, which the reader drops."""
    cells = list(row)
    while cells and not cells[-1].strip():
        cells.pop()
    return tuple(cells)
