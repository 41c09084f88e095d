"""The Windows workflow passes actionlint and installs from the lock the way the README does."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def _actionlint() -> list[str] | None:
    """The Go binary on PATH, else the npm WebAssembly build (.ci/run installs it), else None."""
    binary = shutil.which("actionlint")
    if binary:
        return [binary]
    node = shutil.which("node")
    if node is None:
        return None
    found = subprocess.run(
        [node, "-e", "require.resolve('actionlint')"],
        env=dict(os.environ),
        capture_output=True,
        check=False,
    )
    return [node, str(ROOT / "scripts" / "actionlint.cjs")] if found.returncode == 0 else None


def test_windows_workflow_installs_from_the_lock_and_keeps_the_installer() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text
    assert "pip install -r requirements/test.txt" in text
    assert "pip install -r requirements/bundle.txt" in text
    assert "--no-deps --no-build-isolation -e ." in text
    assert "scripts/build_bundle.py" in text and "talimger.iss" in text
    assert "TALIMGER_TEST_PG_URL" in text and "upload-artifact" in text


def test_windows_workflow_passes_actionlint(tmp_path: Path) -> None:
    # actionlint is a Go program; its PyPI wrapper downloads the binary while it builds, which
    # an install from the lock cannot do, so it is not in requirements/test.txt.
    command = _actionlint()
    if command is None:
        pytest.skip("no actionlint: put it on PATH or npm install actionlint (see .ci/run)")
    result = subprocess.run(
        [*command, str(WORKFLOW)], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken.yml"  # the linter itself must catch a typo
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("windows-latest", "windows-latst"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [*command, str(broken)], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode != 0 and "windows-latst" in result.stdout
