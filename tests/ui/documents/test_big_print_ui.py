"""Printing a big document from the window: made behind the cancellable progress dialog."""

from __future__ import annotations

import io
import shutil
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select

from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.store import Store
from app.demo.generator import generate
from app.people.iin import make_iin
from app.people.service import derived_columns
from db.models import Person
from i18n import translator
from ui.context import UiContext
from ui.kit.print_preview_dialog import PrintPreviewDialog
from ui.main_window import MainWindow

COPIES = 14  # the region demo's 210 people, 15 times over: about 3,000 register rows


@pytest.fixture
def big(template_db: Path, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "big.db"
    shutil.copyfile(template_db, path)
    store = open_store(path, backup=False)
    actor = local_actor()
    with store.write() as s:
        generate(s, actor)
        people = [dict(r) for r in s.execute(select(Person.__table__)).mappings()]
        serial, clones = 5000, []
        for _copy in range(COPIES):
            for row in people:
                serial += 1
                iin = make_iin(date(1970, 1, 1) + timedelta(days=serial % 9000), serial)
                names = (row["surname"], row["first_name"], row["patronymic"], iin)
                clones.append({**row, "id": uuid.uuid4(), "iin": iin, **derived_columns(*names)})
        s.execute(insert(Person), clones)
    yield store
    store.dispose()


@pytest.fixture
def big_window(qtbot: QtBot, big: Store, tmp_path: Path, switcher: object) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(UiContext(store=big, actor=local_actor(), settings=settings), switcher.switch)  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]


def _files(folder: Path) -> set[str]:
    """What is in a folder but the store's own files (its WAL comes and goes)."""
    return {p.name for p in folder.rglob("*") if not p.name.startswith("big.db")}


def _press_ctrl_p(qtbot: QtBot, win: MainWindow) -> None:
    qtbot.keyClick(win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def test_a_big_document_is_made_behind_a_progress_dialog_that_cancels(
    qtbot: QtBot, big_window: MainWindow, tmp_path: Path
) -> None:
    """Issue 13: the register of ~3,000 people printed from the window shows the progress
    dialog; Cancel leaves no preview and says so in the status bar; Ctrl+P afterwards still
    previews the open page's document (the window keeps its shortcuts)."""
    win = big_window
    win.page("people")
    seen: list[QProgressDialog] = []

    def cancel_when_shown() -> None:
        shown = [d for d in _progress_dialogs() if d.isVisible()]
        if shown:
            seen.append(shown[0])
            shown[0].findChild(QPushButton).click()  # what the user clicks
        else:
            QTimer.singleShot(20, cancel_when_shown)

    QTimer.singleShot(0, cancel_when_shown)
    before = _files(tmp_path)
    _press_ctrl_p(qtbot, win)
    assert seen, "no progress dialog was shown"
    assert seen[0].labelText() == "«Тұлғалар тізілімі» дайындалуда…"
    assert win.preview_dialog is None  # cancelled: nothing to preview
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog)]
    assert _files(tmp_path) == before  # and nothing written
    assert win.statusBar().currentMessage() == "Тоқтатылды: құжат жасалмады."
    qtbot.waitUntil(lambda: not [d for d in _progress_dialogs() if d.isVisible()])

    # the window keeps its shortcuts: Ctrl+P on another page previews that page's document
    win.page("mentoring")
    _press_ctrl_p(qtbot, win)
    dialog = win.preview_dialog
    assert isinstance(dialog, PrintPreviewDialog)
    assert dialog.objectName() == "mentoring-needs"
    dialog.close()
    win.preview_dialog = None

    # and printing the big register to the end previews it, first page first
    win.page("people")
    _press_ctrl_p(qtbot, win)
    dialog = win.preview_dialog
    assert isinstance(dialog, PrintPreviewDialog) and dialog.objectName() == "people-register"
    reader = PdfReader(io.BytesIO(dialog.pdf))
    assert len(reader.pages) > 100
    assert translator("kk")("Register of people") in reader.pages[0].extract_text()
    dialog.close()
    win.preview_dialog = None

    # after a big document made to the end, too, Ctrl+P reaches the window
    win.page("mentoring")
    _press_ctrl_p(qtbot, win)
    assert isinstance(win.preview_dialog, PrintPreviewDialog)
    assert win.preview_dialog.objectName() == "mentoring-needs"
    win.preview_dialog.close()
