"""Import of people and courts: template, preview, encodings, Excel dates, all or nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.core.context import VIEWER, Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.core.progress import CancelledError, Progress
from app.core.spreadsheet.reader import read_sheet
from app.core.spreadsheet.values import as_date
from app.core.store import Store
from app.courts.importer import apply_courts, preview_courts
from app.people.iin import make_iin
from app.people.importer import apply_people, preview_file, write_template
from db.models import Court, Person
from tests.app.security.helpers import add_judge

RU_HEADER = "ИИН;Фамилия;Имя;Отчество;Роль;Суд;Должность;Специализация;Дата первого назначения"


def _count(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count(Person.id))) or 0)


def _court_ru(store: Store) -> str:
    with store.read() as s:
        return str(
            s.scalar(
                select(Court.name_ru).where(Court.level == "regional").order_by(Court.code).limit(1)
            )
        )


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_template_has_translated_headers_and_reads_back(
    tmp_path: Path, store: Store, actor: Actor, lang: str
) -> None:
    path = tmp_path / f"people-{lang}.xlsx"
    write_template(path, lang)
    wb = load_workbook(path)
    header = [c.value for c in wb.worksheets[0][1]]
    assert len(wb.worksheets) == 2
    wb.close()
    expected = {"kk": "ЖСН *", "ru": "ИИН *"}[lang]
    assert header[0] == expected
    with store.read() as s:
        preview = preview_file(s, actor, path)
    assert preview.rows == ()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_csv_encodings_preview_then_apply(
    tmp_path: Path, store: Store, actor: Actor, encoding: str
) -> None:
    court = _court_ru(store)
    with store.write() as s:
        existing = add_judge(s, actor, 901)
    lines = [
        RU_HEADER,
        f"{make_iin(date(1975, 1, 2), 11)};Иванова;Мария;Петровна;Судья;{court};судья;"
        "Гражданские дела;01.02.2010",
        f"{existing.data.iin};Абилова;Айгуль;;Судья;{court};председатель;;05.06.2011",
        f"123;Петров;Пётр;;Судья;{court};;;",
        f"{make_iin(date(1976, 1, 2), 12)};Сидоров;Иван;;Ректор;Несуществующий суд;;;31.02.2010",
    ]
    path = tmp_path / "people.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    before = _count(store)
    with store.read() as s:
        preview = preview_file(s, actor, path)
    assert [(r.line, r.action) for r in preview.rows] == [
        (2, "new"),
        (3, "update"),
        (4, "error"),
        (5, "error"),
    ]
    assert preview.rows[0].name == "Иванова Мария"
    assert len(preview.rows[3].errors) == 3  # role, court, date: every reason listed
    assert _count(store) == before  # a preview writes nothing
    with pytest.raises(ValidationError), store.write() as s:
        apply_people(s, actor, preview)
    assert _count(store) == before  # errors refuse the whole file
    with store.write() as s:
        counts = apply_people(s, actor, preview, skip_errors=True)
    assert counts == {"new": 1, "update": 1, "skipped": 2}
    with store.read() as s:
        updated = s.get(Person, existing.id)
        assert updated is not None and updated.position == "председатель"
        assert updated.first_appointed_on == date(2011, 6, 5)


def test_xlsx_excel_dates_and_iin_stored_as_number(
    tmp_path: Path, store: Store, actor: Actor
) -> None:
    born_2001 = make_iin(date(2001, 5, 6), 21)  # starts with 0: Excel drops it as a number
    wb = Workbook()
    ws = wb.active
    ws.append(["ЖСН", "Тегі", "Аты", "Рөлі", "Бірінші рет тағайындалған күні"])
    ws.append([int(born_2001), "Сәрсенбаев", "Нұрлан", "Сот қызметкері", 40000])
    ws.append([make_iin(date(1970, 1, 1), 22), "Оспанов", "Ерлан", "staff", datetime(2012, 3, 4)])
    path = tmp_path / "people.xlsx"
    wb.save(path)
    with store.read() as s:
        preview = preview_file(s, actor, path)
    assert [r.action for r in preview.rows] == ["new", "new"], preview.rows
    assert preview.rows[0].iin == born_2001
    assert preview.rows[0].data is not None
    assert preview.rows[0].data.first_appointed_on == date(2009, 7, 6)  # serial 40000
    assert preview.rows[1].data is not None
    assert preview.rows[1].data.first_appointed_on == date(2012, 3, 4)


def test_cancel_in_the_middle_writes_nothing(tmp_path: Path, store: Store, actor: Actor) -> None:
    court = _court_ru(store)
    rows = [RU_HEADER] + [
        f"{make_iin(date(1970, 1, 1 + i), 30 + i)};Иванов;Иван;;Судья;{court};;;" for i in range(10)
    ]
    path = tmp_path / "p.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    with store.read() as s:
        preview = preview_file(s, actor, path)
    assert preview.count("new") == 10

    def stop_at_five(done: int, _total: int) -> None:
        if done >= 5:
            progress.cancel()

    progress = Progress(stop_at_five)
    with pytest.raises(CancelledError), store.write() as s:
        apply_people(s, actor, preview, progress=progress)
    assert _count(store) == 0


def test_duplicate_iin_in_the_file_is_an_error(tmp_path: Path, store: Store, actor: Actor) -> None:
    court = _court_ru(store)
    iin = make_iin(date(1970, 1, 1), 40)
    path = tmp_path / "p.csv"
    path.write_text(
        f"{RU_HEADER}\n{iin};А;Б;;Судья;{court};;;\n{iin};В;Г;;Судья;{court};;;\n", encoding="utf-8"
    )
    with store.read() as s:
        preview = preview_file(s, actor, path)
    assert [r.action for r in preview.rows] == ["new", "error"]
    assert "2" in preview.rows[1].errors[0]


def test_missing_required_column_and_viewer(tmp_path: Path, store: Store, actor: Actor) -> None:
    path = tmp_path / "p.csv"
    path.write_text("ИИН;Фамилия\n1;2\n", encoding="utf-8")
    with pytest.raises(ValidationError), store.read() as s:
        preview_file(s, actor, path)
    with pytest.raises(PermissionDeniedError), store.read() as s:
        preview_file(s, Actor("v", frozenset({VIEWER})), path)


def test_excel_date_forms() -> None:
    assert as_date(1) == date(1900, 1, 1) + (date(1899, 12, 31) - date(1900, 1, 1))
    assert as_date(45000) == date(2023, 3, 15)
    assert as_date("15.03.2023") == as_date("2023-03-15") == date(2023, 3, 15)
    assert as_date("") is None
    for bad in ("31.02.2020", "завтра", -5, 10**9):
        with pytest.raises(ValueError):
            as_date(bad)


def test_courts_import(tmp_path: Path, store: Store, actor: Actor) -> None:
    regional = _court_ru(store)
    path = tmp_path / "courts.csv"
    path.write_text(
        "Областной суд;Название на казахском;Название на русском\n"
        f"{regional};Жаңа аудандық сот;Новый районный суд\n"
        f"{regional};Жаңа аудандық сот;Новый районный суд\n"
        "Марс;Сот;Суд\n",
        encoding="utf-8-sig",
    )
    with store.read() as s:
        rows = preview_courts(s, actor, read_sheet(path))
    assert [r.action for r in rows] == ["new", "exists", "error"]
    with pytest.raises(ValidationError), store.write() as s:
        apply_courts(s, actor, rows)
    with store.write() as s:
        assert apply_courts(s, actor, rows[:2]) == 1
    with store.read() as s:
        assert s.scalar(select(Court.id).where(Court.name_kk == "Жаңа аудандық сот"))
