"""This PC's name among its peers, peers, and the sync base kept per peer and record."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from app.core.bulk_insert import binders, insert_tuples
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.settings import get_setting, set_setting
from db.base import aware, utcnow
from db.models import ExchangePeer, ExchangeRowState
from i18n import N_

NODE_NAME_KEY = "exchange.node_name"
NAME_MAX = 120
_STATE = cast(Table, ExchangeRowState.__table__)
_INSERTED = (
    "id",
    "peer",
    "table_name",
    "row_id",
    "digest",
    "remote_updated_at",
    "created_at",
    "updated_at",
    "updated_by",
    "version",
)
CHUNK = 500  # ids per IN (…): far below every backend's limit of bound parameters


def _check_name(field: str, name: str) -> str:
    clean = " ".join(name.split())
    if not clean or len(clean) > NAME_MAX or not clean.isprintable():
        raise ValidationError(
            [
                FieldError(
                    field,
                    N_("A name of at most {limit} printable characters is required."),
                    {"limit": NAME_MAX},
                )
            ]
        )
    return clean


def node_name(session: Session) -> str:
    """The name this PC signs its packages with ("" until set)."""
    return get_setting(session, NODE_NAME_KEY)


def set_node_name(session: Session, actor: Actor, name: str) -> str:
    """Name this PC for exchanges, e.g. "Abai district court" or "Centre"."""
    clean = _check_name("node_name", name)
    set_setting(session, actor, NODE_NAME_KEY, clean)
    return clean


def peer(session: Session, name: str, *, create: bool = True) -> ExchangePeer | None:
    """A peer by name, created on first use."""
    clean = _check_name("peer", name)
    found = session.scalar(select(ExchangePeer).where(ExchangePeer.name == clean))
    if found is None and create:
        found = ExchangePeer(name=clean, confidential_ok=False)
        session.add(found)
        session.flush()
    return found


@dataclass
class SyncBase:
    """What this PC and a peer both held of a record when they last agreed."""

    state_id: uuid.UUID | None
    digest: str
    remote_updated_at: datetime | None


def bases(
    session: Session, peer_name: str, table: str, ids: list[uuid.UUID]
) -> dict[uuid.UUID, SyncBase]:
    """The sync bases of some records with a peer."""
    found: dict[uuid.UUID, SyncBase] = {}
    st = _STATE
    for start in range(0, len(ids), CHUNK):
        for r in session.execute(
            select(st.c.id, st.c.row_id, st.c.digest, st.c.remote_updated_at).where(
                st.c.peer == peer_name,
                st.c.table_name == table,
                st.c.row_id.in_(ids[start : start + CHUNK]),
            )
        ):
            found[r.row_id] = SyncBase(r.id, r.digest, r.remote_updated_at)
    return found


def _same_time(a: datetime | None, b: datetime | None) -> bool:
    return a is b or (a is not None and b is not None and aware(a) == aware(b))


class BaseWriter:
    """Collects new sync bases of one table and writes them in bulk (50,000 rows at once)."""

    def __init__(self, session: Session, peer_name: str, table: str) -> None:
        self.session, self.peer, self.table = session, peer_name, table
        self.inserts: list[tuple[uuid.UUID, uuid.UUID, str, datetime | None]] = []
        self.updates: list[dict[str, Any]] = []

    def set(
        self,
        known: dict[uuid.UUID, SyncBase],
        row_id: uuid.UUID,
        *,
        digest: str,
        remote_at: datetime | None,
    ) -> None:
        """Remember that this PC and the peer both hold this content of a record."""
        old = known.get(row_id)
        if old is not None and old.state_id is not None:
            keep = remote_at if remote_at is not None else old.remote_updated_at
            if old.digest == digest and _same_time(keep, old.remote_updated_at):
                return  # already noted: a package seen again rewrote 50,000 equal bases
            self.updates.append({"b_id": old.state_id, "b_digest": digest, "b_at": keep})
            known[row_id] = SyncBase(old.state_id, digest, keep)
            return
        new_id = uuid.uuid4()
        self.inserts.append((new_id, row_id, digest, remote_at))
        known[row_id] = SyncBase(new_id, digest, remote_at)

    def flush(self) -> None:
        """Write what was collected."""
        st = _STATE
        if self.inserts:
            # Plain tuples in the driver's form: one sync base per received record, so a
            # national first import writes 50,000 (issue 15, speed).
            dialect = self.session.connection().dialect
            key, row, remote, when = binders(
                st, ["id", "row_id", "remote_updated_at", "created_at"], dialect
            )
            now = utcnow()
            stamp = now if when is None else when(now)
            rows = [
                (
                    i if key is None else key(i),
                    self.peer,
                    self.table,
                    r if row is None else row(r),
                    d,
                    at if at is None or remote is None else remote(at),
                    stamp,
                    stamp,
                    "",
                    1,
                )
                for i, r, d, at in self.inserts
            ]
            insert_tuples(self.session, st, _INSERTED, rows)
        if self.updates:
            self.session.execute(
                update(st)
                .where(st.c.id == bindparam("b_id"))
                .values(digest=bindparam("b_digest"), remote_updated_at=bindparam("b_at")),
                self.updates,
            )
        self.inserts, self.updates = [], []


def set_base(
    session: Session,
    peer_name: str,
    table: str,
    row_id: uuid.UUID,
    *,
    digest: str,
    remote_at: datetime | None,
) -> None:
    """Remember one record's sync base at once."""
    writer = BaseWriter(session, peer_name, table)
    writer.set(
        bases(session, peer_name, table, [row_id]), row_id, digest=digest, remote_at=remote_at
    )
    writer.flush()


def set_peer_confidential(session: Session, actor: Actor, name: str, allowed: bool) -> None:
    """Entitle a peer (the coordinator's PC) to confidential records, or withdraw it (M-9)."""
    from app.core.audit import record
    from app.core.permissions import CONFIDENTIAL_READ, EXCHANGE, require

    require(actor, EXCHANGE)
    require(actor, CONFIDENTIAL_READ)
    found = peer(session, name)
    assert found is not None
    if found.confidential_ok != allowed:
        record(
            session,
            actor,
            "update",
            "exchange_peer",
            found.id,
            {"confidential_ok": [found.confidential_ok, allowed]},
        )
        found.confidential_ok = allowed
        session.flush()
