"""The administrator's work on accounts: the list, roles, passwords, key-file entries."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import ADMINISTRATOR, Actor
from app.core.errors import FieldError, NotFoundError, PermissionDeniedError, ValidationError
from app.core.keys import RECOVERY_ID, KeyFile
from app.core.permissions import USERS_MANAGE, require
from app.security.authentication import hash_password
from app.security.dto import AccountDTO, RecoveryStatus, UserDTO, UserInput
from app.security.encryption import wrap_key_after_commit
from app.security.lockout import wait_left
from app.security.service import _dto, _validate, create_user
from db.base import utcnow
from db.models import Person, User
from i18n import N_


def _key_file(session: Session) -> KeyFile | None:
    """The key file of the session's encrypted store; None for a plain file or a server."""
    found = session.info.get("store_key")
    if found is None:
        return None
    path: Path = found[0]
    return KeyFile.load(path)


def list_accounts(session: Session, actor: Actor) -> list[AccountDTO]:
    """Every account with its person, its running wait and whether it opens the file."""
    require(actor, USERS_MANAGE)
    keys = _key_file(session)
    now = utcnow()
    rows = session.execute(
        select(User, Person.surname, Person.first_name, Person.patronymic)
        .outerjoin(Person, Person.id == User.person_id)
        .order_by(func.lower(User.username))
    ).all()
    found: list[AccountDTO] = []
    for user, surname, first, patronymic in rows:
        person = " ".join(p for p in (surname, first, patronymic) if p)
        left = wait_left(session, user, now)
        found.append(
            AccountDTO(
                _dto(user),
                person,
                int(left.total_seconds() + 0.999) if left else 0,
                keys.has_user(user.username) if keys is not None else None,
            )
        )
    return found


def recovery_status(session: Session, actor: Actor) -> RecoveryStatus:
    """Whether the file is encrypted and a recovery code can open it."""
    require(actor, USERS_MANAGE)
    keys = _key_file(session)
    if keys is None:
        return RecoveryStatus(encrypted=False, has_code=False)
    return RecoveryStatus(encrypted=True, has_code=RECOVERY_ID in keys.data["entries"])


def create_account(session: Session, actor: Actor, data: UserInput, iin: str = "") -> UserDTO:
    """Add a user (administrators only), tied to the register's person with this IIN if any
    (a mentor sees their own pairs through it; a coordinator's region comes from it).
    """
    require(actor, USERS_MANAGE)
    person_id = None
    if iin.strip():
        person_id = session.scalar(select(Person.id).where(Person.iin == iin.strip()))
        if person_id is None:
            raise ValidationError(
                [
                    FieldError(
                        "person",
                        N_("Nobody in the register has the IIN {iin}."),
                        {"iin": iin.strip()},
                    )
                ]
            )
    return create_user(session, actor, replace(data, person_id=person_id))


def _load(session: Session, user_id: uuid.UUID) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(N_("This user was deleted by someone else."))
    return user


def _other_administrators(session: Session, user: User) -> int:
    return sum(
        1
        for u in session.scalars(select(User).where(User.id != user.id, User.active.is_(True)))
        if ADMINISTRATOR in u.roles and u.locked_at is None
    )


def set_roles(
    session: Session, actor: Actor, user_id: uuid.UUID, roles: frozenset[str]
) -> AccountDTO:
    """Change an account's roles; the last administrator keeps the role (issue 10, Why #9)."""
    require(actor, USERS_MANAGE)
    user = _load(session, user_id)
    errors = [
        e
        for e in _validate(
            session, UserInput(user.username, "", roles, ""), user.id, password_required=False
        )
        if e.field == "roles"
    ]
    if errors:
        raise ValidationError(errors)
    demoted = ADMINISTRATOR in user.roles and ADMINISTRATOR not in roles
    if demoted and not _other_administrators(session, user):
        raise PermissionDeniedError(
            N_("{name} is the only administrator: give the role to someone else first."),
            name=user.username,
        )
    old = sorted(user.roles)
    user.roles, user.updated_by = sorted(roles), actor.name
    session.flush()
    record(session, actor, "update", "user", user.id, {"roles": [old, user.roles]})
    return _account(session, user)


def reset_password(session: Session, actor: Actor, user_id: uuid.UUID, password: str) -> AccountDTO:
    """Give an account a new password (told to its user in person); lifts the wait after
    failed logins. On an encrypted file the password opens it from the commit on: this is
    how an account made before logins were switched on gets its key-file entry.
    """
    require(actor, USERS_MANAGE)
    user = _load(session, user_id)
    errors = [
        e
        for e in _validate(
            session, UserInput(user.username, "", frozenset(user.roles), password), user.id, True
        )
        if e.field == "password"
    ]
    if errors:
        raise ValidationError(errors)
    user.password_hash, user.failed_logins = hash_password(password), 0
    user.updated_by = actor.name
    session.flush()
    record(session, actor, "reset_password", "user", user.id, {})
    wrap_key_after_commit(session, user.username, password)
    return _account(session, user)


def _account(session: Session, user: User) -> AccountDTO:
    keys = _key_file(session)
    person = session.get(Person, user.person_id) if user.person_id else None
    name = " ".join(p for p in (person.surname, person.first_name) if p) if person else ""
    left = wait_left(session, user, utcnow())
    return AccountDTO(
        _dto(user),
        name,
        int(left.total_seconds() + 0.999) if left else 0,
        keys.has_user(user.username) if keys is not None else None,
    )


__all__ = ["create_account", "list_accounts", "recovery_status", "reset_password", "set_roles"]
