"""Switching logins on from Settings, the whole way: the dialog, the recovery sheet, restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.cipher import is_encrypted
from app.security.service import choose_no_login
from ui.context import UiContext
from ui.settings.logins_dialog import LoginsOnDialog
from ui.settings.settings_view import SettingsView

PASSWORD = "long-password"


def _answer_modals(answer: str, seen: list[str]) -> QTimer:
    """Deal with the modal dialogs as they come up: fill the logins dialog and press OK (or
    cancel it), note the recovery sheet's text and close it."""

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, LoginsOnDialog) and "dialog" not in seen:
            seen.append("dialog")
            if answer == "cancel":
                modal.reject()
                return
            modal.username.setText("chief")
            modal.password.setText(PASSWORD)
            modal.repeat.setText(PASSWORD)
            modal.buttons.accepted.emit()
        elif isinstance(modal, QMessageBox) and modal.objectName() == "recovery-sheet":
            seen.append(modal.text())
            modal.accept()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    return timer


def test_settings_switches_logins_on_shows_the_recovery_sheet_and_restarts(
    qtbot: object, db_path: Path, ui_ctx: UiContext
) -> None:
    with ui_ctx.store.write() as s:
        choose_no_login(s)
    view = SettingsView(ui_ctx)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    seen: list[str] = []
    timer = _answer_modals("ok", seen)
    with qtbot.waitSignal(view.restored, timeout=60_000):  # type: ignore[attr-defined]
        view.logins_button.click()
    timer.stop()
    assert is_encrypted(db_path)
    assert seen[0] == "dialog" and "chief" in seen[1]  # the sheet names the administrator


def test_cancelling_the_dialog_changes_nothing(
    qtbot: object, db_path: Path, ui_ctx: UiContext
) -> None:
    with ui_ctx.store.write() as s:
        choose_no_login(s)
    view = SettingsView(ui_ctx)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    seen: list[str] = []
    timer = _answer_modals("cancel", seen)
    with qtbot.assertNotEmitted(view.restored):  # type: ignore[attr-defined]
        view.logins_button.click()
    timer.stop()
    assert seen == ["dialog"] and not is_encrypted(db_path)
