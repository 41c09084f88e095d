"""The user guide: a section per page in kk and ru, F1 opens it there; Ctrl+1…9; Enter opens."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from i18n import LANGUAGES, _
from ui.context import UiContext
from ui.help.guide_dialog import GuideDialog, guide_file, guide_folder
from ui.main_window import MainWindow
from ui.people.person_dialog import PersonDialog
from ui.qt_i18n import LanguageSwitcher


def _heading(browser: QTextBrowser, anchor: str) -> QTextBlock:
    # Only calls that return a value: PySide6 6.12 on CPython 3.11 drops a reference to None on
    # every call of a void method, and a loop of setPosition() calls crashed the test run.
    block = browser.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and anchor in (
            QTextCursor(block).charFormat().anchorNames()
        ):
            return block
        block = block.next()
    raise AssertionError(f"no anchor {anchor!r} in the guide")


def _active(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_has_a_section_per_page_with_its_screenshot(lang: str) -> None:
    text = guide_file(lang).read_text(encoding="utf-8")
    from ui.pages import PAGES

    for spec in PAGES:
        assert f'<a name="{spec.key}">' in text, spec.key
        assert f'src="shots/{lang}-{spec.key}.png"' in text, spec.key
    for src in re.findall(r'src="([^"]+)"', text):
        assert (guide_folder() / src).is_file(), src
    # Every section says what the page is for, how to do the daily work, and its rules.
    sections = text.count("<h2>")
    marker = {"kk": ("Не үшін.", "Қағидалар."), "ru": ("Для чего.", "Правила.")}[lang]
    assert text.count(marker[0]) == len(PAGES) and text.count(marker[1]) >= len(PAGES)
    assert sections == len(PAGES) + 2  # first steps and keys


RAISE = "This plugin does not support raise"  # offscreen cannot raise the guide window


@pytest.mark.qt_log_ignore(RAISE)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_f1_opens_the_section_of_the_current_page(
    qtbot: QtBot, window: MainWindow, switcher: LanguageSwitcher, lang: str
) -> None:
    switcher.switch(lang)
    for spec in window.pages:
        window.page(spec.key)
        _active(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        dialog = window.guide_dialog
        assert isinstance(dialog, GuideDialog)
        qtbot.waitUntil(dialog.isVisible, timeout=2000)
        QApplication.processEvents()
        browser = dialog.browser
        block = _heading(browser, spec.key)
        # The section's heading is the page's name in the navigation, and it is on screen.
        assert block.text() == _(spec.title)
        top = browser.document().documentLayout().blockBoundingRect(block).top()
        shown = browser.verticalScrollBar().value()
        assert shown <= top < shown + browser.viewport().height(), spec.key
        dialog.close()


@pytest.mark.qt_log_ignore(RAISE)
def test_the_open_guide_follows_a_language_switch(
    qtbot: QtBot, window: MainWindow, switcher: LanguageSwitcher
) -> None:
    window.page("mentoring")
    window.actions_["guide"].trigger()
    dialog = window.guide_dialog
    assert isinstance(dialog, GuideDialog)
    assert _heading(dialog.browser, "mentoring").text() == "Менторлық"
    switcher.switch("ru")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Руководство пользователя", timeout=2000)
    assert _heading(dialog.browser, "mentoring").text() == "Наставничество"
    assert dialog.section == "mentoring"


def test_the_help_menu_offers_the_guide_and_about(window: MainWindow) -> None:
    actions = window.help_menu.actions()
    assert actions[0] is window.actions_["guide"]
    assert window.actions_["guide"].shortcut().toString() == "F1"
    assert window.actions_["about"] in actions


def test_ctrl_digit_switches_pages(qtbot: QtBot, window: MainWindow) -> None:
    _active(qtbot, window)
    for row in reversed(range(min(9, len(window.pages)))):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        assert window.nav.currentRow() == row
        assert window.stack.currentWidget() is window.page(window.pages[row].key)


def test_enter_opens_the_selected_person(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow
) -> None:
    from app.demo.generator import generate

    with ui_ctx.store.write() as s:
        generate(s, ui_ctx.actor)
    people = window.page("people").people  # type: ignore[attr-defined]
    people.model.refresh()
    people.table.setFocus()
    people.table.selectRow(2)
    name = people.model.index(2, 0).data()
    seen: list[str] = []

    def close_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PersonDialog):
            QTimer.singleShot(20, close_the_dialog)
            return
        seen.append(dialog.form.value().surname)
        dialog.reject()

    QTimer.singleShot(20, close_the_dialog)
    _active(qtbot, window)
    qtbot.keyClick(people.table, Qt.Key.Key_Return)
    assert len(seen) == 1 and seen[0] in name


def test_the_screenshot_script_photographs_every_page_of_the_demo(tmp_path: Path) -> None:
    import importlib.util

    root = Path(__file__).resolve().parents[3]
    path = root / "scripts" / "help_screenshots.py"
    spec = importlib.util.spec_from_file_location("help_shots", path)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    work = tmp_path / "work"
    work.mkdir()
    saved = script.make(tmp_path / "shots", work)
    from PySide6.QtGui import QImage

    from ui.pages import PAGES

    assert sorted(p.name for p in saved) == sorted(
        f"{lang}-{spec.key}.png" for lang in LANGUAGES for spec in PAGES
    )
    for path in saved:
        image = QImage(str(path))
        assert image.width() == 820 and image.height() > 400
        # Not a blank grab: a page shows many colours (text, lists, buttons).
        colours = {image.pixel(x, y) for x in range(0, 820, 7) for y in range(0, 400, 7)}
        assert len(colours) > 20, path.name


@pytest.mark.qt_log_ignore(RAISE)
def test_the_start_page_can_open_the_first_steps(window: MainWindow) -> None:
    window.page("dashboard")
    window.show_guide("start")
    dialog = window.guide_dialog
    assert dialog is not None and dialog.section == "start"
    assert _heading(dialog.browser, "start").text() == "Алғашқы қадамдар"
