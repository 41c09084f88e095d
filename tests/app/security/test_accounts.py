"""Accounts (issue 10, 11): roles, password reset, and key-file entries of existing users."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.bootstrap import open_store
from app.core.context import ADMINISTRATOR, MENTOR, VIEWER, Actor, local_actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.core.keys import WrongSecretError
from app.core.store import Store
from app.security.accounts import list_accounts, recovery_status, reset_password, set_roles
from app.security.authentication import login
from app.security.dto import UserInput
from app.security.encryption import encrypt_store, switch_logins_on
from app.security.service import choose_no_login, create_user
from app.security.unlock_attempts import unlock_store_key

PASSWORD = "adminpass1"


def test_users_made_before_logins_were_on_open_the_file_once_given_a_password(
    db_path: Path,
) -> None:
    # Decided (issue 10): nobody's password is known when the file is encrypted, so the
    # administrator sets each earlier user a password on the Users screen, which lists who
    # cannot open the file yet; that password opens the file from its commit on.
    store = open_store(db_path)
    with store.write() as s:
        choose_no_login(s)
        create_user(s, local_actor(), UserInput("mentor1", "", frozenset({MENTOR}), "old-pass1"))
        switch_logins_on(s, local_actor(), UserInput("admin", "", frozenset(), PASSWORD))
    done = encrypt_store(store, "admin", PASSWORD)
    store = done.store
    actor = login(store, "admin", PASSWORD)
    try:
        with store.read() as s:
            opens = {a.user.username: a.opens_file for a in list_accounts(s, actor)}
            assert recovery_status(s, actor).has_code
        assert opens == {"admin": True, "mentor1": False}
        with pytest.raises(WrongSecretError):
            unlock_store_key(db_path, "mentor1", "old-pass1")
        with store.write() as s:
            mentor = next(a for a in list_accounts(s, actor) if a.user.username == "mentor1")
            reset_password(s, actor, mentor.user.id, "new-pass-1")
        assert unlock_store_key(db_path, "mentor1", "new-pass-1")
        assert login(store, "mentor1", "new-pass-1").name == "mentor1"
        with store.read() as s:
            assert all(a.opens_file for a in list_accounts(s, actor))
    finally:
        store.dispose()


def test_roles_change_but_the_last_administrator_keeps_the_role(store: Store) -> None:
    actor = local_actor()
    with store.write() as s:
        choose_no_login(s)
        admin = create_user(s, actor, UserInput("admin", "", frozenset({ADMINISTRATOR}), PASSWORD))
        other = create_user(s, actor, UserInput("v1", "", frozenset({VIEWER}), PASSWORD))
    with store.write() as s:
        assert set_roles(s, actor, other.id, frozenset({MENTOR})).user.roles == {MENTOR}
        with pytest.raises(ValidationError):
            set_roles(s, actor, other.id, frozenset())
        with pytest.raises(PermissionDeniedError):
            set_roles(s, actor, admin.id, frozenset({VIEWER}))
        with pytest.raises(ValidationError):
            reset_password(s, actor, other.id, "short")
    viewer = Actor("v1", frozenset({VIEWER}))
    with store.read() as s, pytest.raises(PermissionDeniedError):
        list_accounts(s, viewer)
