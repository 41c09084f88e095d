"""A PostgreSQL server that accepts and never answers gives a message within seconds (issue 16)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from tests.faults.silent_server import silent_server, silent_url


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A server that accepts and never answers."""
    with silent_server() as port:
        yield port


def test_check_against_hung_server_exits_4_within_10_s(silent_port: int) -> None:
    url = silent_url(silent_port)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", url, "--lang", "ru", "check"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 4, done.stderr
    assert elapsed < 10, elapsed
    message = done.stderr.strip()
    assert message and "Traceback" not in message
    assert len(message.splitlines()) == 1
