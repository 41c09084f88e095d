"""Every action button and menu action says in a tooltip what it does, in the active language."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from i18n import LANGUAGES
from tests.ui.help.walk import every_tab
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher

CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def _plain(text: str) -> str:
    return text.replace("&", "").strip()


def _untipped(root: QWidget) -> list[str]:
    missing = []
    for button in root.findChildren(QPushButton):
        text = _plain(button.text())
        if isinstance(button.window(), QProgressDialog):
            continue  # its Cancel belongs to the running task, not to the page
        if text and not CYRILLIC.search(button.toolTip()):
            missing.append(f"button {text!r} ({type(button.window()).__name__})")
    # A menu's title is an action too, but not one anybody triggers. (QAction.menu() is not
    # used: PySide's binding of it leaks a reference to None and crashed the test run.)
    titles = {_plain(menu.title()) for menu in root.findChildren(QMenu)}
    for action in root.findChildren(QAction):
        text = _plain(action.text())
        if text in titles:
            continue
        # An action's toolTip() falls back to its text; a real tooltip says more than that.
        tip = action.toolTip()
        if text and (not CYRILLIC.search(tip) or _plain(tip) == text):
            missing.append(f"action {text!r}")
    return missing


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_button_and_action_has_a_translated_tooltip(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow, switcher: LanguageSwitcher, lang: str
) -> None:
    from app.demo.everything import generate_everything

    with ui_ctx.store.write() as s:
        generate_everything(s, ui_ctx.actor)
    switcher.switch(lang)
    for spec in window.pages:
        every_tab(window.page(spec.key))
    missing = sorted(set(_untipped(window)))
    assert missing == [], "\n".join(missing)
