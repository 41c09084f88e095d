"""Issue 10, Why #2 in the window's path: backup and restore of the open store are the
administrator's, and a restore is audited as them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.core.backup import back_up_store, restore_store
from app.core.bootstrap import open_store
from app.core.context import ADMINISTRATOR, VIEWER, Actor
from app.core.errors import PermissionDeniedError


def test_why_2_the_window_restores_only_as_an_administrator(db_path: Path) -> None:
    store = open_store(db_path, backup=False)
    viewer = Actor("viewer", frozenset({VIEWER}))
    admin = Actor("boss", frozenset({ADMINISTRATOR}))
    with pytest.raises(PermissionDeniedError):
        back_up_store(store, 3, viewer)
    made = back_up_store(store, 3, admin)
    assert made is not None
    with pytest.raises(PermissionDeniedError):
        restore_store(store, made, viewer)
    restore_store(store, made, admin)
    conn = sqlite3.connect(db_path)
    try:
        last = conn.execute("SELECT actor, action FROM audit_entry ORDER BY seq DESC").fetchone()
    finally:
        conn.close()
    assert tuple(last) == ("boss", "restore")
