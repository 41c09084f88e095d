"""Issue 15: restore trusts the backup writer's check only while the file is provably unchanged."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.anchors import manifest_path
from app.core.backup import automatic_backup, backup_file, last_good, sealed
from app.core.backup_seal import page_size, read_seal, sampled_digest, sampled_spans
from app.core.bootstrap import open_store
from app.core.context import Actor
from app.core.errors import StoreError
from app.core.restore import CHECKED_IN_FULL, CHECKED_WHEN_WRITTEN, restore_file, trusted_seal
from db.models import AuditEntry, Person
from tests.app.security.helpers import add_judge


def _fill(path: Path, actor: Actor, first: int, count: int, surname: str) -> None:
    store = open_store(path, backup=False)
    try:
        with store.write() as s:
            for i in range(count):
                add_judge(s, actor, first + 10 * i, surname=surname, notes="жазба " * 40)
    finally:
        store.dispose()


def _restored(db_path: Path) -> tuple[list[str], str]:
    """The surnames of the restored store and how its restore says the backup was checked."""
    store = open_store(db_path, backup=False)
    try:
        with store.read() as s:
            names = sorted({str(n) for n in s.scalars(select(Person.surname))})
            last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
            assert last is not None and last.action == "restore"
            return names, str(last.changes["checked"])
    finally:
        store.dispose()


def _pages_of(path: Path, table: str) -> set[int]:
    """The page numbers of one table's b-tree (SQLite's dbstat), read from a copy."""
    copy = path.with_name(path.name + ".pages")
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    try:
        rows = conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,)).fetchall()
    except sqlite3.OperationalError as exc:  # an SQLite built without dbstat
        pytest.skip(f"dbstat: {exc}")
    finally:
        conn.close()
        copy.unlink()
    return {r[0] for r in rows}


def _keep_mtime(path: Path, change: object) -> None:
    """Change a file as bit rot or a careless tool would: its size and mtime unchanged."""
    before = path.stat()
    assert callable(change)
    change()
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


@pytest.fixture
def sealed_backup(db_path: Path, actor: Actor, tmp_path: Path) -> Path:
    _fill(db_path, actor, 1, 60, "Бірінші")
    backup = backup_file(db_path, tmp_path / "backups" / "one.db")
    _fill(db_path, actor, 5000, 1, "Кейінгі")  # the live store moves on after the backup
    return backup


def test_a_backup_is_sealed_when_written_and_restored_on_that_check(
    db_path: Path, sealed_backup: Path
) -> None:
    seal = read_seal(manifest_path(sealed_backup))
    assert seal is not None and seal["size"] == sealed_backup.stat().st_size
    assert seal["digest"] == sampled_digest(sealed_backup)
    restore_file(sealed_backup, db_path)
    assert _restored(db_path) == (["Бірінші"], CHECKED_WHEN_WRITTEN)
    assert not list(db_path.parent.glob("*.partial*"))


def test_a_byte_changed_in_a_sampled_page_gets_the_full_check(
    db_path: Path, sealed_backup: Path
) -> None:
    raw = bytearray(sealed_backup.read_bytes())
    size = page_size(bytes(raw[:100]))
    spans = sampled_spans(len(raw), size)
    people = _pages_of(sealed_backup, "person")  # not an index of names: its text is a copy
    found = (raw.find("Бірінші".encode(), start, start + length) for start, length in spans)
    at = next(i for i in found if i > 0 and i // size + 1 in people)  # a person's record
    raw[at : at + 2] = "Е".encode()  # another letter of the same length: still a valid file
    _keep_mtime(sealed_backup, lambda: sealed_backup.write_bytes(bytes(raw)))
    assert sealed(sealed_backup)  # its manifest still vouches: the digest must tell
    restore_file(sealed_backup, db_path)
    names, checked = _restored(db_path)
    assert checked == CHECKED_IN_FULL and "Еірінші" in names


def test_a_damaged_page_under_an_unchanged_mtime_is_refused_naming_the_backup(
    db_path: Path, sealed_backup: Path
) -> None:
    raw = bytearray(sealed_backup.read_bytes())
    raw[4096 : 4096 * 3] = b"\xff" * (4096 * 2)  # two b-tree pages garbled
    _keep_mtime(sealed_backup, lambda: sealed_backup.write_bytes(bytes(raw)))
    with pytest.raises(StoreError) as caught:
        restore_file(sealed_backup, db_path)
    assert str(sealed_backup) in caught.value.message()
    assert "Кейінгі" in _surnames(db_path)  # the live store untouched
    assert not list(db_path.parent.glob("*.partial*"))
    assert not list(db_path.parent.glob("*.before-restore-*"))


def test_a_truncated_backup_is_refused_naming_it(db_path: Path, sealed_backup: Path) -> None:
    size = sealed_backup.stat().st_size
    _keep_mtime(sealed_backup, lambda: os.truncate(sealed_backup, size - 3 * 4096))
    with pytest.raises(StoreError) as caught:
        restore_file(sealed_backup, db_path)
    assert str(sealed_backup) in caught.value.message()
    assert "Кейінгі" in _surnames(db_path)


def test_a_backup_replaced_by_another_valid_store_is_caught(
    db_path: Path, actor: Actor, sealed_backup: Path, tmp_path: Path, template_db: Path
) -> None:
    other = tmp_path / "other.db"
    shutil.copyfile(template_db, other)
    _fill(other, actor, 7000, 60, "Басқа")
    other_backup = backup_file(other, tmp_path / "elsewhere" / "other.db")
    _keep_mtime(sealed_backup, lambda: shutil.copyfile(other_backup, sealed_backup))
    with pytest.raises(StoreError) as caught:
        restore_file(sealed_backup, db_path)  # its audit log is not the one the manifest saw
    assert str(sealed_backup) in caught.value.message()
    assert "Кейінгі" in _surnames(db_path)


def test_a_backup_without_manifest_or_touched_since_gets_the_full_check(
    db_path: Path, sealed_backup: Path
) -> None:
    manifest = manifest_path(sealed_backup)
    kept = manifest.read_text(encoding="utf-8")
    manifest.unlink()
    restore_file(sealed_backup, db_path)
    assert _restored(db_path) == (["Бірінші"], CHECKED_IN_FULL)
    manifest.write_text(kept, encoding="utf-8")
    os.utime(sealed_backup)  # copied back from a stick, opened by a tool: a new mtime
    restore_file(sealed_backup, db_path)
    assert _restored(db_path)[1] == CHECKED_IN_FULL
    record = json.loads(kept)
    record["seal"]["version"] = 0  # a seal of another sampling is not trusted either
    manifest.write_text(json.dumps(record), encoding="utf-8")
    assert read_seal(manifest) is None


def test_a_backup_opened_in_wal_mode_since_gets_the_full_check(
    db_path: Path, sealed_backup: Path
) -> None:
    conn = sqlite3.connect(sealed_backup)

    def write_into_its_wal() -> None:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("UPDATE person SET surname = 'Кейін' WHERE rowid = 1")
        conn.commit()  # the change sits in -wal while the connection stays open

    try:
        _keep_mtime(sealed_backup, write_into_its_wal)
        assert trusted_seal(sealed_backup, None) is None  # a -wal beside it: no trust
        restore_file(sealed_backup, db_path)
    finally:
        conn.close()
    names, checked = _restored(db_path)
    assert checked == CHECKED_IN_FULL and "Кейін" in names


def test_only_a_healthy_copy_is_sealed_and_becomes_last_good(
    db_path: Path, actor: Actor, tmp_path: Path
) -> None:
    _fill(db_path, actor, 1, 5, "Бірінші")
    folder = tmp_path / "rotation"
    made = automatic_backup(db_path, folder, keep=2)
    assert made is not None and sealed(made) and last_good(folder) is not None
    broken = tmp_path / "broken.db"
    raw = bytearray(db_path.read_bytes())
    raw[4096 : 4096 * 3] = b"\xff" * (4096 * 2)
    broken.write_bytes(bytes(raw))
    copy = tmp_path / "copy-of-broken.db"
    try:
        backup_file(broken, copy)
    except StoreError:
        return  # refused outright: nothing sealed either
    assert not sealed(copy)


def _surnames(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT surname FROM person")}
    finally:
        conn.close()
