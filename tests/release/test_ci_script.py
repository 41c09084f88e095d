"""CI builds the bundle from the lock beside the suite and fails on its build, smoke or size."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_ci_script_is_valid_bash() -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    assert subprocess.run([bash, "-n", str(ROOT / ".ci" / "run")], check=False).returncode == 0


def test_the_bundle_is_built_from_the_lock_before_the_suite_and_waited_for_after() -> None:
    install = CI.index("--require-hashes -r requirements/bundle.txt")
    build = CI.index("scripts/build_bundle.py")
    suite = CI.index('eval "$test_command"')
    waited = CI.index('if ! wait "$bundle_pid"')
    assert install < build < suite < waited
    # The background job is started (&) before the suite, and its failure ends CI with its log.
    assert CI.index("bundle_pid=$!") < suite
    after = CI[waited:]
    assert "tail -n" in after and "exit 1" in after


def test_the_bundle_tests_run_against_the_built_bundle() -> None:
    assert "TALIMGER_BUNDLE_DIST=" in CI[CI.index('if ! wait "$bundle_pid"') :]
    assert "TALIMGER_BUNDLE_DIST" in (ROOT / "tests/bundle/test_frozen_bundle.py").read_text(
        encoding="utf-8"
    )
