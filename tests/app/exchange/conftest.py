"""Two stores, "district" and "centre", on the backend under test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.bootstrap import open_store
from app.core.context import Actor
from app.core.store import Store
from app.exchange.signing import pair, public_key
from app.exchange.state import set_node_name
from tests.pg_plugin import create_database, database_url, drop_database, pg_admin_url


def pair_stores(a: Store, a_name: str, b: Store, b_name: str, **b_owns: object) -> None:
    """Pair two PCs as their users would (each enters the other's public key); b_owns: what
    `a` lets `b` change (pair()'s owns and court_codes), everything of the region by default.
    """
    who = Actor("setup")
    with a.write() as s:
        key_a = public_key(s, who)
    with b.write() as s:
        key_b = public_key(s, who)
        pair(s, who, a_name, key_a)
    with a.write() as s:
        pair(s, who, b_name, key_b, **b_owns)  # type: ignore[arg-type]


@pytest.fixture
def two_stores(
    backend: str, tmp_path: Path, template_db: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[Store, Store]]:
    """District and centre databases, each named for exchanges."""
    made: list[str] = []
    stores: list[Store] = []
    for name in ("district", "centre"):
        if backend == "postgresql":
            admin = pg_admin_url()
            assert admin is not None
            db = create_database(admin, template=request.getfixturevalue("pg_template"))
            made.append(db)
            target: str | Path = database_url(admin, db)
        else:
            target = tmp_path / f"{name}.db"
            shutil.copyfile(template_db, target)
        store = open_store(target, backup=False)
        with store.write() as s:
            set_node_name(s, Actor("setup"), name)
        stores.append(store)
    pair_stores(stores[0], "district", stores[1], "centre")
    yield stores[0], stores[1]
    for store in stores:
        store.dispose()
    admin = pg_admin_url()
    for db in made:
        assert admin is not None
        drop_database(admin, db)
