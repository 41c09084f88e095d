"""SQLCipher connections: open an encrypted store file with its raw key, encrypt a plain one."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, cast

import sqlcipher3.dbapi2 as dbapi

from app.core.errors import StoreError
from i18n import N_

# SQLCipher's driver is a copy of pysqlite with its own exception classes: code that reads
# plain and encrypted files alike catches both.
ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, dbapi.Error)
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, dbapi.DatabaseError)
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (
    sqlite3.OperationalError,
    dbapi.OperationalError,
)
# Typed names for the combined catches (mypy reads no starred tuple in an except clause).
ERRORS_OR_OS: tuple[type[Exception], ...] = (sqlite3.Error, dbapi.Error, OSError)
ERRORS_OR_REFUSED: tuple[type[Exception], ...] = (sqlite3.Error, dbapi.Error, StoreError)
DAMAGED_OR_REFUSED: tuple[type[Exception], ...] = (
    sqlite3.DatabaseError,
    dbapi.DatabaseError,
    StoreError,
)
KEY_BYTES = 32
CACHE_KIB = 65_536

WRONG_KEY = N_(
    "The database {path} is encrypted and this password does not open it."
    " Check the user name and the password."
)


def module() -> Any:
    """The DB-API module SQLAlchemy is given for an encrypted store (its error classes)."""
    return dbapi


def key_pragma(key: bytes) -> str:
    """PRAGMA key with a raw 256-bit key: SQLCipher then skips its own PBKDF2 (the key is
    already derived and random), so opening costs what a plain file costs.
    """
    if len(key) != KEY_BYTES:
        raise ValueError("a store key has 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _quiet(conn: Any) -> None:
    # SQLCipher logs a failed page HMAC to stderr; a wrong password is told as a sentence.
    conn.execute("PRAGMA cipher_log_level = NONE").fetchall()


def connect(
    path: Path, key: bytes, *, read_only: bool = False, timeout: float = 5.0
) -> sqlite3.Connection:
    """A connection to an encrypted file, checked: StoreError when the key does not open it.

    Typed as sqlite3.Connection: the driver is pysqlite's API compiled against SQLCipher.
    """
    uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "")
    conn = dbapi.connect(uri, uri=True, timeout=timeout)
    try:
        _quiet(conn)
        conn.execute(key_pragma(key))
        # The key is only tried on the first read: "file is not a database" means a wrong key.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise StoreError(WRONG_KEY, path=str(path)) from exc
        raise
    return cast(sqlite3.Connection, conn)


def raw_connect(path: Path, key: bytes, *, timeout: float = 5.0) -> Any:
    """The unchecked connection SQLAlchemy's pool uses (`creator`); the key first of all."""
    conn = dbapi.connect(str(path), timeout=timeout, check_same_thread=False)
    _quiet(conn)
    conn.execute(key_pragma(key))
    # Every page read from the file is decrypted and its HMAC checked: a page cache of
    # CACHE_KIB keeps the decrypted pages of a search's table scan for the next keystroke
    # (national people list: ~450 ms a keystroke with SQLite's 8 MB default, ~180 ms with it,
    # on a loaded 2-core machine where plain took ~160 ms). Filled only as pages are read.
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return conn


def export_encrypted(source: Path, target: Path, key: bytes, source_key: bytes | None) -> None:
    """Write the whole database at source into a new file at target, encrypted with key.

    sqlcipher_export is SQLCipher's documented way to encrypt a plain database (source_key
    None) or copy an encrypted one; the target must not exist yet.
    """
    if target.exists() and target.stat().st_size:
        raise FileExistsError(str(target))
    conn = dbapi.connect(str(source), timeout=5.0)
    try:
        _quiet(conn)
        if source_key is not None:
            conn.execute(key_pragma(source_key))
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')").fetchone()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()


class LockedStoreError(StoreError):
    """The store is encrypted and no key was given: the caller asks for a login first."""


LOCKED = N_("The database {path} is encrypted: log in to open it.")


def is_encrypted(path: Path) -> bool:
    """An existing store file that is not plain SQLite and has a key file beside it."""
    from app.core.keys import sidecar_of

    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return len(head) == 16 and head != b"SQLite format 3\x00" and sidecar_of(path).is_file()
