"""Bulk inserts of plain tuples: the same rows as a Core insert, indexes and uniqueness kept."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, cast

import pytest
from sqlalchemy import Table, insert, select, text
from sqlalchemy.exc import IntegrityError

from app.core.bulk_insert import REBUILD_FROM, binders, insert_tuples
from app.core.store import Store
from db.base import aware, utcnow
from db.models import Person
from i18n.collation import sort_key, sort_key_ru

PERSON = cast(Table, Person.__table__)
COLUMNS = [c.key for c in PERSON.c]


def _people(count: int, start: int = 0) -> list[dict[str, Any]]:
    now = utcnow()
    return [
        {
            "id": uuid.uuid4(),
            "iin": f"{n:012d}",
            "surname": f"Сурнам{n}",
            "first_name": "Әлия",
            "patronymic": "",
            "role": "staff",
            "position": "",
            "specialisation": "",
            "notes": "",
            "search_text": f"сурнам{n} әлия",
            "updated_by": "test",
            "court_id": None,
            "first_appointed_on": None,
            "sort_key": sort_key(f"Сурнам{n}", "Әлия", ""),
            "sort_key_ru": sort_key_ru(f"Сурнам{n}", "Әлия", ""),
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        for n in range(start, start + count)
    ]


def _tuples(store: Store, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    with store.read() as s:
        dialect = s.connection().dialect
    bind = binders(PERSON, COLUMNS, dialect)
    return [
        tuple(
            r[c] if f is None or r[c] is None else f(r[c])
            for c, f in zip(COLUMNS, bind, strict=True)
        )
        for r in rows
    ]


def _indexes(store: Store) -> list[tuple[str, str]]:
    with store.read() as s:
        return sorted(
            (r.name, r.sql)
            for r in s.execute(
                text("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'person' AND sql != ''")
            )
        )


def test_tuples_hold_the_same_values_a_core_insert_writes(store: Store) -> None:
    mine, core = _people(3), _people(3, start=3)
    tuples = _tuples(store, mine)
    with store.write() as s:
        insert_tuples(s, PERSON, COLUMNS, tuples)
        s.execute(insert(PERSON), core)
    with store.read() as s:
        found = {r.id: r for r in s.execute(select(*(PERSON.c[c] for c in COLUMNS)))}
    for row in mine + core:
        # Read back as any record is (SQLite keeps UTC times without their zone).
        back = tuple(aware(v) if isinstance(v, datetime) else v for v in found[row["id"]])
        assert back == tuple(row[c] for c in COLUMNS)


@pytest.mark.sqlite_only
def test_a_large_insert_into_an_empty_table_keeps_every_index(store: Store) -> None:
    before = _indexes(store)
    assert any(name == "ix_person_sort_search" for name, _sql in before)
    rows = _people(REBUILD_FROM)
    tuples = _tuples(store, rows)
    with store.write() as s:
        insert_tuples(s, PERSON, COLUMNS, tuples)
    assert _indexes(store) == before
    with store.read() as s:
        # The rebuilt index answers: the first name in alphabetical order, from the index.
        first = s.scalar(select(PERSON.c.surname).order_by(PERSON.c.sort_key).limit(1))
        assert s.scalar(select(PERSON.c.id).where(PERSON.c.iin == rows[5]["iin"])) == rows[5]["id"]
    assert first == min(rows, key=lambda r: r["sort_key"])["surname"]


@pytest.mark.sqlite_only
def test_a_duplicate_in_a_large_insert_is_refused_and_the_indexes_stay(store: Store) -> None:
    """The unique IIN is still checked row by row while the plain indexes are set aside."""
    before = _indexes(store)
    rows = _people(REBUILD_FROM)
    rows[-1]["iin"] = rows[0]["iin"]
    tuples = _tuples(store, rows)
    with store.write() as s:
        with pytest.raises(IntegrityError), s.begin_nested():
            insert_tuples(s, PERSON, COLUMNS, tuples)
        # A caller that goes on in the same transaction still has every index.
        assert s.scalar(select(PERSON.c.id).limit(1)) is None
    assert _indexes(store) == before


@pytest.mark.sqlite_only
def test_an_analysed_store_keeps_its_index_statistics(store: Store) -> None:
    with store.write() as s:
        s.execute(insert(PERSON), _people(3, start=REBUILD_FROM))
        s.execute(text("ANALYZE"))
    with store.read() as s:
        stats = sorted(s.execute(text("SELECT idx FROM sqlite_stat1 WHERE tbl = 'person'")))
    assert ("ix_person_sort_search",) in stats
    tuples = _tuples(store, _people(REBUILD_FROM))
    with store.write() as s:
        insert_tuples(s, PERSON, COLUMNS, tuples)
    with store.read() as s:
        assert sorted(s.execute(text("SELECT idx FROM sqlite_stat1 WHERE tbl = 'person'"))) == stats
