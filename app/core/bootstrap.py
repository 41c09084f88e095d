"""Open the store: check it, back it up, migrate it, build the session factory."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

import db
from app.core import backup as backups
from app.core import cipher
from app.core.errors import StoreError
from app.core.owner_only import create_private
from app.core.paths import backup_folder, default_db_path
from app.core.settings import BACKUPS_KEPT_KEY, DEFAULT_BACKUPS_KEPT, parse_backups_kept
from app.core.store import Store
from app.core.store_lock import StoreLock
from db.engine import make_engine, make_session_factory, sqlite_path, to_url
from i18n import N_


def store_file(target: str | Path | None) -> Path | None:
    """The SQLite file a --db value names (the default store when None); None for a server."""
    return sqlite_path(to_url(target if target is not None else default_db_path()))


def _refuse_missing(path: Path) -> None:
    """No store is created by accident: a missing or empty file is refused (issue 15, 4)."""
    if not path.exists():
        raise StoreError(
            N_(
                "There is no database at {path}. Check the path, restore a backup, or create a"
                " new database (the init command)."
            ),
            path=str(path),
        )
    if path.is_file() and path.stat().st_size == 0:
        raise StoreError(
            N_("The file {path} is empty (0 bytes) and holds no data. Restore a backup."),
            path=str(path),
        )


def _create_file(path: Path) -> None:
    from app.core.anchors import forget

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            forget(str(path))  # issue 10, Why #8: the anchor of a store deleted from here
            create_private(path)
        elif path.stat().st_size == 0:
            path.chmod(0o600)
    except OSError as exc:
        raise StoreError(
            N_("A database cannot be created in {path}: {reason}"),
            path=str(path.parent),
            reason=exc.strerror or str(exc),
        ) from exc


def _check_sqlite_file(path: Path, *, integrity: bool, key: bytes | None) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    if key is None and cipher.is_encrypted(path):
        raise cipher.LockedStoreError(cipher.LOCKED, path=str(path))
    if key is None and not backups.is_sqlite_file(path):
        raise StoreError(
            N_("The file {path} is not a Tälimger database (it is not an SQLite file)."),
            path=str(path),
        )
    if integrity:
        _refuse_damaged(path, key)
    conn = backups.connect_read_only(path, key)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" in tables:
            # Before the automatic backup: a refused store leaves even its backups as they were.
            _refuse_newer([r[0] for r in conn.execute("SELECT version_num FROM alembic_version")])
    except cipher.DATABASE_ERRORS as exc:  # the schema pages themselves are damaged
        backups.refuse_read_only(path, exc)
        raise StoreError(
            N_("The database {path} is damaged: {problem}. Restore it from a backup."),
            path=str(path),
            problem=str(exc),
        ) from exc
    finally:
        conn.close()
    if tables and "alembic_version" not in tables:
        raise StoreError(
            N_("The file {path} belongs to another program: it has tables but no Tälimger schema."),
            path=str(path),
        )


def stored_backups_kept(path: Path, key: bytes | None = None) -> int:
    """The store's own "backups to keep" setting, read before the store is opened (the backup
    comes first); the default for a new, older or unreadable file.
    """
    if not path.exists() or path.stat().st_size == 0:
        return parse_backups_kept(None)
    try:
        conn = backups.connect_read_only(path, key)
        try:
            row = conn.execute(
                "SELECT value FROM setting WHERE key = ?", (BACKUPS_KEPT_KEY,)
            ).fetchone()
        finally:
            conn.close()
    except cipher.ERRORS_OR_REFUSED:
        return parse_backups_kept(None)
    return parse_backups_kept(row[0] if row else None)


def _refuse_damaged(path: Path, key: bytes | None = None) -> None:
    problems = backups.integrity_problems(path, key=key)
    if problems:
        raise StoreError(
            N_("The database {path} is damaged: {problem}. Restore it from a backup."),
            path=str(path),
            problem=problems[0],
        )


def check_and_back_up(store: Store, backups_kept: int | None = None) -> None:
    """SQLite's quick_check, then the automatic backup; StoreError (and no backup) if damaged.

    The window runs this in the background after its first page is painted (issue 17: ~1.8 s
    on the 907 MB national demo, which opening with backup=False skips); a damaged file must
    never push a healthy backup out of the rotation.
    """
    if store.path is None or store.backup_dir is None:
        return  # a server database is backed up with pg_dump
    _refuse_damaged(store.path, store.key)
    kept = backups_kept if backups_kept is not None else stored_backups_kept(store.path, store.key)
    backups.automatic_backup(store.path, store.backup_dir, kept, store.key)


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


def schema_heads() -> set[str]:
    """The schema version(s) this program migrates to."""
    return _script_heads()


def known_revisions() -> set[str]:
    """Every schema version this program knows."""
    return _known_revisions()


def _known_revisions() -> set[str]:
    """Every migration revision this program knows, read from the files' text."""
    ids: set[str] = set()
    for path in (Path(db.__file__).parent / "migrations" / "versions").glob("*.py"):
        for name, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            if name == "revision":
                ids.update(_QUOTED.findall(value))
    return ids


