"""`self-test` fails when a page's query fails, even in a worker thread (issue 16: it printed
the start page's traceback on PostgreSQL and still exited 0).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from app.core.context import Actor
from app.core.store import Store
from app.demo.generator import generate


def test_a_failing_start_page_fails_the_self_test(
    store: Store, actor: Actor, db_path: Path, tmp_path: Path
) -> None:
    with store.write() as s:
        generate(s, actor, scale="region", seed=3)
    store.dispose()
    # The start page reads internships in its worker thread; nothing else of the self-test does.
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TABLE internship")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    assert "self-test FAILED: OperationalError" in done.stderr
