"""The audit chain's head kept outside the store: the data folder, backup manifests (Why #8)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import AuditAnchor, anchor, anchor_problem
from app.core.logs import LOGGER
from app.core.owner_only import write_private
from app.core.paths import data_dir
from db.base import aware
from db.models import AuditEntry
from i18n import N_, _

MANIFEST_SUFFIX = ".manifest.json"

CUT = N_(
    "The audit log was cut: it ends at entry {last}, but entry {seq} was anchored in {where} "
    "on {at}."
)
REWRITTEN = N_(
    "The audit log was rewritten: entry {seq} differs from the one anchored in {where} on {at}."
)
FEWER = N_(
    "Audit entries were removed: {count} were anchored up to entry {seq} in {where} on {at}."
)
MESSAGES = {"missing": CUT, "rewritten": REWRITTEN, "fewer": FEWER}
DATA_FOLDER = N_("the user's data folder")
BACKUP = N_("the manifest of the backup {name}")


def _file(location: str) -> Path:
    # One small file per store: PCs and processes writing anchors of other stores never race.
    if "://" not in location:
        location = str(Path(location).resolve())
    key = hashlib.sha256(location.encode("utf-8")).hexdigest()[:32]
    return data_dir() / "anchors" / f"{key}.json"


def _write(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    write_private(partial, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    os.replace(partial, path)


def _read(path: Path) -> AuditAnchor | None:
    try:
        return AuditAnchor.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def stored(location: str) -> AuditAnchor | None:
    """The anchor the data folder holds for a store, if any."""
    return _read(_file(location))


def remember(location: str, session: Session, *, restart: bool = False) -> None:
    """Move the data folder's anchor to the chain's head after a write.

    Never over the evidence of a cut or a rewrite: the anchor then stays where it was, so every
    later `check` still reports it. `restart` (an administrator's restore) takes the head as it
    is. A folder that cannot be written costs the anchor, never the user's save.
    """
    try:
        head = anchor(session)
        old = stored(location)
        if old is not None and (old.seq, old.hash) == (head.seq, head.hash):
            return
        if old is not None and not restart and anchor_problem(session, old):
            return
        _write(_file(location), {"location": location, **head.as_dict()})
    except OSError as exc:
        LOGGER.warning("audit anchor not written: %s", exc)


def restart_at(location: str, head: AuditAnchor) -> None:
    """An administrator's restore: the data folder's anchor starts at the restored head."""
    try:
        _write(_file(location), {"location": location, **head.as_dict()})
    except OSError as exc:
        LOGGER.warning("audit anchor not written: %s", exc)


def forget(location: str) -> None:
    """A new store begins a new history where an old one was deleted: its anchor goes."""
    try:
        _file(location).unlink(missing_ok=True)
    except OSError as exc:
        LOGGER.warning("audit anchor not removed: %s", exc)


def manifest_path(backup: Path) -> Path:
    """The manifest beside a backup file."""
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def write_manifest(
    backup: Path, store_name: str = "", *, seal: dict[str, object] | None = None
) -> AuditAnchor | None:
    """Record the backup's chain head beside it (read from the copy itself), the name of the
    store it was taken of (stores sharing a folder share its backups folder) and its seal
    (app.core.backup_seal) when the copy passed the check.
    """
    conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        count, seq = conn.execute(
            "SELECT count(*), coalesce(max(seq), 0) FROM audit_entry"
        ).fetchone()
        row = conn.execute("SELECT hash FROM audit_entry WHERE seq = ?", (seq,)).fetchone()
    except sqlite3.Error:
        return None  # not one of ours yet (no audit table): nothing to anchor
    finally:
        conn.close()
    at = datetime.now(UTC).replace(microsecond=0).isoformat()
    head = AuditAnchor(int(count), int(seq), row[0] if row else "0" * 64, at)
    record: dict[str, object] = {"backup": backup.name, "store": store_name, **head.as_dict()}
    if seal is not None:
        record["seal"] = seal
    _write(manifest_path(backup), record)
    return head


def _manifest_store(manifest: Path) -> str:
    """The store file name a manifest was written for ("" for manifests made before it was
    recorded, which count for every store of the folder, as they always did).
    """
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return str(data.get("store", "")) if isinstance(data, dict) else ""


def manifest_anchor(backup: Path) -> AuditAnchor | None:
    """The anchor a backup's manifest recorded, if it has one."""
    return _read(manifest_path(backup))


def backup_altered(backup: Path) -> bool:
    """Whether a backup's audit log no longer reaches the head its manifest recorded (cut,
    rewritten or thinned after the backup was made); False without a manifest.
    """
    anchored = manifest_anchor(backup)
    if anchored is None or anchored.seq == 0:
        return False
    conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT hash, (SELECT count(*) FROM audit_entry WHERE seq <= ?) FROM audit_entry "
            "WHERE seq = ?",
            (anchored.seq, anchored.seq),
        ).fetchone()
    except sqlite3.Error:
        return True
    finally:
        conn.close()
    return row is None or row[0] != anchored.hash or int(row[1]) < anchored.count


def _since_last_restore(session: Session) -> str:
    at = session.scalar(
        select(AuditEntry.at).where(AuditEntry.action == "restore").order_by(AuditEntry.seq.desc())
    )
    return aware(at).astimezone(UTC).isoformat() if at is not None else ""


def anchor_problems(location: str, backup_dir: Path | None, session: Session) -> list[str]:
    """Translated sentences for every anchor the chain fails, with the anchored position."""
    anchors: list[tuple[str, AuditAnchor]] = []
    own = stored(location)
    if own is not None:
        anchors.append((_(DATA_FOLDER), own))
    if backup_dir is not None and backup_dir.is_dir():
        # Backups made before the last restore describe a history the restore replaced.
        since = _since_last_restore(session)
        own_name = Path(location).name if "://" not in location else ""
        for manifest in sorted(backup_dir.glob("*" + MANIFEST_SUFFIX)):
            taken_of = _manifest_store(manifest)
            if taken_of and own_name and taken_of != own_name:
                continue  # another store of the same folder: its history, not this one's
            found = _read(manifest)
            if found is not None and found.at[:19] >= since[:19]:
                name = manifest.name.removesuffix(MANIFEST_SUFFIX)
                anchors.append((_(BACKUP).format(name=name), found))
    head = anchor(session)
    problems = []
    for where, anchored in anchors:
        kind = anchor_problem(session, anchored)
        if kind:
            problems.append(
                _(MESSAGES[kind]).format(
                    last=head.seq,
                    seq=anchored.seq,
                    count=anchored.count,
                    where=where,
                    at=anchored.at[:16].replace("T", " "),
                )
            )
    return problems
