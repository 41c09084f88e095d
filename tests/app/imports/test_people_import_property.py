"""Random people files over a populated store: what a file does not give stays (issue 15)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.context import Actor
from app.core.store import Store
from app.courts.service import list_courts
from app.people.dto import StatusPeriod
from app.people.importer import apply_people, preview_file
from app.people.service import get_person
from tests.app.security.helpers import add_judge

OPTIONAL = ("patronymic", "court", "position", "specialisation", "first_appointed_on", "notes")
HEADERS = {
    "iin": "ИИН",
    "surname": "Фамилия",
    "first_name": "Имя",
    "role": "Роль",
    "patronymic": "Отчество",
    "court": "Суд",
    "position": "Должность",
    "specialisation": "Специализация",
    "first_appointed_on": "Дата первого назначения",
    "notes": "Примечания",
}
CELLS: dict[str, list[str]] = {
    "first_name": ["", "Айгүл", "Мария", "-"],
    "role": ["", "Судья", "staff", "Ректор"],
    "patronymic": ["", "-", "Ахметұлы", "Петровна"],
    "court": ["", "-", "SC", "Марс"],
    "position": ["", "-", "судья", "төраға"],
    "specialisation": ["", "-", "criminal", "Гражданские дела", "космос"],
    "first_appointed_on": ["", "-", "01.02.2012", "31.02.2010", "2030-01-01"],
    "notes": ["", "-", "жаңа ескерту"],
}
FIELD = {"court": "court_id"}
PEOPLE = 6


class _Rollback(Exception):
    """Ends an example's transaction so that the next example starts from the same store."""


def _populate(store: Store, actor: Actor) -> list[Any]:
    with store.write() as s:
        courts = list_courts(s)
        return [
            add_judge(
                s,
                actor,
                700 + i,
                surname=f"Сейітов{'а' * (i % 2)}",
                court_id=courts[i % len(courts)].id,
                notes=f"ескерту {i}",
                status_periods=(StatusPeriod("suspended", date(2018, 1, 1 + i), None),),
            )
            for i in range(PEOPLE)
        ]


row_cells = st.fixed_dictionaries({k: st.sampled_from(v) for k, v in CELLS.items()})
files = st.tuples(
    st.sets(st.sampled_from(OPTIONAL)),
    st.lists(st.tuples(st.integers(0, PEOPLE - 1), row_cells, st.booleans()), max_size=8),
)


def test_fields_a_file_does_not_give_are_unchanged(
    store: Store, actor: Actor, tmp_path: Path
) -> None:
    people = _populate(store, actor)
    by_iin = {p.data.iin: p for p in people}

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(files)
    def check(shape: tuple[set[str], list[tuple[int, dict[str, str], bool]]]) -> None:
        optional, rows = shape
        keys = ["iin", "surname", "first_name", "role", *sorted(optional)]
        path = tmp_path / "people.csv"
        given_cells: dict[str, set[str]] = {}  # IIN -> fields some row gives a non-empty cell
        lines: list[list[str]] = [[HEADERS[k] for k in keys]]
        for who, cells, other_surname in rows:
            person = people[who].data
            surname = "Басқаұлы" if other_surname else person.surname
            values = {"iin": person.iin, "surname": surname, **cells}
            lines.append([values.get(k, "") for k in keys])
            given_cells.setdefault(person.iin, set()).update(
                FIELD.get(k, k) for k in keys if values.get(k, "")
            )
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, delimiter=";").writerows(lines)
        try:
            with store.write() as s:
                preview = preview_file(s, actor, path)
                apply_people(s, actor, preview, skip_errors=True)
                for iin, before in by_iin.items():
                    after = get_person(s, before.id).data
                    kept = set(vars(before.data)) - given_cells.get(iin, set())
                    for name in kept:
                        assert getattr(after, name) == getattr(before.data, name), (name, iin)
                    assert after.status_periods == before.data.status_periods
                raise _Rollback
        except _Rollback:
            pass

    check()
