"""This PC's copies of received records: read them, and put received content in place."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from app.exchange import state
from app.exchange.rows import (
    META_COLUMNS,
    decode_row,
    encode_row,
)
from db.models import Tombstone


def _content(table: Table, values: dict[str, Any], now: datetime) -> dict[str, Any]:
    content = {k: v for k, v in decode_row(table, values).items() if k not in META_COLUMNS}
    content["updated_at"], content["updated_by"] = now, str(values.get("updated_by") or "")
    return content


def write_rows(
    session: Session,
    table: Table,
    rows: list[tuple[uuid.UUID, dict[str, Any], bool]],
    now: datetime,
    tombstoned: set[uuid.UUID] | None = None,
) -> None:
    """Put records' content in place, in bulk; bookkeeping columns are this PC's own.

    rows: (id, encoded values, whether the record exists here), parents first; tombstoned: the
    ids among them this PC holds tombstones of, when the caller has read them (else all are
    looked for).
    """
    inserts, updates = [], []
    for row_id, values, exists in rows:
        content = _content(table, values, now)
        if exists:
            updates.append(
                {f"b_{k}": v for k, v in content.items() if k != "id"} | {"b_id": row_id}
            )
        else:
            inserts.append(content | {"id": row_id, "created_at": now, "version": 1})
    if inserts:
        session.execute(insert(table), inserts)
    if updates:
        columns = [k[2:] for k in updates[0] if k != "b_id"]
        session.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({c: bindparam(f"b_{c}") for c in columns} | {"version": table.c.version + 1}),
            updates,
        )
    ids = [r[0] for r in rows if tombstoned is None or r[0] in tombstoned]
    tomb = cast(Table, Tombstone.__table__)
    for start in range(0, len(ids), state.CHUNK):
        session.execute(
            delete(tomb).where(
                tomb.c.table_name == table.name, tomb.c.row_id.in_(ids[start : start + state.CHUNK])
            )
        )


def write_values(
    session: Session,
    table: Table,
    row_id: uuid.UUID,
    values: dict[str, Any],
    *,
    exists: bool,
    now: datetime,
) -> None:
    """Put one record's content in place."""
    write_rows(session, table, [(row_id, values, exists)], now)


def _local_rows(session: Session, table: Table, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    local: dict[uuid.UUID, dict[str, Any]] = {}
    for start in range(0, len(ids), state.CHUNK):
        chunk = ids[start : start + state.CHUNK]
        for r in session.execute(select(table).where(table.c.id.in_(chunk))):
            local[r._mapping["id"]] = encode_row(table, r._mapping)
    return local


def _deleted_here(session: Session, table: Table, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    gone: set[uuid.UUID] = set()
    for start in range(0, len(ids), state.CHUNK):
        gone |= set(
            session.scalars(
                select(Tombstone.row_id).where(
                    Tombstone.table_name == table.name,
                    Tombstone.row_id.in_(ids[start : start + state.CHUNK]),
                )
            )
        )
    return gone
