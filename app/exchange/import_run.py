"""One import in progress: its counters, the conflicts it records, what it left out."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.exchange.ownership import Ownership
from db.models import ExchangeConflict, ExchangePeer

# ExchangeConflict.note of conflicts that are not "changed on both sides".
IDENTITY = "identity"  # the record's unique key (IIN, code) belongs to another record here
PARENT_HELD = "parent_held"  # the record it belongs to waits in a conflict


class ImportRun:
    """One import in progress: counters and the sync bases it touches."""

    def __init__(self, session: Session, peer: ExchangePeer, now: datetime) -> None:
        self.session, self.sender, self.now = session, peer.name, now
        self.owners = Ownership(session, peer)
        self.missing: set[uuid.UUID] = set()  # received records left out (in conflict)
        self.counts = {"inserted": 0, "updated": 0, "deleted": 0, "unchanged": 0, "conflicts": 0}
        self.per_table: dict[str, int] = {}

    def conflict(
        self,
        table: Table,
        row_id: uuid.UUID,
        local: dict[str, Any] | None,
        remote: dict[str, Any] | None,
        remote_at: datetime | None,
        note: str = "",
    ) -> None:
        open_one = self.session.scalar(
            select(ExchangeConflict).where(
                ExchangeConflict.peer == self.sender,
                ExchangeConflict.table_name == table.name,
                ExchangeConflict.row_id == row_id,
                ExchangeConflict.status == "open",
            )
        )
        if open_one is None:
            open_one = ExchangeConflict(
                peer=self.sender,
                table_name=table.name,
                row_id=row_id,
                status="open",
                resolved_by="",
                note="",
            )
            self.session.add(open_one)
        open_one.local_values, open_one.remote_values = local, remote
        open_one.remote_updated_at, open_one.note = remote_at, note
        self.counts["conflicts"] += 1
        if local is None and remote is not None:  # not inserted: its children wait too
            self.missing.add(row_id)
