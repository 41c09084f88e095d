"""Times are stored and hashed in UTC whatever the server's or the client's zone (issue 16)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.core.audit import broken_links
from app.core.store import Store
from app.demo.generator import generate
from app.exchange.conflicts import KEEP_MINE, list_conflicts, resolve_conflict
from app.people.service import get_person, update_person
from tests.app.exchange.conftest import two_stores  # noqa: F401  (the fixture)
from tests.app.exchange.test_exchange import COORD, DEMO, people_ids, send, snapshot
from tests.pg_plugin import pg_admin_url

ZONES = [("Asia/Almaty", "UTC"), ("UTC", "Asia/Almaty")]


def _put_server_in(store: Store, zone: str) -> None:
    """The database's own time zone, as `initdb` on a Kazakh PC would write it."""
    admin = pg_admin_url()
    assert admin is not None
    name = make_url(store.url).database
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"ALTER DATABASE \"{name}\" SET timezone = '{zone}'"))
    store.dispose()  # new connections start with the database's setting


@pytest.fixture(params=ZONES, ids=["server-Almaty-client-UTC", "server-UTC-client-Almaty"])
def zones(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Set the client's zone for the test; yield the server's."""
    server, client = request.param
    monkeypatch.setenv("TZ", client)
    time.tzset()
    yield server
    monkeypatch.undo()
    time.tzset()


def test_exchange_across_time_zones_keeps_the_chain_and_the_data(
    two_stores: tuple[Store, Store],  # noqa: F811
    zones: str,
    backend: str,
) -> None:
    district, centre = two_stores
    if backend == "postgresql":
        _put_server_in(centre, zones)
        _put_server_in(district, "UTC" if zones != "UTC" else "Asia/Almaty")
    with district.write() as s:
        generate(s, DEMO, scale="region", seed=5)
    first = send(district, centre, "centre")
    assert first.inserted > 200 and first.conflicts == 0
    echo = send(centre, district, "district")
    # A package with no changes changes nothing (it once "updated 299").
    assert echo.inserted == echo.updated == echo.conflicts == 0

    person = people_ids(district)[0]
    with district.read() as s:
        seen_d = get_person(s, person)
    with centre.read() as s:
        seen_c = get_person(s, person)
    with district.write() as s:
        update_person(s, COORD, person, replace(seen_d.data, position="district"), seen_d.version)
    with centre.write() as s:
        update_person(s, COORD, person, replace(seen_c.data, position="centre"), seen_c.version)
    assert send(district, centre, "centre").conflicts == 1
    with centre.write() as s:
        (conflict,) = list_conflicts(s, COORD)
        resolve_conflict(s, COORD, conflict.id, KEEP_MINE)
    send(centre, district, "district")
    with district.read() as s:
        assert get_person(s, person).data.position == "centre"  # "mine" reached the district
    send(district, centre, "centre")
    assert snapshot(district, content_only=True) == snapshot(centre, content_only=True)
    for store in (district, centre):
        with store.read() as s:
            assert broken_links(s) == []


def test_chain_read_in_another_session_zone_is_intact(
    store: Store, backend: str, zones: str
) -> None:
    """Entries hashed by one PC verify on a PC whose session shows times in +05:00."""
    with store.write() as s:
        generate(s, DEMO, scale="region", seed=6)
    if backend == "postgresql":
        _put_server_in(store, zones)
    with store.read() as s:
        if backend == "postgresql":
            s.execute(text(f"SET TIME ZONE '{zones}'"))
        assert broken_links(s) == []
