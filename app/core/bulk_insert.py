"""INSERT of many rows as plain tuples through the driver's executemany, for bulk writes."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

# The placeholder of each DB-API paramstyle our drivers use (pysqlite: qmark; psycopg:
# pyformat, which takes %s positionally as well).
_MARKS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
# SQLite's page cache while a bulk insert runs (its default is 2 MiB): the unique indexes
# still grow row by row, in random order for UUIDs, and each spilled page is written twice.
BULK_CACHE_KIB = 32 * 1024
# From this many new rows, at least as many as the table holds, SQLite builds the table's
# plain indexes once after the insert instead of growing them row by row: 50,000 people
# (five name and search indexes) took 2.1 s of CPU grown, 0.7 s built afterwards.
REBUILD_FROM = 10_000

Binder = Callable[[Any], Any]


def binders(table: Table, columns: Sequence[str], dialect: Dialect) -> list[Binder | None]:
    """Per column, what SQLAlchemy would apply to a Python value before the driver gets it
    (a UUID as 32 hex digits in SQLite, a datetime as text), or None for the value as is.
    """
    return [table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in columns]


def insert_tuples(
    session: Session, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert rows whose values are already in the driver's form (see binders), in the
    session's transaction.

    A Core insert of a list of dicts builds and processes a parameter dict per row: for the
    50,000 people of a national exchange package that cost about as much as SQLite's own
    work (issue 15, speed); tuples go to the driver's executemany as they are.
    """
    if not rows:
        return
    session.flush()  # what a Core insert's autoflush would have written first
    connection = session.connection()
    dialect = connection.dialect
    mark = _MARKS[dialect.paramstyle]  # KeyError: a driver this program was not made for
    quote = dialect.identifier_preparer
    sql = (
        f"INSERT INTO {quote.format_table(table)} "
        f"({', '.join(quote.quote(c) for c in columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    if dialect.name != "sqlite":
        # PostgreSQL: dropping an index would lock every reader of the table out until
        # the commit, and its shared buffers are the server's to size.
        connection.exec_driver_sql(sql, rows)
        return
    with _bigger_cache(connection), _indexes_built_after(connection, table, len(rows)):
        connection.exec_driver_sql(sql, rows)


@contextmanager
def _bigger_cache(connection: Connection) -> Iterator[None]:
    was = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    page = int(connection.exec_driver_sql("PRAGMA page_size").scalar_one())
    kib = -was if was < 0 else was * page // 1024
    if kib >= BULK_CACHE_KIB:  # e.g. an encrypted store's own larger cache
        yield
        return
    connection.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:  # the memory goes back once the rows are in
        connection.exec_driver_sql(f"PRAGMA cache_size = {was}")


@contextmanager
def _indexes_built_after(connection: Connection, table: Table, count: int) -> Iterator[None]:
    """Drop the table's plain (not unique) indexes for a large insert and create them again
    from their own stored definitions, inside the caller's transaction: a failure rolls the
    drop back with everything else, and every unique index still checks each row as it comes.
    """
    if count < REBUILD_FROM:
        yield
        return
    quoted = connection.dialect.identifier_preparer.format_table(table)
    held = int(connection.exec_driver_sql(f"SELECT count(*) FROM {quoted}").scalar_one())
    analysed = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
    ).first()
    # Rebuilding would sort more rows than the insert adds; or a DROP INDEX would take the
    # index's statistics with it (this program runs no ANALYZE, but a store may have them).
    if held > count or analysed is not None:
        yield
        return
    plain = {
        r[1]
        for r in connection.exec_driver_sql(f"PRAGMA index_list({quoted})")
        if not r[2] and r[3] == "c"  # not unique, made by CREATE INDEX
    }
    definitions = [
        (name, sql)
        for name, sql in connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
            (table.name,),
        )
        if name in plain and sql
    ]
    for name, _sql in definitions:
        connection.exec_driver_sql(
            f"DROP INDEX {connection.dialect.identifier_preparer.quote(name)}"
        )
    try:
        yield
    finally:  # even after a failure: a caller that goes on must not lose an index
        for _name, sql in definitions:
            connection.exec_driver_sql(sql)
