"""Encryption at rest (issue 10, Why #2, #9, #10): logins on means an SQLCipher store."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.__main__ import main
from app.core import backup as backups
from app.core.bootstrap import open_store
from app.core.cipher import WRONG_KEY, LockedStoreError, is_encrypted
from app.core.context import local_actor
from app.core.errors import DomainError, StoreError
from app.core.keys import KeyFile, WrongSecretError, new_store_key, sidecar_of
from app.people.iin import make_iin
from app.security.authentication import LoginError, login
from app.security.dto import UserInput
from app.security.encryption import encrypt_store, recover
from app.security.service import create_first_administrator
from db.models import Person, User
from tests.app.security.helpers import add_judge

PASSWORD = "adminpass1"
SURNAME = "Жұмабекова"
IIN = make_iin(date(1980, 3, 4), 4321)


def _plain_store_with_a_judge(db_path: Path) -> None:
    store = open_store(db_path)
    try:
        with store.write() as s:
            add_judge(s, local_actor(), 4321, SURNAME)
    finally:
        store.dispose()


def _secret(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _cli(db_path: Path, *argv: object) -> int:
    return main(["--lang", "ru", "--db", str(db_path), *(str(a) for a in argv)])


def _setup_admin(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """`user setup-admin` on a plain store; the recovery code it printed."""
    pw = _secret(tmp_path, "pw.txt", PASSWORD)
    assert _cli(db_path, "user", "setup-admin", "admin", "--new-password-file", pw) == 0
    out = capsys.readouterr().out
    found = re.search(r"\b([A-Z2-9]{5}(?:-[A-Z2-9]{5}){5})\b", out)
    assert found, out
    return found.group(1)


def _login_args(tmp_path: Path, password: str = PASSWORD, user: str = "admin") -> list[str]:
    return ["--user", user, "--password-file", str(_secret(tmp_path, f"{user}.pw", password))]


def _files_beside(db_path: Path) -> list[Path]:
    folder = db_path.parent
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".txt"))


def test_why10_encrypted_store_holds_no_iin_name_or_hash_in_clear(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plain_store_with_a_judge(db_path)
    _setup_admin(db_path, tmp_path, capsys)
    # Written to while open: the -wal of an encrypted store is encrypted too.
    store = open_store(db_path, key=KeyFile.load(db_path).unlock("admin", PASSWORD))
    try:
        with store.write() as s:
            add_judge(s, local_actor(), 4322, SURNAME)
        assert Path(f"{db_path}-wal").exists()
        files = _files_beside(db_path)
        assert Path(f"{db_path}-wal") in files and len(files) >= 5  # store, wal, backups, keys
        for path in files:
            data = path.read_bytes()
            assert IIN.encode() not in data, path
            assert SURNAME.encode("utf-8") not in data, path
            assert b"admin" not in data and b"$argon2" not in data, path
            assert not data.startswith(backups.SQLITE_MAGIC), path
    finally:
        store.dispose()
    with open_store(db_path, key=KeyFile.load(db_path).unlock("admin", PASSWORD)).read() as s:
        assert s.scalar(select(func.count()).where(Person.surname == SURNAME)) == 2


def test_why10_wrong_password_or_no_key_cannot_open_the_store(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plain_store_with_a_judge(db_path)
    _setup_admin(db_path, tmp_path, capsys)
    assert is_encrypted(db_path)
    with pytest.raises(WrongSecretError) as wrong:
        KeyFile.load(db_path).unlock("admin", "not-the-password")
    assert wrong.value.message_id == "Wrong user name or password."
    with pytest.raises(WrongSecretError):
        KeyFile.load(db_path).unlock("nobody", PASSWORD)
    with pytest.raises(LockedStoreError):
        open_store(db_path)
    with pytest.raises(StoreError) as refused:
        open_store(db_path, key=new_store_key())
    assert refused.value.message_id == WRONG_KEY
    # The command line: refused (exit 3) with one sentence, before anything is opened.
    assert _cli(db_path, "check", *_login_args(tmp_path, "not-the-password")) == 3
    assert "Неверное имя пользователя или пароль." in capsys.readouterr().err
    assert _cli(db_path, "check") == 3
    assert "зашифрована" in capsys.readouterr().err
    assert _cli(db_path, "check", *_login_args(tmp_path)) == 0


def test_switching_logins_on_replaces_plain_backups_by_encrypted_ones(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plain_store_with_a_judge(db_path)
    folder = db_path.parent / "backups"
    aside = backups.restore(backups.backup_file(db_path, tmp_path / "copy.db"), db_path)
    assert aside is not None and backups.is_sqlite_file(aside)
    plain = [info.path for info in backups.list_backups(folder)] + [folder / backups.LAST_GOOD]
    assert plain and all(backups.is_sqlite_file(p) for p in plain)
    _setup_admin(db_path, tmp_path, capsys)
    key = KeyFile.load(db_path).unlock("admin", PASSWORD)
    for path in [*plain, aside]:
        assert not backups.is_sqlite_file(path), path
        assert sidecar_of(path).is_file(), path  # each opens on its own with the key file
        assert backups.integrity_problems(path, key=key) == [], path
        assert path.stat().st_mode & 0o077 == 0, path
    # The one written just before encryption holds the administrator too.
    newest = backups.list_backups(folder)[0].path
    with open_store(newest, key=key, backup=False, migrate=False).read() as s:
        assert s.scalar(select(func.count(User.id))) == 1


def test_backup_restore_check_and_demo_work_on_an_encrypted_store(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plain_store_with_a_judge(db_path)
    _setup_admin(db_path, tmp_path, capsys)
    login_args = _login_args(tmp_path)
    out = tmp_path / "elsewhere" / "b.db"
    assert _cli(db_path, "backup", "--out", out, *login_args) == 0
    assert not backups.is_sqlite_file(out) and sidecar_of(out).is_file()
    assert _cli(db_path, "demo", "--people-only", *login_args) == 0
    # The agenda reads I-1 on a second encrypted connection, opened with the same key
    assert _cli(db_path, "agenda", *login_args) == 0
    assert "I-1" in capsys.readouterr().out
    assert _cli(db_path, "check", "--full", *login_args) == 0
    assert _cli(db_path, "restore", out, *login_args) == 0
    key = KeyFile.load(db_path).unlock("admin", PASSWORD)
    store = open_store(db_path, key=key)
    try:
        with store.read() as s:
            # The demo's people are gone again: the backup was taken before it.
            assert s.scalar(select(func.count(Person.id))) == 1
        assert login(store, "admin", PASSWORD).name == "admin"
    finally:
        store.dispose()
    # A lost store folder: the backup and its key file alone open with the password.
    db_path.unlink()
    sidecar_of(db_path).unlink()
    assert _cli(db_path, "restore", out, *login_args) == 0
    assert is_encrypted(db_path)
    assert _cli(db_path, "check", *login_args) == 0


def test_a_new_user_opens_the_store_with_their_own_password(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plain_store_with_a_judge(db_path)
    _setup_admin(db_path, tmp_path, capsys)
    new_pw = _secret(tmp_path, "new.txt", "viewerpass1")
    args = ["user", "add", "Bob", "--role", "viewer", "--new-password-file", new_pw]
    assert _cli(db_path, *args, *_login_args(tmp_path)) == 0
    out = tmp_path / "people.csv"
    export = ["export", "people", "--format", "csv", "--out", out]
    assert _cli(db_path, *export, *_login_args(tmp_path, "viewerpass1", "bob")) == 0
    assert out.is_file()
    # The key file names nobody: entries are keyed hashes of the names.
    text = sidecar_of(db_path).read_text(encoding="utf-8")
    # A name standing on its own, not three letters inside a random base64 salt or hash (the
    # plain substring test failed whenever a salt happened to spell "bob").
    for name in ("bob", "admin"):
        assert not re.search(rf"(?<![A-Za-z0-9+/]){name}(?![A-Za-z0-9+/=])", text, re.I), name
    assert len(json.loads(text)["entries"]) == 3  # admin, bob, the recovery code


def test_why9_recovery_code_unlocks_a_locked_out_administrator(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plain_store_with_a_judge(db_path)
    code = _setup_admin(db_path, tmp_path, capsys)
    store = open_store(db_path, key=KeyFile.load(db_path).unlock("admin", PASSWORD))
    try:
        for _attempt in range(6):
            with pytest.raises(LoginError):
                login(store, "admin", "wrong-password")
        with pytest.raises(LoginError) as locked:
            login(store, "admin", PASSWORD)
        # The growing wait after failed attempts (app/security/lockout.py), not a wrong password.
        assert locked.value.params["name"] == "admin" and locked.value.params["seconds"] > 0
    finally:
        store.dispose()
    new_pw = _secret(tmp_path, "new.txt", "brand-new-pass")
    wrong = _secret(tmp_path, "wrong.txt", "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA")
    args = ["user", "recover", "admin", "--new-password-file", new_pw]
    assert _cli(db_path, *args, "--code-file", wrong) == 3
    assert "код восстановления" in capsys.readouterr().err
    typed = _secret(tmp_path, "code.txt", code.lower().replace("-", " "))  # as typed from paper
    assert _cli(db_path, *args, "--code-file", typed) == 0
    store = open_store(db_path, key=KeyFile.load(db_path).unlock("admin", "brand-new-pass"))
    try:
        assert login(store, "admin", "brand-new-pass").name == "admin"
    finally:
        store.dispose()


def test_recovery_refuses_a_user_who_is_not_an_administrator(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _setup_admin(db_path, tmp_path, capsys)
    with pytest.raises(DomainError) as refused:
        recover(db_path, code, "nobody", "brand-new-pass")
    assert refused.value.message_id == "{name} is not an administrator of this database."


def test_encrypting_a_server_database_is_left_to_the_server(db_path: Path) -> None:
    store = open_store(db_path)
    with store.write() as s:
        create_first_administrator(s, UserInput("admin", "", frozenset(), PASSWORD))
    store.path = None  # as a PostgreSQL store is: no file to encrypt
    done = encrypt_store(store, "admin", PASSWORD)
    assert done.store is store and done.recovery_code == "" and done.postponed is None
    store.dispose()


def test_check_reports_logins_without_encryption_and_encrypt_store_mends_it(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A store whose logins were switched on before encryption existed (or a plain file put
    # in place of the encrypted one): check says so, encrypt-store mends it.
    store = open_store(db_path)
    with store.write() as s:
        create_first_administrator(s, UserInput("admin", "", frozenset(), PASSWORD))
    store.dispose()
    login_args = _login_args(tmp_path)
    assert _cli(db_path, "check", *login_args) == 1
    assert "не зашифрован" in capsys.readouterr().out
    assert _cli(db_path, "user", "encrypt-store", *login_args) == 0
    assert re.search(r"[A-Z2-9]{5}(-[A-Z2-9]{5}){5}", capsys.readouterr().out)
    assert is_encrypted(db_path)
    assert _cli(db_path, "check", *login_args) == 0


def test_setup_admin_while_another_window_has_the_store_open_postpones_encryption(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = open_store(db_path)  # another window: encrypting in place must wait for it
    try:
        pw = _secret(tmp_path, "pw.txt", PASSWORD)
        assert _cli(db_path, "user", "setup-admin", "admin", "--new-password-file", pw) == 0
        assert "user encrypt-store" in capsys.readouterr().err
        assert backups.is_sqlite_file(db_path) and not sidecar_of(db_path).exists()
        assert _cli(db_path, "user", "encrypt-store", *_login_args(tmp_path)) == 4
    finally:
        other.dispose()
    assert _cli(db_path, "user", "encrypt-store", *_login_args(tmp_path)) == 0
    assert is_encrypted(db_path)


def test_exchange_packages_leave_and_enter_an_encrypted_store(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.exchange.apply import import_package
    from app.exchange.export import export_package
    from app.exchange.state import set_node_name
    from tests.app.exchange.conftest import pair_stores

    actor = local_actor()
    centre_path = tmp_path / "centre" / "talimger.db"
    centre_path.parent.mkdir()
    shutil.copyfile(db_path, centre_path)
    _plain_store_with_a_judge(db_path)
    _setup_admin(db_path, tmp_path, capsys)
    district = open_store(db_path, key=KeyFile.load(db_path).unlock("admin", PASSWORD))
    centre = open_store(centre_path)
    try:
        with district.write() as s:
            set_node_name(s, actor, "district")
        with centre.write() as s:
            set_node_name(s, actor, "centre")
        pair_stores(district, "district", centre, "centre")  # packages come from paired PCs only
        with district.write() as s:
            data, _count = export_package(s, actor, "centre", "passphrase!")
        with centre.write() as s:
            import_package(s, actor, data, "passphrase!")
        with centre.read() as s:
            assert s.scalar(select(func.count()).where(Person.surname == SURNAME)) == 1
        with centre.write() as s:
            add_judge(s, actor, 4323, "Серікбаев")
            back, _count = export_package(s, actor, "district", "passphrase!")
        with district.write() as s:
            import_package(s, actor, back, "passphrase!")
        with district.read() as s:
            assert s.scalar(select(func.count()).where(Person.surname == "Серікбаев")) == 1
    finally:
        district.dispose()
        centre.dispose()
