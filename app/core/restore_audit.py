"""A restore recorded in the restored store's audit log, and the audit anchor restarted there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.anchors import remember, restart_at
from app.core.audit import AuditAnchor, anchor, record
from app.core.context import Actor
from db.engine import make_engine, make_session_factory


def audit_copy(copy: Path, actor: Actor, changes: dict[str, Any]) -> AuditAnchor:
    """Record the restore inside the staged copy of a plain backup at this schema, before it
    takes the store's place: the swap brings the data and its record at once, and the copy is
    synced once for both (SQLite syncs the file when the last connection folds its WAL in).
    Returns the restored chain's head.
    """
    engine = make_engine(copy)
    try:
        factory = make_session_factory(engine)
        with factory() as session, session.begin():
            record(session, actor, "restore", "store", "store", changes)
        with factory() as session:
            return anchor(session)
    finally:
        engine.dispose()


def audit_in_place(db_path: Path, key: bytes | None, actor: Actor, changes: dict[str, Any]) -> None:
    """Migrate an older (or encrypted) restored store by opening it, then record the restore and
    restart the anchor at the restored history.
    """
    from app.core.bootstrap import open_store

    store = open_store(db_path, backup=False, key=key)
    try:
        with store.write() as session:
            record(session, actor, "restore", "store", "store", changes)
        with store.read() as session:
            remember(store.location, session, restart=True)  # the restored history counts now
    finally:
        store.dispose()


def restart_anchor(db_path: Path, head: AuditAnchor) -> None:
    """The data folder's anchor for the store moves to the restored chain's head."""
    restart_at(str(db_path), head)
