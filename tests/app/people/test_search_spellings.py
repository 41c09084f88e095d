"""Search folds Russian and Latin spellings of Kazakh letters, in SQL on both backends."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.core.context import Actor
from app.core.store import Store
from app.courts.service import list_courts
from app.people.dto import PersonFilter, PersonInput
from app.people.iin import make_iin
from app.people.queries import _filtered, count_people, page_people
from app.people.service import create_person
from db.models import Person
from i18n.search_fold import loose, matches

NAMES = ["Әбілов", "Абилов", "Құдайбергенов", "Кудайбергенов", "Ұзақов", "Жұмабаев"]


@pytest.fixture
def people(store: Store, actor: Actor) -> Store:
    with store.read() as s:
        court = list_courts(s, "regional")[0]
    with store.write() as s:
        for i, surname in enumerate(NAMES):
            create_person(
                s,
                actor,
                PersonInput(
                    iin=make_iin(date(1982, 7, 9), i),
                    surname=surname,
                    first_name="Ерлан",
                    court_id=court.id,
                ),
            )
    return store


def _found(store: Store, text: str) -> list[str]:
    with store.read() as s:
        flt = PersonFilter(text=text)
        rows = page_people(s, flt, 0, 50)
        assert count_people(s, flt) == len(rows)
    return [r.full_name.split()[0] for r in rows]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("абилов", ["Абилов", "Әбілов"]),  # exact spelling first
        ("кудай", ["Кудайбергенов", "Құдайбергенов"]),
        ("Qudaibergenov", ["Кудайбергенов", "Құдайбергенов"]),
        ("Äbılov", ["Абилов", "Әбілов"]),
        ("әбі", ["Әбілов"]),  # Kazakh letters typed: that spelling only
        ("zhumabaev", ["Жұмабаев"]),
        ("узак ерлан", ["Ұзақов"]),
        ("50%", []),  # LIKE wildcards are literal
    ],
)
def test_spellings_find_kazakh_names(people: Store, typed: str, expected: list[str]) -> None:
    assert _found(people, typed) == expected


def test_unfiltered_list_keeps_the_kazakh_alphabet(people: Store) -> None:
    assert _found(people, "") == [
        "Абилов",
        "Әбілов",
        "Жұмабаев",
        "Кудайбергенов",
        "Құдайбергенов",
        "Ұзақов",
    ]


def test_python_side_matching_agrees() -> None:
    assert loose("Құдайбергенов") == loose("Qudaibergenov") == "kudaibergenov"
    assert matches("абил", "Әбілов Ілияс") and not matches("әбі", "Абилов Ильяс")


@pytest.mark.parametrize(("text", "descending"), [("ов", False), ("абилов", False), ("", True)])
def test_pages_read_one_by_one_make_the_whole_list(
    people: Store, text: str, descending: bool
) -> None:
    """A page's ids are chosen before its rows are read: paging keeps the ranked order."""
    flt = PersonFilter(text=text, descending=descending)
    with people.read() as s:
        whole = [r.id for r in page_people(s, flt, 0, 50)]
        paged = [r.id for start in range(0, 8, 2) for r in page_people(s, flt, start, 2)]
    assert paged == whole and len(whole) == count_people_of(people, flt)


def count_people_of(store: Store, flt: PersonFilter) -> int:
    with store.read() as s:
        return count_people(s, flt)


def test_a_searchs_count_reads_the_narrow_search_index(store: Store) -> None:
    """Issue 10: the keystroke on an encrypted store pays per page read; the count of matches
    scans ix_person_search (the search text alone), not a sort index a third larger."""
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's query plan")
    stmt = _filtered(select(func.count()).select_from(Person), PersonFilter(text="абил"))
    sql = str(stmt.compile(store.engine, compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as conn:
        plan = " ".join(str(row) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "ix_person_search" in plan and "ix_person_sort" not in plan, plan
