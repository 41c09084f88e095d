"""GUI fixtures: a real store, settings in a temp INI, the language switcher, the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.core.context import Actor
from app.core.store import Store
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher


@pytest.fixture
def switcher(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    """Switches our catalogs and Qt's; back to Kazakh afterwards."""
    sw = LanguageSwitcher(qapp)
    sw.switch("kk")
    yield sw
    sw.switch("kk")


@pytest.fixture
def ui_ctx(store: Store, actor: Actor, tmp_path: Path) -> UiContext:
    """What the windows are given."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(store=store, actor=actor, settings=settings)


@pytest.fixture
def window(qtbot: object, ui_ctx: UiContext, switcher: LanguageSwitcher) -> MainWindow:
    """The real main window, shown off-screen."""
    win = MainWindow(ui_ctx, switcher.switch)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    return win
