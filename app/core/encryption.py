"""Encrypt a plain store in place, after a backup, and its plain backups with it."""

from __future__ import annotations

import os
from pathlib import Path

from app.core import backup as backups
from app.core import cipher
from app.core.keys import KeyFile, sidecar_of
from app.core.owner_only import create_private
from app.core.store_lock import StoreLock


def _encrypt_file(path: Path, key: bytes, keyfile: KeyFile) -> None:
    """Replace one plain SQLite file by its encrypted copy, the key file written first."""
    staged = backups.unique_name(path.parent, f"{path.name}.encrypting", ".partial")
    try:
        create_private(staged)  # owner-only from its first byte, like every store file
        cipher.export_encrypted(path, staged, key, None)
        backups.fsync_file(staged)
        # The key file goes first: an encrypted file must never exist without it.
        keyfile.copy_to(path)
        os.replace(staged, path)
        backups.fsync_folder(path.parent)
    finally:
        staged.unlink(missing_ok=True)


def plain_copies(db_path: Path, backup_dir: Path | None) -> list[Path]:
    """The store's plain backups: the rotation, the last good copy, files kept by restores."""
    found: list[Path] = []
    if backup_dir is not None and backup_dir.is_dir():
        found += [info.path for info in backups.list_backups(backup_dir)]
        found += [backup_dir / backups.LAST_GOOD]
    found += sorted(db_path.parent.glob(f"{db_path.stem}.before-restore*{db_path.suffix}"))
    return [p for p in found if p.is_file() and backups.is_sqlite_file(p)]


def encrypt_in_place(
    db_path: Path, backup_dir: Path | None, key: bytes, keyfile: KeyFile, keep: int
) -> list[Path]:
    """Encrypt the store (closed by its caller) and replace its plain backups by encrypted ones.

    The store is held alone (its lock file) and backed up first; the journal is folded into
    the file so no plain -wal is left beside it. Returns the backups it encrypted.
    """
    with StoreLock(db_path, exclusive=True):
        if backup_dir is not None:
            backups.automatic_backup(db_path, backup_dir, keep)
        _fold(db_path)
        keyfile.save()
        _encrypt_file(db_path, key, keyfile)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        copies = plain_copies(db_path, backup_dir)
        for copy in copies:
            _encrypt_file(copy, key, keyfile)
    return copies


def _fold(db_path: Path) -> None:
    # The WAL's pages hold plain rows: checkpoint them into the file and drop the WAL.
    import sqlite3

    conn = sqlite3.connect(db_path, timeout=5)
    try:
        conn.execute("PRAGMA journal_mode=DELETE").fetchone()
    finally:
        conn.close()


def has_key_file(db_path: Path) -> bool:
    """Whether a key file lies beside a store or a backup."""
    return sidecar_of(db_path).is_file()
