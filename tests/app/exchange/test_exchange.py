"""Exchange packages between a district court PC and the training centre."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select

from app.core.context import COORDINATOR, MENTOR, Actor
from app.core.errors import PermissionDeniedError
from app.core.store import Store
from app.demo.generator import generate
from app.exchange.apply import apply_body, import_package
from app.exchange.conflicts import KEEP_MINE, TAKE_THEIRS, list_conflicts, resolve_conflict
from app.exchange.crypto import PackageError
from app.exchange.export import build_body, export_package
from app.exchange.rows import META_COLUMNS, encode_row, exchanged_tables
from app.exchange.unpack import unpack
from app.people.service import delete_person, get_person, update_person
from db.models import Person

PASS = "correct horse battery"
COORD = Actor("coordinator", frozenset({COORDINATOR}))
DEMO = Actor("demo")  # administrator, coordinator and officer


def snapshot(store: Store, *, content_only: bool = False) -> dict[str, Any]:
    """Every exchanged record (with or without the bookkeeping columns)."""
    out: dict[str, Any] = {}
    with store.read() as s:
        for t in exchanged_tables(True):
            for r in s.execute(select(t)):
                row = encode_row(t, r._mapping)
                if content_only:
                    row = {k: v for k, v in row.items() if k not in META_COLUMNS}
                out[f"{t.name}:{row['id']}"] = row
    return out


def send(src: Store, dst: Store, to: str, actor: Actor = COORD) -> Any:
    with src.write() as s:
        data, _ = export_package(s, actor, to, PASS)
    with dst.write() as s:
        return import_package(s, actor, data, PASS)


def people_ids(store: Store) -> list[Any]:
    with store.read() as s:
        return list(s.scalars(select(Person.id).order_by(Person.sort_key, Person.id)))


def test_district_and_centre_exchange_both_ways_with_a_conflict(
    two_stores: tuple[Store, Store],
) -> None:
    district, centre = two_stores
    with district.write() as s:
        generate(s, DEMO, scale="region", seed=3)
    first = send(district, centre, "centre")
    assert first.inserted > 200 and first.conflicts == 0
    assert snapshot(district, content_only=True) == snapshot(centre, content_only=True)

    a, b, gone = people_ids(district)[:3]
    with centre.read() as s:
        seen_c, seen_b = get_person(s, a), get_person(s, b)
    with district.read() as s:
        seen_d, doomed = get_person(s, a), get_person(s, gone)
    with district.write() as s:
        update_person(s, COORD, a, replace(seen_d.data, position="district edit"), seen_d.version)
        delete_person(s, COORD, gone, doomed.version)
    with centre.write() as s:
        update_person(s, COORD, a, replace(seen_c.data, position="centre edit"), seen_c.version)
        update_person(s, COORD, b, replace(seen_b.data, notes="checked by centre"), seen_b.version)

    second = send(district, centre, "centre")
    assert second.conflicts == 1 and second.deleted >= 1
    with centre.read() as s:
        assert get_person(s, a).data.position == "centre edit"  # never silently overwritten
        assert s.get(Person, gone) is None
        conflicts = list_conflicts(s, COORD)
    assert [(c.table_name, c.row_id) for c in conflicts] == [("person", a)]
    assert "position" in conflicts[0].changed_fields
    assert conflicts[0].remote_values is not None
    assert conflicts[0].remote_values["position"] == "district edit"
    with centre.write() as s:
        resolve_conflict(s, COORD, conflicts[0].id, KEEP_MINE)

    back = send(centre, district, "district")
    assert back.conflicts == 0
    with district.read() as s:
        assert get_person(s, a).data.position == "centre edit"
        assert get_person(s, b).data.notes == "checked by centre"
        assert list_conflicts(s, COORD) == []
    send(district, centre, "centre")  # settles the echo
    assert snapshot(district, content_only=True) == snapshot(centre, content_only=True)


def test_the_same_package_twice_changes_nothing(two_stores: tuple[Store, Store]) -> None:
    district, centre = two_stores
    with district.write() as s:
        generate(s, DEMO, scale="region", seed=4)
        body, _ = build_body(s, COORD, "centre")
    with centre.write() as s:
        apply_body(s, COORD, body)
    before = snapshot(centre)
    with centre.write() as s:
        again = apply_body(s, COORD, body)
    assert again.already_imported
    # The same content under a new package id (a re-export) changes nothing either.
    with centre.write() as s:
        copy = apply_body(s, COORD, {**body, "package_id": "7" * 32})
    assert copy.inserted == copy.updated == copy.deleted == copy.conflicts == 0
    assert snapshot(centre) == before


def test_packages_imported_out_of_order(two_stores: tuple[Store, Store]) -> None:
    district, centre = two_stores
    with district.write() as s:
        generate(s, DEMO, scale="region", seed=5)
    send(district, centre, "centre")
    pid = people_ids(district)[0]
    bodies = []
    for text in ("older", "newer"):
        with district.read() as s:
            seen = get_person(s, pid)
        with district.write() as s:
            update_person(s, COORD, pid, replace(seen.data, notes=text), seen.version)
        with district.write() as s:
            bodies.append(build_body(s, COORD, "centre")[0])
    with centre.write() as s:
        apply_body(s, COORD, bodies[1])
        apply_body(s, COORD, bodies[0])
    with centre.read() as s:
        assert get_person(s, pid).data.notes == "newer"
        assert list_conflicts(s, COORD) == []


def test_take_theirs_applies_the_peer_version(two_stores: tuple[Store, Store]) -> None:
    district, centre = two_stores
    with district.write() as s:
        generate(s, DEMO, scale="region", seed=6)
    send(district, centre, "centre")
    pid = people_ids(district)[0]
    for store, text in ((district, "theirs"), (centre, "mine")):
        with store.read() as s:
            seen = get_person(s, pid)
        with store.write() as s:
            update_person(s, COORD, pid, replace(seen.data, notes=text), seen.version)
    send(district, centre, "centre")
    with centre.write() as s:
        (c,) = list_conflicts(s, COORD)
        resolve_conflict(s, COORD, c.id, TAKE_THEIRS)
    with centre.read() as s:
        assert get_person(s, pid).data.notes == "theirs"
    assert send(centre, district, "district").conflicts == 0
    assert snapshot(district, content_only=True) == snapshot(centre, content_only=True)


def test_wrong_passphrase_damaged_file_and_wrong_recipient(two_stores: tuple[Store, Store]) -> None:
    district, centre = two_stores
    with district.write() as s:
        data, _ = export_package(s, COORD, "centre", PASS)
    with pytest.raises(PackageError):
        unpack(data, "another passphrase")
    damaged = data[:-40] + bytes(40)
    with pytest.raises(PackageError):
        unpack(damaged, PASS)
    with pytest.raises(PackageError):
        unpack(b"PK\x03\x04 not a package", PASS)
    with district.write() as s:
        data, _ = export_package(s, COORD, "somebody else", PASS)
    with pytest.raises(PackageError), centre.write() as s:
        import_package(s, COORD, data, PASS)


def test_mentor_may_not_exchange(two_stores: tuple[Store, Store]) -> None:
    district, _ = two_stores
    with pytest.raises(PermissionDeniedError), district.write() as s:
        export_package(s, Actor("m", frozenset({MENTOR})), "centre", PASS)


def test_confidential_tables_only_reach_entitled_peers(
    two_stores: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """M-9: records of a table flagged confidential stay out of packages to other peers."""
    district, _ = two_stores
    with district.write() as s:
        generate(s, DEMO, scale="region", seed=8)
    monkeypatch.setitem(Person.__table__.info, "confidential", True)
    with district.write() as s:
        body, _ = build_body(s, COORD, "other district")
    assert "person" not in body["tables"]
    assert all(e["entity"] != "person" for e in body["audit"])
    from app.exchange.state import peer

    with district.write() as s:
        entitled = peer(s, "centre")
        assert entitled is not None
        entitled.confidential_ok = True
    with district.write() as s:
        body, _ = build_body(s, COORD, "centre")
    assert len(body["tables"]["person"]) > 200
