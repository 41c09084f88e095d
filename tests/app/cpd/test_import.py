"""Import of ledger lines: all or nothing, every bad row reported, each row exactly once (C-3)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.core.context import Actor
from app.core.store import Store
from app.cpd.import_file import COLUMNS, ImportFileError, parse_day
from app.cpd.importer import ImportRejectedError, import_activities, write_template
from app.cpd.ledger import person_ledger
from db.models import CpdActivity
from tests.app.cpd.helpers import TODAY, make_person

HEADER = "iin;form;event;organiser;starts_on;ends_on;hours;points;reason"


def _count(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count(CpdActivity.id))) or 0)


def test_bad_rows_import_nothing_and_each_is_reported(
    store: Store, actor: Actor, tmp_path: Path
) -> None:
    """Unknown IIN, unknown form, bad date, negative points: every row named with its line."""
    _pid, iin = make_person(store, actor)
    text = "\n".join(
        [
            HEADER,
            f"{iin};F02;Семинар;Оқу орталығы;10.03.2026;;8;;",
            "990101300123;F02;Семинар;Оқу орталығы;10.03.2026;;;;",
            f"{iin};Z99;Семинар;;10.03.2026;;;;",
            f"{iin};F02;Семинар;;31.02.2026;;;;",
            f"{iin};F02;Семинар;;11.03.2026;;;-2;түзету",
        ]
    )
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with store.write() as s, pytest.raises(ImportRejectedError) as err:
        import_activities(s, actor, path, today=TODAY)
    found = [(p.line, p.column) for p in err.value.problems]
    assert found == [(3, "iin"), (4, "form"), (5, "starts_on"), (6, "points")]
    assert "Line 3" in err.value.problems[0].message() or "3" in err.value.message()
    assert _count(store) == 0


def test_clean_file_imports_each_row_once_even_twice(
    store: Store, actor: Actor, tmp_path: Path
) -> None:
    person, iin = make_person(store, actor)
    text = "\n".join(
        [
            HEADER,
            f"{iin};F02;Сот әдебі;Оқу орталығы;10.03.2026;11.03.2026;16;;",
            f"{iin};F02;Сот әдебі;Оқу орталығы;10.03.2026;11.03.2026;16;;",  # a second session
            f"{iin};f04;Баяндама;Жоғарғы Сот;2026-04-01;;;4;екі баяндама",
        ]
    )
    path = tmp_path / "ok.csv"
    path.write_text(text, encoding="utf-8")
    with store.write() as s:
        first = import_activities(s, actor, path, today=TODAY)
    with store.write() as s:
        second = import_activities(s, actor, path, today=TODAY)
    assert (first.imported, first.skipped) == (3, 0)
    assert (second.imported, second.skipped) == (0, 3)
    with store.read() as s:
        lines = person_ledger(s, person, 2026)
    assert sorted(a.points for a in lines) == [Decimal(2), Decimal(2), Decimal(4)]
    assert {a.state for a in lines} == {"pending"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_csv_encodings(store: Store, actor: Actor, tmp_path: Path, encoding: str) -> None:
    person, iin = make_person(store, actor)
    path = tmp_path / "enc.csv"
    path.write_text(
        f"{HEADER}\n{iin},F02,Семинар по этике,Учебный центр,01.02.2026,,,,".replace(";", ","),
        encoding=encoding,
    )
    with store.write() as s:
        assert import_activities(s, actor, path, today=TODAY).imported == 1
    with store.read() as s:
        assert person_ledger(s, person)[0].data.event == "Семинар по этике"


def test_xlsx_with_excel_dates_and_numeric_iin(store: Store, actor: Actor, tmp_path: Path) -> None:
    person, iin = make_person(store, actor)
    wb = Workbook()
    ws = wb.active
    ws.append(list(COLUMNS))
    ws.append(
        [int(iin), "F03", "Курс", "Академия", datetime(2026, 5, 4), 46147, 40, None, None, "ext-1"]
    )
    path = tmp_path / "in.xlsx"
    wb.save(path)
    with store.write() as s:
        assert import_activities(s, actor, path, today=TODAY).imported == 1
    with store.read() as s:
        a = person_ledger(s, person)[0]
    assert (a.data.starts_on, a.data.ends_on, a.data.hours) == (
        date(2026, 5, 4),
        date(2026, 5, 5),
        Decimal(40),
    )


def test_template_has_the_documented_columns(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_template(path, [("F01", "kk", "ru", Decimal(2))], "ru")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Повышение квалификации", "Формы"]
    lines = wb["Повышение квалификации"]
    assert [c.value for c in lines[1]][:3] == ["ИИН *", "Код формы *", "Мероприятие *"]
    assert lines.max_column == len(COLUMNS)
    assert wb["Формы"]["A2"].value == "F01" and wb["Формы"]["D2"].value == 2
    with pytest.raises(ImportFileError):
        import_activities_from_text(store, tmp_path, "a;b\n1;2")


def import_activities_from_text(store: Store, tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text(text, encoding="utf-8")
    with store.write() as s:
        import_activities(s, Actor("a"), path, today=TODAY)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.text(max_size=12),
        st.integers(-10, 3_000_000),
        st.floats(allow_nan=True, allow_infinity=True),
    )
)
def test_parse_day_never_crashes(value: object) -> None:
    result = parse_day(value)
    assert result is None or isinstance(result, date)


CELL = st.one_of(
    st.text(max_size=15),
    st.sampled_from(
        ["F02", "f03", "Z9", "10.03.2026", "2026-02-30", "-1", "2,5", "=1+1", "", "45000"]
    ),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(CELL, min_size=9, max_size=9), min_size=1, max_size=6))
def test_hostile_rows_import_all_or_nothing(
    store: Store, actor: Actor, tmp_path: Path, rows: list[list[str]]
) -> None:
    """Whatever the cells, the import either takes every row or none, and never crashes."""
    _pid, iin = make_person(store, actor)
    path = tmp_path / "h.csv"
    cells = [
        [
            iin
            if i == 0 and n % 2
            else c.replace(";", " ").replace("\n", " ").replace("\r", " ").replace('"', "")
            for i, c in enumerate(r)
        ]
        for n, r in enumerate(rows)
    ]
    path.write_text("\n".join([HEADER] + [";".join(r) for r in cells]), encoding="utf-8")
    filled = sum(1 for r in cells if any(c.strip() for c in r))  # blank rows are skipped
    before = _count(store)
    try:
        with store.write() as s:
            result = import_activities(s, actor, path, today=TODAY)
    except (ImportRejectedError, ImportFileError):
        assert _count(store) == before
    else:
        assert result.imported + result.skipped == filled
        assert _count(store) == before + result.imported
