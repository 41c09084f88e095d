"""README's "Users and roles" shows the role × permission table the code has (issue 10)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_readme_permission_table_matches_the_code() -> None:
    done = subprocess.run(
        [sys.executable, "scripts/permission_table.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr + " (run python scripts/permission_table.py)"
