"""SQLite backups with the online backup API, rotation with a last-known-good copy kept apart."""

from __future__ import annotations

import errno
import itertools
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import cipher
from app.core.backup_seal import make_seal, read_seal
from app.core.errors import StoreError
from app.core.keys import KeyFile, sidecar_of
from app.core.owner_only import create_private
from app.core.permissions import STORE_BACKUP, STORE_RESTORE, require
from i18n import N_

if TYPE_CHECKING:
    from app.core.context import Actor
    from app.core.store import Store

BACKUP_PREFIX = "talimger-"
LAST_GOOD = "last-good.db"  # outside the rotation's name pattern: rotation never deletes it
SQLITE_MAGIC = b"SQLite format 3\x00"
_COUNTER = itertools.count(1)


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


def connect_read_only(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    """Open a file read-only (an encrypted one with its key); any name works (as_uri escapes
    '#', '?', '%' and non-ASCII).
    """
    if key is not None:
        return cipher.connect(path, key, read_only=True)
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def unique_name(folder: Path, stem: str, suffix: str) -> Path:
    """A name not yet used: date, time to the millisecond and a counter."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]
    while True:
        candidate = folder / f"{stem}-{stamp}-{next(_COUNTER)}{suffix}"
        if not candidate.exists():
            return candidate


def fsync_file(path: Path) -> None:
    """Force a file's content to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename inside a folder durable (POSIX; Windows has no folder handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def environment_error(exc: BaseException, path: Path) -> StoreError:
    """A translated message saying what went wrong where: disk full, read-only, missing."""
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    if code == errno.ENOSPC or "full" in text:
        return StoreError(N_("The disk holding {path} is full; nothing was changed."), path=path)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text:
        return StoreError(
            N_("There is no permission to write in {path}; nothing was changed."), path=path
        )
    if isinstance(exc, StoreError):
        return exc
    if code == errno.ENOENT or "unable to open" in text:
        return StoreError(N_("The folder {path} does not exist; nothing was changed."), path=path)
    return StoreError(N_("Backup failed: {reason}"), reason=str(exc))


def copy_database(source: Path, target: Path, key: bytes | None = None) -> None:
    """Write a consistent copy of an SQLite file into a new owner-only file, synced to disk.

    An encrypted store (key) gives a copy encrypted with the same key: backups stay encrypted.
    """
    create_private(target)
    try:
        src = connect_read_only(source, key)
        try:
            dst = sqlite3.connect(target) if key is None else cipher.connect(target, key)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        fsync_file(target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def backup_file(source: Path, target: Path, key: bytes | None = None) -> Path:
    """Copy a live SQLite database consistently, even while it is open elsewhere.

    The copy of an encrypted store is encrypted and gets the store's key file beside it, so
    it opens with the passwords (or the recovery code) of the day it was taken.
    """
    if not source.is_file():
        raise StoreError(N_("The database {path} does not exist."), path=str(source))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() and target.resolve() == source.resolve():
            raise StoreError(N_("A backup cannot overwrite its own database."))
        partial = unique_name(target.parent, target.name, ".partial")
        copy_database(source, partial, key)
        seal = _seal_if_healthy(partial, key)
        if key is not None:
            KeyFile.load(source).copy_to(target)
        os.replace(partial, target)  # a half-written backup never looks like a good one
        fsync_folder(target.parent)
        from app.core.anchors import write_manifest

        # Its audit head, so a trimmed copy shows (issue 10, Why #8); its seal, so a restore
        # trusts this check while the file is provably unchanged (issue 15).
        write_manifest(target, source.name, seal=seal)
    except cipher.ERRORS_OR_OS as exc:
        raise environment_error(exc, target.parent) from exc
    return target


def _seal_if_healthy(copy: Path, key: bytes | None) -> dict[str, object] | None:
    """Check a fresh copy (quick_check and foreign keys) and seal it; None when unhealthy.

    The partial file is not renamed yet: nothing but this function has opened it.
    """
    try:
        if integrity_problems(copy, key=key):
            return None
    except StoreError:
        return None
    try:
        return make_seal(copy)
    except OSError:
        return None


def sealed(backup: Path) -> bool:
    """Whether a backup passed the check when it was written (its manifest holds a seal)."""
    from app.core.anchors import manifest_path

    return read_seal(manifest_path(backup)) is not None


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


def last_good(folder: Path) -> Path | None:
    """The newest backup that passed the integrity check and held data, if any."""
    path = folder / LAST_GOOD
    return path if path.is_file() else None


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups; return what was deleted."""
    from app.core.anchors import manifest_path

    removed = []
    for info in list_backups(folder)[max(keep, 1) :]:
        info.path.unlink(missing_ok=True)
        manifest_path(info.path).unlink(missing_ok=True)
        sidecar_of(info.path).unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def _has_rows(path: Path, key: bytes | None) -> bool:
    """A Tälimger file with at least one row beyond its schema version."""
    try:
        conn = connect_read_only(path, key)
        try:
            tables = [
                r[0]
                for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
                if r[0] != "alembic_version" and not r[0].startswith("sqlite_")
            ]
            if len(tables) == 0 or "alembic_version" not in _tables(conn):
                return False
            return any(conn.execute(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone() for t in tables)
        finally:
            conn.close()
    except cipher.ERRORS:
        return False


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _keep_as_last_good(backup: Path) -> None:
    # A hard link costs nothing (a 900 MB store is not copied twice); a copy where links fail.
    folder = backup.parent
    staging = unique_name(folder, LAST_GOOD, ".partial")
    try:
        os.link(backup, staging)
    except OSError:
        shutil.copyfile(backup, staging)
        os.chmod(staging, 0o600)
    if sidecar_of(backup).exists():
        KeyFile.load(backup).copy_to(folder / LAST_GOOD)
    else:
        sidecar_of(folder / LAST_GOOD).unlink(missing_ok=True)
    os.replace(staging, folder / LAST_GOOD)
    fsync_folder(folder)


def automatic_backup(
    db_path: Path, folder: Path, keep: int, key: bytes | None = None
) -> Path | None:
    """Back up the store into the rotation folder; None when there is nothing to back up.

    Only a backup that is healthy and holds data becomes the last-known-good copy, which the
    rotation never deletes: ten starts on an emptied store cannot push the good data out.
    """
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    target = backup_file(db_path, folder / timestamped_name(), key)
    if sealed(target) and _has_rows(target, key):  # checked as it was written
        try:
            _keep_as_last_good(target)
        except OSError as exc:
            raise environment_error(exc, folder) from exc
    rotate(folder, keep)
    return target


def refuse_read_only(path: Path, exc: Exception) -> None:
    """A WAL store in a read-only place cannot be opened: say so, it is no damage (issue 15, 9)."""
    if not (os.access(path.parent, os.W_OK) and os.access(path, os.W_OK)):
        raise StoreError(
            N_(
                "The database {path} or its folder is read-only; Tälimger needs to write"
                " beside it. Nothing was changed."
            ),
            path=str(path),
        ) from exc


def integrity_problems(path: Path, *, full: bool = False, key: bytes | None = None) -> list[str]:
    """Run SQLite's quick (or full) integrity check; an empty list means healthy."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = connect_read_only(path, key)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        except cipher.OPERATIONAL_ERRORS as exc:
            # A WAL left by a process that died needs a writer to recover it; read-only cannot.
            conn.close()
            if "readonly" not in str(exc).lower():
                raise
            conn = _connect_to_recover(path, key)
        try:
            # An empty (0-byte) file passes SQLite's checks; it is no database (issue 15, 4).
            # Read through SQLite, never open(): closing another descriptor of a file this
            # process has open in SQLite would drop SQLite's locks on it.
            if not conn.execute("PRAGMA page_count").fetchone()[0]:
                return [f"{path}: empty file, no database"]
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
    except cipher.OPERATIONAL_ERRORS as exc:
        refuse_read_only(path, exc)
        return [str(exc)]
    except cipher.DATABASE_ERRORS as exc:
        return [str(exc)]
    problems = [str(r[0]) for r in rows if r[0] != "ok"]
    problems += [f"foreign key: table {r[0]} row {r[1]} -> {r[2]}" for r in fk]
    return problems


def _connect_to_recover(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    try:
        if key is not None:
            return cipher.connect(path, key)
        conn = sqlite3.connect(path.resolve().as_uri(), uri=True)
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except cipher.OPERATIONAL_ERRORS as exc:
        # Not damage: the file or its folder cannot be written (issue 15, 9).
        raise environment_error(exc, path.parent) from exc


def restore(backup: Path, db_path: Path, key: bytes | None = None) -> Path | None:
    """Replace the store with a backup (app.core.restore); returns where the old file was kept."""
    from app.core.restore import restore_file

    return restore_file(backup, db_path, key=key)


def back_up_store(store: Store, keep: int, actor: Actor | None = None) -> Path | None:
    """Back up an open SQLite store into its rotation folder (as `actor`, who needs
    STORE_BACKUP: issue 10, Why #1); None for a server database.
    """
    if actor is not None:
        require(actor, STORE_BACKUP)
    if store.path is None or store.backup_dir is None:
        return None
    return automatic_backup(store.path, store.backup_dir, keep, store.key)


def restore_store(store: Store, backup: Path, actor: Actor | None = None) -> Path | None:
    """Close the open store's connections, then put a backup in place of its file; by `actor`,
    who needs STORE_RESTORE and is named in the audit log (issue 10, Why #2).
    """
    from app.core.restore import restore_file

    if actor is not None:
        require(actor, STORE_RESTORE)
    if store.path is None:
        raise StoreError(N_("A shared PostgreSQL database is backed up on its server (pg_dump)."))
    store.dispose()
    return restore_file(backup, store.path, actor, key=store.key)
