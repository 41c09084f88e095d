"""Every import, fed an XLSX whose IIN column Excel stored as numbers (leading zeros lost),
finds or creates the person with the 12-digit IIN."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from app.core.context import Actor
from app.core.spreadsheet.reader import read_sheet
from app.core.store import Store
from app.courts.importer import apply_courts, preview_courts
from app.courts.service import list_courts
from app.cpd.importer import import_activities
from app.cpd.ledger import person_ledger
from app.evaluation.sampling import draw_for_list, read_case_list
from app.internships.quality import read_indicators_xlsx
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.importer import apply_people, preview_file
from app.people.service import create_person
from db.models import Court, Person
from tests.app.cpd.helpers import TODAY

IIN_2001 = make_iin(date(2001, 5, 6), 21)  # "01…": 11 digits as a number
IIN_2000 = make_iin(date(2000, 1, 2), 7)  # "0001…": 9 digits as a number


def _xlsx(path: Path, *rows: list[object]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def _person(store: Store, actor: Actor, iin: str, surname: str = "Сәрсенова") -> uuid.UUID:
    with store.write() as s:
        court = list_courts(s, level="regional")[0]
        return create_person(
            s,
            actor,
            PersonInput(
                iin, surname, "Әлия", court_id=court.id, first_appointed_on=date(2024, 9, 1)
            ),
        ).id


def test_numbers_really_lost_their_zeros() -> None:
    assert IIN_2001.startswith("0") and len(str(int(IIN_2001))) == 11
    assert IIN_2000.startswith("000") and len(str(int(IIN_2000))) == 9


def test_people_import_creates_and_matches_by_the_12_digit_iin(
    tmp_path: Path, store: Store, actor: Actor
) -> None:
    existing = _person(store, actor, IIN_2001)
    path = _xlsx(
        tmp_path / "people.xlsx",
        ["ЖСН", "Тегі", "Аты", "Рөлі", "Сот", "Лауазымы"],
        [int(IIN_2001), "Сәрсенова", "Әлия", "Судья", "AKM", "төраға"],
        [int(IIN_2000), "Нұрланов", "Ерлан", "Судья", "AKM", ""],
    )
    with store.read() as s:
        preview = preview_file(s, actor, path)
    assert [(r.action, r.iin) for r in preview.rows] == [("update", IIN_2001), ("new", IIN_2000)], [
        r.errors for r in preview.rows
    ]
    with store.write() as s:
        assert apply_people(s, actor, preview) == {"new": 1, "update": 1, "skipped": 0}
    with store.read() as s:
        assert s.scalar(select(Person.position).where(Person.id == existing)) == "төраға"
        assert s.scalar(select(Person.surname).where(Person.iin == IIN_2000)) == "Нұрланов"


def test_cpd_import_finds_the_person(tmp_path: Path, store: Store, actor: Actor) -> None:
    pid = _person(store, actor, IIN_2000)
    path = _xlsx(
        tmp_path / "cpd.xlsx",
        ["iin", "form", "event", "starts_on"],
        [int(IIN_2000), "F02", "Сот әдебі", datetime(2026, 3, 10)],
    )
    with store.write() as s:
        assert import_activities(s, actor, path, today=TODAY).imported == 1
    with store.read() as s:
        assert [a.data.event for a in person_ledger(s, pid, 2026)] == ["Сот әдебі"]


def test_cpd_import_of_a_csv_saved_from_such_a_sheet(
    tmp_path: Path, store: Store, actor: Actor
) -> None:
    pid = _person(store, actor, IIN_2001)
    path = tmp_path / "cpd.csv"
    path.write_text(f"iin;form;event;starts_on\n{int(IIN_2001)};F02;Этика;10.03.26\n", "cp1251")
    with store.write() as s:
        assert import_activities(s, actor, path, today=TODAY).imported == 1
    with store.read() as s:
        (line,) = person_ledger(s, pid, 2026)
    assert line.data.starts_on == date(2026, 3, 10)  # d.m.yy as a re-saved sheet writes it


def test_evaluation_sampling_matches_the_judge(tmp_path: Path, store: Store, actor: Actor) -> None:
    pid = _person(store, actor, IIN_2001)
    path = _xlsx(
        tmp_path / "cases.xlsx",
        ["ИИН", "Номер дела"],
        *[[int(IIN_2001), f"2-{n}/26"] for n in range(5)],
    )
    cases = read_case_list(path)
    assert list(cases) == [IIN_2001]
    with store.write() as s:
        result = draw_for_list(s, actor, cases, size=2, seed=3)
    assert result.unknown_iins == ()
    assert [d.person_id for _name, d in result.draws] == [pid]


def test_internship_quality_matches_the_judge(tmp_path: Path, store: Store, actor: Actor) -> None:
    pid = _person(store, actor, IIN_2000)
    path = _xlsx(
        tmp_path / "quality.xlsx",
        ["ИИН", "С", "По", "Дел", "Отменено", "Сроки %", "Жалобы"],
        [int(IIN_2000), datetime(2025, 1, 1), "31.12.25", 120, 0, 97.5, 0],
    )
    with store.read() as s:
        (item,) = read_indicators_xlsx(s, path)
    assert item.person_id == pid and item.period_end == date(2025, 12, 31)
    assert (item.cases, item.overturned, str(item.time_limits_kept_pct)) == (120, 0, "97.5")


def test_courts_import_reads_xlsx_through_the_same_reader(
    tmp_path: Path, store: Store, actor: Actor
) -> None:
    """The courts file has no IIN column; its numbers (a court named by a number) stay text."""
    path = _xlsx(
        tmp_path / "courts.xlsx",
        ["Областной суд", "Название на казахском", "Название на русском"],
        ["AKM", "№2 аудандық сот", 2.0],
    )
    with store.read() as s:
        rows = preview_courts(s, actor, read_sheet(path))
    assert [(r.action, r.name_kk) for r in rows] == [("new", "№2 аудандық сот")]
    with store.write() as s:
        assert apply_courts(s, actor, rows) == 1
    with store.read() as s:
        assert s.scalar(select(Court.name_ru).where(Court.name_kk == "№2 аудандық сот")) == "2"
