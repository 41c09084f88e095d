"""User accounts: argon2 password hashes, login with lock-out, first run, "no login" mode."""

from __future__ import annotations

import contextlib
import uuid
from functools import lru_cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import ADMINISTRATOR, COORDINATOR, ROLES, SYSTEM, Actor, local_actor
from app.core.errors import (
    DomainError,
    FieldError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.core.permissions import USERS_MANAGE, require
from app.core.settings import LOGIN_REQUIRED_KEY, get_setting, set_setting
from app.core.store import Store
from app.courts import offices
from app.security.dto import UserDTO, UserInput
from app.security.encryption import wrap_key_after_commit
from app.security.lockout import (
    LOCKED,
    UNKNOWN_NAME,
    WAITING,
    WRONG_PASSWORD,
    record_failure,
    unlock,
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
PASSWORD_MIN = 8
USERNAME_MAX = 80


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


def _dto(u: User) -> UserDTO:
    return UserDTO(
        u.id,
        u.version,
        u.username,
        u.full_name,
        frozenset(u.roles),
        u.person_id,
        u.active,
        u.locked_at is not None,
        u.last_login_at,
    )


def _validate(
    session: Session, data: UserInput, exclude: uuid.UUID | None, password_required: bool
) -> list[FieldError]:
    errors: list[FieldError] = []
    name = data.username.strip()
    if not name:
        errors.append(FieldError("username", N_("This field is required.")))
    elif len(name) > USERNAME_MAX or any(ch.isspace() or not ch.isprintable() for ch in name):
        errors.append(
            FieldError(
                "username",
                N_("A user name has no spaces and at most {limit} characters."),
                {"limit": USERNAME_MAX},
            )
        )
    else:
        clash = session.scalar(select(User.id).where(func.lower(User.username) == name.lower()))
        if clash is not None and clash != exclude:
            errors.append(
                FieldError("username", N_("The user name {name} is taken."), {"name": name})
            )
    if not data.roles or not data.roles <= set(ROLES):
        errors.append(FieldError("roles", N_("Choose at least one role.")))
    if (password_required or data.password) and len(data.password) < PASSWORD_MIN:
        errors.append(
            FieldError(
                "password",
                N_("A password has at least {limit} characters."),
                {"limit": PASSWORD_MIN},
            )
        )
    return errors


def insert_user(session: Session, actor: Actor, data: UserInput) -> UserDTO:
    """Add an account without a permission check (first run, switching logins on)."""
    errors = _validate(session, data, None, password_required=True)
    if errors:
        raise ValidationError(errors)
    user = User(
        username=data.username.strip(),
        full_name=" ".join(data.full_name.split()),
        password_hash=hash_password(data.password),
        roles=sorted(data.roles),
        person_id=data.person_id,
        active=True,
        failed_logins=0,
        updated_by=actor.name,
    )
    session.add(user)
    session.flush()
    record(
        session,
        actor,
        "create",
        "user",
        user.id,
        {"username": [None, user.username], "roles": [None, user.roles]},
    )
    wrap_key_after_commit(session, user.username, data.password)
    return _dto(user)


def create_user(session: Session, actor: Actor, data: UserInput) -> UserDTO:
    """Add a user (administrators only)."""
    require(actor, USERS_MANAGE)
    return insert_user(session, actor, data)


def login_mode(session: Session) -> str:
    """The login mode: "login", "none" (explicit single-user) or "" before the first run."""
    return {"1": "login", "0": "none"}.get(get_setting(session, LOGIN_REQUIRED_KEY), "")


def needs_first_run(session: Session) -> bool:
    """True until an administrator was created or "no login" was chosen."""
    return login_mode(session) == "" and not session.scalar(select(func.count(User.id)))


def create_first_administrator(session: Session, data: UserInput) -> UserDTO:
    """First-run wizard: create the administrator and turn logins on."""
    if not needs_first_run(session):
        raise PermissionDeniedError(N_("The first run is already done."))
    data = UserInput(
        data.username, data.full_name, data.roles | {ADMINISTRATOR}, data.password, data.person_id
    )
    user = insert_user(session, SYSTEM, data)
    set_setting(session, SYSTEM, LOGIN_REQUIRED_KEY, "1")
    return user


def choose_no_login(session: Session, actor: Actor | None = None) -> None:
    """Single-user offline install: run without logins, as the operating-system user."""
    if needs_first_run(session):
        set_setting(session, SYSTEM, LOGIN_REQUIRED_KEY, "0")
        return
    if actor is None:
        raise PermissionDeniedError(N_("Only an administrator may turn logins off."))
    require(actor, USERS_MANAGE)
    set_setting(session, actor, LOGIN_REQUIRED_KEY, "0")


def startup_actor(session: Session) -> Actor | None:
    """The actor when no login is needed ("no login" mode), else None: ask for a login."""
    return local_actor() if login_mode(session) == "none" else None


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


def _load(session: Session, user_id: uuid.UUID) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(N_("This user was deleted by someone else."))
    return user


def unlock_user(session: Session, actor: Actor, user_id: uuid.UUID) -> UserDTO:
    """Lift a lock and the wait after failed logins (administrators only)."""
    require(actor, USERS_MANAGE)
    user = _load(session, user_id)
    unlock(session, actor, user.username)
    return _dto(user)


def lock_user(session: Session, actor: Actor, user_id: uuid.UUID) -> UserDTO:
    """Lock an account until unlocked: the only permanent lock, an administrator's act."""
    require(actor, USERS_MANAGE)
    user = _load(session, user_id)
    user.locked_at, user.updated_by = utcnow(), actor.name
    session.flush()
    record(session, actor, "lock", "user", user.id, {})
    return _dto(user)


def list_users(session: Session, actor: Actor) -> list[UserDTO]:
    """Every account, by user name (administrators only)."""
    require(actor, USERS_MANAGE)
    return [_dto(u) for u in session.scalars(select(User).order_by(User.username))]
