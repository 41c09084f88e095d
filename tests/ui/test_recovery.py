"""A damaged store at start: the user is told why and restores a backup, then work goes on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.backup import automatic_backup
from app.core.bootstrap import open_store
from app.core.context import Actor
from app.courts.service import list_courts
from app.people.dto import PersonFilter, PersonInput
from app.people.iin import make_iin
from app.people.queries import count_people
from app.people.service import create_person
from ui.application import open_or_recover


def test_damaged_store_is_explained_and_a_backup_restores_it(
    qtbot: QtBot, db_path: Path, actor: Actor
) -> None:
    store = open_store(db_path, backup=False)
    with store.write() as s:
        court = list_courts(s, "regional")[0]
        create_person(
            s,
            actor,
            PersonInput(
                iin=make_iin(date(1970, 7, 7), 1),
                surname="Сақтаулы",
                first_name="Адам",
                court_id=court.id,
            ),
        )
    store.dispose()
    backup = automatic_backup(db_path, db_path.parent / "backups", keep=3)
    data = bytearray(db_path.read_bytes())
    data[4096 : 4096 * 5] = b"\xab" * (4096 * 4)
    db_path.write_bytes(bytes(data))

    told: list[str] = []

    def choose(message: str, path: Path) -> Path | None:
        told.append(message)
        return backup

    reopened = open_or_recover(str(db_path), 3, choose)
    assert reopened is not None
    try:
        with reopened.read() as s:
            assert count_people(s, PersonFilter()) == 1
    finally:
        reopened.dispose()
    assert len(told) == 1 and "зақымдалған" in told[0]
    assert list(db_path.parent.glob("talimger.before-restore-*.db"))


def test_declining_to_restore_quits_without_touching_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    foreign.write_bytes(b"not a database at all")
    assert open_or_recover(str(foreign), 3, lambda message, path: None) is None
    assert foreign.read_bytes() == b"not a database at all"


def test_a_vanished_store_with_backups_is_not_recreated_empty(
    qtbot: QtBot, db_path: Path, actor: Actor
) -> None:
    # Issue 15, 4: only a true first run (no file, no backups) creates a store.
    backup = automatic_backup(db_path, db_path.parent / "backups", keep=3)
    db_path.unlink()
    told: list[str] = []

    def choose(message: str, path: Path) -> Path | None:
        told.append(message)
        return backup

    reopened = open_or_recover(str(db_path), 3, choose)
    assert reopened is not None
    reopened.dispose()
    assert len(told) == 1 and str(db_path) in told[0]
