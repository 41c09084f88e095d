"""Issue 10: wrong passwords on an encrypted store wait like failed logins and end up audited."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.bootstrap import open_store
from app.core.keys import WrongSecretError
from app.security.authentication import login
from app.security.dto import UserInput
from app.security.encryption import encrypt_store
from app.security.lockout import FREE_FAILURES, UNKNOWN_NAME, WAITING, WRONG_PASSWORD
from app.security.service import create_first_administrator
from app.security.unlock_attempts import WAIT, attempts_file, unlock_store_key
from db.base import utcnow
from db.models import AuditEntry, User

PASSWORD = "adminpass1"
TYPED_AS_NAME = "my-secret-typed-in-the-name-field"


def _encrypted(db_path: Path) -> None:
    store = open_store(db_path)
    with store.write() as s:
        create_first_administrator(s, UserInput("admin", "", frozenset(), PASSWORD))
    encrypt_store(store, "admin", PASSWORD).store.dispose()


def _failed_logins(db_path: Path, key: bytes) -> list[tuple[str, str, str]]:
    store = open_store(db_path, key=key, backup=False)
    try:
        with store.read() as s:
            admin = str(s.scalar(select(User.id)))
            return [
                (e.entity_id, e.changes["reason"][1], "unlock" if "unlock_at" in e.changes else "")
                for e in s.scalars(
                    select(AuditEntry)
                    .where(AuditEntry.action == "login_failed")
                    .order_by(AuditEntry.seq)
                )
            ] + [("admin id", admin, "")]
    finally:
        store.dispose()


def test_wrong_passwords_on_an_encrypted_store_delay_and_are_audited_at_the_next_login(
    db_path: Path,
) -> None:
    _encrypted(db_path)
    t0 = utcnow()
    with pytest.raises(WrongSecretError):
        unlock_store_key(db_path, TYPED_AS_NAME, "whatever", now=t0)
    for i in range(FREE_FAILURES):
        with pytest.raises(WrongSecretError) as wrong:
            unlock_store_key(db_path, "admin", f"guess-{i}", now=t0)
        assert wrong.value.message_id != WAIT
    # The wait has begun: even the right password is refused until it is over.
    with pytest.raises(WrongSecretError) as waiting:
        unlock_store_key(db_path, "admin", PASSWORD, now=t0 + timedelta(seconds=1))
    assert waiting.value.message_id == WAIT
    assert waiting.value.message() and "Traceback" not in waiting.value.message()
    kept = attempts_file(db_path).read_text(encoding="utf-8")
    assert TYPED_AS_NAME not in kept and "guess" not in kept
    assert attempts_file(db_path).stat().st_mode & 0o077 == 0

    key = unlock_store_key(db_path, "admin", PASSWORD, now=t0 + timedelta(seconds=6))
    store = open_store(db_path, key=key, backup=False)
    try:
        login(store, "admin", PASSWORD)
        login(store, "admin", PASSWORD)  # the second login audits nothing again
    finally:
        store.dispose()
    *audited, (_label, admin_id, _none) = _failed_logins(db_path, key)
    assert audited == [
        ("", UNKNOWN_NAME, "unlock"),
        *[(admin_id, WRONG_PASSWORD, "unlock")] * FREE_FAILURES,
        (admin_id, WAITING, "unlock"),
    ]
    # The count starts again after the right password.
    with pytest.raises(WrongSecretError) as again:
        unlock_store_key(db_path, "admin", "one more guess", now=t0 + timedelta(seconds=7))
    assert again.value.message_id != WAIT
