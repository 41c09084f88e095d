"""Issue 11: a create action says in the status bar what it created, and the list selects it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.people.iin import make_iin
from ui.context import UiContext
from ui.courts.court_dialog import CourtDialog
from ui.main_window import MainWindow
from ui.people.person_dialog import PersonDialog

from .typing import type_text


def test_a_new_district_court_is_confirmed_and_selected(qtbot: QtBot, window: MainWindow) -> None:
    courts = window.page("people").courts  # type: ignore[attr-defined]
    window.page("people").setCurrentWidget(courts)  # type: ignore[attr-defined]

    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CourtDialog):
            QTimer.singleShot(20, fill_and_save)
            return
        dialog.region.setCurrentIndex(0)
        type_text(dialog.name_kk, "Сынақ аудандық соты")
        type_text(dialog.name_ru, "Пробный районный суд")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        if dialog.isVisible():  # refused: close so that the test fails on its assertions
            dialog.reject()

    QTimer.singleShot(20, fill_and_save)
    qtbot.mouseClick(courts.add_button, Qt.MouseButton.LeftButton)
    item = courts.tree.currentItem()
    assert item is not None and item.text(0) == "Сынақ аудандық соты"
    assert window.statusBar().currentMessage() == "Сынақ аудандық соты қосылды."


def test_a_new_training_event_is_confirmed_and_selected(qtbot: QtBot, window: MainWindow) -> None:
    training = window.page("cpd").training  # type: ignore[attr-defined]
    day = date.today()
    type_text(training.event_box.title, "Сот әдебі")
    training.event_box.kind.setCurrentIndex(training.event_box.kind.findData("seminar"))
    training.event_box.starts_on.set_value(day)
    training.event_box.ends_on.set_value(day)
    type_text(training.event_box.place, "Көкшетау")
    type_text(training.event_box.trainer, "Қасымов Е.")
    qtbot.mouseClick(training.event_box.create_button, Qt.MouseButton.LeftButton)
    assert "Сот әдебі" in training.sessions.currentText()
    assert window.statusBar().currentMessage() == "«Сот әдебі» іс-шарасы құрылды."


def test_a_new_person_is_confirmed_by_name(qtbot: QtBot, window: MainWindow) -> None:
    people = window.page("people").people  # type: ignore[attr-defined]

    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PersonDialog):
            QTimer.singleShot(20, fill_and_save)
            return
        form = dialog.form
        type_text(form.iin, make_iin(date(1984, 6, 30), 77, female=True))
        type_text(form.surname, "Құрманғазиева")
        type_text(form.first_name, "Әйгерім")
        form.court.setCurrentIndex(form.court.findText("Ақмола облыстық соты"))
        type_text(form.position, "Судья")
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        if dialog.isVisible():  # refused: close so that the test fails on its assertions
            dialog.reject()

    QTimer.singleShot(20, fill_and_save)
    people.add_person()
    assert window.statusBar().currentMessage() == "Құрманғазиева Әйгерім қосылды."


def _add_through_the_dialog(qtbot: QtBot, people: object, surname: str) -> None:
    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PersonDialog):
            QTimer.singleShot(20, fill_and_save)
            return
        form = dialog.form
        type_text(form.iin, make_iin(date(1984, 6, 30), 78, female=True))
        type_text(form.surname, surname)
        type_text(form.first_name, "Әйгерім")
        form.court.setCurrentIndex(form.court.findText("Ақмола облыстық соты"))
        form.role.setCurrentIndex(form.role.findData("staff"))
        type_text(form.position, "Маман")
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        if dialog.isVisible():  # refused: close so that the test fails on its assertions
            dialog.reject()

    QTimer.singleShot(20, fill_and_save)
    people.add_person()  # type: ignore[attr-defined]


def test_a_new_person_is_selected_on_whatever_page_they_fall(
    qtbot: QtBot, window: MainWindow, ui_ctx: UiContext
) -> None:
    from app.demo.generator import generate

    with ui_ctx.store.write() as s:
        generate(s, ui_ctx.actor)
    people = window.page("people").people  # type: ignore[attr-defined]
    people.apply_filter()
    total = people.model.rowCount()
    assert total > 2 * people.model.PAGE_SIZE
    _add_through_the_dialog(qtbot, people, "Шәріпова")
    rows = people.table.selectionModel().selectedRows()
    assert len(rows) == 1
    row = rows[0].row()
    assert people.model.person_row(row).full_name == "Шәріпова Әйгерім"
    assert row >= people.model.PAGE_SIZE  # beyond the first page: found in SQL, not by paging
    # Scrolled to it: the row is on screen.
    assert (
        people.table.viewport()
        .rect()
        .intersects(people.table.visualRect(people.model.index(row, 0)))
    )


def test_a_new_person_hidden_by_the_filters_is_shown_and_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    people = window.page("people").people  # type: ignore[attr-defined]
    people.role_filter.setCurrentIndex(people.role_filter.findData("judge"))
    type_text(people.search, "Қасым")
    people.apply_filter()
    _add_through_the_dialog(qtbot, people, "Бекболатова")
    rows = people.table.selectionModel().selectedRows()
    assert len(rows) == 1
    assert people.model.person_row(rows[0].row()).full_name == "Бекболатова Әйгерім"
    assert people.search.text() == "" and people.role_filter.currentIndex() == 0
