"""Backups and restore: the current file kept aside, foreign or damaged files refused."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.core.backup import backup_file, restore
from app.core.bootstrap import open_store
from app.core.context import Actor
from app.core.errors import StoreError
from app.core.store import Store
from db.models import Person
from i18n import translator
from tests.app.security.helpers import add_judge

ROOT = Path(__file__).resolve().parents[2]


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db), "--lang", "ru", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _people(path: Path) -> int:
    store = open_store(path, backup=False)
    try:
        with store.read() as s:
            return int(s.scalar(select(func.count(Person.id))) or 0)
    finally:
        store.dispose()


@pytest.fixture
def sqlite_store(store: Store, backend: str) -> Store:
    if backend != "sqlite":
        pytest.skip("SQLite files")
    return store


def test_restore_keeps_the_current_file_aside(
    sqlite_store: Store, actor: Actor, tmp_path: Path
) -> None:
    store = sqlite_store
    assert store.path is not None
    with store.write() as s:
        add_judge(s, actor, 1)
    backup = backup_file(store.path, tmp_path / "b" / "copy.db")
    with store.write() as s:
        add_judge(s, actor, 2, surname="Екінші")
    store.dispose()
    result = _cli(store.path, "restore", str(backup))
    assert result.returncode == 0, result.stderr
    assert _people(store.path) == 1
    aside = [p for p in store.path.parent.glob("*.before-restore-*")]
    assert len(aside) == 1 and _people(aside[0]) == 2


def test_restore_refuses_foreign_and_damaged_files(
    sqlite_store: Store, actor: Actor, tmp_path: Path
) -> None:
    store = sqlite_store
    assert store.path is not None
    with store.write() as s:
        add_judge(s, actor, 1)
    store.dispose()
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database", encoding="utf-8")
    damaged = backup_file(store.path, tmp_path / "damaged.db")
    raw = bytearray(damaged.read_bytes())
    raw[4096 : 4096 * 3] = b"\xff" * (4096 * 2)  # garble two b-tree pages
    damaged.write_bytes(bytes(raw))
    for bad in (text_file, damaged):
        with pytest.raises(StoreError) as err:
            restore(bad, store.path)
        assert str(bad) in err.value.message()
        assert _people(store.path) == 1  # the current file is untouched
    result = _cli(store.path, "restore", str(text_file))
    expected = translator("ru")("The file {path} is not a healthy Tälimger backup.")
    assert result.returncode == 4
    assert expected.format(path=text_file) in result.stderr


def test_check_full_and_a_damaged_or_foreign_store(
    sqlite_store: Store, actor: Actor, tmp_path: Path
) -> None:
    store = sqlite_store
    assert store.path is not None
    with store.write() as s:
        for i in range(30):
            add_judge(s, actor, 100 + 10 * i, notes="запись " * 50)
    store.dispose()
    healthy = _cli(store.path, "check", "--full")
    assert healthy.returncode == 0
    assert translator("ru")("The database is healthy.") in healthy.stdout
    broken = tmp_path / "broken.db"
    raw = bytearray(store.path.read_bytes())
    raw[8192 : 8192 + 2000] = b"\x00\x13" * 1000
    broken.write_bytes(bytes(raw))
    result = _cli(broken, "check", "--full")
    assert result.returncode != 0
    assert str(broken) in result.stderr + result.stdout
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    result = _cli(foreign, "check")
    assert result.returncode == 4 and str(foreign) in result.stderr
