"""Which tables travel, how their rows are written into a package, and a row's content digest.

Generic over ``Base.metadata``: every table of a later module travels automatically unless it
is flagged ``info={"local": True}``; ``info={"confidential": True}`` tables (M-9) travel only to
peers entitled to them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import JSON, Date, DateTime, LargeBinary, MetaData, Numeric, Table, Uuid

import db.models  # noqa: F401  (every table registered on the metadata)
from db.base import Base, aware
from db.models.security import UNTRACKED_TABLES

# Bookkeeping columns: they differ between PCs holding the same content.
META_COLUMNS = frozenset({"created_at", "updated_at", "updated_by", "version"})
RECORD_COLUMNS = frozenset({"id"}) | META_COLUMNS


# E-2: the key from a sample's codes to the case numbers is the coordinator's alone, so it
# travels like the M-9 records: only to an entitled peer, and only by the coordinator's act.
COORDINATOR_ONLY_TABLES = frozenset({"eval_sample_key"})
# Audit entries about this installation (its users, logins, settings, restores) stay here.
LOCAL_AUDIT_ENTITIES = frozenset({"user", "setting", "store", "exchange_key"})


def is_confidential(table: Table) -> bool:
    """A table whose records only entitled peers receive (M-9, and the E-2 sampling key)."""
    return bool(table.info.get("confidential")) or table.name in COORDINATOR_ONLY_TABLES


def is_local_audit(entity: str) -> bool:
    """Whether an audit entry about this entity stays on this PC (users, logins, settings)."""
    table = Base.metadata.tables.get(entity)
    local_table = table is not None and (
        bool(table.info.get("local")) or table.name in UNTRACKED_TABLES
    )
    return entity in LOCAL_AUDIT_ENTITIES or local_table


def exchanged_tables(confidential_ok: bool, metadata: MetaData | None = None) -> list[Table]:
    """Tables that travel, parents before children."""
    meta = metadata or Base.metadata
    return [
        t
        for t in meta.sorted_tables
        if set(t.c.keys()) >= RECORD_COLUMNS
        and not t.info.get("local")
        and t.name not in UNTRACKED_TABLES
        and (confidential_ok or not is_confidential(t))
    ]


def table_named(name: str) -> Table | None:
    """A table of the metadata by name."""
    return Base.metadata.tables.get(name)


# The form every exporter writes (str(uuid)): matched instead of parsed where speed counts.
CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def encode_value(value: Any) -> Any:
    """A JSON form of one column value."""
    if value is None:
        return None
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return aware(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _decoder(kind: Any) -> Callable[[Any], Any] | None:
    if isinstance(kind, Uuid):
        return uuid.UUID
    if isinstance(kind, DateTime):
        return lambda v: aware(datetime.fromisoformat(v))
    if isinstance(kind, Date):
        return date.fromisoformat
    if isinstance(kind, Numeric) and not isinstance(kind, JSON):
        return Decimal
    if isinstance(kind, LargeBinary):
        return base64.b64decode
    return None


@cache
def decoders(table: Table) -> dict[str, Callable[[Any], Any] | None]:
    """Per column, what turns its JSON form into the Python value (None: the value as is)."""
    # Worked out once per table: an import decodes about a million values (issue 15, speed).
    return {col.key: _decoder(col.type) for col in table.c}


def decode_value(table: Table, column: str, value: Any) -> Any:
    """The Python value of one column from its JSON form."""
    if value is None:
        return None
    decode = decoders(table)[column]  # KeyError for a column the table lacks, as before
    return value if decode is None else decode(value)


# Values encode_value returns unchanged: most of a row (names, codes, numbers). Testing the
# exact class first skips its chain of isinstance calls for them; an export or a comparison
# of a national package encodes about a million values (issue 15, speed).
_AS_IS = frozenset({str, int, bool, float, type(None)})


@cache
def _keys(table: Table) -> tuple[str, ...]:
    return tuple(col.key for col in table.c)


def encode_row(table: Table, row: Mapping[Any, Any]) -> dict[str, Any]:
    """Every column of a row in JSON form."""
    return {k: v if (v := row[k]).__class__ in _AS_IS else encode_value(v) for k in _keys(table)}


def decode_row(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """Column values ready for an INSERT or UPDATE; unknown columns are refused by the caller."""
    by_column = decoders(table)
    return {
        c: v if v is None or (decode := by_column[c]) is None else decode(v)
        for c, v in values.items()
        if c in by_column
    }


def digest(values: Mapping[str, Any] | None) -> str | None:
    """SHA-256 of a row's content (encoded form), ignoring the bookkeeping columns."""
    if values is None:
        return None
    content = {k: v for k, v in values.items() if k not in META_COLUMNS}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parents_first(table: Table, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Order rows of a self-referencing table (courts) so a parent comes before its children."""
    rows = list(rows)
    self_fks = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    if not self_fks:
        return rows
    pending = {r["id"]: r for r in rows}
    ordered: list[dict[str, Any]] = []
    while pending:
        ready = [
            r
            for r in pending.values()
            if not any(r.get(c) in pending and r.get(c) != r["id"] for c in self_fks)
        ]
        if not ready:  # a cycle: let the database judge it
            ready = list(pending.values())
        for r in ready:
            ordered.append(r)
            del pending[r["id"]]
    return ordered
