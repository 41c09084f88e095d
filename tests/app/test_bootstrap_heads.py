"""The start path reads the migration head cheaply and skips Alembic when the store is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.core.bootstrap import _script_heads
from db.migrate import head_revisions

ROOT = Path(__file__).resolve().parents[2]


def test_cheap_head_scan_agrees_with_alembic() -> None:
    assert _script_heads() == set(head_revisions())


def test_opening_a_current_store_does_not_import_alembic(db_path: Path) -> None:
    code = (
        "import sys; from app.core.bootstrap import open_store; "
        f"s = open_store({str(db_path)!r}, backup=False); s.dispose(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_a_new_store_is_still_migrated(tmp_path: Path) -> None:
    from app.core.bootstrap import open_store
    from db.migrate import current_revision

    store = open_store(tmp_path / "new.db", backup=False, create=True)
    try:
        assert current_revision(store.engine) in head_revisions()
    finally:
        store.dispose()
