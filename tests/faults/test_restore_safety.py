"""Issue 15: restores that cannot destroy, no store by accident, any folder name, owner-only."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.__main__ import main
from app.core.backup import automatic_backup, backup_file, last_good, list_backups
from app.core.bootstrap import open_store
from app.core.context import Actor
from app.core.errors import StoreError
from app.core.restore import restore_file
from db.models import AuditEntry, Person
from tests.app.security.helpers import add_judge

ODD = "a #b %41 ?c Қаз ақ Сот"


def _people(path: Path) -> int:
    store = open_store(path, backup=False)
    try:
        with store.read() as s:
            return int(s.scalar(select(func.count(Person.id))) or 0)
    finally:
        store.dispose()


def _add(path: Path, actor: Actor, n: int) -> None:
    store = open_store(path, backup=False)
    try:
        with store.write() as s:
            add_judge(s, actor, n, surname="Екінші" if n % 2 == 0 else "Бірінші")
    finally:
        store.dispose()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_two_restores_in_one_second_keep_both_previous_files(
    db_path: Path, actor: Actor, tmp_path: Path
) -> None:
    _add(db_path, actor, 1)
    one = backup_file(db_path, tmp_path / "one.db")
    _add(db_path, actor, 2)
    first = restore_file(one, db_path)
    second = restore_file(one, db_path)
    assert first is not None and second is not None and first != second
    assert _people(first) == 2 and _people(second) == 1  # issue 15, 3: nothing overwritten
    assert _people(db_path) == 1


def test_restore_is_refused_while_another_holder_has_the_store_open(
    db_path: Path, actor: Actor, tmp_path: Path
) -> None:
    backup = backup_file(db_path, tmp_path / "b.db")
    _add(db_path, actor, 1)
    holder = open_store(db_path, backup=False)  # what the window does at open
    try:
        with pytest.raises(StoreError) as caught:
            restore_file(backup, db_path)
        assert "open in another" in caught.value.message_id
        with holder.write() as s:  # its next commit still reaches the live file
            add_judge(s, actor, 2)
    finally:
        holder.dispose()
    assert _people(db_path) == 2
    assert main(["--db", str(db_path), "restore", str(backup)]) == 0  # once closed, it works


def test_restore_is_refused_while_another_process_has_the_store_open(
    db_path: Path, tmp_path: Path
) -> None:
    backup = backup_file(db_path, tmp_path / "b.db")
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from app.core.bootstrap import open_store; "
            f"s = open_store({str(db_path)!r}, backup=False); print('OPEN', flush=True); "
            "time.sleep(60)",
        ],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "OPEN"
            assert main(["--db", str(db_path), "restore", str(backup)]) == 4
            assert not list(db_path.parent.glob("*.before-restore-*"))
        finally:
            holder.kill()
            holder.wait(30)
    assert main(["--db", str(db_path), "restore", str(backup)]) == 0


def test_restore_is_audited_in_the_restored_store(db_path: Path, tmp_path: Path) -> None:
    backup = backup_file(db_path, tmp_path / "b.db")
    aside = restore_file(backup, db_path)
    store = open_store(db_path, backup=False)
    try:
        with store.read() as s:
            last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
            assert last is not None and last.action == "restore"
            assert last.changes["kept_aside"] == str(aside)
    finally:
        store.dispose()


def test_a_newer_schema_backup_is_refused_before_anything_is_touched(
    db_path: Path, actor: Actor, tmp_path: Path
) -> None:
    _add(db_path, actor, 1)
    newer = backup_file(db_path, tmp_path / "newer.db")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    conn.close()
    before = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(StoreError) as caught:
        restore_file(newer, db_path)
    assert "ffffffffffff" in caught.value.message()
    assert caught.value.params["program_version"] not in ("", "?")
    assert sorted(p.name for p in db_path.parent.iterdir()) == before
    assert main(["--db", str(db_path), "restore", str(newer)]) == 4
    assert _people(db_path) == 1


@pytest.mark.parametrize("content", [b"", b"not a database at all"])
def test_an_empty_missing_or_foreign_file_is_never_made_a_store(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "talimger.db"
    path.write_bytes(content)
    for command in (
        ["check", "--full"],
        ["backup", "--out", str(tmp_path / "x.db")],
        ["demo", "--people-only"],
    ):
        assert main(["--db", str(path), *command]) == 4, command
    assert path.read_bytes() == content  # issue 15, 4: nothing created over it
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "backups").exists()
    missing = tmp_path / "typo" / "talimger.db"
    assert main(["--db", str(missing), "check"]) == 4
    assert not missing.parent.exists()
    assert "Traceback" not in capsys.readouterr().err


def test_init_creates_a_store_once_and_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "new" / "talimger.db"
        assert main(["--db", str(path), "init"]) == 0
        assert main(["--db", str(path), "init"]) == 4  # never over an existing store
        assert main(["--db", str(path), "check"]) == 0
        assert _mode(path) == 0o600  # issue 15, 11
        store = open_store(path, backup=False)
        try:
            with store.write() as s:
                add_judge(s, Actor("t"), 1)
            assert _mode(Path(f"{path}-wal")) == 0o600  # SQLite follows the store's mode
        finally:
            store.dispose()
        out = backup_file(path, tmp_path / "out" / "b.db")
        assert _mode(out) == 0o600
        aside = restore_file(out, path)
        assert aside is not None and _mode(aside) == 0o600 and _mode(path) == 0o600
    finally:
        os.umask(old)


def test_rotation_keeps_the_last_known_good_backup(
    db_path: Path, actor: Actor, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    _add(db_path, actor, 1)
    good = automatic_backup(db_path, folder, keep=2)
    assert good is not None and last_good(folder) is not None
    # The store is emptied (a bad import, a wrong file copied over it): ten starts later
    # the good data is still in a backup.
    with sqlite3.connect(db_path) as conn:
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            if table != "alembic_version":
                conn.execute("PRAGMA foreign_keys=OFF")
                conn.execute(f'DELETE FROM "{table}"')
    conn.close()
    for _ in range(10):
        automatic_backup(db_path, folder, keep=2)
    kept = last_good(folder)
    assert kept is not None and _people(kept) == 1
    assert len(list_backups(folder)) >= 2


def test_every_command_works_under_any_folder_name(
    tmp_path: Path, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / ODD / "p%41q"
    db = folder / "t.db"
    assert main(["--db", str(db), "init"]) == 0
    assert db.exists() and not (tmp_path / ODD / "pAq").exists()  # issue 15, 6
    _add(db, actor, 1)
    out = folder / "копия #1.db"
    assert main(["--db", str(db), "backup", "--out", str(out)]) == 0
    assert out.stat().st_size > 4096 and _people(out) == 1
    assert main(["--db", str(db), "check", "--full"]) == 0
    _add(db, actor, 2)
    assert main(["--db", str(db), "restore", str(out)]) == 0
    assert _people(db) == 1
    assert "Traceback" not in capsys.readouterr().err
    # Nothing was opened at a wrong, truncated path ('#' and '?' end a URI's path).
    assert [p.name for p in tmp_path.iterdir()] == [ODD]


def test_backup_into_an_unusable_place_is_a_message_and_leaves_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["--db", str(db_path), "backup", "--out", str(blocker / "b.db")]) == 4
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(tmp_path) in err
    left = [p.name for p in tmp_path.rglob("*") if "partial" in p.name or p.name == "b.db"]
    assert left == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_exports_are_owner_only(db_path: Path, tmp_path: Path, fmt: str) -> None:
    old = os.umask(0o022)
    try:
        out = tmp_path / f"people.{fmt}"
        assert (
            main(["--db", str(db_path), "export", "people", "--format", fmt, "--out", str(out)])
            == 0
        )
        assert _mode(out) == 0o600  # issue 15, 11
    finally:
        os.umask(old)
