"""SQLite backups with the online backup API, rotation and restore (current file kept aside)."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import StoreError
from i18n import N_

if TYPE_CHECKING:
    from app.core.store import Store

BACKUP_PREFIX = "talimger-"
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class BackupInfo:
    """A backup file and when it was taken."""

    path: Path
    taken_at: datetime
    size: int


def is_sqlite_file(path: Path) -> bool:
    """Tell whether a file starts with the SQLite header."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def backup_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite database consistently, even while it is open elsewhere."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        partial.replace(target)  # a half-written backup never looks like a good one
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(N_("Backup failed: {reason}"), reason=str(exc)) from exc
    return target


def timestamped_name(now: datetime | None = None) -> str:
    """File name of an automatic backup."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return f"{BACKUP_PREFIX}{stamp}.db"


def list_backups(folder: Path) -> list[BackupInfo]:
    """Automatic backups in a folder, newest first."""
    if not folder.exists():
        return []
    infos = []
    for path in folder.glob(f"{BACKUP_PREFIX}*.db"):
        stat = path.stat()
        infos.append(BackupInfo(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(infos, key=lambda b: b.path.name, reverse=True)


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups; return what was deleted."""
    removed = []
    for info in list_backups(folder)[keep:]:
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def automatic_backup(db_path: Path, folder: Path, keep: int) -> Path | None:
    """Back up the store into the rotation folder; None when there is nothing to back up."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    target = backup_file(db_path, folder / timestamped_name())
    rotate(folder, keep)
    return target


def integrity_problems(path: Path, *, full: bool = False) -> list[str]:
    """Run SQLite's quick (or full) integrity check; an empty list means healthy."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    problems = [str(r[0]) for r in rows if r[0] != "ok"]
    problems += [f"foreign key: table {r[0]} row {r[1]} -> {r[2]}" for r in fk]
    return problems


def restore(backup: Path, db_path: Path) -> Path:
    """Replace the store with a backup; the current file is moved aside first and returned."""
    if not is_sqlite_file(backup) or integrity_problems(backup, full=True):
        raise StoreError(N_("The file {path} is not a healthy Tälimger backup."), path=str(backup))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
    if db_path.exists():
        shutil.move(db_path, aside)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    backup_file(backup, db_path)
    return aside


def back_up_store(store: Store, keep: int) -> Path | None:
    """Back up an open SQLite store into its rotation folder; None for a server database."""
    if store.path is None or store.backup_dir is None:
        return None
    return automatic_backup(store.path, store.backup_dir, keep)


def restore_store(store: Store, backup: Path) -> Path:
    """Close the open store's connections, then put a backup in place of its file."""
    if store.path is None:
        raise StoreError(N_("A shared PostgreSQL database is backed up on its server (pg_dump)."))
    store.dispose()
    return restore(backup, store.path)
