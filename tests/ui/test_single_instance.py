"""A second window on the same store is refused and calls the first forward (issue 15)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ui.single_instance import SingleInstance


def test_the_second_claim_is_refused_and_calls_the_first(qtbot: object, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "talimger.db")
    assert first.claim()
    try:
        second = SingleInstance(tmp_path / "sub" / ".." / "talimger.db")  # the same file
        with qtbot.waitSignal(first.called, timeout=3000):  # type: ignore[attr-defined]
            assert not second.claim()
        assert SingleInstance(tmp_path / "other.db").claim()  # another store is free
    finally:
        first.release()
    assert SingleInstance(tmp_path / "talimger.db").claim()  # released: the next window may


def test_another_process_is_refused_while_the_window_lives(tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "talimger.db")
    assert first.claim()
    script = (
        "import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication;"
        "from ui.single_instance import SingleInstance; app = QCoreApplication([]);"
        "sys.exit(0 if SingleInstance(Path(sys.argv[1])).claim() else 7)"
    )
    root = Path(__file__).resolve().parents[2]
    run = [sys.executable, "-c", script, str(tmp_path / "talimger.db")]
    try:
        assert subprocess.run(run, cwd=root, timeout=60, check=False).returncode == 7
    finally:
        first.release()
    assert subprocess.run(run, cwd=root, timeout=60, check=False).returncode == 0


def test_the_lock_of_a_killed_window_is_taken_over(tmp_path: Path) -> None:
    script = (
        "import os, sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication;"
        "from ui.single_instance import SingleInstance; app = QCoreApplication([]);"
        "assert SingleInstance(Path(sys.argv[1])).claim(); os.kill(os.getpid(), 9)"
    )
    root = Path(__file__).resolve().parents[2]
    run = [sys.executable, "-c", script, str(tmp_path / "talimger.db")]
    assert subprocess.run(run, cwd=root, timeout=60, check=False).returncode == -9
    after = SingleInstance(tmp_path / "talimger.db")
    assert after.claim()
    after.release()
