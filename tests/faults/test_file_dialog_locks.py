"""Issue 15, 5: a file dialog listing the data folder must not drop the window's SQLite locks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import func, select

from app.core.bootstrap import open_store
from app.core.context import local_actor
from db.models import Person
from tests.app.security.helpers import add_judge
from ui.kit import file_dialog
from ui.kit.file_dialog import safe_dialog

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX record locks")

COUNT = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
    "print(c.execute('SELECT count(*) FROM person').fetchone()[0]); c.close()"
)


def _other_process_count(db: Path) -> int:
    """Another program opens the store, reads and closes it (as `verify` or `backup` would)."""
    done = subprocess.run(
        [sys.executable, "-c", COUNT, str(db)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout)


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def test_the_write_stays_visible_and_the_wal_intact(
    qtbot: object, template_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "talimger.db"
    shutil.copyfile(template_db, db)
    store = open_store(db, backup=False)
    actor = local_actor()
    try:
        with store.write() as s:
            add_judge(s, actor, 801)
        wal = Path(f"{db}-wal")
        assert wal.exists()
        dialog = safe_dialog(None, "", str(folder), "")  # Qt's own dialog, as on Linux
        dialog.setViewMode(QFileDialog.ViewMode.Detail)  # the Type column asks too
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        dialog.show()
        _wait(1500)  # icons and types are gathered in a thread: let it list every file
        dialog.close()
        assert _other_process_count(db) == 1
        assert wal.exists()  # the other process saw the store in use and left the WAL
        with store.write() as s:
            add_judge(s, actor, 802)
        assert _other_process_count(db) == 2  # the window's next write is visible outside
        with store.read() as s:
            assert s.scalar(select(func.count(Person.id))) == 2
    finally:
        store.dispose()


def test_install_routes_the_static_dialogs_through_the_safe_one(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", QFileDialog.getOpenFileName)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", QFileDialog.getSaveFileName)
    file_dialog.install()
    seen: list[QFileDialog] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen.append(dialog)
        dialog.selectFile(str(tmp_path / "out.xlsx"))
        dialog.accept()

    QTimer.singleShot(300, answer)
    name, _chosen = QFileDialog.getSaveFileName(None, "", "out.xlsx", "Excel (*.xlsx)")
    assert name == str(tmp_path / "out.xlsx")
    assert seen and isinstance(seen[0].iconProvider(), file_dialog.NoSniffIconProvider)
    assert seen[0].testOption(QFileDialog.Option.DontUseNativeDialog)
