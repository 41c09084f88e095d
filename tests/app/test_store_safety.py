"""Nothing lost: backups, restore, damaged and foreign files, audit tampering, read-only."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.core.backup import automatic_backup, list_backups, restore
from app.core.bootstrap import open_store
from app.core.context import Actor
from app.core.errors import StoreError
from app.core.integrity import check_store
from app.core.store import Store
from app.courts.service import list_courts
from app.people.dto import PersonFilter, PersonInput
from app.people.iin import make_iin
from app.people.queries import count_people
from app.people.service import create_person
from db.engine import make_engine, make_session_factory

# Backups, restore and file damage concern the SQLite file of a single PC.
pytestmark = pytest.mark.sqlite_only


def _add(store: Store, actor: Actor, serial: int) -> None:
    with store.read() as s:
        court = list_courts(s, "regional")[0]
    with store.write() as s:
        create_person(
            s,
            actor,
            PersonInput(
                iin=make_iin(date(1979, 2, 2), serial),
                surname="Тестов",
                first_name="Тест",
                court_id=court.id,
            ),
        )


def test_backups_rotate_keeping_the_newest(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    for _ in range(5):
        automatic_backup(db_path, folder, keep=3)
    assert len(list_backups(folder)) == 3


def test_start_makes_a_backup(db_path: Path) -> None:
    open_store(db_path).dispose()
    assert len(list_backups(db_path.parent / "backups")) == 1


def test_restore_keeps_the_current_file_aside(store: Store, actor: Actor, tmp_path: Path) -> None:
    assert store.path is not None
    _add(store, actor, 1)
    snapshot = automatic_backup(store.path, tmp_path / "b", keep=5)
    assert snapshot is not None
    _add(store, actor, 2)
    store.dispose()
    aside = restore(snapshot, store.path)
    assert aside.exists()
    reopened = open_store(store.path, backup=False)
    with reopened.read() as s:
        assert count_people(s, PersonFilter()) == 1
    reopened.dispose()


def test_foreign_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.db"
    text_file.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="SQLite"):
        open_store(text_file)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError) as caught:
        open_store(other)
    assert "другой программе" in _in_ru(caught.value)


def _in_ru(exc: StoreError) -> str:
    from i18n import set_language

    set_language("ru")
    return exc.message()


def test_damaged_file_is_refused_and_restore_is_offered(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    for offset in range(4096, min(len(data), 4096 * 6)):  # scribble over b-tree pages
        data[offset] = 0xAB
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as caught:
        open_store(db_path)
    assert "backup" in caught.value.message_id


def test_tampered_audit_entry_is_reported_by_check(store: Store, actor: Actor) -> None:
    _add(store, actor, 3)
    _add(store, actor, 4)
    assert check_store(store) == []
    assert store.path is not None
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE audit_entry SET actor='someone else' WHERE seq=1")
    conn.commit()
    conn.close()
    problems = check_store(store)
    assert len(problems) == 1 and "1" in problems[0]


def test_read_only_store_says_so_and_keeps_data(store: Store, actor: Actor) -> None:
    _add(store, actor, 5)
    assert store.path is not None
    url = f"sqlite:///file:{store.path}?mode=ro&uri=true"
    engine = make_engine(url)
    ro = Store(url, engine, make_session_factory(engine), None, None)
    with pytest.raises(StoreError) as caught:
        _add(ro, actor, 6)
    engine.dispose()
    assert "read-only" in caught.value.message() or "тек оқуға" in caught.value.message()
    with store.read() as s:
        assert count_people(s, PersonFilter()) == 1


def test_cli_check_backup_and_export(db_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "TALIMGER_LANG": "ru"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", "--db", str(db_path), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    assert run("demo").returncode == 0
    again = run("demo")
    assert again.returncode == 3 and "Демо-данные в этой базе уже есть." in again.stderr
    checked = run("check")
    assert checked.returncode == 0 and "в порядке" in checked.stdout
    backup = tmp_path / "copy.db"
    assert run("backup", "--out", str(backup)).returncode == 0
    assert open_store(backup, backup=False) is not None
    out = tmp_path / "people.csv"
    assert run("export", "people", "--format", "csv", "--out", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("ИИН;") and len(text.splitlines()) == 211
