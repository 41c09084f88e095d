"""File → "Back up now" takes a backup from any page (it once raised NameError: issue 16)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.core.backup import list_backups
from ui.context import UiContext
from ui.main_window import MainWindow


def test_back_up_now_from_the_file_menu_takes_a_backup(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow
) -> None:
    folder = ui_ctx.store.backup_dir
    assert folder is not None
    before = len(list_backups(folder))
    window.page("people")  # not the settings page: the menu must find it itself
    window.actions_["backup"].trigger()
    qtbot.waitUntil(lambda: len(list_backups(folder)) == before + 1, timeout=10_000)
    settings = window.page("settings")
    assert settings.backups.count() == before + 1  # type: ignore[attr-defined]
    # The action says so where the user looks (issue 11: every action confirms).
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=5_000)
    assert str(list_backups(folder)[0].path) in window.statusBar().currentMessage()
