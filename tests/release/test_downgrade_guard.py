"""An older program on a store written by a newer one: a clear refusal, nothing touched."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.bootstrap import open_store
from app.core.errors import StoreError
from app.core.store import Store
from i18n import translator

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_newer_sqlite_store_is_refused_untouched(db_path: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'f00dfeedc0de'")
    conn.commit()
    conn.close()
    before = _digest(db_path)
    backups = tmp_path / "backups"
    with pytest.raises(StoreError) as refused:
        open_store(db_path, backup_dir=backups)
    assert "f00dfeedc0de" in refused.value.message()
    assert _digest(db_path) == before
    assert not backups.exists() or not any(backups.iterdir())
    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "--lang", "ru", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 4
    expected = translator("ru")(
        "This database was last opened by a newer version of Tälimger (schema {revision})."
        " Install that version or a newer one; nothing was changed."
    ).format(revision="f00dfeedc0de")
    assert expected in result.stderr
    assert _digest(db_path) == before


def test_a_newer_store_is_refused_on_every_backend(store: Store) -> None:
    from sqlalchemy import text

    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dfeedc0de'"))
    store.dispose()
    with pytest.raises(StoreError) as refused:
        open_store(store.url, backup=False)
    assert "f00dfeedc0de" in refused.value.message()
