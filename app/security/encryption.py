"""Logins on means encrypted: encrypt a store for its administrator, recover with the code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.backup import environment_error
from app.core.bootstrap import open_store, stored_backups_kept
from app.core.cipher import is_encrypted
from app.core.context import ADMINISTRATOR, SYSTEM, Actor
from app.core.encryption import encrypt_in_place
from app.core.errors import (
    DomainError,
    FieldError,
    PermissionDeniedError,
    StoreError,
    ValidationError,
)
from app.core.keys import KeyFile, new_recovery_code, new_store_key
from app.core.permissions import SETTINGS_EDIT, require
from app.core.settings import set_setting
from app.core.store import Store
from app.security.dto import UserDTO, UserInput
from db.models import User
from i18n import N_, _


def wrap_key_after_commit(session: Session, username: str, password: str) -> None:
    """On an encrypted store, let this password open it once the account is saved.

    After the commit: a refused or rolled-back account leaves no way into the file.
    """
    found = session.info.get("store_key")
    if found is None:
        return
    path, key = found

    def wrap(_session: Session) -> None:
        keyfile = KeyFile.load(path)
        keyfile.wrap_for_user(key, username, password)
        keyfile.save()

    event.listen(session, "after_commit", wrap, once=True)


@dataclass(frozen=True)
class Encryption:
    """What encrypt_store did: the store to go on with, and the code to print."""

    store: Store
    recovery_code: str = ""  # empty: not encrypted (a server, or postponed)
    postponed: StoreError | None = None  # why the file could not be encrypted now


POSTPONED = N_(
    "Logins are on, but the database file could not be encrypted now: {reason} Close every"
    " other Tälimger window and command, then run: user encrypt-store"
)


def encrypt_store(store: Store, username: str, password: str) -> Encryption:
    """Encrypt a plain SQLite store for its administrator; the reopened store and the code.

    The caller's store is closed. A server database is left as it is (PostgreSQL protects
    itself with its own authentication and TLS). When the file cannot be taken now (another
    window has it open, the disk refuses), it is reopened plain and the reason returned:
    logins stay on and `check` reports the file plain until `user encrypt-store` runs.
    """
    if store.path is None or store.encrypted:
        return Encryption(store)
    path, backup_dir = store.path, store.backup_dir
    key, code = new_store_key(), new_recovery_code()
    keyfile = KeyFile.create(path)
    keyfile.wrap_for_user(key, username, password)
    keyfile.wrap_for_recovery(key, code)
    kept = stored_backups_kept(path)
    store.dispose()
    try:
        encrypt_in_place(path, backup_dir, key, keyfile, kept)
    except (StoreError, OSError) as exc:
        if is_encrypted(path):
            raise  # encrypted, then something after failed: the key file opens it
        keyfile.path.unlink(missing_ok=True)
        # OSError: Windows refuses to replace a file another process has open (no flock).
        refusal = exc if isinstance(exc, StoreError) else environment_error(exc, path.parent)
        return Encryption(open_store(path, backup=False), postponed=refusal)
    return Encryption(open_store(path, key=key, backup=False), code)


def encrypt_and_close(store: Store, username: str, password: str) -> str:
    """Encrypt the store and leave it closed (the window restarts with a login); the code.

    A postponed encryption is refused (StoreError) with its reason; logins are on anyway.
    """
    done = encrypt_store(store, username, password)
    done.store.dispose()
    if done.postponed is not None:
        raise StoreError(POSTPONED, reason=done.postponed.message())
    return done.recovery_code


def switch_logins_on(session: Session, actor: Actor, data: UserInput) -> UserDTO:
    """From "no login" mode (Settings): create the administrator and require logins.

    The caller then encrypts the file (encrypt_store) with the same password.
    """
    from app.core.settings import LOGIN_REQUIRED_KEY
    from app.security.service import insert_user, login_mode

    require(actor, SETTINGS_EDIT)
    if login_mode(session) == "login":
        raise PermissionDeniedError(N_("Logins are already required."))
    data = UserInput(
        data.username, data.full_name, data.roles | {ADMINISTRATOR}, data.password, data.person_id
    )
    user = insert_user(session, SYSTEM, data)
    set_setting(session, actor, LOGIN_REQUIRED_KEY, "1")
    return user


def recover(db_path: Path, code: str, username: str, new_password: str) -> None:
    """The way back for a lost or locked administrator: the recovery code opens the store,
    the administrator gets a new password and is unlocked (audited).
    """
    from app.security.authentication import hash_password
    from app.security.service import PASSWORD_MIN

    if len(new_password) < PASSWORD_MIN:
        raise ValidationError(
            [
                FieldError(
                    "password",
                    N_("A password has at least {limit} characters."),
                    {"limit": PASSWORD_MIN},
                )
            ]
        )
    keyfile = KeyFile.load(db_path)
    key = keyfile.unlock_with_recovery(code)
    store = open_store(db_path, key=key)
    try:
        with store.write() as session:
            user = session.scalar(
                select(User).where(func.lower(User.username) == username.strip().lower())
            )
            if user is None or ADMINISTRATOR not in user.roles:
                raise DomainError(
                    N_("{name} is not an administrator of this database."), name=username
                )
            user.password_hash = hash_password(new_password)
            user.locked_at, user.failed_logins, user.active = None, 0, True
            user.updated_by = SYSTEM.name
            session.flush()
            record(session, SYSTEM, "recover", "user", user.id, {"recovery_code": [None, "used"]})
        keyfile.wrap_for_user(key, user.username, new_password)
        keyfile.save()
    finally:
        store.dispose()


def recovery_sheet(code: str, username: str, location: str) -> str:
    """The page to print and keep locked away: what the code is for and how to use it."""
    lines = [
        _("Tälimger — recovery code"),
        "",
        _("Database: {location}").format(location=location),
        _("Administrator: {name}").format(name=username),
        "",
        f"    {code}",
        "",
        _(
            "This code opens the encrypted database when the administrator's password is lost"
            " or the account is locked. Keep this sheet in a safe; anyone holding it and the"
            " database file can read the data."
        ),
        _("To use it: {command}").format(
            command="talimger user recover "
            + username
            + " --code-file CODE.txt --new-password-file PASSWORD.txt"
        ),
    ]
    return "\n".join(lines) + "\n"
