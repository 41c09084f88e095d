"""The integrity check and the start backup leave the start path, and still guard the backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.backup import list_backups
from app.core.bootstrap import check_and_back_up, open_store
from app.core.errors import StoreError
from ui.application import HealthCheck


def _damage(path: Path) -> None:
    # Two data pages from the middle on that hold no schema: the cheap check at open cannot see
    # them, quick_check does. (The schema's pages move as migrations add rows.)
    conn = sqlite3.connect(path)
    try:
        schema = {
            n - 1
            for (n,) in conn.execute(
                "SELECT pageno FROM dbstat WHERE name IN ('sqlite_schema', 'alembic_version')"
            )
        }
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    page = len(data) // 2 // 4096
    while page in schema or page + 1 in schema:
        page += 1
    start = page * 4096
    data[start : start + 4096 * 2] = b"\xab" * (4096 * 2)
    path.write_bytes(bytes(data))


def test_deferred_open_skips_check_and_backup_until_asked(db_path: Path) -> None:
    store = open_store(db_path, deferred_backup=True)
    try:
        assert list_backups(db_path.parent / "backups") == []
        check_and_back_up(store, 3)
        assert len(list_backups(db_path.parent / "backups")) == 1
    finally:
        store.dispose()


def test_a_damaged_store_is_found_after_start_and_not_backed_up(
    db_path: Path, qtbot: QtBot
) -> None:
    _damage(db_path)
    with pytest.raises(StoreError):  # the careful open still refuses it, as before
        open_store(db_path, backup_dir=db_path.parent / "careful")
    store = open_store(db_path, deferred_backup=True)  # the fast open does not look
    try:
        health = HealthCheck()
        with qtbot.waitSignal(health.damaged, timeout=30_000) as told:
            health.start(store, 3)
        assert str(db_path) in told.args[0]
        assert list_backups(db_path.parent / "backups") == []
    finally:
        store.dispose()
