"""Packages only from paired PCs, every row validated (issue 10 #7), bounded opening (15 #8)."""

from __future__ import annotations

import json
import shutil
import tracemalloc
import zlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.core.bootstrap import open_store
from app.core.context import Actor
from app.core.errors import ValidationError
from app.core.store import Store
from app.exchange.apply import import_package
from app.exchange.crypto import PackageError, seal
from app.exchange.export import build_body, export_package, pack
from app.exchange.signing import fingerprint, pair, public_key
from app.exchange.state import peer, set_node_name
from app.exchange.unpack import open_package
from app.exchange.validate import RowRefusedError, looks_like_formula
from db.models import Person
from tests.app.security.helpers import add_judge

PASS = "correct horse battery"
COORD = Actor("demo")  # administrator, coordinator and officer
EVIL_SURNAME = "=cmd|' /C calc'!A0"


def _people(store: Store) -> list[tuple[str, str]]:
    with store.read() as s:
        return sorted((p.iin, p.surname) for p in s.scalars(select(Person)))


@pytest.fixture
def intruder(tmp_path: Path, template_db: Path) -> Any:
    """A third PC that knows the passphrase but was never paired with the centre."""
    shutil.copyfile(template_db, tmp_path / "intruder.db")
    store = open_store(tmp_path / "intruder.db", backup=False)
    yield store
    store.dispose()


def _crafted(sender_store: Store, body: dict[str, Any], surname: str, iin: str = "") -> bytes:
    """A package signed by `sender_store` whose first person has another surname (and IIN)."""
    person = body["tables"]["person"][0]["v"]
    person["surname"] = surname
    if iin:
        person["iin"] = iin
    with sender_store.write() as s:
        return pack(s, body, PASS)


def test_both_pcs_show_the_same_fingerprint_to_compare_by_phone(
    two_stores: tuple[Store, Store],
) -> None:
    district, centre = two_stores
    with district.write() as s:
        mine = public_key(s, COORD)
    printed = fingerprint(mine)
    assert len(printed.replace(" ", "")) == 24 and printed.replace(" ", "").isdigit()
    with centre.write() as s:
        assert pair(s, COORD, "district", mine) == printed  # what the centre reads aloud
    with centre.write() as s, pytest.raises(ValidationError):
        pair(s, COORD, "district", "not a key")


def test_10_7_a_package_from_an_unpaired_pc_under_a_paired_name_is_refused(
    two_stores: tuple[Store, Store], intruder: Store
) -> None:
    district, centre = two_stores
    with district.write() as s:
        add_judge(s, COORD, 3, "Жұмабаев")
    with intruder.write() as s:
        set_node_name(s, COORD, "district")  # the attack: any sender name
        add_judge(s, COORD, 4, "Ойдан")
        data, _ = export_package(s, COORD, "centre", PASS)
    before = _people(centre)
    with pytest.raises(PackageError) as refused, centre.write() as s:
        import_package(s, COORD, data, PASS)
    assert "not signed" in refused.value.message_id
    with intruder.write() as s:
        set_node_name(s, COORD, "Abai district")  # a name the centre has never paired
        data, _ = export_package(s, COORD, "centre", PASS)
    with pytest.raises(PackageError) as refused, centre.write() as s:
        import_package(s, COORD, data, PASS)
    assert "not paired" in refused.value.message_id
    assert _people(centre) == before


def test_10_7_a_crafted_package_with_the_current_base_changes_nothing(
    two_stores: tuple[Store, Store], intruder: Store
) -> None:
    """The attack of issue 10 #7: a judge's surname changed by a package made elsewhere."""
    district, centre = two_stores
    with district.write() as s:
        add_judge(s, COORD, 3, "Жұмабаев")
    with district.write() as s:
        data, _ = export_package(s, COORD, "centre", PASS)
    with centre.write() as s:
        import_package(s, COORD, data, PASS)
    with district.write() as s:
        body, _ = build_body(s, COORD, "centre")
    body["tables"] = {"person": body["tables"]["person"]}
    body["package_id"] = "0" * 32
    with intruder.write() as s:
        set_node_name(s, COORD, "district")
    forged = _crafted(intruder, json.loads(json.dumps(body)), "Басқа")
    with pytest.raises(PackageError) as refused, centre.write() as s:
        import_package(s, COORD, forged, PASS)
    assert "not signed" in refused.value.message_id
    assert ("Жұмабаев" in {n for _, n in _people(centre)}) and "Басқа" not in str(_people(centre))


@pytest.mark.parametrize(
    ("surname", "iin", "field"),
    [
        ("Жұмабаев", "123456789012", "iin"),
        (EVIL_SURNAME, "", "surname"),
        ("Ж" * 500, "", "surname"),
    ],
)
def test_10_7_every_row_passes_the_forms_checks_and_a_bad_one_refuses_the_package(
    two_stores: tuple[Store, Store], surname: str, iin: str, field: str
) -> None:
    district, centre = two_stores
    with district.write() as s:
        add_judge(s, COORD, 3, "Жұмабаев")
        add_judge(s, COORD, 5, "Серікова")
    with district.write() as s:
        body, _ = build_body(s, COORD, "centre")
    # Signed by the paired district itself: only the validators stand in the way.
    data = _crafted(district, body, surname, iin)
    before = _people(centre)
    with pytest.raises(RowRefusedError) as refused, centre.write() as s:
        import_package(s, COORD, data, PASS)
    text = refused.value.message()
    row_id = body["tables"]["person"][0]["v"]["id"]
    assert row_id in text and field in text and "person" in text
    assert _people(centre) == before  # nothing imported, not even the good row


