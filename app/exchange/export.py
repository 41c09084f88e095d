"""Export the changes since the last exchange with a peer as one encrypted package."""

from __future__ import annotations

import hashlib
import json
import uuid
import zlib
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from app.core.audit import plain, record
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.permissions import CONFIDENTIAL_READ, EVALUATION_MANAGE, EXCHANGE, can, require
from app.core.progress import Progress
from app.exchange import state
from app.exchange.crypto import seal
from app.exchange.dto import ExportSummary
from app.exchange.rows import (
    encode_row,
    exchanged_tables,
    is_confidential,
    is_local_audit,
    table_named,
)
from app.exchange.signing import sign
from db.base import aware, utcnow
from db.migrate import head_revisions
from db.models import AuditEntry, ExchangeConflict, ExchangePeer, ExchangeSent, Tombstone
from i18n import N_

FORMAT = "talimger-exchange"
FORMAT_VERSION = 2  # 2: signed by the sender's paired key, numbered, acknowledging
# Re-send a margin before the last export: a transaction still open on another PC then
# committed with an earlier time is not missed; importing a record twice changes nothing.
OVERLAP = timedelta(minutes=10)


def _held_back(session: Session, peer_name: str) -> set[tuple[str, uuid.UUID]]:
    # Records with an open conflict wait until a person has decided.
    rows = session.execute(
        select(ExchangeConflict.table_name, ExchangeConflict.row_id).where(
            ExchangeConflict.peer == peer_name, ExchangeConflict.status == "open"
        )
    )
    return {(r.table_name, r.row_id) for r in rows}


def _table_rows(
    session: Session,
    table: Table,
    since: datetime | None,
    peer_name: str,
    held: set[tuple[str, uuid.UUID]],
) -> list[dict[str, Any]]:
    stmt = select(table)
    if since is not None:
        stmt = stmt.where(table.c.updated_at > since)
    rows = [r._mapping for r in session.execute(stmt.order_by(table.c.id))]
    ids = [r["id"] for r in rows if (table.name, r["id"]) not in held]
    known = state.bases(session, peer_name, table.name, ids)
    return [
        {"v": encode_row(table, r), "base": known[r["id"]].digest if r["id"] in known else None}
        for r in rows
        if (table.name, r["id"]) not in held
    ]


def _confidential_ids(session: Session, tables: list[Table]) -> set[str]:
    ids: set[str] = set()
    for t in tables:
        ids |= {str(i) for i in session.scalars(select(t.c.id))}
    return ids


def audit_anchor(session: Session) -> dict[str, Any]:
    """The head of this PC's audit chain, carried in every package (issue 10 #8).

    HOOK for the access work: when `app.core.audit.anchor()` is on main, its answer is used
    (`.as_dict()`); until then the same fields are read here. The peer keeps it with the
    package, so a chain trimmed or recomputed later no longer matches what the peer holds.
    """
    from app.core import audit as kernel_audit

    provided = getattr(kernel_audit, "anchor", None)
    if provided is not None:
        return dict(provided(session).as_dict())
    count = session.scalar(select(func.count(AuditEntry.seq))) or 0
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    at = utcnow().replace(microsecond=0).isoformat()
    if last is None:
        return {"count": 0, "seq": 0, "hash": "", "at": at}
    return {"count": count, "seq": last.seq, "hash": last.hash, "at": at}


def _since(session: Session, target: ExchangePeer, now: datetime) -> datetime | None:
    """Where a package to a peer starts: at the last package the peer acknowledged (issue 15).

    A lost package is never acknowledged, so its changes come again in the next one. When this
    PC's clock was ahead at that package (it is later than now), everything is sent again:
    importing a record twice changes nothing, missing one loses it.
    """
    if not target.acked_seq:
        return None
    made_at = session.scalar(
        select(ExchangeSent.made_at).where(
            ExchangeSent.peer == target.name, ExchangeSent.seq == target.acked_seq
        )
    )
    if made_at is None or aware(made_at) > now:
        return None
    return aware(made_at) - OVERLAP


