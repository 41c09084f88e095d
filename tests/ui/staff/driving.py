"""Drive the next modal form dialog as a user: fill it, press Save, read what it refused."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ui.kit.form_dialog import FormDialog


def in_dialog(qtbot: QtBot, kind: type, fill: Callable[[FormDialog], None]) -> list[str]:
    """Fill the next dialog of `kind` and press Save; a refused one is closed, and what it
    said is returned as "field: text" (beside a field) or ": text" (the refusal box).
    """
    refusals: list[str] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, run)
            return
        assert isinstance(dialog, FormDialog)
        fill(dialog)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        if dialog.isVisible():  # refused: keep what it said beside which field, then close
            for key, row in dialog.field_rows().items():
                if row.error.isVisible():
                    refusals.append(f"{key}: {row.error.text()}")
            if dialog.message.isVisible():
                refusals.append(f": {dialog.message.text()}")
            dialog.reject()

    QTimer.singleShot(20, run)
    return refusals