def test_formula_looking_text() -> None:
    attacks = (EVIL_SURNAME, "=1+1", " =HYPERLINK(x)", "@SUM(A1)", "+cmd|x", "-2+3+cmd|' /C a'!A")
    for text in attacks:
        assert looks_like_formula(text), text
    ordinary = ("+7 (701) 123-45-67", "- see the order", "-Демалыс (2024 ж.)", "Әбілов", "-", "@")
    for text in (*ordinary, "2-1234-26", "@ офис (2 қабат)"):
        assert not looks_like_formula(text), text


def test_15_8_a_zip_bomb_is_refused_with_bounded_memory() -> None:
    """400 MB of JSON-like filler squeezed into a small package is refused as it grows."""
    squeeze = zlib.compressobj(9)
    parts = [squeeze.compress(b'{"sha256": "x", "body": "')]
    block = b" " * (1024 * 1024)
    parts += [squeeze.compress(block) for _ in range(400)]
    parts.append(squeeze.compress(b'"}') + squeeze.flush())
    bomb = seal(b"".join(parts), PASS)
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(PackageError) as refused:
            open_package(bomb, PASS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "expand" in refused.value.message_id
    assert peak < 64 * 1024 * 1024, f"{peak / 2**20:.0f} MB"


def test_15_7_a_lost_package_comes_again_and_a_repeated_one_changes_nothing(
    two_stores: tuple[Store, Store],
) -> None:
    district, centre = two_stores
    with district.write() as s:
        add_judge(s, COORD, 3, "Бірінші")
        lost, _ = export_package(s, COORD, "centre", PASS)
    del lost  # never arrives
    with district.write() as s:
        add_judge(s, COORD, 5, "Екінші")
        second, summary = export_package(s, COORD, "centre", PASS)
    assert summary.records >= 2  # nothing was acknowledged: the first one's changes again
    with centre.write() as s:
        got = import_package(s, COORD, second, PASS)
    assert got.lost_before == 1
    assert {"Бірінші", "Екінші"} <= {n for _, n in _people(centre)}
    with centre.write() as s:
        assert import_package(s, COORD, second, PASS).already_imported
    # The centre's package acknowledges the district's 2nd; the district's next starts there.
    with centre.write() as s:
        back, _ = export_package(s, COORD, "district", PASS)
    with district.write() as s:
        import_package(s, COORD, back, PASS)
    with district.read() as s:
        centre_peer = peer(s, "centre", create=False)
        assert centre_peer is not None
        assert (centre_peer.sent_seq, centre_peer.acked_seq, centre_peer.received_seq) == (2, 2, 1)


def test_15_7_a_clock_that_ran_ahead_does_not_hide_changes(
    two_stores: tuple[Store, Store],
) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from db.base import utcnow
    from db.models import ExchangeSent

    district, centre = two_stores
    with district.write() as s:
        add_judge(s, COORD, 3, "Бірінші")
        first, _ = export_package(s, COORD, "centre", PASS)
    with centre.write() as s:
        import_package(s, COORD, first, PASS)
        back, _ = export_package(s, COORD, "district", PASS)
    with district.write() as s:
        import_package(s, COORD, back, PASS)
        # The district's clock ran a year ahead when it made its first package.
        s.execute(update(ExchangeSent).values(made_at=utcnow() + timedelta(days=365)))
    with district.write() as s:
        add_judge(s, COORD, 5, "Кейінгі")
        data, summary = export_package(s, COORD, "centre", PASS)
    assert summary.records >= 2
    with centre.write() as s:
        import_package(s, COORD, data, PASS)
    assert "Кейінгі" in {n for _, n in _people(centre)}


def test_every_package_carries_the_audit_chain_head_and_the_peer_keeps_it(
    two_stores: tuple[Store, Store],
) -> None:
    """Issue 10 #8: the sender's chain head (count, last seq, hash) is anchored at the peer."""
    from db.models import AuditEntry, ExchangePackage

    district, centre = two_stores
    with district.write() as s:
        add_judge(s, COORD, 3, "Жұмабаев")
    with district.read() as s:
        last = s.execute(
            select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).one()
        count = s.scalar(select(func.count(AuditEntry.seq)))
    with district.write() as s:
        data, _ = export_package(s, COORD, "centre", PASS)
    anchor = open_package(data, PASS).body["audit_anchor"]
    assert (anchor["count"], anchor["seq"], anchor["hash"]) == (count, last.seq, last.hash)
    with centre.write() as s:
        import_package(s, COORD, data, PASS)
    with centre.read() as s:
        kept = s.scalars(select(ExchangePackage.summary)).one()
    assert kept["audit_anchor"]["hash"] == last.hash


def test_a_crafted_deletion_is_refused_as_damage_not_a_traceback(
    two_stores: tuple[Store, Store],
) -> None:
    district, centre = two_stores
    with district.write() as s:
        body, _ = build_body(s, COORD, "centre")
    body["tombstones"] = [{"table": "person", "row_id": "not-an-id", "deleted_at": "x"}]
    with district.write() as s:
        data = pack(s, body, PASS)
    with pytest.raises(PackageError) as refused, centre.write() as s:
        import_package(s, COORD, data, PASS)
    assert refused.value.message_id == "The package is damaged."
