"""The staff adaptation tab (S-1, seed 003 §7.1.5): assign a tutor, the plan, the result, kk/ru."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import StaffAdaptation
from tests.app.staff.conftest import add_person
from tests.ui.staff.driving import in_dialog
from ui.kit.form_dialog import FormDialog
from ui.main_window import MainWindow
from ui.staff.adaptation_dialog import AdaptationDialog
from ui.staff.plan_dialog import PlanDialog, ResultDialog

TAB = {"kk": "Қызметкердің бейімделуі", "ru": "Адаптация сотрудника"}
ADAPTED = {"kk": "Бейімделді", "ru": "Адаптирован"}
SAME = {"kk": "өзіне-өзі тәлімгер", "ru": "наставником самому себе"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_s1_adaptation_from_assignment_to_result(
    qtbot: QtBot, window: MainWindow, switcher, store, actor, lang: str
) -> None:
    newcomer = add_person(store, actor, "Жаңабаева", 21)
    tutor = add_person(store, actor, "Тәжібаев", 22)
    switcher.switch(lang)
    page = window.page("people")
    view = page.staff  # type: ignore[attr-defined]
    page.setCurrentWidget(view)  # type: ignore[attr-defined]
    assert page.tabText(2) == TAB[lang]  # type: ignore[attr-defined]

    def same_person(d: FormDialog) -> None:
        assert isinstance(d, AdaptationDialog)
        d.person.setCurrentIndex(d.person.findData(str(newcomer)))
        d.tutor.setCurrentIndex(d.tutor.findData(str(newcomer)))

    refusals = in_dialog(qtbot, AdaptationDialog, same_person)
    qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
    assert any(SAME[lang] in text for text in refusals)
    assert any(t.startswith("tutor_id: ") and SAME[lang] in t for t in refusals)  # beside it

    def assign(d: FormDialog) -> None:
        assert isinstance(d, AdaptationDialog)
        d.person.setCurrentIndex(d.person.findData(str(newcomer)))
        d.tutor.setCurrentIndex(d.tutor.findData(str(tutor)))

    in_dialog(qtbot, AdaptationDialog, assign)
    qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
    assert view.tree.topLevelItemCount() == 1
    row = view.tree.topLevelItem(0)
    assert row.text(0) == "Жаңабаева Әлия" and row.text(1) == "Тәжібаев Әлия"

    def plan(d: FormDialog) -> None:
        assert isinstance(d, PlanDialog)
        d.add_item(date.today(), "Ішкі еңбек тәртібі ережелерімен танысу")

    in_dialog(qtbot, PlanDialog, plan)
    view.tree.setCurrentItem(row)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)  # Enter opens the row's plan
    assert view.tree.topLevelItem(0).text(3) == "1"

    def result(d: FormDialog) -> None:
        assert isinstance(d, ResultDialog)
        d.decided_by.setText("Бөлім басшысы Серікова А.")

    in_dialog(qtbot, ResultDialog, result)
    qtbot.mouseClick(view.result_button, Qt.MouseButton.LeftButton)
    assert view.tree.topLevelItem(0).text(4).startswith(ADAPTED[lang])
    with store.read() as s:
        a = s.scalars(select(StaffAdaptation)).one()
        assert (a.result, a.decided_by) == ("adapted", "Бөлім басшысы Серікова А.")


def test_s1_ctrl_p_on_the_staff_tab_prints_the_selected_plan(
    window: MainWindow, store, actor
) -> None:
    from app.staff.dto import AdaptationInput
    from app.staff.service import assign_tutor
    from ui.pages import page_document

    newcomer = add_person(store, actor, "Жаңабаева", 21)
    tutor = add_person(store, actor, "Тәжібаев", 22)
    day = date.today()
    with store.write() as s:
        a = assign_tutor(s, actor, AdaptationInput(newcomer, tutor, day, day, day))
    page = window.page("people")
    view = page.staff  # type: ignore[attr-defined]
    page.setCurrentWidget(view)  # type: ignore[attr-defined]
    view.reload()
    view.tree.setCurrentItem(view.tree.topLevelItem(0))
    assert page_document(page, "people") == ("adaptation-plan", {"adaptation": str(a.id)})
    page.setCurrentIndex(0)  # type: ignore[attr-defined]
    assert page_document(page, "people")[0] == "people-register"  # type: ignore[index]
