"""Store.read_apart: the start page's read beside another (issue 12), on each backend."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from app.core.store import Store
from db.models import Court


def test_a_read_apart_sees_committed_data_and_leaves_no_sqlite_connection_behind(
    store: Store,
) -> None:
    pool = store.engine.pool
    with store.read() as s:  # a pooled connection, as the window has
        courts = s.scalar(select(func.count(Court.id)))
    pooled = pool.checkedin()  # type: ignore[attr-defined]
    with store.read() as main, store.read_apart() as apart:
        assert apart.connection().connection.dbapi_connection is not (
            main.connection().connection.dbapi_connection
        )
        assert apart.scalar(select(func.count(Court.id))) == courts
        raw = apart.connection().connection.dbapi_connection
    if store.engine.dialect.name == "sqlite":
        # Closed, not pooled: its page cache does not stay in memory
        assert pool.checkedin() == pooled  # type: ignore[attr-defined]
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            raw.execute("select 1")  # type: ignore[union-attr]
    else:
        assert pool.checkedin() == pooled + 1  # type: ignore[attr-defined]


def test_a_session_of_the_store_knows_its_read_apart_and_another_does_not(store: Store) -> None:
    # The window's Op hands the start page a session only: it finds the read beside it there
    from sqlalchemy.orm import Session

    from app.core.store import reads_apart

    with store.read() as s:
        assert reads_apart(s) == store.read_apart
    with Session(store.engine) as bare:
        assert reads_apart(bare) is None
