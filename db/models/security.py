"""Users, login attempts, deletions (tombstones) and the exchange bookkeeping of this PC.

Tables flagged ``info={"local": True}`` belong to this installation and never travel in an
exchange package; a table flagged ``info={"confidential": True}`` (mentoring, M-9) travels
only to peers entitled to it.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    Uuid,
    event,
    insert,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from db.base import Record, utcnow

LOCAL = {"local": True}


class User(Record):
    """A person who logs in; password kept only as an argon2 hash."""

    __tablename__ = "app_user"
    __table_args__ = ({"info": LOCAL},)

    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL")
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginAttempt(Record):
    """One login attempt, successful or not (kept for the administrator)."""

    __tablename__ = "login_attempt"
    __table_args__ = ({"info": LOCAL},)

    username: Mapped[str] = mapped_column(String(80), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    success: Mapped[bool] = mapped_column(Boolean)


class Tombstone(Record):
    """A deleted record, so the deletion can travel in exchange packages."""

    __tablename__ = "tombstone"
    __table_args__ = (
        Index("ix_tombstone_table_row", "table_name", "row_id", unique=True),
        {"info": LOCAL},
    )

    table_name: Mapped[str] = mapped_column(String(80))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    deleted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class ExchangePeer(Record):
    """Another PC this one exchanges packages with (a district court or the centre)."""

    __tablename__ = "exchange_peer"
    __table_args__ = ({"info": LOCAL},)

    name: Mapped[str] = mapped_column(String(120), unique=True)
    last_export_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_import_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # May receive confidential records (M-9): only the centre's coordinator PC.
    confidential_ok: Mapped[bool] = mapped_column(Boolean, default=False)
    # Issue 10 #7: the peer's Ed25519 public key (base64), compared by phone when paired;
    # packages signed by any other key are refused. "" until paired.
    public_key: Mapped[str] = mapped_column(String(64), default="", server_default="")
    paired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # What the peer may change here: "region" (the centre) or "courts" (a district: the
    # courts in court_ids, their people and those people's records).
    owns: Mapped[str] = mapped_column(String(20), default="region", server_default="region")
    court_ids: Mapped[list[str] | None] = mapped_column(JSON, default=list)
    # Issue 15: numbered packages. sent_seq: the last number sent to the peer; acked_seq: the
    # last the peer said it received; received_seq: the highest received from the peer.
    sent_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    acked_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    received_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ExchangeSent(Record):
    """A numbered package sent to a peer: when it was made, so an acknowledgement dates it."""

    __tablename__ = "exchange_sent"
    __table_args__ = (
        Index("ix_exchange_sent_peer_seq", "peer", "seq", unique=True),
        {"info": LOCAL},
    )

    peer: Mapped[str] = mapped_column(String(120))
    seq: Mapped[int] = mapped_column(Integer)
    package_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    made_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ExchangeRowState(Record):
    """The content both this PC and a peer are known to hold for one record (the sync base)."""

    __tablename__ = "exchange_row_state"
    __table_args__ = (
        Index("ix_exchange_row_state_key", "peer", "table_name", "row_id", unique=True),
        {"info": LOCAL},
    )

    peer: Mapped[str] = mapped_column(String(120))
    table_name: Mapped[str] = mapped_column(String(80))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    digest: Mapped[str] = mapped_column(String(64))
    remote_updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ExchangePackage(Record):
    """A package imported here: importing the same package again changes nothing."""

    __tablename__ = "exchange_package"
    __table_args__ = ({"info": LOCAL},)

    package_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    sender: Mapped[str] = mapped_column(String(120))
    created_at_sender: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ExchangeConflict(Record):
    """A record changed both here and at a peer since they last agreed: a person decides."""

    __tablename__ = "exchange_conflict"
    __table_args__ = ({"info": LOCAL},)

    peer: Mapped[str] = mapped_column(String(120), index=True)
    table_name: Mapped[str] = mapped_column(String(80))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    local_values: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    remote_values: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    remote_updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    resolved_by: Mapped[str] = mapped_column(String(120), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    note: Mapped[str] = mapped_column(Text, default="")


class RemoteAuditEntry(Record):
    """An audit entry received from a peer, kept beside (not inside) the local hash chain."""

    __tablename__ = "remote_audit_entry"
    __table_args__ = (
        Index("ix_remote_audit_entry_origin_seq", "origin", "seq", unique=True),
        {"info": LOCAL},
    )

    origin: Mapped[str] = mapped_column(String(120))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(String(36))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    hash: Mapped[str] = mapped_column(String(64))


def _record_deletion(_mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    # Every ORM deletion of a shared record leaves a tombstone in the same transaction,
    # so exchange packages carry deletions (orphaned children included).
    table = target.__table__
    if table.info.get("local") or table.name in UNTRACKED_TABLES:
        return
    tomb = cast(Table, Tombstone.__table__)
    now = utcnow()
    existing = connection.execute(
        tomb.select().where(tomb.c.table_name == table.name, tomb.c.row_id == target.id)
    ).first()
    if existing is not None:
        connection.execute(
            tomb.update()
            .where(tomb.c.id == existing.id)
            .values(deleted_at=now, updated_at=now, version=existing.version + 1)
        )
        return
    connection.execute(
        insert(tomb).values(
            id=uuid.uuid4(),
            table_name=table.name,
            row_id=target.id,
            deleted_at=now,
            created_at=now,
            updated_at=now,
            updated_by="",
            version=1,
        )
    )


# Foundation tables that belong to one installation (they have no info flag of their own).
UNTRACKED_TABLES = frozenset({"setting", "audit_entry"})

event.listen(Record, "after_delete", _record_deletion, propagate=True)

__all__ = [
    "LOCAL",
    "UNTRACKED_TABLES",
    "ExchangeConflict",
    "ExchangePackage",
    "ExchangePeer",
    "ExchangeRowState",
    "ExchangeSent",
    "LoginAttempt",
    "RemoteAuditEntry",
    "Tombstone",
    "User",
]
