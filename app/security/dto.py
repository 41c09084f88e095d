"""Data carried between the user services and their callers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class UserInput:
    """What the user form or the first-run wizard collects."""

    username: str
    full_name: str
    roles: frozenset[str]
    password: str
    person_id: uuid.UUID | None = None


@dataclass(frozen=True)
class UserDTO:
    """A user account, without its password hash."""

    id: uuid.UUID
    version: int
    username: str
    full_name: str
    roles: frozenset[str]
    person_id: uuid.UUID | None
    active: bool
    locked: bool
    last_login_at: datetime | None


@dataclass(frozen=True)
class AccountDTO:
    """A row of the users and roles screen."""

    user: UserDTO
    person_name: str  # "" when the account is nobody's in the register
    wait_seconds: int  # the wait after failed logins still running (0: none)
    opens_file: bool | None  # an encrypted file: has a key-file entry; None: not encrypted


@dataclass(frozen=True)
class RecoveryStatus:
    """What the screen says of the recovery code."""

    encrypted: bool
    has_code: bool
