"""First run: centre and language, login mode, then the import of the register opens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.core.store import Store
from app.courts.centre import current_centre
from app.security.service import login_mode, needs_first_run
from ui.context import UiContext
from ui.data.login_dialog import FirstRunDialog, who_is_acting
from ui.first_run.centre_dialog import CentreDialog
from ui.first_run.flow import FirstRun, make_demo
from ui.first_run.start_dialog import DEMO, EMPTY, StartDialog
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher


def _drive(steps: dict[type, Callable[[Any], None]], seen: list[str]) -> None:
    """Answer each modal dialog as it opens, by its type, until none is left to answer."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        for kind, act in steps.items():
            if isinstance(dialog, kind) and dialog.objectName() not in seen:
                seen.append(dialog.windowTitle())
                dialog.setObjectName(f"answered-{len(seen)}")
                act(dialog)
                break
        if len(seen) < len(steps):
            QTimer.singleShot(30, poll)

    QTimer.singleShot(30, poll)


@pytest.fixture
def fresh(store: Store) -> Store:
    with store.read() as s:
        assert needs_first_run(s)
    return store


def test_first_run_sets_centre_language_login_mode_and_opens_the_import(
    qtbot: QtBot, fresh: Store, window: MainWindow, switcher: LanguageSwitcher, ui_ctx: UiContext
) -> None:
    chosen_centre: list[str] = []

    def centre_step(d: CentreDialog) -> None:
        d.language.setCurrentIndex(d.language.findData("ru"))  # switches at once
        d.centre.setCurrentIndex(3)
        chosen_centre.append(d.centre_id())
        d.accept()

    titles: list[str] = []
    _drive(
        {
            CentreDialog: centre_step,
            FirstRunDialog: lambda d: d.no_login_button.click(),
            StartDialog: lambda d: d.empty_button.click(),
        },
        titles,
    )
    first_run = FirstRun(window.set_language)
    acting = who_is_acting(fresh, window, first_run=first_run)
    assert acting is not None
    store, actor = acting
    assert store is fresh  # no logins: the file stays as it was (not encrypted)
    # The steps after the first read in the language chosen in it.
    assert titles == [
        "Алғашқы іске қосу: оқу орталығы",
        "Первоначальная настройка",
        "Первый запуск: с чего начать",
    ]
    assert ui_ctx.settings.value("language") == "ru"
    with fresh.read() as s:
        assert login_mode(s) == "none"
        centre = current_centre(s)
    assert centre is not None and str(centre.id) == chosen_centre[0]
    assert first_run.choice == EMPTY
    window.attach_store(fresh, actor)
    first_run.lead_on(window)
    page = window.page("security")
    assert page.currentWidget() is page.imports  # type: ignore[attr-defined]


def test_closing_the_first_step_quits_and_leaves_the_store_untouched(
    qtbot: QtBot, fresh: Store, window: MainWindow
) -> None:
    titles: list[str] = []
    _drive({CentreDialog: lambda d: d.reject()}, titles)
    assert who_is_acting(fresh, window, first_run=FirstRun(window.set_language)) is None
    with fresh.read() as s:
        assert needs_first_run(s)


def test_the_start_dialog_offers_the_demo_with_translated_tooltips(
    qtbot: QtBot, switcher: LanguageSwitcher
) -> None:
    dialog = StartDialog()
    qtbot.addWidget(dialog)
    dialog.demo_button.click()
    assert dialog.choice == DEMO
    for lang in ("kk", "ru"):
        switcher.switch(lang)
        QApplication.processEvents()
        buttons: list[QWidget] = [dialog.empty_button, dialog.demo_button]
        assert all(b.toolTip() and b.toolTip() != b.text() for b in buttons)  # type: ignore[attr-defined]


def test_the_demo_is_made_in_its_own_file_and_opens_without_a_login(
    fresh: Store, tmp_path: Path
) -> None:
    from app.core.bootstrap import open_store
    from app.core.progress import Progress
    from app.people.dto import PersonFilter
    from app.people.queries import count_people

    path = tmp_path / "demo" / "demo.db"
    path.parent.mkdir()
    make_demo(path, Progress())
    demo = open_store(path, backup=False)
    try:
        with demo.read() as s:
            assert login_mode(s) == "none"
            assert count_people(s, PersonFilter()) > 100
    finally:
        demo.dispose()
    with fresh.read() as s:  # the real store is untouched
        assert needs_first_run(s)
        assert count_people(s, PersonFilter()) == 0
