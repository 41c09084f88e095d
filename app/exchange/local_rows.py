"""This PC's copies of received records: read them, and put received content in place."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, Uuid, bindparam, delete, insert, select, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from app.core.bulk_insert import binders, insert_tuples
from app.exchange import state
from app.exchange.rows import (
    CANONICAL_UUID,
    META_COLUMNS,
    decode_row,
    decoders,
    encode_row,
)
from db.models import Tombstone

_PROBE = uuid.UUID("01234567-89ab-cdef-0123-456789abcdef")


def _content(table: Table, values: dict[str, Any], now: datetime) -> dict[str, Any]:
    content = {k: v for k, v in decode_row(table, values).items() if k not in META_COLUMNS}
    content["updated_at"], content["updated_by"] = now, str(values.get("updated_by") or "")
    return content


def _from_json(table: Table, column: str, dialect: Dialect) -> Callable[[Any], Any] | None:
    """What turns a column's JSON form into the driver's value, or None for the value as is."""
    decode = decoders(table)[column]
    bind = binders(table, [column], dialect)[0]
    if isinstance(table.c[column].type, Uuid) and bind is not None and bind(_PROBE) == _PROBE.hex:
        # SQLite keeps a UUID as its 32 hex digits: the canonical text loses its dashes
        # instead of being parsed into a UUID and printed again (~100,000 ids a package).
        def hex_digits(value: Any) -> Any:
            if isinstance(value, str) and CANONICAL_UUID.fullmatch(value):
                return value.replace("-", "")
            return bind(uuid.UUID(str(value)))

        return hex_digits
    if decode is None or bind is None:
        return decode or bind
    return lambda value: bind(decode(value))


def _insert_tuples(
    session: Session, table: Table, rows: list[dict[str, Any]], now: datetime
) -> bool:
    """Insert new records as plain tuples; False, writing nothing, unless each holds exactly
    this PC's columns (a package of this version always does).
    """
    content = [c.key for c in table.c if c.key not in META_COLUMNS]
    every = set(content) | META_COLUMNS
    if any(values.keys() != every for values in rows):
        return False
    dialect = session.connection().dialect
    plan = [(c, _from_json(table, c, dialect)) for c in content]
    created, updated = binders(table, ["created_at", "updated_at"], dialect)
    fixed = (now if created is None else created(now), now if updated is None else updated(now), 1)
    tuples = [
        (
            *[v if (v := values[c]) is None or f is None else f(v) for c, f in plan],
            str(values["updated_by"] or ""),
            *fixed,
        )
        for values in rows
    ]
    insert_tuples(
        session, table, [*content, "updated_by", "created_at", "updated_at", "version"], tuples
    )
    return True


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
    updates = [
        {f"b_{k}": v for k, v in _content(table, values, now).items() if k != "id"}
        | {"b_id": row_id}
        for row_id, values, exists in rows
        if exists
    ]
    new = [(row_id, values) for row_id, values, exists in rows if not exists]
    if new and not _insert_tuples(session, table, [values for _id, values in new], now):
        inserts = [
            _content(table, values, now) | {"id": row_id, "created_at": now, "version": 1}
            for row_id, values in new
        ]
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
