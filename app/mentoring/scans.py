"""Mentoring's attached scans read back checked: roster orders (M-3), signed protocols (M-11)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, NotFoundError
from db.models import Protocol, RosterOrder
from i18n import N_


class ScanDamagedError(DomainError):
    """The stored bytes no longer match the checksum taken when the scan was attached."""


@dataclass(frozen=True)
class OrderScan:
    """A roster order that has its signed scan attached (the bytes are read on demand)."""

    order_id: uuid.UUID
    number: str
    signed_on: date
    name: str


def roster_order_scans(session: Session, region_code: str) -> list[OrderScan]:
    """The region's roster orders with a scan attached, newest first (M-3)."""
    rows = session.execute(
        select(
            RosterOrder.id, RosterOrder.number, RosterOrder.signed_on, RosterOrder.attachment_name
        )
        .where(RosterOrder.region_code == region_code, RosterOrder.attachment_sha256 != "")
        .order_by(RosterOrder.signed_on.desc(), RosterOrder.created_at.desc())
    ).all()
    return [OrderScan(i, n, d, name or "scan") for i, n, d, name in rows]


def roster_order_scan(session: Session, order_id: uuid.UUID) -> tuple[str, bytes]:
    """A roster order's scan: its file name and bytes, checked (M-3)."""
    order = session.get(RosterOrder, order_id)
    if order is None or not order.attachment:
        raise NotFoundError(N_("The order has no scan attached."))
    return _checked(order.attachment_name, bytes(order.attachment), order.attachment_sha256)


def roster_order_files(session: Session, region_code: str) -> list[tuple[str, bytes]]:
    """The region's order scans for the viewer, newest first, named by order number and date."""
    return [
        (
            f"№ {o.number}, {o.signed_on:%d.%m.%Y} — {o.name}",
            roster_order_scan(session, o.order_id)[1],
        )
        for o in roster_order_scans(session, region_code)
    ]


def protocol_scan(session: Session, protocol_id: uuid.UUID) -> tuple[str, bytes]:
    """A council protocol's signed scan: its file name and bytes, checked (M-11)."""
    protocol = session.get(Protocol, protocol_id)
    if protocol is None:
        raise NotFoundError(N_("This protocol was deleted by someone else."))
    if not protocol.scan:
        raise NotFoundError(N_("The protocol has no signed scan attached."))
    return _checked(protocol.scan_name, bytes(protocol.scan), protocol.scan_sha256)


def _checked(name: str, content: bytes, sha256: str) -> tuple[str, bytes]:
    if hashlib.sha256(content).hexdigest() != sha256:
        raise ScanDamagedError(
            N_("The stored file {name} is damaged (checksum mismatch)."), name=name
        )
    return name or "scan", content
