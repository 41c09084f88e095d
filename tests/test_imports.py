"""The layer contracts hold: app/db/i18n import no Qt, ui never imports db."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_import_linter_contracts_are_kept() -> None:
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "importlinter.cli", "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode != 0 and "No module named importlinter.cli" in result.stderr:
        result = subprocess.run(
            ["lint-imports", "--no-cache"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
    assert result.returncode == 0, result.stdout + result.stderr
