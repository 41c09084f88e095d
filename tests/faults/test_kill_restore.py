"""kill -9 at random instants of restore and of backup rotation never loses the store (issue 15)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.backup import automatic_backup, backup_file, integrity_problems, last_good
from app.core.backup import list_backups as rotating
from app.core.bootstrap import open_store
from app.core.context import Actor
from app.core.restore import restore_file
from tests.app.security.helpers import add_judge

RUNS = 50


def _people(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        conn.close()


def _killed_at_random(work: Callable[[], None], rng: random.Random) -> None:
    """Fork a child that repeats `work` until it is SIGKILLed at a random instant."""
    pid = os.fork()
    if pid == 0:  # the child: no pytest teardown, no atexit, just the work until killed
        try:
            while True:
                work()
        finally:
            os._exit(1)
    time.sleep(rng.uniform(0.0, 0.6))  # a restore takes ~30-400 ms here
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status), "the child stopped by itself: the work failed"


@pytest.mark.slow  # 50 kills of a small store: ~25 s
@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX fork")
def test_kill_during_restore_leaves_the_old_or_the_new_store(
    db_path: Path, actor: Actor, tmp_path: Path
) -> None:
    store = open_store(db_path, backup=False)
    with store.write() as s:
        add_judge(s, actor, 1)
    store.dispose()
    one = backup_file(db_path, tmp_path / "one.db")
    store = open_store(db_path, backup=False)
    with store.write() as s:
        add_judge(s, actor, 2, surname="Екінші")
    store.dispose()
    two = backup_file(db_path, tmp_path / "two.db")
    rng = random.Random(15)
    flip = iter(range(10**9))

    def restore_one_then_the_other() -> None:
        restore_file(one if next(flip) % 2 else two, db_path)

    for run in range(RUNS):
        _killed_at_random(restore_one_then_the_other, rng)
        assert db_path.exists() and db_path.stat().st_size > 0, run
        assert integrity_problems(db_path, full=True) == [], run
        assert _people(db_path) in (1, 2), run
        reopened = open_store(db_path, backup=False)  # found, never created anew
        reopened.dispose()


@pytest.mark.slow  # 25 kills: ~10 s
@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX fork")
def test_kill_during_backup_rotation_keeps_good_backups(
    db_path: Path, actor: Actor, tmp_path: Path
) -> None:
    store = open_store(db_path, backup=False)
    with store.write() as s:
        add_judge(s, actor, 1)
    store.dispose()
    folder = tmp_path / "backups"
    assert automatic_backup(db_path, folder, keep=2) is not None
    rng = random.Random(16)
    for run in range(RUNS // 2):
        _killed_at_random(lambda: automatic_backup(db_path, folder, keep=2) and None, rng)
        good = last_good(folder)
        assert good is not None and integrity_problems(good) == [] and _people(good) == 1, run
        for info in rotating(folder):  # a killed backup is a .partial, never a bad .db
            assert info.size > 0 and integrity_problems(info.path) == [], (run, info.path)
        assert _people(db_path) == 1