def build_body(
    session: Session, actor: Actor, peer_name: str, *, progress: Progress | None = None
) -> tuple[dict[str, Any], ExportSummary]:
    """The package body for a peer; marks the export done (the caller's transaction)."""
    require(actor, EXCHANGE)
    sender = state.node_name(session)
    if not sender:
        raise ValidationError(
            [
                FieldError(
                    "node_name",
                    N_("Name this PC for exchanges first (python -m app exchange name NAME)."),
                )
            ]
        )
    target = state.peer(session, peer_name)
    assert target is not None
    now = utcnow()
    since = _since(session, target, now)
    # M-9, E-2: confidential records travel only by the coordinator's act. Anyone else's
    # package to the entitled peer leaves them out and leaves the peer's marker alone, so the
    # coordinator's next package still carries every change since the last one.
    coordinator_act = can(actor, CONFIDENTIAL_READ) and can(actor, EVALUATION_MANAGE)
    with_secrets = target.confidential_ok and coordinator_act
    tables = exchanged_tables(with_secrets)
    held = _held_back(session, target.name)
    body: dict[str, Any] = {"tables": {}, "tombstones": [], "audit": []}
    records = 0
    for done, table in enumerate(tables, start=1):
        rows = _table_rows(session, table, since, target.name, held)
        if rows:
            body["tables"][table.name] = rows
            records += len(rows)
        if progress is not None:
            progress.step(done, len(tables) + 2)
    allowed = {t.name for t in tables}
    tomb_stmt = select(Tombstone)
    if since is not None:
        tomb_stmt = tomb_stmt.where(Tombstone.updated_at > since)
    for t in session.scalars(tomb_stmt.order_by(Tombstone.deleted_at)):
        if t.table_name in allowed and (t.table_name, t.row_id) not in held:
            known = state.bases(session, target.name, t.table_name, [t.row_id])
            body["tombstones"].append(
                {
                    "table": t.table_name,
                    "row_id": str(t.row_id),
                    "deleted_at": plain(t.deleted_at),
                    "base": known[t.row_id].digest if t.row_id in known else None,
                }
            )
    hidden = [t for t in exchanged_tables(True) if is_confidential(t) and t.name not in allowed]
    secret_ids = _confidential_ids(session, hidden)
    secret_names = {t.name for t in hidden}
    audit_stmt = select(AuditEntry)
    if since is not None:
        audit_stmt = audit_stmt.where(AuditEntry.at > since)
    for e in session.scalars(audit_stmt.order_by(AuditEntry.seq)):
        if e.entity in secret_names or e.entity_id in secret_ids:
            continue  # an audit entry would reveal a confidential record (M-9)
        if is_local_audit(e.entity) or e.action == "login":
            continue  # users, logins and settings belong to this PC (issue 10 #5)
        body["audit"].append(
            {
                "seq": e.seq,
                "at": plain(e.at),
                "actor": e.actor,
                "action": e.action,
                "entity": e.entity,
                "entity_id": e.entity_id,
                "changes": e.changes,
                "hash": e.hash,
            }
        )
    summary = ExportSummary(
        uuid.uuid4(),
        target.name,
        records,
        len(body["tombstones"]),
        len(body["audit"]),
        confidential_held_back=target.confidential_ok and not with_secrets,
    )
    body.update(
        {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "package_id": str(summary.package_id),
            "sender": sender,
            "recipient": target.name,
            "created_at": now.isoformat(),
            "schema": list(head_revisions()),
        }
    )
    # Only a complete package takes a number: one that leaves confidential records out
    # (another sender than the coordinator) is an extra delivery the peer does not acknowledge.
    if with_secrets or not target.confidential_ok:
        target.sent_seq += 1
        target.last_export_at = now
        session.add(
            ExchangeSent(
                peer=target.name,
                seq=target.sent_seq,
                package_id=summary.package_id,
                made_at=now,
                updated_by=actor.name,
            )
        )
        body["seq"] = target.sent_seq
    else:
        body["seq"] = None
    body["ack"] = target.received_seq  # what this PC has received from the peer
    body["audit_anchor"] = audit_anchor(session)
    session.flush()
    record(
        session,
        actor,
        "export",
        "exchange_package",
        summary.package_id,
        {
            "recipient": [None, target.name],
            "records": [None, records],
            "deletions": [None, summary.deletions],
        },
    )
    return body, summary


def pack(session: Session, body: dict[str, Any], passphrase: str) -> bytes:
    """Serialise with a SHA-256 checksum, sign with this PC's key, compress and encrypt."""
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    checksum = hashlib.sha256(text.encode("utf-8")).hexdigest()
    signer, signature = sign(session, checksum)
    envelope = json.dumps(
        {"sha256": checksum, "body": text, "signer": signer, "signature": signature},
        ensure_ascii=False,
    )
    return seal(zlib.compress(envelope.encode("utf-8"), 6), passphrase)


def export_package(
    session: Session,
    actor: Actor,
    peer_name: str,
    passphrase: str,
    *,
    progress: Progress | None = None,
) -> tuple[bytes, ExportSummary]:
    """The encrypted package of changes for a peer, and what it holds."""
    body, summary = build_body(session, actor, peer_name, progress=progress)
    return pack(session, body, passphrase), summary


__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "OVERLAP",
    "build_body",
    "export_package",
    "pack",
    "table_named",
]
