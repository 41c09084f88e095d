"""Logging in: argon2 password hashes, the password check with its growing wait, the actor."""

from __future__ import annotations

import contextlib
from functools import lru_cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import COORDINATOR, Actor
from app.core.errors import DomainError
from app.core.settings import get_setting
from app.core.store import Store
from app.courts import offices
from app.security.lockout import (
    LOCKED,
    UNKNOWN_NAME,
    WAITING,
    WRONG_PASSWORD,
    record_failure,
    wait_left,
)
from app.security.unlock_attempts import audit_failed_unlocks
from db.base import utcnow
from db.models import Court, LoginAttempt, Person, User
from i18n import N_

# Failures in a row after which administrators are alerted (no longer a lock: Why #9).
MAX_FAILED_KEY = "security.max_failed_logins"
INACTIVE = "inactive account"
DEFAULT_MAX_FAILED = 5


class LoginError(DomainError):
    """Wrong user name or password, or a locked account."""


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Verifying against a dummy hash for unknown names keeps the timing of both failures alike.
    return _hasher().hash("not a password of anyone")


def hash_password(password: str) -> str:
    """An argon2id hash of a password."""
    return _hasher().hash(password)


def _max_failed(session: Session) -> int:
    raw = get_setting(session, MAX_FAILED_KEY)
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_FAILED


def try_login(session: Session, username: str, password: str) -> Actor | LoginError:
    """Check a password: the Actor, or the LoginError to show (a growing wait after failures,
    never a lock but an administrator's; issue 10, Why #9).

    The error is returned, not raised, so the caller commits the failure with it.
    """
    name = username.strip()
    user = session.scalar(select(User).where(func.lower(User.username) == name.lower()))
    now = utcnow()
    alert_at = _max_failed(session)
    if user is None or not user.active:
        with contextlib.suppress(VerificationError):
            _hasher().verify(_dummy_hash(), password)
        record_failure(session, user, UNKNOWN_NAME if user is None else INACTIVE, now, alert_at)
        session.flush()
        return LoginError(N_("Wrong user name or password."))
    if user.locked_at is not None:
        record_failure(session, user, LOCKED, now, alert_at)
        session.flush()
        return LoginError(
            N_("The account {name} was locked by an administrator. Ask them to unlock it."),
            name=user.username,
        )
    left = wait_left(session, user, now)
    if left:
        record_failure(session, user, WAITING, now, alert_at)
        session.flush()
        return LoginError(
            N_("Too many failed logins as {name}: try again in {seconds} seconds."),
            name=user.username,
            seconds=max(1, int(left.total_seconds() + 0.999)),
        )
    try:
        _hasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        # Counted in the database, not read-modify-written: PCs failing at once all count,
        # and none is told "changed meanwhile" (a versioned save would be).
        _bump(session, user, failed_logins=User.failed_logins + 1)
        record_failure(session, user, WRONG_PASSWORD, now, alert_at)
        session.flush()
        return LoginError(N_("Wrong user name or password."))
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    # Several PCs log in as one account at once (issue 16): this write takes no version, so
    # none of them is refused; the row lock only makes them take turns.
    _bump(session, user, failed_logins=0, last_login_at=now)
    session.add(LoginAttempt(username=user.username, at=now, success=True))
    session.flush()
    roles, region = frozenset(user.roles), _region_of(session, user)
    named = offices.coordinated_region(session, user.person_id) if user.person_id else ""
    if named:
        # M-6 (seed 002 cl. 9): the region's named coordinator holds the coordinator's
        # permissions for that region, whatever roles the account was given.
        roles, region = roles | {COORDINATOR}, named
    actor = Actor(user.username, roles, user.person_id, region)
    audit_failed_unlocks(session)  # wrong passwords before the encrypted store could open
    record(session, actor, "login", "user", user.id, {})
    return actor


def _bump(session: Session, user: User, **values: Any) -> int:
    """Write login bookkeeping without the optimistic-lock version; the failure count after."""
    failed = session.execute(
        update(User)
        .where(User.id == user.id)
        .values(**values)
        .returning(User.failed_logins)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    session.refresh(user, ["failed_logins", "locked_at", "last_login_at"])
    return int(failed)


def _region_of(session: Session, user: User) -> str:
    # M-6, M-9: a coordinator answers for the region of their own court; a user with no person
    # record (or no court) is bound to no region and sees the whole store of this centre.
    if user.person_id is None:
        return ""
    region = session.scalar(
        select(Court.region_code)
        .join(Person, Person.court_id == Court.id)
        .where(Person.id == user.person_id)
    )
    return region or ""


def login(store: Store, username: str, password: str) -> Actor:
    """Log in as one unit of work: the Actor, or LoginError after the attempt is saved."""
    with store.write() as session:
        outcome = try_login(session, username, password)
    if isinstance(outcome, LoginError):
        raise outcome
    return outcome
