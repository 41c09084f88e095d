"""A local store loads no server driver: PostgreSQL's dialect is imported only for a server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys
from app.core.bootstrap import open_store
store = open_store(sys.argv[1], backup=False, create=sys.argv[2] == "create")
with store.read() as s:
    s.connection().exec_driver_sql("SELECT 1")
print(sorted(m for m in sys.modules if m.startswith(("sqlalchemy.dialects.postgresql", "psycopg"))))
"""


def test_a_sqlite_store_opens_without_postgresqls_dialect(tmp_path: Path) -> None:
    """The memory budget of the national demo (issue 11) has ~2 MiB to spare: a model option
    for PostgreSQL (postgresql_where on an index) once loaded its whole dialect into every
    process. A fresh interpreter opens an SQLite store made earlier (making one runs the
    migrations, which name both databases) and lists what it loaded."""
    loaded = []
    for how in ("create", "open"):
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(tmp_path / "light.db"), how],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        loaded.append(done.stdout.strip().splitlines()[-1])
    assert loaded[0] != "[]"  # the probe sees the dialect when it is loaded
    assert loaded[1] == "[]", loaded[1]
