"""This PC's name among its peers, peers, and the sync base kept per peer and record."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.context import Actor
from app.errors import FieldError, ValidationError
from app.settings.service import get_setting, set_setting
from db.models import ExchangePeer, ExchangeRowState
from i18n import N_

NODE_NAME_KEY = "exchange.node_name"
NAME_MAX = 120


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


def bases(
    session: Session, peer_name: str, table: str, ids: list[uuid.UUID]
) -> dict[uuid.UUID, ExchangeRowState]:
    """The sync bases of some records with a peer."""
    found: dict[uuid.UUID, ExchangeRowState] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for st in session.scalars(
            select(ExchangeRowState).where(
                ExchangeRowState.peer == peer_name,
                ExchangeRowState.table_name == table,
                ExchangeRowState.row_id.in_(chunk),
            )
        ):
            found[st.row_id] = st
    return found


def set_base(
    session: Session,
    known: dict[uuid.UUID, ExchangeRowState],
    peer_name: str,
    table: str,
    row_id: uuid.UUID,
    *,
    digest: str,
    remote_at: datetime | None,
) -> None:
    """Remember that this PC and the peer both hold this content of a record."""
    state = known.get(row_id)
    if state is None:
        state = ExchangeRowState(peer=peer_name, table_name=table, row_id=row_id)
        session.add(state)
        known[row_id] = state
    state.digest = digest
    if remote_at is not None:
        state.remote_updated_at = remote_at


def set_peer_confidential(session: Session, actor: Actor, name: str, allowed: bool) -> None:
    """Entitle a peer (the coordinator's PC) to confidential records, or withdraw it (M-9)."""
    from app.audit.service import record
    from app.security.permissions import CONFIDENTIAL_READ, EXCHANGE, require

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
