"""Issue 10, Why #8: a trimmed, truncated or recomputed audit log is reported by `check`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.core.anchors import manifest_anchor, manifest_path, stored
from app.core.audit import GENESIS, _digest, anchor
from app.core.backup import backup_file
from app.core.context import Actor
from app.core.errors import StoreError
from app.core.integrity import check_store
from app.core.restore import restore_file
from app.core.store import Store
from db.models import AuditEntry
from i18n import set_language
from tests.app.security.helpers import add_judge


def _history(store: Store, actor: Actor, count: int = 6, first: int = 300) -> int:
    """Some audited work; the last sequence number."""
    with store.write() as s:
        for serial in range(first, first + count):
            add_judge(s, actor, serial, surname=f"Анкер{'а' * (serial % 10)}")
    with store.read() as s:
        return anchor(s).seq


def _cut(store: Store, first_seq: int) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE seq >= :seq"), {"seq": first_seq})


def _recompute_from(store: Store, seq: int) -> None:
    """The attacker's edit of one entry, then the chain rebuilt with the program's function."""
    with store.write() as s:
        entries = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        prev = GENESIS
        for e in entries:
            if e.seq == seq:
                e.actor = "nobody"
            if e.seq >= seq:
                e.prev_hash = prev
                e.hash = _digest(
                    prev, e.seq, e.at, e.actor, e.action, e.entity, e.entity_id, e.changes
                )
            prev = e.hash


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("ru")


def test_why_8_deleting_the_last_entry_is_reported_with_the_anchored_position(
    store: Store, actor: Actor
) -> None:
    last = _history(store, actor)
    assert check_store(store) == []
    _cut(store, last)
    problems = check_store(store)
    assert any("обрезан" in p and f"запись {last}" in p for p in problems), problems


def test_why_8_deleting_the_tail_or_everything_is_reported(store: Store, actor: Actor) -> None:
    last = _history(store, actor)
    _cut(store, last - 3)
    assert any(f"запись {last}" in p for p in check_store(store))
    _cut(store, 1)  # truncated
    assert any("заканчивается записью 0" in p for p in check_store(store))


def test_why_8_a_chain_recomputed_with_the_programs_function_is_reported(
    store: Store, actor: Actor
) -> None:
    last = _history(store, actor)
    _recompute_from(store, 2)
    with store.read() as s:
        from app.core.audit import broken_links

        assert broken_links(s) == []  # the chain alone looks whole
    problems = check_store(store)
    assert any("переписан" in p and f"запись {last}" in p for p in problems), problems


def test_why_8_later_work_does_not_wash_the_evidence_away(store: Store, actor: Actor) -> None:
    last = _history(store, actor)
    _cut(store, last - 2)
    _history(store, actor, count=5, first=400)  # the program keeps writing after the cut
    with store.read() as s:
        assert anchor(s).seq >= last
    assert any(f"запись {last}" in p for p in check_store(store))
    assert stored(store.location) is not None and stored(store.location).seq == last


def test_why_8_every_backup_has_a_manifest_and_a_trimmed_backup_is_refused(
    db_path: Path, tmp_path: Path, actor: Actor
) -> None:
    from app.core.bootstrap import open_store

    store = open_store(db_path, backup=False)
    try:
        last = _history(store, actor)
    finally:
        store.dispose()
    copy = backup_file(db_path, tmp_path / "copy.db")
    anchored = manifest_anchor(copy)
    assert anchored is not None and (anchored.seq, anchored.count) == (last, last)
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("DELETE FROM audit_entry WHERE seq > ?", (last - 2,))
    conn.close()
    with pytest.raises(StoreError, match="изменена"):
        restore_file(copy, db_path, actor)
    assert manifest_path(copy).exists()


def test_why_8_a_backup_manifest_still_witnesses_when_the_data_folder_anchor_is_gone(
    db_path: Path, actor: Actor
) -> None:
    from app.core.anchors import _file
    from app.core.bootstrap import open_store

    store = open_store(db_path, backup=True)  # an automatic backup, with its manifest
    try:
        _history(store, actor)
    finally:
        store.dispose()
    store = open_store(db_path, backup=True)
    try:
        with store.read() as s:
            last = anchor(s).seq
        _file(store.location).unlink()
        _cut(store, last - 1)
        problems = check_store(store)
    finally:
        store.dispose()
    assert any("манифесте" in p and f"запись {last}" in p for p in problems), problems


def test_why_8_a_restore_restarts_the_anchor_at_the_restored_history(
    db_path: Path, tmp_path: Path, actor: Actor
) -> None:
    from app.core.bootstrap import open_store

    store = open_store(db_path, backup=False)
    try:
        _history(store, actor, count=2)
        copy = backup_file(db_path, tmp_path / "older.db")
        _history(store, actor, count=4, first=400)
    finally:
        store.dispose()
    restore_file(copy, db_path, actor)  # an older history, on purpose: not a cut
    store = open_store(db_path, backup=False)
    try:
        assert check_store(store) == []
    finally:
        store.dispose()


def test_why_8_a_new_store_where_one_was_deleted_starts_a_new_history(
    tmp_path: Path, actor: Actor
) -> None:
    from app.core.bootstrap import open_store

    path = tmp_path / "fresh.db"
    store = open_store(path, backup=False, create=True)
    try:
        _history(store, actor)
    finally:
        store.dispose()
    path.unlink()
    store = open_store(path, backup=False, create=True)
    try:
        assert check_store(store) == []
    finally:
        store.dispose()


def test_why_8_two_stores_of_one_folder_are_not_witnesses_of_each_other(
    tmp_path: Path, actor: Actor
) -> None:
    """Stores side by side share the folder's backups/: each is checked against its own
    backups' manifests only, and a trimmed one is still reported."""
    from app.core.bootstrap import open_store

    folder = tmp_path / "shared"
    stores = {}
    for name, first in (("centre.db", 300), ("district.db", 400)):
        store = open_store(folder / name, backup=False, create=True)
        _history(store, actor, count=8 if name == "centre.db" else 3, first=first)
        # Into the folder's shared backups/, as stores made before backup_folder() had it.
        backup_file(folder / name, folder / "backups" / f"talimger-of-{name}")
        stores[name] = store
        store.backup_dir = folder / "backups"
    try:
        # The centre's manifest is ahead of the district's history: no false alarm for it.
        assert check_store(stores["district.db"]) == []
        assert check_store(stores["centre.db"]) == []
        with stores["centre.db"].read() as s:
            last = anchor(s).seq
        _cut(stores["centre.db"], last - 1)
        from app.core.anchors import forget

        forget(stores["centre.db"].location)  # only the backup's manifest is left to witness
        problems = check_store(stores["centre.db"])
        assert any("обрезан" in p for p in problems), problems
        assert check_store(stores["district.db"]) == []
    finally:
        for store in stores.values():
            store.dispose()


def test_stores_sharing_a_folder_get_backup_folders_of_their_own(tmp_path: Path) -> None:
    """The real store and the first run's demo sit side by side (issue 12): their automatic
    backups never share a rotation, a last-good copy or the restore offer."""
    from app.core.backup import list_backups
    from app.core.bootstrap import open_store
    from app.core.paths import backup_folder

    real, demo = tmp_path / "talimger.db", tmp_path / "demo.db"
    for path in (real, demo):
        open_store(path, backup=False, create=True).dispose()
        open_store(path).dispose()  # an ordinary open takes the automatic backup
    assert backup_folder(real) == tmp_path / "backups"
    assert backup_folder(demo) == tmp_path / "backups" / "demo"
    assert len(list_backups(backup_folder(real))) == 1
    assert len(list_backups(backup_folder(demo))) == 1
