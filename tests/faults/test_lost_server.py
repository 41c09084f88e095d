"""A server that hangs, stops or comes back: a translated message in seconds, then a reconnect."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app.core.bootstrap import open_store
from app.core.errors import StoreError
from app.core.store import SERVER_LOST, Store
from db.engine import make_engine, make_session_factory
from db.models import Court
from i18n import set_language, translator
from tests.faults.silent_server import silent_server, silent_url
from tests.faults.tcp_proxy import Relay


def _store_at(url: str) -> Store:
    """A store on a server that never answered, as the window holds after losing it."""
    engine = make_engine(url)
    return Store(url, engine, make_session_factory(engine), None, None)


def test_a_hung_server_is_a_translated_store_error_within_10_s() -> None:
    with silent_server() as port:
        store = _store_at(silent_url(port))
        started = time.monotonic()
        with pytest.raises(StoreError) as err, store.read() as s:
            s.scalar(select(func.count(Court.id)))
        store.dispose()
    assert time.monotonic() - started < 10
    set_language("ru")
    assert err.value.message() == translator("ru")(SERVER_LOST)
    assert "timeout" in err.value.details.lower()  # the driver's words, behind "details"


def test_a_stopped_server_in_the_cli_exits_4_with_one_line(tmp_path: object) -> None:
    with silent_server() as port:
        pass  # the port is free again: nobody listens there
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", silent_url(port), "--lang", "kk", "check"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


@pytest.fixture
def relayed(pg_url: str) -> Iterator[tuple[Relay, Store]]:
    """A store reaching the test server through a relay the test can stop."""
    url = make_url(pg_url)
    relay = Relay(url.host or "127.0.0.1", url.port or 5432)
    relay.start()
    store = open_store(url.set(port=relay.port).render_as_string(False), backup=False)
    yield relay, store
    store.dispose()
    relay.stop()


def test_a_server_stopped_then_started_again_is_reconnected(
    relayed: tuple[Relay, Store],
) -> None:
    relay, store = relayed
    with store.read() as s:
        courts = s.scalar(select(func.count(Court.id)))
    relay.stop()
    started = time.monotonic()
    for use in (store.read, store.write):  # a page's read and a save both say it
        with pytest.raises(StoreError) as err, use() as s:
            s.scalar(select(func.count(Court.id)))
        assert err.value.message_id == SERVER_LOST
    assert time.monotonic() - started < 10
    relay.start()
    with store.read() as s:  # no restart of the program: the pool reconnects
        assert s.scalar(select(func.count(Court.id))) == courts
