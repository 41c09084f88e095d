"""Restore a backup over the store so that no instant of it can lose the data (issue 15, 3)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.core import backup as backups
from app.core import cipher
from app.core.audit import AuditAnchor
from app.core.backup_seal import digest_holds, read_seal, unchanged_since
from app.core.context import Actor, local_actor
from app.core.errors import StoreError
from app.core.keys import KeyFile, sidecar_of
from app.core.owner_only import create_private
from app.core.restore_audit import audit_copy, audit_in_place, restart_anchor
from app.core.store_lock import StoreLock
from i18n import N_


def candidate_key(candidate: Path, key: bytes | None) -> bytes | None:
    """The key that opens a backup: None for a plain file, else the store's (every backup of
    an encrypted store is encrypted with the same key).
    """
    return None if backups.is_sqlite_file(candidate) else key


def check_candidate(candidate: Path, key: bytes | None = None) -> bool:
    """Refuse, before anything is touched, a file that is not a healthy backup of our schema;
    True when it is at this program's schema (no migration needed).
    """
    key = candidate_key(candidate, key)
    if key is None and not backups.is_sqlite_file(candidate):
        raise _unhealthy(candidate)
    _check_pages(candidate, candidate, key)
    return _check_schema(candidate, key)


def _unhealthy(candidate: Path) -> StoreError:
    return StoreError(N_("The file {path} is not a healthy Tälimger backup."), path=str(candidate))


def _check_pages(path: Path, candidate: Path, key: bytes | None) -> None:
    # SQLite's quick_check (every page, every record, NOT NULL and CHECK) and foreign keys:
    # the full check adds index-to-table agreement at 7× the time; `check --full` runs it.
    if backups.integrity_problems(path, key=key):
        raise _unhealthy(candidate)


def _check_schema(candidate: Path, key: bytes | None) -> bool:
    """Header, schema version and the audit head: a few pages, whatever the file's size; True
    when the backup is at this program's schema.
    """
    from app.core.bootstrap import known_revisions, schema_heads

    conn = backups.connect_read_only(candidate, key)
    try:
        stored = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    except cipher.ERRORS:
        stored = []
    finally:
        conn.close()
    if not stored:
        raise _unhealthy(candidate)
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
    return set(stored) == schema_heads()


def trusted_seal(candidate: Path, key: bytes | None) -> dict[str, object] | None:
    """The seal of a plain backup checked when it was written and unchanged since (same size
    and mtime, no journal beside it); None means it gets the full check.

    An encrypted backup keeps the full check: its copy goes through SQLite's backup API.
    """
    if candidate_key(candidate, key) is not None or not backups.is_sqlite_file(candidate):
        return None
    from app.core.anchors import manifest_path

    seal = read_seal(manifest_path(candidate))
    return seal if seal is not None and unchanged_since(candidate, seal) else None


def _aside_name(db_path: Path) -> Path | None:
    """Where the live file will be kept; None when there is nothing to keep."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    return backups.unique_name(db_path.parent, f"{db_path.stem}.before-restore", db_path.suffix)


def _keep_aside(db_path: Path, key: bytes | None, aside: Path | None) -> Path | None:
    """Keep the live file under a unique name, its WAL folded in, before the swap.

    A healthy store's WAL is checkpointed into it by SQLite (crash-safely), then the file gets
    a second name (a hard link: instant, and after the swap the only name of the old data). A
    damaged or foreign file cannot be checkpointed: its bytes and WAL are copied as they are.
    """
    if aside is None or not db_path.exists() or db_path.stat().st_size == 0:
        _drop_journal(db_path)
        return None
    if sidecar_of(db_path).exists():
        KeyFile.load(db_path).copy_to(aside)  # the kept file opens as the store did
    # No WAL at all: the last connection folded it in and removed it, and none is open in WAL
    # mode (an open one keeps the file, even empty): the file is whole as it is.
    if not Path(f"{db_path}-wal").exists() or _fold_journal(db_path, key):
        try:
            os.link(db_path, aside)
        except OSError:  # a file system without hard links (FAT, some shares): a copy
            backups.copy_database(db_path, aside, candidate_key(db_path, key))
        _drop_journal(db_path)
        return aside
    for suffix in ("", "-wal"):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            target = Path(f"{aside}{suffix}")
            create_private(target)
            shutil.copyfile(source, target)
            backups.fsync_file(target)
    _drop_journal(db_path)
    return aside


def _drop_journal(db_path: Path) -> None:
    # An old -wal left beside the new file would be replayed into it.
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


def _fold_journal(db_path: Path, key: bytes | None) -> bool:
    """Checkpoint the live WAL into the file (SQLite does it crash-safely); False when the file
    is damaged or not ours to open, so that its WAL must be kept as it is.
    """
    key = candidate_key(db_path, key)
    try:
        conn = sqlite3.connect(db_path, timeout=1) if key is None else cipher.connect(db_path, key)
        try:
            conn.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            conn.close()
        return True
    except cipher.OPERATIONAL_ERRORS as exc:
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
    except cipher.DAMAGED_OR_REFUSED:
        pass
    return False


