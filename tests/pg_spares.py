"""Test databases cloned from the PostgreSQL template ahead of the tests, dropped behind them."""

from __future__ import annotations

import queue
import threading

from tests.pg_plugin import create_database, drop_database


class Spares:
    """One thread clones the next databases and drops used ones while the tests run.

    CREATE DATABASE ... TEMPLATE and DROP DATABASE cost 0.1-1 s each on a busy 2-core machine,
    once for each of the ~350 PostgreSQL store tests; the server does that work while the
    test process runs the previous test. Every test still gets a fresh clone of the template.
    """

    def __init__(self, admin: str, template: str, ahead: int = 2) -> None:
        self._admin, self._template = admin, template
        self._ready: queue.Queue[str | BaseException] = queue.Queue()
        self._used: queue.Queue[str | None] = queue.Queue()
        self._wanted = threading.Semaphore(ahead)  # clones made but not yet taken, at most
        self._thread = threading.Thread(target=self._run, name="pg-spares", daemon=True)
        self._thread.start()

    def take(self) -> str:
        """A fresh clone of the template (waits for the thread; its failure is raised here)."""
        got = self._ready.get(timeout=300)
        self._wanted.release()
        if isinstance(got, BaseException):
            raise got
        return got

    def give_back(self, name: str) -> None:
        """Drop this database soon (before the next clone is made)."""
        self._used.put(name)

    def close(self) -> None:
        """Drop every database left, then stop the thread."""
        self._used.put(None)
        self._wanted.release()  # wake the thread if it waits for a free place
        self._thread.join(timeout=300)
        while not self._ready.empty():
            left = self._ready.get()
            if isinstance(left, str):
                drop_database(self._admin, left)

    def _drop_used(self) -> bool:
        """Drop what the tests gave back; False once close() asked to stop."""
        while True:
            try:
                name = self._used.get_nowait()
            except queue.Empty:
                return True
            if name is None:
                return False
            drop_database(self._admin, name)

    def _run(self) -> None:
        while self._drop_used():
            if not self._wanted.acquire(timeout=0.05):
                continue
            if not self._drop_used():
                return
            try:
                self._ready.put(create_database(self._admin, template=self._template))
            except BaseException as exc:  # handed to the test that takes it
                self._ready.put(exc)
