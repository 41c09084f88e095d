"""What a peer may change here: the centre everything of its region, a district its own courts'.

Issue 10 #7: a package could rewrite any record. A district PC keeps its courts, their people
and those people's records (found by following references to a person or a court); a change
to anything else from a district becomes a conflict for a person, never a silent overwrite.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.exchange.rows import encode_row
from app.exchange.signing import OWNS_COURTS
from db.models import ExchangePeer

COURT_TABLE = "court"


class Ownership:
    """Answers, for one import, whether the sending peer may change a record."""

    def __init__(self, session: Session, peer: ExchangePeer) -> None:
        self.session = session
        self.everything = peer.owns != OWNS_COURTS
        self.courts = {str(c) for c in peer.court_ids or []}
        self._refs: dict[tuple[str, str], bool] = {}

    def may_change(self, table: Table, *versions: dict[str, Any] | None) -> bool:
        """Whether every given version of a record (this PC's, the package's) is the peer's."""
        if self.everything:
            return True
        return all(v is None or self._owned(table, v) for v in versions)

    def _owned(self, table: Table, values: dict[str, Any]) -> bool:
        if table.name == COURT_TABLE:
            return str(values.get("id")) in self.courts
        for fk in table.foreign_keys:
            target = fk.column.table
            ref = values.get(fk.parent.name)
            if target is table or ref is None:
                continue
            if target.name == COURT_TABLE:
                if str(ref) in self.courts:
                    return True
            elif self._owned_ref(target, str(ref)):
                return True
        return False  # catalogues, rule sets, templates: the centre's

    def _owned_ref(self, target: Table, ref: str) -> bool:
        key = (target.name, ref)
        if key not in self._refs:
            self._refs[key] = False  # a reference cycle owns nothing
            try:
                row_id = uuid.UUID(ref)
            except ValueError:
                return False
            row = self.session.execute(select(target).where(target.c.id == row_id)).first()
            self._refs[key] = row is not None and self._owned(
                target, encode_row(target, row._mapping)
            )
        return self._refs[key]
