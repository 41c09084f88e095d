"""Issue 10, Why #1 and #2: without a login no command reads or writes; a restore cannot let in."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.__main__ import main
from app.core.bootstrap import open_store
from app.core.context import Actor
from app.security.authentication import login
from app.security.dto import UserInput
from app.security.service import create_first_administrator, create_user

PASSWORD = "correct horse battery"


@pytest.fixture
def login_store(db_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A store with demo people, logins on, an administrator and a viewer; the password file."""
    from app.demo.generator import generate

    store = open_store(db_path, backup=False)
    try:
        with store.write() as session:
            generate(session, Actor("demo"), scale="region", seed=5)
            create_first_administrator(session, UserInput("admin", "", frozenset(), PASSWORD))
        boss = login(store, "admin", PASSWORD)
        with store.write() as session:
            create_user(session, boss, UserInput("viewer", "", frozenset({"viewer"}), PASSWORD))
    finally:
        store.dispose()
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    return db_path, secret


def _rows(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


# The commands issue 10 found open (Why #1), each as the ordinary user typed it.
OPEN_BEFORE = [
    ["export", "people", "--format", "csv", "--out", "{tmp}/people.csv"],
    ["report", "roster", "--region", "01", "--format", "csv", "--out", "{tmp}/r.csv"],
    ["report", "mentoring-needs", "--format", "csv", "--out", "{tmp}/n.csv"],
    ["report", "cpd-compliance", "--year", "2026", "--format", "csv", "--out", "{tmp}/c.csv"],
    ["report", "internships-due", "--year", "2026", "--format", "csv", "--out", "{tmp}/d.csv"],
    ["backup", "--out", "{tmp}/copy.db"],
    ["import", "cpd", "{tmp}/pw.txt"],
    ["plan", "internships", "--year", "2026", "--apply"],
    ["restore", "{tmp}/pw.txt"],
    ["check"],
    ["self-test"],
]


@pytest.mark.parametrize("words", OPEN_BEFORE, ids=lambda w: " ".join(w[:2]))
def test_why_1_a_command_without_login_is_refused_and_writes_nothing(
    words: list[str],
    login_store: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _secret = login_store
    before = _rows(db)
    argv = [w.format(tmp=tmp_path) for w in words]
    assert main(["--db", str(db), *argv]) == 3
    assert "--user" in capsys.readouterr().err
    assert _rows(db) == before
    assert not (tmp_path / "people.csv").exists() and not (tmp_path / "copy.db").exists()


def test_why_1_a_wrong_password_runs_nothing(
    login_store: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _secret = login_store
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the password\n", encoding="utf-8")
    out = tmp_path / "people.csv"
    argv = ["--db", str(db), "export", "people", "--out", str(out)]
    assert main([*argv, "--user", "viewer", "--password-file", str(wrong)]) == 3
    assert not out.exists()
    capsys.readouterr()


def _tampered_copy(db: Path, secret: Path, tmp_path: Path) -> Path:
    """Why #2: a backup whose login setting was set to 0 with sqlite3."""
    copy = tmp_path / "copy.db"
    assert (
        main(
            [
                "--db",
                str(db),
                "backup",
                "--out",
                str(copy),
                "--user",
                "admin",
                "--password-file",
                str(secret),
            ]
        )
        == 0
    )
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("UPDATE setting SET value = '0' WHERE key = 'security.login_required'")
    conn.close()
    return copy


def test_why_2_restoring_a_copy_without_logins_needs_the_administrator(
    login_store: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, secret = login_store
    copy = _tampered_copy(db, secret, tmp_path)
    assert main(["--db", str(db), "restore", str(copy)]) == 3
    viewer = ["--user", "viewer", "--password-file", str(secret)]
    assert main(["--db", str(db), "restore", str(copy), *viewer]) == 3
    assert "store.restore" in capsys.readouterr().err
    # Still a store with logins: the attacker's next step is refused.
    add = ["user", "add", "evil", "--role", "administrator", "--new-password-file", str(secret)]
    assert main(["--db", str(db), *add]) == 3
    capsys.readouterr()
    # The store keeps its login setting: check finds no change made outside the program (it
    # only says that this store, from before encryption, is not encrypted yet).
    main(["--db", str(db), "check", "--user", "admin", "--password-file", str(secret)])
    out = capsys.readouterr().out
    assert "в обход программы" not in out and "бағдарламадан тыс" not in out
    assert "не зашифрован" in out or "шифрланбаған" in out


def test_why_2_check_reports_a_login_setting_changed_outside_the_program(
    login_store: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, secret = login_store
    copy = _tampered_copy(db, secret, tmp_path)
    admin = ["--user", "admin", "--password-file", str(secret)]
    assert main(["--db", str(db), "restore", str(copy), *admin]) == 0
    conn = sqlite3.connect(db)
    actor, action = conn.execute(
        "SELECT actor, action FROM audit_entry ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    conn.close()
    assert (actor, action) == ("admin", "restore")  # audited as the administrator
    capsys.readouterr()
    assert main(["--db", str(db), "--lang", "ru", "check"]) == 1
    assert "security.login_required" not in capsys.readouterr().out  # a sentence, not a key


def test_why_2_restore_over_a_missing_store_asks_the_backups_users(
    login_store: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, secret = login_store
    backup = tmp_path / "good.db"
    shutil.copyfile(db, backup)
    target = tmp_path / "fresh" / "talimger.db"
    target.parent.mkdir()
    assert main(["--db", str(target), "restore", str(backup)]) == 3
    assert not target.exists()
    admin = ["--user", "admin", "--password-file", str(secret)]
    assert main(["--db", str(target), "restore", str(backup), *admin]) == 0
    capsys.readouterr()


def test_why_1_on_every_backend_a_read_needs_the_login(
    store: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.core.store import Store

    assert isinstance(store, Store)
    with store.write() as session:
        create_first_administrator(session, UserInput("admin", "", frozenset(), PASSWORD))
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    out = tmp_path / "people.csv"
    export = ["--db", store.url, "export", "people", "--format", "csv", "--out", str(out)]
    assert main(export) == 3 and not out.exists()
    assert main([*export, "--user", "admin", "--password-file", str(secret)]) == 0
    assert out.exists()
    capsys.readouterr()
