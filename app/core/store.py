"""The open store: engine, session factory and the unit-of-work helpers callers use."""

from __future__ import annotations

import uuid
import weakref
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.core.errors import ConflictError, StoreError
from i18n import N_, _

if TYPE_CHECKING:
    from app.core.store_lock import StoreLock

__all__ = ["Session", "SideReads", "Store", "lock_rows", "reads_apart", "take_turns"]

# A read session of a store opened beside another one, on a connection of its own (read_apart)
SideReads = Callable[[], AbstractContextManager[Session]]

CHANGED_MEANWHILE = N_("Someone else changed this record meanwhile. Reload it and try again.")
# PostgreSQL SQLSTATEs of losing a race: unique and foreign-key violations, serialization
# failure, deadlock, lock wait timed out (lock_timeout).
_RACE_STATES = frozenset({"23505", "23503", "40001", "40P01", "55P03"})
SERVER_LOST = N_(
    "The database server does not answer or cannot be reached. Check the network and that"
    " the server is running, then try again."
)
# Connection exceptions (class 08), a statement cancelled by statement_timeout, a server
# shutting down: the server is gone or hung, whatever the user did.
_LOST_STATES = frozenset({"57014", "57P01", "57P02", "57P03"})


@dataclass
class Store:
    """An opened, migrated database."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    path: Path | None
    backup_dir: Path | None
    lock: StoreLock | None = None  # shared lock on the file's lock file (app.core.store_lock)
    # The SQLCipher key of an encrypted file (app.core.keys); never shown in a repr or log.
    key: bytes | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # A read that runs beside a session's (the start page's I-1) opens its own session of
        # the same store: it finds the store in session.info (reads_apart()). A weak reference:
        # a strong one would make store and session factory a cycle, left to the collector.
        info: dict[str, Any] = {"store": weakref.ref(self)}
        # Services that add a password (a new user) wrap the store key for it: they find
        # the store's file and key in session.info, never in a global.
        if self.key is not None and self.path is not None:
            info["store_key"] = (self.path, self.key)
        self.session_factory.configure(info=info)

    @property
    def encrypted(self) -> bool:
        """Whether the file is encrypted (SQLCipher)."""
        return self.key is not None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        session = self.session_factory()
        try:
            yield session
        except DBAPIError as exc:
            if _server_lost(exc):
                raise _lost(exc) from exc
            raise
        finally:
            try:
                session.rollback()
            except DBAPIError as exc:
                # A read has nothing to undo: a connection lost meanwhile (cut by the window
                # giving up on a silent server) is invalidated, and the next use reconnects.
                if not _server_lost(exc):
                    raise
            finally:
                session.close()

    @contextmanager
    def read_apart(self) -> Iterator[Session]:
        """A read for another thread that runs beside the caller's (the start page's I-1).

        On SQLite it has a connection of its own, closed afterwards: opening one takes a
        millisecond, and a pooled one would keep its page cache resident for the session
        (issue 12's memory figure). A server's connections stay pooled (they cost more to open
        and little here).
        """
        if self.engine.dialect.name != "sqlite":
            with self.read() as session:
                yield session
            return
        connection = self.engine.connect()
        connection.detach()  # closed for good below, not handed back to the pool
        session = self.session_factory(bind=connection)
        try:
            yield session
        finally:
            try:
                session.rollback()
            finally:
                session.close()
                connection.close()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action in one transaction: all of it is saved, or none of it.

        On SQLite the transaction takes the write lock when it begins (BEGIN IMMEDIATE): a
        deferred one that read first could not write after another PC committed, and would
        fail with "database is locked" instead of the version check telling a conflict.
        """
        try:
            connection = self.engine.connect()
        except DBAPIError as exc:
            if _server_lost(exc):
                raise _lost(exc) from exc
            raise
        connection.info["write"] = True
        session = self.session_factory(bind=connection)
        try:
            yield session
            session.commit()
            if session.info.pop("audited", False):
                from app.core.anchors import remember

                remember(self.location, session)  # issue 10, Why #8
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError(CHANGED_MEANWHILE) from exc
        except (IntegrityError, OperationalError, InterfaceError) as exc:
            session.rollback()
            if _server_lost(exc):
                raise _lost(exc) from exc
            if _lost_a_race(exc):
                # Two PCs wrote the same unique key, or deadlocked, at the same moment: the
                # loser is told what it is, a change made meanwhile, never a traceback.
                raise ConflictError(CHANGED_MEANWHILE) from exc
            if not isinstance(exc, OperationalError):
                raise
            raise StoreError(
                N_("The database refused the change: {reason}"), reason=_reason(exc)
            ) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            connection.info.pop("write", None)
            connection.close()

    @property
    def location(self) -> str:
        """Where the data lives, for people: the file, or the server URL without password."""
        return str(self.path) if self.path else self.engine.url.render_as_string()

    def dispose(self) -> None:
        """Close every pooled connection and let a restore take the store."""
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


def reads_apart(session: Session) -> SideReads | None:
    """Store.read_apart of the store that opened `session`, or None for a session made
    elsewhere: how code handed only a session (a window's Op) reads beside it.
    """
    ref = session.info.get("store")
    store = ref() if isinstance(ref, weakref.ref) else None
    return store.read_apart if isinstance(store, Store) else None


def _lost_a_race(exc: DBAPIError) -> bool:
    state = getattr(exc.orig, "sqlstate", None)
    if state is not None:
        return state in _RACE_STATES
    # SQLite writes take turns (BEGIN IMMEDIATE); a unique key can still be taken by the
    # other PC's transaction committed before this one began its check.
    return isinstance(exc, IntegrityError) and "UNIQUE constraint failed" in str(exc.orig)


def _server_lost(exc: DBAPIError) -> bool:
    """A PostgreSQL server gone, hung or shutting down (SQLite files have no such failure)."""
    if not isinstance(exc, OperationalError | InterfaceError):
        return False
    if exc.connection_invalidated:
        return True
    module = type(exc.orig).__module__ if exc.orig is not None else ""
    if not module.startswith("psycopg"):
        return False
    state = getattr(exc.orig, "sqlstate", None)
    # psycopg gives no SQLSTATE when it could not connect or the connection broke.
    return state is None or state.startswith("08") or state in _LOST_STATES


def _lost(exc: DBAPIError) -> StoreError:
    """The translated sentence; the driver's own text stays one click away (details)."""
    error = StoreError(SERVER_LOST)
    error.details = str(exc.orig if exc.orig is not None else exc).strip()
    return error


def _reason(exc: OperationalError) -> str:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return _("the file is read-only")
    if "full" in lowered:
        return _("the disk is full")
    if "locked" in lowered:
        return _("another program is using the database")
    return text


def lock_rows(session: Session, model: Any, *ids: uuid.UUID | None) -> None:
    """Hold these rows until commit, so a rule checked next holds when the write lands.

    PostgreSQL: SELECT … FOR UPDATE, in id order so two PCs never wait on each other in a
    circle. SQLite renders no FOR UPDATE: its write transaction (BEGIN IMMEDIATE) already
    keeps every other PC out until commit.
    """
    wanted = sorted({i for i in ids if i is not None})
    if wanted:
        session.execute(
            select(model.id).where(model.id.in_(wanted)).order_by(model.id).with_for_update()
        ).all()


def take_turns(session: Session, name: str) -> None:
    """Hold a named lock until commit: whole-table work (an import, a year's plan) of two PCs
    runs one after the other, the second seeing what the first saved.

    SQLite needs nothing: its write transaction already keeps every other PC out.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": name})
