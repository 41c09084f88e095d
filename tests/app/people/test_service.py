"""People services on a real SQLite file: validation, duplicates, audit, search, order."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.core.audit import broken_links
from app.core.context import Actor
from app.core.errors import ConflictError, ValidationError
from app.core.store import Store
from app.courts.service import list_courts
from app.people.dto import PersonFilter, PersonInput, StatusPeriod
from app.people.iin import make_iin
from app.people.queries import count_people, page_people
from app.people.service import create_person, get_person, update_person
from db.models import AuditEntry, Person


def _input(store: Store, surname: str, serial: int, **kw: object) -> PersonInput:
    with store.read() as s:
        court = list_courts(s, "regional")[0]
    values: dict[str, object] = dict(
        iin=make_iin(date(1980, 1, 1), serial),
        surname=surname,
        first_name="Айгүл",
        patronymic="",
        role="judge",
        court_id=court.id,
        first_appointed_on=date(2015, 5, 5),
    )
    values.update(kw)
    return PersonInput(**values)  # type: ignore[arg-type]


def test_create_writes_person_and_audit(store: Store, actor: Actor) -> None:
    with store.write() as s:
        dto = create_person(s, actor, _input(store, "Әбілова", 1))
    with store.read() as s:
        assert get_person(s, dto.id).data.surname == "Әбілова"
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == str(dto.id))).one()
        assert entry.action == "create" and entry.actor == actor.name
        assert entry.changes["surname"] == [None, "Әбілова"]
        assert broken_links(s) == []


def test_invalid_person_lists_every_problem_and_writes_nothing(store: Store, actor: Actor) -> None:
    bad = _input(store, "", 2, iin="123", first_name="X1", first_appointed_on=date(2999, 1, 1))
    with pytest.raises(ValidationError) as caught, store.write() as s:
        create_person(s, actor, bad)
    fields = {e.field for e in caught.value.errors}
    assert {"iin", "surname", "first_name", "first_appointed_on"} <= fields
    with store.read() as s:
        assert s.scalar(select(func.count(Person.id))) == 0
        assert s.scalar(select(func.count(AuditEntry.id))) == 0


def test_duplicate_iin_is_refused_with_the_holder_named(store: Store, actor: Actor) -> None:
    first = _input(store, "Қасымов", 3)
    with store.write() as s:
        create_person(s, actor, first)
    with pytest.raises(ValidationError) as caught, store.write() as s:
        create_person(s, actor, _input(store, "Басқа", 3))
    message = caught.value.errors[0].message()
    assert caught.value.errors[0].field == "iin" and "Қасымов" in message


def test_overlapping_status_periods_are_refused(store: Store, actor: Actor) -> None:
    periods = (
        StatusPeriod("suspended", date(2020, 1, 1), date(2020, 6, 1)),
        StatusPeriod("childcare_leave", date(2020, 5, 1), None),
    )
    with pytest.raises(ValidationError) as caught, store.write() as s:
        create_person(s, actor, _input(store, "Омаров", 4, status_periods=periods))
    assert [e.field for e in caught.value.errors] == ["status_periods"]


def test_stale_version_is_a_conflict(store: Store, actor: Actor) -> None:
    with store.write() as s:
        dto = create_person(s, actor, _input(store, "Серікова", 5))
    with store.write() as s:
        update_person(s, actor, dto.id, _input(store, "Серікова-Ахметова", 5), dto.version)
    with pytest.raises(ConflictError), store.write() as s:
        update_person(s, actor, dto.id, _input(store, "Басқаша", 5), dto.version)


def test_search_folds_kazakh_letters_and_sorts_in_kazakh_order(store: Store, actor: Actor) -> None:
    names = [
        "Яковлев",
        "Әбілов",
        "Абаев",
        "Ілиясов",
        "Ыбыраев",
        "Қасымов",
        "Кенжебаев",
        "Ұзақов",
        "Уалиев",
        "Үмбетов",
    ]
    with store.write() as s:
        for i, name in enumerate(names):
            create_person(s, actor, _input(store, name, 100 + i))
    with store.read() as s:
        ordered = [r.full_name.split()[0] for r in page_people(s, PersonFilter(), 0, 50)]
        assert ordered == [
            "Абаев",
            "Әбілов",
            "Кенжебаев",
            "Қасымов",
            "Уалиев",
            "Ұзақов",
            "Үмбетов",
            "Ыбыраев",
            "Ілиясов",
            "Яковлев",
        ]
        for query in ("ӘБІ", "әбі", "Әбі"):
            assert [r.full_name for r in page_people(s, PersonFilter(text=query), 0, 5)] == [
                "Әбілов Айгүл"
            ]
        assert count_people(s, PersonFilter(text="ІЛИЯС")) == 1
        assert count_people(s, PersonFilter(text="%")) == 0  # LIKE wildcards are literal
        descending = page_people(s, PersonFilter(descending=True), 0, 1)
        assert descending[0].full_name.startswith("Яковлев")


def test_status_filter_uses_periods(store: Store, actor: Actor) -> None:
    today = date(2026, 11, 21)
    leave = (StatusPeriod("childcare_leave", date(2026, 1, 1), None),)
    with store.write() as s:
        create_person(s, actor, _input(store, "Демалыста", 200, status_periods=leave), today)
        create_person(s, actor, _input(store, "Жұмыста", 201), today)
    with store.read() as s:
        away = page_people(s, PersonFilter(status="childcare_leave", on=today), 0, 10)
        here = page_people(s, PersonFilter(status="active", on=today), 0, 10)
    assert [r.full_name.split()[0] for r in away] == ["Демалыста"]
    assert [r.full_name.split()[0] for r in here] == ["Жұмыста"]
    assert away[0].status == "childcare_leave"
