"""Issue 11: the people register, the needs list and the roster follow the language shown:
І after Ы in Kazakh, after И in Russian (SQLite and PostgreSQL, ordered in SQL)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.mentoring.dto import RosterEntryInput, RosterOrderInput
from app.mentoring.queries import needs_analysis, roster
from app.mentoring.roster import approve_roster
from app.people.dto import PersonFilter, PersonInput
from app.people.iin import make_iin
from app.people.queries import page_people, position_of
from app.people.service import create_person, get_person, update_person
from db.models import Court, Person
from i18n import set_language

SURNAMES = ["Іскақова", "Ыбырай", "Ибраев"]  # entered in neither order
ORDER = {
    "kk": ["Ибраев", "Ыбырай", "Іскақова"],  # Kazakh alphabet: … ы і …
    "ru": ["Ибраев", "Іскақова", "Ыбырай"],  # Russian dictionaries: і right after и
}
REGION = "AKM"


@pytest.fixture
def lang_of_test() -> Iterator[None]:
    yield
    set_language("kk")


@pytest.fixture
def region(store: Store, actor: Actor) -> uuid.UUID:
    """Three new judges (the needs list) and three experienced ones on the roster (tutors)."""
    today = date.today()
    with store.write() as s:
        akm = s.scalar(select(Court).where(Court.code == REGION))
        assert akm is not None
        court = add_district_court(
            s, actor, DistrictCourtInput(akm.id, "Көкшетау қалалық соты", "Кокшетауский суд")
        )

        def judge(n: int, surname: str, first: str, appointed: date) -> uuid.UUID:
            data = PersonInput(
                iin=make_iin(date(1980, 1, n), 5),
                surname=surname,
                first_name=first,
                role="judge",
                court_id=court.id,
                specialisation="civil",
                first_appointed_on=appointed,
            )
            return create_person(s, actor, data).id

        for i, surname in enumerate(SURNAMES):
            judge(i + 1, surname, "Әлия", today - timedelta(days=100))
        tutors = [
            judge(i + 11, surname, "Болат", today - timedelta(days=10 * 365))
            for i, surname in enumerate(SURNAMES)
        ]
        approve_roster(
            s,
            actor,
            RosterOrderInput(
                akm.region_code,
                "12-ө",
                today - timedelta(days=30),
                tuple(RosterEntryInput(t, "tutor") for t in tutors),
            ),
        )
    return court.id


def _surnames(names: list[str]) -> list[str]:
    return [n.split()[0] for n in names]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_people_register_pages_in_the_language_shown(
    store: Store, region: uuid.UUID, lang: str, lang_of_test: None
) -> None:
    set_language(lang)
    flt = PersonFilter(court_id=region, role="judge")
    with store.read() as s:
        rows = page_people(s, flt, 0, 100)
        assert _surnames([r.full_name for r in rows])[::2] == ORDER[lang]
        down = page_people(s, PersonFilter(court_id=region, descending=True), 0, 100)
        assert _surnames([r.full_name for r in down])[::2] == ORDER[lang][::-1]
        # the row a new person is selected on is the row the pages show
        assert [position_of(s, flt, r.id) for r in rows] == list(range(len(rows)))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_needs_list_and_roster_in_the_language_shown(
    store: Store, region: uuid.UUID, lang: str, lang_of_test: None
) -> None:
    set_language(lang)
    with store.read() as s:
        needs = needs_analysis(s, court_id=region)
        guides = roster(s, REGION)
    assert _surnames([r.full_name for r in needs]) == ORDER[lang]
    assert _surnames([r.full_name for r in guides]) == ORDER[lang]


def test_a_renamed_person_keeps_both_keys(store: Store, actor: Actor, region: uuid.UUID) -> None:
    """The Russian key is kept wherever the Kazakh one is: on every save of the names."""
    with store.read() as s:
        person = s.scalar(select(Person).where(Person.surname == "Ибраев"))
        assert person is not None and person.sort_key_ru and person.sort_key
        person_id = person.id
    with store.write() as s:
        saved = get_person(s, person_id)
        renamed = replace(saved.data, surname="Ілиев")
        update_person(s, actor, person_id, renamed, saved.version)
    with store.read() as s:
        person = s.get(Person, person_id)
        assert person is not None
        assert person.sort_key_ru < s.scalar(
            select(Person.sort_key_ru).where(Person.surname == "Ыбырай").limit(1)
        )
        assert person.sort_key > s.scalar(
            select(Person.sort_key).where(Person.surname == "Ыбырай").limit(1)
        )


def test_demo_people_carry_the_russian_key(store: Store, actor: Actor, lang_of_test: None) -> None:
    """The demo writes people in bulk: the Russian page is in Russian collation order too."""
    from app.demo.generator import generate
    from i18n.collation import collation_key

    with store.write() as s:
        generate(s, actor, scale="region", seed=3)
    set_language("ru")
    with store.read() as s:
        assert s.scalar(select(Person.id).where(Person.sort_key_ru == "").limit(1)) is None
        names = [r.full_name for r in page_people(s, PersonFilter(), 0, 300)]
    assert names == sorted(names, key=lambda n: collation_key(n, "ru"))
