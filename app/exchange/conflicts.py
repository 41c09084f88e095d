"""Conflicts found by imports: list them, and let a person keep this PC's version or take theirs."""

from __future__ import annotations

import uuid

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import ConflictError, FieldError, NotFoundError, ValidationError
from app.core.permissions import EXCHANGE, require
from app.exchange import state
from app.exchange.dto import ConflictDTO
from app.exchange.local_rows import write_values
from app.exchange.rows import META_COLUMNS, digest, table_named
from db.base import aware, utcnow
from db.models import ExchangeConflict, Tombstone
from i18n import N_

KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"


def _dto(c: ExchangeConflict) -> ConflictDTO:
    local, remote = c.local_values or {}, c.remote_values or {}
    changed = tuple(
        sorted(
            k
            for k in set(local) | set(remote)
            if k not in META_COLUMNS and local.get(k) != remote.get(k)
        )
    )
    return ConflictDTO(
        c.id,
        c.peer,
        c.table_name,
        c.row_id,
        c.local_values,
        c.remote_values,
        changed,
        c.status,
        aware(c.created_at),
        c.note,
    )


def list_conflicts(session: Session, actor: Actor, *, only_open: bool = True) -> list[ConflictDTO]:
    """Conflicts waiting for a decision (or all of them), oldest first."""
    require(actor, EXCHANGE)
    stmt = select(ExchangeConflict).order_by(ExchangeConflict.created_at, ExchangeConflict.id)
    if only_open:
        stmt = stmt.where(ExchangeConflict.status == "open")
    return [_dto(c) for c in session.scalars(stmt)]


def resolve_conflict(
    session: Session, actor: Actor, conflict_id: uuid.UUID, choice: str
) -> ConflictDTO:
    """Keep this PC's version (it goes to the peer next time) or take the peer's."""
    require(actor, EXCHANGE)
    if choice not in (KEEP_MINE, TAKE_THEIRS):
        raise ValidationError([FieldError("choice", N_("Choose which version to keep."))])
    c = session.get(ExchangeConflict, conflict_id)
    if c is None:
        raise NotFoundError(N_("This conflict no longer exists."))
    if c.status != "open":
        raise ConflictError(N_("Someone else already resolved this conflict."))
    table = table_named(c.table_name)
    if table is None:
        raise NotFoundError(N_("This conflict no longer exists."))
    now = utcnow()
    exists = session.execute(select(table.c.id).where(table.c.id == c.row_id)).first() is not None
    theirs = digest(c.remote_values)
    if choice == TAKE_THEIRS:
        if c.remote_values is None:
            if exists:
                session.execute(table.delete().where(table.c.id == c.row_id))
                session.add(Tombstone(table_name=table.name, row_id=c.row_id, deleted_at=now))
        else:
            try:
                with session.begin_nested():
                    write_values(session, table, c.row_id, c.remote_values, exists=exists, now=now)
            except IntegrityError:
                # An identity conflict (the IIN is another person's here), or the record
                # it belongs to is not here yet.
                raise ConflictError(
                    N_(
                        "Their version cannot be taken yet: another record here has the same "
                        "IIN or code, or the record it belongs to is missing. Correct that "
                        "record first."
                    )
                ) from None
    elif exists:
        # Touch this PC's version so the next package carries it to the peer.
        session.execute(
            update(table)
            .where(table.c.id == c.row_id)
            .values(updated_at=now, version=table.c.version + 1)
        )
    else:
        session.execute(
            update(Tombstone)
            .where(Tombstone.table_name == table.name, Tombstone.row_id == c.row_id)
            .values(updated_at=now, version=Tombstone.version + 1)
        )
    if theirs is not None:  # the peer holds their version: the base for the next exchange
        state.set_base(
            session,
            c.peer,
            table.name,
            c.row_id,
            digest=theirs,
            remote_at=aware(c.remote_updated_at) if c.remote_updated_at else None,
        )
    c.status = "kept_mine" if choice == KEEP_MINE else "took_theirs"
    c.resolved_by, c.resolved_at, c.updated_by = actor.name, now, actor.name
    session.flush()
    record(
        session,
        actor,
        "resolve",
        table.name,
        c.row_id,
        {"conflict": [None, c.status], "peer": [None, c.peer]},
    )
    return _dto(c)
