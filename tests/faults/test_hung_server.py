"""A PostgreSQL server that accepts and never answers gives a message within seconds (issue 16)."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A socket on 127.0.0.1 that accepts connections and never says a word."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(listener.getsockname()[1])
    stop.set()
    thread.join(timeout=2)
    for conn in held:
        conn.close()
    listener.close()


def test_check_against_hung_server_exits_4_within_10_s(silent_server: int) -> None:
    url = f"postgresql://talimger@127.0.0.1:{silent_server}/talimger"
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
