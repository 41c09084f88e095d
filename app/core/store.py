"""The open store: engine, session factory and the unit-of-work helpers callers use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.core.errors import ConflictError, StoreError
from i18n import N_, _

if TYPE_CHECKING:
    from app.core.store_lock import StoreLock

__all__ = ["Session", "Store"]


@dataclass
class Store:
    """An opened, migrated database."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    path: Path | None
    backup_dir: Path | None
    lock: StoreLock | None = None  # shared lock on the file's lock file (app.core.store_lock)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        session = self.session_factory()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action in one transaction: all of it is saved, or none of it.

        On SQLite the transaction takes the write lock when it begins (BEGIN IMMEDIATE): a
        deferred one that read first could not write after another PC committed, and would
        fail with "database is locked" instead of the version check telling a conflict.
        """
        connection = self.engine.connect()
        connection.info["write"] = True
        session = self.session_factory(bind=connection)
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError(
                N_("Someone else changed this record meanwhile. Reload it and try again.")
            ) from exc
        except OperationalError as exc:
            session.rollback()
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
