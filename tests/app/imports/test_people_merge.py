"""People import merges, never erases: absent columns, empty cells, clears, conflicts (issue 15)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core.context import Actor
from app.core.errors import ValidationError
from app.core.store import Store
from app.people.dto import PersonDTO, StatusPeriod
from app.people.iin import make_iin
from app.people.importer import apply_people, preview_file
from app.people.service import get_person
from tests.app.security.helpers import add_judge

PERIODS = (
    StatusPeriod("childcare_leave", date(2014, 1, 1), date(2015, 6, 30)),
    StatusPeriod("suspended", date(2019, 2, 1), date(2019, 3, 1)),
)


def _judge(store: Store, actor: Actor, serial: int = 501) -> PersonDTO:
    with store.write() as s:
        return add_judge(s, actor, serial, notes="көшірме\nекі жол", status_periods=PERIODS)


def _csv(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(store: Store, actor: Actor, path: Path, **options: object) -> dict[str, int]:
    with store.read() as s:
        preview = preview_file(s, actor, path)
    with store.write() as s:
        return apply_people(s, actor, preview, **options)  # type: ignore[arg-type]


def _now(store: Store, person: PersonDTO) -> PersonDTO:
    with store.read() as s:
        return get_person(s, person.id)


def test_issue15_1_required_columns_only_change_nothing(
    tmp_path: Path, store: Store, actor: Actor
) -> None:
    """Why 1: only the required columns over a full person erased six fields."""
    judge = _judge(store, actor)
    path = _csv(
        tmp_path / "p.csv",
        "ИИН;Фамилия;Имя;Роль",
        f"{judge.data.iin};{judge.data.surname};{judge.data.first_name};Судья",
    )
    with store.read() as s:
        preview = preview_file(s, actor, path)
    assert [(r.action, r.changes) for r in preview.rows] == [("same", ())]
    assert _import(store, actor, path) == {"new": 0, "update": 0, "skipped": 0}
    after = _now(store, judge)
    assert after.data == judge.data and after.version == judge.version
    assert after.data.status_periods == PERIODS


def test_issue15_1_empty_cells_keep_and_the_marker_clears(
    tmp_path: Path, store: Store, actor: Actor
) -> None:
    judge = _judge(store, actor)
    path = _csv(
        tmp_path / "p.csv",
        "ИИН;Фамилия;Имя;Отчество;Роль;Суд;Должность;Специализация;Дата первого назначения;"
        "Примечания",
        f"{judge.data.iin};;;-;;;председатель;;;-",
    )
    with store.read() as s:
        preview = preview_file(s, actor, path)
    row = preview.rows[0]
    assert row.action == "update", row.errors
    # the preview names every field it would change, old → new
    assert [(c.field, c.old, c.new) for c in row.changes] == [
        ("patronymic", "Серікқызы", ""),
        ("position", "судья", "председатель"),
        ("notes", "көшірме\nекі жол", ""),
    ]
    assert _import(store, actor, path) == {"new": 0, "update": 1, "skipped": 0}
    after = _now(store, judge).data
    assert (after.patronymic, after.position, after.notes) == ("", "председатель", "")
    assert after.first_appointed_on == judge.data.first_appointed_on
    assert after.specialisation == judge.data.specialisation
    assert after.status_periods == PERIODS  # status periods are kept (merged), never dropped


def test_the_marker_cannot_clear_a_required_field(
    tmp_path: Path, store: Store, actor: Actor
) -> None:
    judge = _judge(store, actor)
    path = _csv(tmp_path / "p.csv", "ИИН;Фамилия;Имя;Роль", f"{judge.data.iin};-;Айгүл;Судья")
    with store.read() as s:
        preview = preview_file(s, actor, path)
    assert preview.rows[0].action == "error"
    with pytest.raises(ValidationError), store.write() as s:
        apply_people(s, actor, preview)
    assert _now(store, judge).data == judge.data


def test_issue15_2_an_iin_with_another_surname_is_an_identity_conflict(
    tmp_path: Path, store: Store, actor: Actor
) -> None:
    """Why 2: a row with a judge's IIN and another name silently took the judge over."""
    judge = _judge(store, actor)
    other = _judge(store, actor, 502)
    path = _csv(
        tmp_path / "p.csv",
        "ИИН;Фамилия;Имя;Роль;Должность",
        f"{judge.data.iin};Петров;Пётр;Работник суда;секретарь",
        f"{other.data.iin};Абилова;Айгуль;Судья;председатель",  # a Russian spelling: the same
    )
    with store.read() as s:
        preview = preview_file(s, actor, path)
    conflict, spelling = preview.rows
    assert conflict.action == "conflict"
    assert conflict.old_name == "Әбілова Айгүл Серікқызы" and conflict.name == "Петров Пётр"
    assert {c.field for c in conflict.changes} >= {"surname", "first_name", "role", "position"}
    assert spelling.action == "update"
    with pytest.raises(ValidationError) as refused, store.write() as s:
        apply_people(s, actor, preview)
    assert "Петров Пётр" in refused.value.errors[0].message()
    assert _now(store, judge).data == judge.data
    # left out: the rest imports, the judge stays who they were
    assert _import(store, actor, path, skip_errors=True) == {
        "new": 0,
        "update": 1,
        "skipped": 1,
    }
    assert _now(store, judge).data == judge.data
    assert _now(store, other).data.position == "председатель"
    # confirmed for that very row: imported
    assert _import(store, actor, path, confirmed={2}) == {"new": 0, "update": 1, "skipped": 0}
    assert _now(store, judge).data.surname == "Петров"
    assert _now(store, judge).data.status_periods == PERIODS


def test_the_register_s_combined_name_column_splits_for_new_people(
    tmp_path: Path, store: Store, actor: Actor
) -> None:
    new_iin, short_iin = make_iin(date(1985, 7, 8), 41), make_iin(date(1986, 7, 8), 42)
    path = _csv(
        tmp_path / "p.csv",
        "ИИН;Фамилия, имя, отчество;Роль;Дата первого назначения;Статус",
        f"{new_iin};Нұрланов Ерлан Серікұлы;Работник суда;01.09.2020;Работает",
        f"{short_iin};Нұрланов;Работник суда;;",
    )
    with store.read() as s:
        preview = preview_file(s, actor, path)
    assert [r.action for r in preview.rows] == ["new", "error"]
    assert preview.unknown_columns == ()  # the status column is known, and never imported
    data = preview.rows[0].data
    assert data is not None
    assert (data.surname, data.first_name, data.patronymic) == ("Нұрланов", "Ерлан", "Серікұлы")
    assert data.role == "staff" and data.first_appointed_on == date(2020, 9, 1)