def _stage(candidate: Path, staged: Path, key: bytes | None, *, sync: bool = True) -> None:
    """The checked backup, copied beside the store and (unless the caller syncs it) synced.

    A plain backup with no WAL beside it is closed, checked and whole: its bytes are copied
    (in the kernel, as fast as any file copy). One that has a WAL,
    or an encrypted one, goes through SQLite's backup API, which reads the WAL's commits too.
    """
    wal = Path(f"{candidate}-wal")
    if key is not None or (wal.exists() and wal.stat().st_size > 0):
        backups.copy_database(candidate, staged, key)
        return
    create_private(staged)
    try:
        shutil.copyfile(candidate, staged)  # in the kernel (sendfile); the mode stays 0600
        if sync:
            backups.fsync_file(staged)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


def _drop_staged(staged: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{staged}{suffix}").unlink(missing_ok=True)


def _swap(candidate: Path, db_path: Path, key: bytes | None, plan: _Plan) -> AuditAnchor | None:
    """Stage, check what the seal cannot vouch for, record the restore in the copy where it can,
    keep the live file aside and swap; returns the restored chain's head when recorded here.
    """
    folder = db_path.parent
    for stale in folder.glob(f"{db_path.stem}.restoring-*.partial*"):
        stale.unlink(missing_ok=True)  # left by a restore that was killed
    staged = backups.unique_name(folder, f"{db_path.stem}.restoring", ".partial")
    _stage(candidate, staged, candidate_key(candidate, key), sync=not plan.audit_here)
    head = None
    try:
        if plan.seal is not None and not digest_holds(staged, plan.seal):
            # Changed with its size and mtime kept (or copied wrongly): checked in full, the
            # copy that is about to become the store.
            plan.checked = CHECKED_IN_FULL
            _check_pages(staged, candidate, None)
        plan.aside = _aside_name(db_path)
        if plan.audit_here:
            head = audit_copy(staged, plan.actor, plan.changes(candidate))
            backups.fsync_file(staged)
        aside = _keep_aside(db_path, key, plan.aside)
        if sidecar_of(candidate).exists():
            # The key file of the day the backup was taken: its users are the ones it holds.
            KeyFile.load(candidate).copy_to(db_path)
        os.replace(staged, db_path)  # the one instant: before it the old file, after it the new
        backups.fsync_folder(folder)
        if aside is not None:
            os.chmod(aside, 0o600)  # its own inode now: owner only, whatever the store had
    except BaseException:
        _drop_staged(staged)
        raise
    return head


@dataclass
class _Plan:
    """How a restore goes: what vouches for the backup, where the restore is recorded."""

    actor: Actor
    seal: dict[str, object] | None
    audit_here: bool  # a plain backup at this schema: recorded in the copy before the swap
    checked: str = ""
    aside: Path | None = None

    def changes(self, candidate: Path) -> dict[str, object]:
        return {
            "backup": str(candidate),
            "kept_aside": str(self.aside) if self.aside else None,
            "checked": self.checked,
        }


CHECKED_WHEN_WRITTEN = "when written"  # the seal held: the backup writer's check is trusted
CHECKED_IN_FULL = "in full"


def restore_file(
    candidate: Path, db_path: Path, actor: Actor | None = None, *, key: bytes | None = None
) -> Path | None:
    """Put a backup in place of the store; returns where the previous file was kept.

    Refused while another window or command has the store open (its lock file), and for a
    damaged, foreign or newer-schema backup; the restore is then recorded in the audit log of
    the restored (and migrated) store.
    """
    # Checked when it was written and provably unchanged: header, schema and audit head only,
    # its sampled digest compared on the staged copy (issue 15: restore ≤ 2× a file copy).
    seal = trusted_seal(candidate, key)
    at_head = check_candidate(candidate, key) if seal is None else _check_schema(candidate, None)
    if not db_path.parent.is_dir():
        raise StoreError(
            N_("The folder {path} does not exist; nothing was changed."), path=str(db_path.parent)
        )
    plan = _Plan(
        actor or local_actor(),
        seal,
        audit_here=at_head and candidate_key(candidate, key) is None,
        checked=CHECKED_WHEN_WRITTEN if seal is not None else CHECKED_IN_FULL,
    )
    try:
        with StoreLock(db_path, exclusive=True):
            head = _swap(candidate, db_path, key, plan)
    except cipher.ERRORS_OR_OS as exc:
        raise backups.environment_error(exc, db_path.parent) from exc
    if head is not None:
        restart_anchor(db_path, head)  # the restored history counts now
    else:  # an older schema (migrated by opening it) or an encrypted backup
        audit_in_place(db_path, candidate_key(db_path, key), plan.actor, plan.changes(candidate))
    return plan.aside
