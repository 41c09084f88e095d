"""Each peer changes only what it owns (issue 10 #7); one IIN at two districts (issue 15 #7)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.bootstrap import open_store
from app.core.context import Actor
from app.core.errors import ConflictError
from app.core.store import Store
from app.courts.service import list_courts
from app.exchange.apply import import_package
from app.exchange.conflicts import KEEP_MINE, TAKE_THEIRS, list_conflicts, resolve_conflict
from app.exchange.export import export_package
from app.exchange.signing import OWNS_COURTS, pair, public_key
from app.exchange.state import set_node_name
from app.people.dto import StatusPeriod
from app.people.iin import make_iin
from app.people.service import get_person, update_person
from db.models import Person
from tests.app.exchange.conftest import pair_stores
from tests.app.security.helpers import add_judge

PASS = "correct horse battery"
DEMO = Actor("demo")  # administrator, coordinator and officer


def send(src: Store, dst: Store, to: str) -> object:
    with src.write() as s:
        data, _ = export_package(s, DEMO, to, PASS)
    with dst.write() as s:
        return import_package(s, DEMO, data, PASS)


def surnames(store: Store) -> set[str]:
    with store.read() as s:
        return set(s.scalars(select(Person.surname)))


@pytest.fixture
def third(tmp_path: Path, template_db: Path) -> Iterator[Store]:
    """A second district PC."""
    shutil.copyfile(template_db, tmp_path / "district2.db")
    store = open_store(tmp_path / "district2.db", backup=False)
    with store.write() as s:
        set_node_name(s, DEMO, "district2")
    yield store
    store.dispose()


def test_10_7_a_district_changes_only_its_own_courts_records(
    two_stores: tuple[Store, Store],
) -> None:
    district, centre = two_stores
    with centre.read() as s:
        own, other = list_courts(s, level="regional")[:2]
    with district.write() as s:
        key = public_key(s, DEMO)
    with centre.write() as s:  # the centre lets this district keep one court
        pair(s, DEMO, "district", key, owns=OWNS_COURTS, court_codes=(own.code,))
        elsewhere = add_judge(s, DEMO, 1, "Орталықтағы", court_id=other.id)
    send(centre, district, "district")  # the centre owns the region: all of it arrives
    assert "Орталықтағы" in surnames(district)
    with district.write() as s:
        add_judge(s, DEMO, 2, "Өзіміздікі", court_id=own.id)
        add_judge(s, DEMO, 3, "Бөтен", court_id=other.id)
        seen = get_person(s, elsewhere.id)
        update_person(
            s, DEMO, elsewhere.id, replace(seen.data, surname="Өзгертілген"), seen.version
        )
    got = send(district, centre, "centre")
    assert got.conflicts == 2  # the other court's new judge and the other court's judge edited
    names = surnames(centre)
    assert "Өзіміздікі" in names
    assert "Бөтен" not in names and "Өзгертілген" not in names
    assert "Орталықтағы" in names
    with centre.read() as s:
        rows = {c.row_id for c in list_conflicts(s, DEMO)}
    assert elsewhere.id in rows


def test_15_7_the_same_iin_at_two_districts_is_one_identity_conflict_and_the_rest_imports(
    two_stores: tuple[Store, Store], third: Store
) -> None:
    district, centre = two_stores
    pair_stores(third, "district2", centre, "centre")
    iin = make_iin(date(1979, 6, 1), 42)
    with district.write() as s:
        add_judge(s, DEMO, 1, "Бірінші", iin=iin)
    with third.write() as s:
        twin = add_judge(s, DEMO, 2, "Екінші", iin=iin)
        add_judge(s, DEMO, 3, "Басқа")
    with third.write() as s:
        seen = get_person(s, twin.id)
        periods = (StatusPeriod("childcare_leave", date(2015, 1, 1), date(2016, 1, 1)),)
        update_person(s, DEMO, twin.id, replace(seen.data, status_periods=periods), seen.version)
    send(district, centre, "centre")
    got = send(third, centre, "centre")  # once refused forever; now it imports
    with centre.read() as s:
        found = list_conflicts(s, DEMO)
    identity = [c for c in found if c.kind == "identity"]
    assert len(identity) == 1 and identity[0].row_id == twin.id
    assert identity[0].local_values is not None and identity[0].local_values["surname"] == "Бірінші"
    assert (
        identity[0].remote_values is not None and identity[0].remote_values["surname"] == "Екінші"
    )
    assert {c.kind for c in found} <= {"identity", "parent_held"}
    assert "Басқа" in surnames(centre) and "Бірінші" in surnames(centre)
    assert got.conflicts == len(found)  # type: ignore[attr-defined]
    with centre.write() as s, pytest.raises(ConflictError):
        resolve_conflict(s, DEMO, identity[0].id, TAKE_THEIRS)
    with centre.write() as s:
        resolve_conflict(s, DEMO, identity[0].id, KEEP_MINE)
