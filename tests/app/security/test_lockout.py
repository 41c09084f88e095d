"""Issue 10, Why #9: failed logins wait longer each time, alert administrators, never lock."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.core.context import VIEWER, Actor
from app.core.errors import PermissionDeniedError
from app.core.settings import set_setting
from app.core.store import Store
from app.security.authentication import MAX_FAILED_KEY, LoginError, login
from app.security.dto import UserInput
from app.security.lockout import UNKNOWN_NAME, pending_alerts, unlock, wait_after
from app.security.service import create_first_administrator, create_user, list_users, lock_user
from db.models import AuditEntry, LoginAttempt, User


def _admin(store: Store) -> Actor:
    with store.write() as s:
        create_first_administrator(s, UserInput("admin", "Әкімші", frozenset(), "s3cret-pass"))
    return login(store, "admin", "s3cret-pass")


def _clock_passes(store: Store, hours: int = 2) -> None:
    """The time of every attempt moves back, as if the hours had passed."""
    with store.write() as s:
        for attempt in s.scalars(select(LoginAttempt)):
            attempt.at -= timedelta(hours=hours)


def test_why_9_the_only_administrator_is_never_locked_out(store: Store) -> None:
    _admin(store)
    for _ in range(5):
        with pytest.raises(LoginError):
            login(store, "admin", "wrong-password")
    with pytest.raises(LoginError, match=r"\d+") as waiting:
        login(store, "admin", "s3cret-pass")  # the right password, but during the wait
    assert "lock" not in waiting.value.message_id
    with store.read() as s:
        assert s.scalar(select(User.locked_at)) is None
    _clock_passes(store)
    assert login(store, "admin", "s3cret-pass").name == "admin"


def test_why_9_the_wait_grows_and_has_a_ceiling() -> None:
    waits = [wait_after(n) for n in range(12)]
    assert waits[:3] == [timedelta(0)] * 3
    assert all(a < b for a, b in itertools.pairwise(waits[3:10]))
    assert wait_after(10_000) == timedelta(hours=1)


def test_why_9_administrators_are_alerted_at_their_next_login(store: Store) -> None:
    admin = _admin(store)
    with store.write() as s:
        set_setting(s, admin, MAX_FAILED_KEY, "4")
        create_user(s, admin, UserInput("aliya", "Әлия", frozenset({VIEWER}), "good-password"))
    for _ in range(4):
        _clock_passes(store)
        with pytest.raises(LoginError):
            login(store, "aliya", "bad-password")
    again = login(store, "admin", "s3cret-pass")
    with store.read() as s:
        alerts = pending_alerts(s, again)
        chained = s.scalars(select(AuditEntry.action).where(AuditEntry.action == "login_alert"))
        assert list(chained) == ["login_alert"]
    assert [(a.username, a.failures) for a in alerts] == [("aliya", 4)]
    with store.read() as s:
        assert pending_alerts(s, login(store, "admin", "s3cret-pass")) == []  # shown once


def test_why_9_an_unknown_name_is_recorded_as_unknown_never_as_typed(store: Store) -> None:
    _admin(store)
    typed = "Pa55word-typed-into-the-name"
    with pytest.raises(LoginError):
        login(store, typed, "whatever")
    with store.read() as s:
        names = list(s.scalars(select(LoginAttempt.username)))
        reasons = [
            e.changes["reason"][1]
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "login_failed"))
        ]
        every_entry = " ".join(str(e.changes) + e.entity_id for e in s.scalars(select(AuditEntry)))
    assert typed not in names and typed.lower() not in " ".join(names).lower()
    assert reasons == [UNKNOWN_NAME]
    assert typed not in every_entry


def test_why_9_a_lock_is_an_administrators_act_and_unlock_lifts_it(store: Store) -> None:
    admin = _admin(store)
    with store.write() as s:
        viewer = create_user(s, admin, UserInput("aliya", "", frozenset({VIEWER}), "good-password"))
    aliya = login(store, "aliya", "good-password")
    with pytest.raises(PermissionDeniedError), store.write() as s:
        lock_user(s, aliya, viewer.id)
    with store.write() as s:
        lock_user(s, admin, viewer.id)
    _clock_passes(store, hours=100)
    with pytest.raises(LoginError, match=r"administrator|әкімші"):
        login(store, "aliya", "good-password")
    with store.write() as s:
        unlock(s, Actor("recovery code"), "ALIYA")  # what the recovery code calls
    assert login(store, "aliya", "good-password").name == "aliya"
    with store.read() as s:
        assert not any(u.locked for u in list_users(s, admin))
