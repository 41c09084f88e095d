"""A protégé's wishes in real widgets (M-3, cl. 8): added once, ranked first, withdrawn."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.store import Store
from app.mentoring.wishes import wishes_of
from ui.main_window import MainWindow
from ui.mentoring.mentoring_view import MentoringView
from ui.mentoring.wishes_dialog import WishesButton, WishesDialog
from ui.qt_i18n import LanguageSwitcher

from ..typing import type_text
from .conftest import Region


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_m3_a_wish_is_recorded_once_ranks_the_guide_and_is_withdrawn(
    qtbot: QtBot,
    window: MainWindow,
    region: Region,
    store: Store,
    switcher: LanguageSwitcher,
    lang: str,
) -> None:
    switcher.switch(lang)
    view = window.page("mentoring").pairs  # type: ignore[attr-defined]
    assert isinstance(view, MentoringView)
    view.region.setCurrentIndex(view.region.findData("AKM"))
    view.select_need(region.protege)
    need = view._selected_need()
    assert need is not None
    (button,) = view.findChildren(WishesButton)
    assert button.toolTip() and button.text()
    # The button opens the selected protégé's wishes (closed here as soon as it is shown).
    opened: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, WishesDialog):
            opened.append(dialog.windowTitle())
            dialog.accept()

    QTimer.singleShot(0, close_it)
    button.open()
    assert opened and region.protege in opened[0]

    dialog = WishesDialog(view._ctx, need.person_id, need.full_name, view)
    qtbot.addWidget(dialog)
    assert [dialog.guide.itemText(i) for i in range(dialog.guide.count())] == [region.tutor]
    type_text(dialog.note, "Бір сотта")
    dialog.add_button.click()
    assert dialog.message.text() == ""
    assert dialog.rows.rowCount() == 1 and dialog.rows.index(0, 0).data() == region.tutor
    dialog.add_button.click()  # the same guide twice is refused in words
    assert dialog.message.text() != "" and dialog.rows.rowCount() == 1
    with store.read() as s:
        assert [w.note for w in wishes_of(s, need.person_id)] == ["Бір сотта"]
    # The suggestions name the wish as a reason once the need is selected again.
    view._on_needs_selection_changed()
    wished = {"kk": "сұрады", "ru": "просил"}[lang]
    assert wished in view.guide.itemText(0).lower(), view.guide.itemText(0)
    dialog.table.selectRow(0)
    dialog.withdraw_button.click()
    assert dialog.rows.rowCount() == 0 and dialog.changed
    with store.read() as s:
        assert wishes_of(s, need.person_id) == []