def _refuse_newer(stored: list[str]) -> None:
    """An older program on a store migrated by a newer one: refuse before touching anything."""
    known = _known_revisions()
    unknown = [revision for revision in stored if revision not in known]
    if known and unknown:
        raise StoreError(
            N_(
                "This database was last opened by a newer version of Tälimger (schema {revision})."
                " Install that version or a newer one; nothing was changed."
            ),
            revision=unknown[0],
        )


def _stored_revisions(engine: Engine) -> list[str]:
    try:
        with engine.connect() as conn:
            return [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
    except SQLAlchemyError:
        return []  # no schema yet: a new store


def _reach_server(engine: Engine) -> None:
    """One try to reach a server: a lost or hung one is told once, within the connect timeout."""
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0]
        raise StoreError(N_("The server cannot be reached: {reason}"), reason=reason) from exc


def _migrate_if_needed(engine: Engine) -> None:
    # Alembic's command machinery costs ~140 ms to import: only load it when there is work.
    if _at_head(engine):
        return
    _refuse_newer(_stored_revisions(engine))
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
    deferred_backup: bool = False,
    create: bool = False,
    key: bytes | None = None,
) -> Store:
    """Open and migrate the store at a path or URL; create a new SQLite file only with create.

    With deferred_backup the integrity check and the backup are left to the caller
    (check_and_back_up, after the first page is painted), unless a migration must run first.

    The automatic backup keeps `backups_kept` files, by default the store's own setting
    (app.core.settings), so the CLI and the window rotate alike.

    An encrypted store (app.core.keys) opens only with its key; without one it is refused
    with cipher.LockedStoreError, so the caller asks for a login first. A plain file opens
    as it is, whatever key is given.
    """
    url = to_url(target if target is not None else default_db_path())
    path = sqlite_path(url)
    now = backup and not deferred_backup
    kept = DEFAULT_BACKUPS_KEPT if backups_kept is None else backups_kept
    lock: StoreLock | None = None
    if path is not None:
        if create:
            _create_file(path)
        else:
            _refuse_missing(path)
        if key is not None and backups.is_sqlite_file(path):
            key = None
        # The integrity check goes with the backup: a cheap header and schema check otherwise.
        _check_sqlite_file(path, integrity=now, key=key)
        backup_dir = backup_dir or backup_folder(path)
        if backups_kept is None and backup:
            kept = stored_backups_kept(path, key)
        # Shared: other windows and commands may open the store too; a restore needs it alone.
        lock = StoreLock(path, exclusive=False).acquire()
        try:
            if now:
                backups.automatic_backup(path, backup_dir, kept, key)
        except BaseException:
            lock.release()
            raise
    if path is not None and key is not None:
        # The same URL and dialect, with SQLCipher's driver handing out connections keyed first.
        engine = make_engine(
            url, module=cipher.module(), creator=partial(cipher.raw_connect, path, key)
        )
    else:
        engine = make_engine(url)
    try:
        if path is None:
            _reach_server(engine)
        if migrate and backup and not now and path is not None and not _at_head(engine):
            # A migration never runs on an unchecked store or without a backup first.
            _refuse_damaged(path, key)
            backups.automatic_backup(path, backup_dir or backup_folder(path), kept, key)
        if migrate:
            _migrate_if_needed(engine)
        elif not migrate and path is None and not inspect(engine).has_table("alembic_version"):
            raise StoreError(N_("The database at {url} has no Tälimger schema."), url=url)
    except StoreError:
        engine.dispose()
        if lock is not None:
            lock.release()
        raise
    except (SQLAlchemyError, RuntimeError, OSError) as exc:
        engine.dispose()
        if lock is not None:
            lock.release()
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
        lock=lock,
        key=key,
    )
