"""Row codec of packages: every column type round-trips; tables are chosen by their flags."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Uuid,
)

from app.exchange.rows import decode_row, digest, encode_row, exchanged_tables


def _record_table(meta: MetaData, name: str, **info: bool) -> Table:
    return Table(
        name,
        meta,
        Column("id", Uuid, primary_key=True),
        Column("created_at", DateTime(timezone=True)),
        Column("updated_at", DateTime(timezone=True)),
        Column("updated_by", String(120)),
        Column("version", Integer),
        Column("blob", LargeBinary),
        Column("amount", Numeric),
        Column("on", Date),
        Column("extra", JSON),
        info=dict(info),
    )


def test_every_type_round_trips_and_the_digest_ignores_bookkeeping() -> None:
    table = _record_table(MetaData(), "attachment")
    row = {
        "id": uuid.uuid4(),
        "created_at": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        "updated_at": datetime(2026, 1, 2, 3, 4, 5),
        "updated_by": "x",
        "version": 3,
        "blob": bytes(range(256)),
        "amount": Decimal("10.50"),
        "on": date(2026, 2, 1),
        "extra": {"k": ["ә", 1]},
    }
    encoded = encode_row(table, row)
    back = decode_row(table, encoded)
    assert back["blob"] == row["blob"] and back["amount"] == row["amount"]
    assert back["on"] == row["on"] and back["extra"] == row["extra"]
    assert back["updated_at"].tzinfo is not None  # naive SQLite times are UTC
    touched = encode_row(table, row | {"version": 9, "updated_by": "y"})
    assert digest(encoded) == digest(touched)
    assert digest(encoded) != digest(encode_row(table, row | {"blob": b"other"}))


def test_local_and_confidential_flags_choose_the_tables() -> None:
    meta = MetaData()
    _record_table(meta, "shared")
    _record_table(meta, "secret", confidential=True)
    _record_table(meta, "mine", local=True)
    Table("no_record_columns", meta, Column("id", Integer, primary_key=True))
    assert [t.name for t in exchanged_tables(False, meta)] == ["shared"]
    assert sorted(t.name for t in exchanged_tables(True, meta)) == ["secret", "shared"]
