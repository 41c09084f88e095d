"""One key-value service: the CLI and the window rotate backups by the same stored setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.__main__ import main
from app.core.backup import list_backups
from app.core.bootstrap import open_store, stored_backups_kept
from app.core.context import Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.core.settings import DEFAULT_BACKUPS_KEPT, backups_kept, set_backups_kept


def _set_kept(db_path: Path, actor: Actor, kept: int) -> None:
    store = open_store(db_path, backup=False)
    try:
        with store.write() as s:
            set_backups_kept(s, actor, kept)
    finally:
        store.dispose()


def test_backups_kept_is_a_store_setting(db_path: Path, actor: Actor) -> None:
    assert stored_backups_kept(db_path) == DEFAULT_BACKUPS_KEPT
    _set_kept(db_path, actor, 25)
    assert stored_backups_kept(db_path) == 25
    store = open_store(db_path, backup=False)
    try:
        with store.read() as s:
            assert backups_kept(s) == 25
        with store.write() as s, pytest.raises(ValidationError):
            set_backups_kept(s, actor, 0)
        with store.write() as s, pytest.raises(PermissionDeniedError):
            set_backups_kept(s, Actor("viewer", frozenset({"viewer"})), 5)
    finally:
        store.dispose()


def test_the_cli_rotates_by_the_setting_the_window_writes(db_path: Path, actor: Actor) -> None:
    _set_kept(db_path, actor, 2)  # what the settings page does
    for n in range(4):
        assert main(["--db", str(db_path), "exchange", "name", f"pc-{n}"]) == 0
    assert len(list_backups(db_path.parent / "backups")) == 2
    # The window opens the store the same way (ui.application passes no count of its own).
    open_store(db_path).dispose()
    assert len(list_backups(db_path.parent / "backups")) == 2
