"""An uncaught error in a slot is logged and shown; Qt's own messages reach the log too."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.core import logs
from i18n import set_language, translator
from ui.error_dialog import ErrorDialog, handle_exception, qt_message


@pytest.fixture
def log_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("TALIMGER_LOG_LEVEL", raising=False)
    handler = logs._state.pop("handler", None)
    path = logs.start_logging("INFO")
    yield path
    new = logs._state.pop("handler", None)
    assert isinstance(new, logging.Handler)
    logging.getLogger().removeHandler(new)
    new.close()
    if handler is not None:
        logs._state["handler"] = handler


def test_exception_in_a_slot_shows_the_dialog_and_writes_the_log(
    qtbot: QtBot, log_home: Path
) -> None:
    set_language("ru")
    button = QPushButton("go")
    qtbot.addWidget(button)

    def broken_slot() -> None:
        {}["no such key"]

    button.clicked.connect(broken_slot)
    previous = sys.excepthook
    sys.excepthook = handle_exception
    try:
        button.click()
    finally:
        sys.excepthook = previous
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert "KeyError" in dialog.text() and "test_error_trace.py" in dialog.text()
    assert str(log_home) in dialog.informativeText()
    assert translator("ru")("Copy details") == dialog.copy_button.text()
    dialog.copy_button.click()
    assert dialog.isVisible()  # copying leaves the box open
    assert "broken_slot" in QApplication.clipboard().text()
    text = log_home.read_text(encoding="utf-8")
    assert "uncaught error" in text and "broken_slot" in text and "KeyError" in text


def test_qt_messages_are_logged(log_home: Path) -> None:
    qt_message(QtMsgType.QtWarningMsg, QMessageLogContext(), "QPainter is not active")
    assert "Qt: QPainter is not active" in log_home.read_text(encoding="utf-8")


def test_level_from_the_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    assert logs.level_of("debug") == "DEBUG"
    assert logs.level_of("nonsense") == "INFO"
    monkeypatch.setenv("TALIMGER_LOG_LEVEL", "warning")
    assert logs.level_of("DEBUG") == "WARNING"
