"""Identity conflicts: a received record whose unique key (an IIN, a court code) is another's here.

Issue 15 #7: a judge registered at two districts made the centre refuse the second district's
packages forever. Such a record now becomes a conflict for a person, shown beside the record
that holds the key here, and the rest of the package imports.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Table, UniqueConstraint, select
from sqlalchemy.orm import Session

from app.exchange.rows import decode_value, encode_row, encode_value
from app.exchange.state import CHUNK


def unique_keys(table: Table) -> list[tuple[str, ...]]:
    """The column sets a table keeps unique (besides its id)."""
    keys: set[tuple[str, ...]] = {(c.name,) for c in table.c if c.unique and c.name != "id"}
    keys |= {tuple(c.name for c in i.columns) for i in table.indexes if i.unique}
    keys |= {
        tuple(c.name for c in k.columns)
        for k in table.constraints
        if isinstance(k, UniqueConstraint) and k.columns
    }
    return sorted(keys)


class Identities:
    """Who holds, on this PC, the unique keys of one table's received rows."""

    def __init__(self, session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
        self.table = table
        self.keys = unique_keys(table)
        self.session = session
        self.holders: dict[tuple[tuple[str, ...], tuple[Any, ...]], uuid.UUID] = {}
        for cols in self.keys:
            firsts = sorted(
                {decode_value(table, cols[0], r.get(cols[0])) for r in rows} - {None}, key=str
            )
            for start in range(0, len(firsts), CHUNK):
                stmt = select(table.c.id, *(table.c[c] for c in cols)).where(
                    table.c[cols[0]].in_(firsts[start : start + CHUNK])
                )
                for found in session.execute(stmt):
                    key = tuple(encode_value(found._mapping[c]) for c in cols)
                    self.holders[(cols, key)] = found.id

    def holder(self, values: dict[str, Any]) -> dict[str, Any] | None:
        """The record here that holds one of this row's unique keys, if it is another record."""
        row_id = str(values.get("id"))
        for cols in self.keys:
            key = tuple(encode_value(values.get(c)) for c in cols)
            holder = self.holders.get((cols, key))
            if holder is not None and str(holder) != row_id:
                found = self.session.execute(
                    select(self.table).where(self.table.c.id == holder)
                ).first()
                if found is not None:
                    return encode_row(self.table, found._mapping)
        return None


def refers_to(table: Table, values: dict[str, Any], missing: set[uuid.UUID]) -> bool:
    """Whether a row refers to a record this import left out (its parent is in conflict)."""
    if not missing:
        return False
    for fk in table.foreign_keys:
        ref = values.get(fk.parent.name)
        if ref is not None and uuid.UUID(str(ref)) in missing:
            return True
    return False
