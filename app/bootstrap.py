"""Open the store: check it, back it up, migrate it, build the session factory."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError

from app import backup as backups
from app.errors import StoreError
from app.paths import default_db_path
from app.store import Store
from db.engine import make_engine, make_session_factory, sqlite_path, to_url
from db.migrate import needs_upgrade, upgrade
from i18n import N_

DEFAULT_BACKUPS_KEPT = 10


def store_file(target: str | Path | None) -> Path | None:
    """The SQLite file a --db value names (the default store when None); None for a server."""
    return sqlite_path(to_url(target if target is not None else default_db_path()))


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    if not backups.is_sqlite_file(path):
        raise StoreError(
            N_("The file {path} is not a Tälimger database (it is not an SQLite file)."),
            path=str(path),
        )
    problems = backups.integrity_problems(path)
    if problems:
        raise StoreError(
            N_("The database {path} is damaged: {problem}. Restore it from a backup."),
            path=str(path),
            problem=problems[0],
        )
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    if tables and "alembic_version" not in tables:
        raise StoreError(
            N_("The file {path} belongs to another program: it has tables but no Tälimger schema."),
            path=str(path),
        )


def open_store(
    target: str | Path | None = None,
    *,
    migrate: bool = True,
    backup: bool = True,
    backups_kept: int = DEFAULT_BACKUPS_KEPT,
    backup_dir: Path | None = None,
) -> Store:
    """Open (creating if needed) and migrate the store at a path or URL."""
    url = to_url(target if target is not None else default_db_path())
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_sqlite_file(path)
        backup_dir = backup_dir or path.parent / "backups"
        if backup:
            backups.automatic_backup(path, backup_dir, backups_kept)
    engine = make_engine(url)
    try:
        if migrate and needs_upgrade(engine):
            upgrade(engine)
        elif not migrate and path is None and not inspect(engine).has_table("alembic_version"):
            raise StoreError(N_("The database at {url} has no Tälimger schema."), url=url)
    except StoreError:
        engine.dispose()
        raise
    except (SQLAlchemyError, RuntimeError, OSError) as exc:
        engine.dispose()
        raise StoreError(
            N_("The database could not be prepared: {reason}. It was left as it was."),
            reason=str(exc),
        ) from exc
    return Store(
        url=url,
        engine=engine,
        session_factory=make_session_factory(engine),
        path=path,
        backup_dir=backup_dir,
    )
