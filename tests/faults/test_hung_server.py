"""A PostgreSQL server that accepts and never answers gives a message within seconds (issue 16)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from tests.faults.silent_server import silent_server, silent_url
from tests.faults.tcp_proxy import Relay


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A server that accepts and never answers."""
    with silent_server() as port:
        yield port


def _check(url: str) -> tuple[subprocess.CompletedProcess[str], float]:
    return _run(url, "check")


def _run(url: str, *command: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", url, "--lang", "ru", *command],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done, time.monotonic() - started


def test_check_against_hung_server_exits_4_within_10_s(silent_port: int) -> None:
    with silent_server() as free:
        pass  # nobody listens there now: refused at once
    # The same command against a refused port: the program's own start-up, which a machine
    # shared by parallel builds can stretch to seconds; the hung server may add < 10 s to it.
    _refused, start_up = _check(silent_url(free))
    done, elapsed = _check(silent_url(silent_port))
    assert done.returncode == 4, done.stderr
    assert elapsed - start_up < 10, (elapsed, start_up)
    message = done.stderr.strip()
    assert message and "Traceback" not in message
    assert len(message.splitlines()) == 1


def test_the_cli_through_a_black_holed_relay_exits_4_within_10_s(pg_url: str) -> None:
    url = make_url(pg_url)
    relay = Relay(url.host or "127.0.0.1", url.port or 5432)
    relay.start()
    through = url.set(port=relay.port).render_as_string(False)
    try:
        working, start_up = _run(through, "agenda")
        assert working.returncode == 0, working.stderr  # the relay serves: the agenda prints
        relay.black_hole()
        done, elapsed = _run(through, "agenda")
    finally:
        relay.answer_again()
        relay.stop()
    assert done.returncode == 4, done.stderr
    # The program's own start-up (the working run, which also read the list) is not the wait.
    assert elapsed - start_up < 10, (elapsed, start_up)
    assert done.stderr.strip() and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
