"""User accounts: the list, adding and locking them, first run, "no login" mode."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import ADMINISTRATOR, ROLES, SYSTEM, Actor, local_actor
from app.core.errors import FieldError, NotFoundError, PermissionDeniedError, ValidationError
from app.core.permissions import USERS_MANAGE, require
from app.core.settings import LOGIN_REQUIRED_KEY, get_setting, set_setting
from app.security.authentication import hash_password
from app.security.dto import UserDTO, UserInput
from app.security.encryption import wrap_key_after_commit
from app.security.lockout import unlock
from db.base import utcnow
from db.models import User
from i18n import N_

PASSWORD_MIN = 8
USERNAME_MAX = 80


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
