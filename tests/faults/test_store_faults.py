"""A read-only or full store gives a clear, translated message and loses nothing saved."""

from __future__ import annotations

import os
from typing import Any

import pytest
from sqlalchemy import event, func, select

from app.core.bootstrap import open_store
from app.core.context import Actor
from app.core.errors import StoreError
from app.core.integrity import check_store
from app.core.store import Store
from db.models import Person
from i18n import set_language, translator
from tests.app.security.helpers import add_judge


def _people(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count(Person.id))) or 0)


def _on_connect(store: Store, sql: str) -> None:
    def run(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(sql)

    event.listen(store.engine, "connect", run)
    store.engine.dispose()  # new connections get the setting


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_disk_full(store: Store, actor: Actor, backend: str, lang: str) -> None:
    """SQLite's max_page_count stands in for a full disk (no tiny filesystem here)."""
    if backend != "sqlite":
        pytest.skip("SQLite file behaviour")
    with store.write() as s:
        saved = add_judge(s, actor, 1)
    with store.read() as s:
        pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
    _on_connect(store, f"PRAGMA max_page_count={int(pages or 0) + 1}")
    set_language(lang)
    with pytest.raises(StoreError) as err, store.write() as s:
        for i in range(300):
            add_judge(s, actor, 10 + i, notes="x" * 2000)
    assert translator(lang)("the disk is full") in err.value.message()
    store.dispose()
    reopened = open_store(store.url, backup=False)
    try:
        assert _people(reopened) == 1
        with reopened.read() as s:
            assert s.get(Person, saved.id) is not None
        assert check_store(reopened, full=True) == []
    finally:
        reopened.dispose()


def test_read_only_store(store: Store, actor: Actor, backend: str) -> None:
    """A read-only file refuses the change with a message; the saved data stays.

    As root, file permissions do not stop SQLite, so the connection is made read-only
    with PRAGMA query_only, which fails the same way (SQLITE_READONLY).
    """
    if backend != "sqlite":
        pytest.skip("SQLite file behaviour")
    assert store.path is not None
    with store.write() as s:
        add_judge(s, actor, 1)
    if os.geteuid() == 0:
        _on_connect(store, "PRAGMA query_only=ON")
    else:
        store.dispose()
        store.path.chmod(0o444)
    set_language("ru")
    try:
        with pytest.raises(StoreError) as err, store.write() as s:
            add_judge(s, actor, 2)
        assert translator("ru")("the file is read-only") in err.value.message()
        assert _people(store) == 1
    finally:
        store.path.chmod(0o644)
