"""Open the store: check it, back it up, migrate it, build the session factory."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

import db
from app.core import backup as backups
from app.core.errors import StoreError
from app.core.paths import default_db_path
from app.core.settings import BACKUPS_KEPT_KEY, parse_backups_kept
from app.core.store import Store
from db.engine import make_engine, make_session_factory, sqlite_path, to_url
from i18n import N_


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


def stored_backups_kept(path: Path) -> int:
    """The store's own "backups to keep" setting, read before the store is opened (the backup
    comes first); the default for a new, older or unreadable file.
    """
    if not path.exists() or path.stat().st_size == 0:
        return parse_backups_kept(None)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT value FROM setting WHERE key = ?", (BACKUPS_KEPT_KEY,)
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return parse_backups_kept(None)
    return parse_backups_kept(row[0] if row else None)


_REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=\n]*=(.*)$", re.MULTILINE)
_QUOTED = re.compile(r"[\"']([^\"']+)[\"']")


def _script_heads() -> set[str]:
    """Head revisions read from the migration files' text (no Alembic import, ~1 ms)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (Path(db.__file__).parent / "migrations" / "versions").glob("*.py"):
        for name, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            if value.count("(") != value.count(")") or value.count("[") != value.count("]"):
                return set()  # a multi-line tuple: let Alembic read it
            ids = _QUOTED.findall(value)
            if name == "revision":
                revisions.update(ids)
            else:
                parents.update(ids)
    return revisions - parents


def _at_head(engine: Engine) -> bool:
    """Tell cheaply whether the store is at the single head; False when unsure."""
    try:
        heads = _script_heads()
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except (SQLAlchemyError, OSError, ValueError):
        return False
    return len(heads) == 1 and [r[0] for r in rows] == list(heads)


def _migrate_if_needed(engine: Engine) -> None:
    # Alembic's command machinery costs ~140 ms to import: only load it when there is work.
    if _at_head(engine):
        return
    from db.migrate import needs_upgrade, upgrade

    if needs_upgrade(engine):
        upgrade(engine)


def open_store(
    target: str | Path | None = None,
    *,
    migrate: bool = True,
    backup: bool = True,
    backups_kept: int | None = None,
    backup_dir: Path | None = None,
) -> Store:
    """Open (creating if needed) and migrate the store at a path or URL.

    The automatic backup keeps `backups_kept` files, by default the store's own setting
    (app.core.settings), so the CLI and the window rotate alike.
    """
    url = to_url(target if target is not None else default_db_path())
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_sqlite_file(path)
        backup_dir = backup_dir or path.parent / "backups"
        if backup:
            kept = backups_kept if backups_kept is not None else stored_backups_kept(path)
            backups.automatic_backup(path, backup_dir, kept)
    engine = make_engine(url)
    try:
        if migrate:
            _migrate_if_needed(engine)
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
