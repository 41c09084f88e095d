"""Restore a backup over the store so that no instant of it can lose the data (issue 15, 3)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from app.core import backup as backups
from app.core.context import Actor, local_actor
from app.core.errors import StoreError
from app.core.owner_only import create_private
from app.core.store_lock import StoreLock
from i18n import N_


def check_candidate(candidate: Path) -> None:
    """Refuse, before anything is touched, a file that is not a healthy backup of our schema."""
    from app.core.bootstrap import known_revisions, schema_heads

    if not backups.is_sqlite_file(candidate) or backups.integrity_problems(candidate, full=True):
        raise StoreError(
            N_("The file {path} is not a healthy Tälimger backup."), path=str(candidate)
        )
    conn = backups.connect_read_only(candidate)
    try:
        stored = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.Error:
        stored = []
    finally:
        conn.close()
    if not stored:
        raise StoreError(
            N_("The file {path} is not a healthy Tälimger backup."), path=str(candidate)
        )
    from app.core.anchors import backup_altered

    if backup_altered(candidate):
        raise StoreError(
            N_(
                "The backup {path} was altered after it was made: its audit log no longer "
                "reaches the position its manifest recorded. Nothing was changed."
            ),
            path=str(candidate),
        )
    known = known_revisions()
    newer = [r for r in stored if r not in known]
    if known and newer:
        raise StoreError(
            N_(
                "The backup {path} was made by a newer Tälimger (schema {backup_version}); this"
                " program knows schema {program_version}. Nothing was changed."
            ),
            path=str(candidate),
            backup_version=newer[0],
            program_version=", ".join(sorted(schema_heads())) or "?",
        )


def _keep_aside(db_path: Path) -> Path | None:
    # A copy, not a move: the live file stays where it is until the atomic swap.
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    aside = backups.unique_name(db_path.parent, f"{db_path.stem}.before-restore", db_path.suffix)
    try:
        backups.copy_database(db_path, aside)
        return aside
    except sqlite3.DatabaseError:
        pass  # a damaged or foreign file: its bytes are kept as they are
    for suffix in ("", "-wal"):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            target = Path(f"{aside}{suffix}")
            create_private(target)
            shutil.copyfile(source, target)
            backups.fsync_file(target)
    return aside


def _fold_journal(db_path: Path) -> None:
    """Checkpoint the live WAL into the file (SQLite does it crash-safely) and drop it.

    An old -wal left beside the new file would be replayed into it; deleting it without a
    checkpoint would lose commits if the process died before the swap.
    """
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(db_path, timeout=1)
        try:
            conn.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            conn.close()
        return
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise StoreError(
                N_(
                    "The database {path} is open in another Tälimger window or command."
                    " Close it first; nothing was changed."
                ),
                path=str(db_path),
            ) from exc
        if "readonly" in str(exc).lower() or "unable to open" in str(exc).lower():
            raise
    except sqlite3.DatabaseError:
        pass  # damaged: its bytes and WAL were kept aside
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


def _swap(candidate: Path, db_path: Path) -> Path | None:
    folder = db_path.parent
    for stale in folder.glob(f"{db_path.stem}.restoring-*.partial"):
        stale.unlink(missing_ok=True)  # left by a restore that was killed
    staged = backups.unique_name(folder, f"{db_path.stem}.restoring", ".partial")
    backups.copy_database(candidate, staged)
    try:
        aside = _keep_aside(db_path)
        _fold_journal(db_path)
        os.replace(staged, db_path)  # the one instant: before it the old file, after it the new
        backups.fsync_folder(folder)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return aside


def restore_file(candidate: Path, db_path: Path, actor: Actor | None = None) -> Path | None:
    """Put a backup in place of the store; returns where the previous file was kept.

    Refused while another window or command has the store open (its lock file), and for a
    damaged, foreign or newer-schema backup; the restore is then recorded in the audit log of
    the restored (and migrated) store.
    """
    from app.core.anchors import remember
    from app.core.audit import record
    from app.core.bootstrap import open_store

    check_candidate(candidate)
    if not db_path.parent.is_dir():
        raise StoreError(
            N_("The folder {path} does not exist; nothing was changed."), path=str(db_path.parent)
        )
    try:
        with StoreLock(db_path, exclusive=True):
            aside = _swap(candidate, db_path)
    except (OSError, sqlite3.Error) as exc:
        raise backups.environment_error(exc, db_path.parent) from exc
    store = open_store(db_path, backup=False)  # migrates an older backup to this schema
    try:
        with store.write() as session:
            changes = {"backup": str(candidate), "kept_aside": str(aside) if aside else None}
            record(session, actor or local_actor(), "restore", "store", "store", changes)
        with store.read() as session:
            remember(store.location, session, restart=True)  # the restored history counts now
    finally:
        store.dispose()
    return aside
