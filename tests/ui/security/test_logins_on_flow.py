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


def _click_logins_on(qtbot: object, ui_ctx: UiContext, answer: str) -> list[str]:
    """In "no login" mode, press Settings' button and answer the dialogs that come up."""
    with ui_ctx.store.write() as s:
        choose_no_login(s)
    view = SettingsView(ui_ctx)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    seen: list[str] = []
    view.restored.connect(lambda: seen.append("restarted"))
    timer = _answer_modals(answer, seen)
    try:
        view.logins_button.click()  # the dialogs run modally inside the click
    finally:
        timer.stop()
    return seen


def test_settings_switches_logins_on_shows_the_recovery_sheet_and_restarts(
    qtbot: object, db_path: Path, ui_ctx: UiContext
) -> None:
    seen = _click_logins_on(qtbot, ui_ctx, "ok")
    assert is_encrypted(db_path)
    assert seen[0] == "dialog" and "chief" in seen[1]  # the sheet names the administrator
    assert seen[2:] == ["restarted"]


def test_cancelling_the_dialog_changes_nothing(
    qtbot: object, db_path: Path, ui_ctx: UiContext
) -> None:
    seen = _click_logins_on(qtbot, ui_ctx, "cancel")
    assert seen == ["dialog"] and not is_encrypted(db_path)
