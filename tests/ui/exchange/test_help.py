"""F1 on the Exchange and Users tabs opens the guide at their own sections, in kk and ru."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.help.test_guide import RAISE, _active, _heading
from ui.help.guide_dialog import GuideDialog
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher

TITLES = {
    "kk": {"exchange": "Алмасу", "users": "Пайдаланушылар мен рөлдер"},
    "ru": {"exchange": "Обмен", "users": "Пользователи и роли"},
}


@pytest.mark.qt_log_ignore(RAISE)
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_f1_on_the_exchange_and_users_tabs(
    qtbot: QtBot, window: MainWindow, switcher: LanguageSwitcher, lang: str
) -> None:
    switcher.switch(lang)
    page = window.page("security")
    for tab in ("exchange", "users"):
        page.setCurrentWidget(getattr(page, tab))  # type: ignore[attr-defined]
        _active(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        dialog = window.guide_dialog
        assert isinstance(dialog, GuideDialog)
        qtbot.waitUntil(dialog.isVisible, timeout=2000)
        QApplication.processEvents()
        browser = dialog.browser
        block = _heading(browser, tab)
        assert block.text() == TITLES[lang][tab]
        top = browser.document().documentLayout().blockBoundingRect(block).top()
        shown = browser.verticalScrollBar().value()
        assert shown <= top < shown + browser.viewport().height(), tab
        dialog.close()
