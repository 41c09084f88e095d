"""The audit chain: tampering one row is reported by `python -m app check`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from app.core.context import Actor
from app.core.store import Store
from tests.app.security.helpers import add_judge

ROOT = Path(__file__).resolve().parents[3]


def _check(store: Store) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--db", store.url, "--lang", "ru", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_reports_a_tampered_audit_row(store: Store, actor: Actor) -> None:
    with store.write() as s:
        for serial in range(3):
            add_judge(s, actor, 100 + serial, surname=f"Тест{'а' * serial}")
    healthy = _check(store)
    assert healthy.returncode == 0, healthy.stdout + healthy.stderr
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 2"))
    broken = _check(store)
    assert broken.returncode == 1
    assert "2" in broken.stdout and broken.stdout.strip()
