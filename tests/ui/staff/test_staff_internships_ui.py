"""The civil servants' internships tab (S-2, seed 003 §7.1.6) and the staff tabs' print and
permissions, driven as a user would in kk and ru on a real store."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.context import VIEWER, Actor
from app.core.store import Store
from app.staff.dto import AdaptationInput, InternshipInput
from app.staff.internships import schedule_internship
from app.staff.service import assign_tutor
from db.models import StaffInternship
from i18n import translator
from tests.app.staff.conftest import add_person
from tests.ui.staff.driving import in_dialog
from tests.ui.typing import type_text
from ui.context import UiContext
from ui.kit.form_dialog import FormDialog
from ui.kit.print_preview_dialog import PrintPreviewDialog
from ui.main_window import MainWindow
from ui.staff.internship_dialog import InternshipDialog, OutcomeDialog
from ui.staff.internships_view import StaffInternshipsView

TAB = {"kk": "Қызметшілердің тағылымдамасы", "ru": "Стажировки госслужащих"}
CANCELLED = {"kk": "Болдырылмады", "ru": "Отменена"}
PLACE = "Ақмола облыстық сотының аппараты"


def _tab(window: MainWindow) -> StaffInternshipsView:
    page = window.page("people")
    view = page.staff_internships  # type: ignore[attr-defined]
    page.setCurrentWidget(view)  # type: ignore[attr-defined]
    return view


def _texts(view: StaffInternshipsView, column: int) -> list[str]:
    return [view.tree.topLevelItem(i).text(column) for i in range(view.tree.topLevelItemCount())]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_s2_schedule_refuse_add_edit_and_cancel_on_the_tab(
    qtbot: QtBot, window: MainWindow, switcher, store: Store, actor: Actor, lang: str
) -> None:
    tr_ = translator(lang)
    servant = add_person(store, actor, "Сейітова", 41)
    year = date.today().year
    switcher.switch(lang)
    view = _tab(window)
    page = window.page("people")
    assert page.tabText(page.currentIndex()) == TAB[lang]  # type: ignore[attr-defined]
    assert view.year.value() == year and view.add_button.isEnabled()

    def past_the_year(d: FormDialog) -> None:  # S-2: the last day in the next year
        assert isinstance(d, InternshipDialog)
        d.person.setCurrentIndex(d.person.findData(str(servant)))
        type_text(d.place, PLACE)
        d.starts_on.set_value(date(year, 12, 28))
        d.ends_on.set_value(date(year + 1, 1, 8))

    refusals = in_dialog(qtbot, InternshipDialog, past_the_year)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert refusals == ["ends_on: " + tr_("The internship ends within the schedule's year.")]
    assert view.tree.topLevelItemCount() == 0

    def two_weeks(d: FormDialog) -> None:
        assert isinstance(d, InternshipDialog)
        d.person.setCurrentIndex(d.person.findData(str(servant)))
        type_text(d.place, PLACE)
        d.starts_on.set_value(date(year, 12, 14))
        d.ends_on.set_value(date(year, 12, 25))

    in_dialog(qtbot, InternshipDialog, two_weeks)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert _texts(view, 0) == ["Сейітова Әлия"] and _texts(view, 1) == [PLACE]
    assert view.tree.currentItem() is view.tree.topLevelItem(0)  # what was made is selected
    assert "Сейітова Әлия" in window.statusBar().currentMessage()
    assert _texts(view, 3) == ["12"]

    def moved(d: FormDialog) -> None:
        assert isinstance(d, InternshipDialog)
        assert d.place.text() == PLACE  # the dialog opens on the line
        d.place.clear()
        type_text(d.place, "Көкшетау қалалық соты")

    in_dialog(qtbot, InternshipDialog, moved)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)  # Enter opens the selected line
    assert _texts(view, 1) == ["Көкшетау қалалық соты"]
    assert "Сейітова Әлия" in window.statusBar().currentMessage()

    refusals = in_dialog(qtbot, OutcomeDialog, lambda d: None)  # no reason: refused
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert refusals == [f"reason: {tr_('Say why it is cancelled.')}"]

    def because(d: FormDialog) -> None:
        assert isinstance(d, OutcomeDialog)
        type_text(d.reason, "Штат қысқартылды")

    in_dialog(qtbot, OutcomeDialog, because)
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert _texts(view, 4) == [f"{CANCELLED[lang]}: Штат қысқартылды"]
    with store.read() as s:
        row = s.scalars(select(StaffInternship)).one()
        assert (row.status, row.place) == ("cancelled", "Көкшетау қалалық соты")


@pytest.mark.parametrize(
    ("lang", "order"),
    [("kk", ["Ильина", "Ыбыраев", "Ісаев"]), ("ru", ["Ильина", "Ісаев", "Ыбыраев"])],
)
def test_s2_names_follow_the_alphabet_of_the_language_shown(
    qtbot: QtBot,
    window: MainWindow,
    switcher,
    store: Store,
    actor: Actor,
    lang: str,
    order: list[str],
) -> None:
    year = date.today().year
    for n, surname in enumerate(("Ыбыраев", "Ісаев", "Ильина")):
        person = add_person(store, actor, surname, 51 + n)
        with store.write() as s:
            day = date(year, 2 + n, 3)
            schedule_internship(s, actor, InternshipInput(person, year, PLACE, day, day))
    view = _tab(window)  # opened in Kazakh, then re-sorted when the language changes
    switcher.switch("ru" if lang == "kk" else "kk")
    switcher.switch(lang)
    qtbot.waitUntil(lambda: [t.split()[0] for t in _texts(view, 0)] == order, timeout=3000)


def _first_page(pdf: bytes) -> str:
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_s1_and_s2_print_their_documents_through_the_preview_to_a_pdf(
    qtbot: QtBot,
    window: MainWindow,
    switcher,
    store: Store,
    actor: Actor,
    tmp_path: Path,
    lang: str,
) -> None:
    tr_ = translator(lang)
    year = date.today().year
    newcomer = add_person(store, actor, "Жаңабаева", 61)
    tutor = add_person(store, actor, "Тәжібаев", 62)
    day = date.today()
    with store.write() as s:
        assign_tutor(s, actor, AdaptationInput(newcomer, tutor, day, day, day))
        schedule_internship(
            s, actor, InternshipInput(newcomer, year, PLACE, date(year, 1, 5), date(year, 1, 16))
        )
    switcher.switch(lang)
    view = _tab(window)
    view.reload()
    titles = {
        "staff-internships": tr_("Schedule of internships of civil servants for {year}").format(
            year=year
        ),
        "adaptation-plan": tr_("Adaptation plan of a newly hired staff member"),
    }
    page = window.page("people")
    for doc_id, tab in (("staff-internships", view), ("adaptation-plan", page.staff)):  # type: ignore[attr-defined]
        page.setCurrentWidget(tab)  # type: ignore[attr-defined]
        if doc_id == "adaptation-plan":
            tab.reload()
            tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        dialog = window.preview_dialog
        assert isinstance(dialog, PrintPreviewDialog) and dialog.objectName() == doc_id
        saved = tmp_path / f"{doc_id}.pdf"
        dialog.save_to(saved)
        first = _first_page(saved.read_bytes())
        assert titles[doc_id] in first, first
        assert "Жаңабаева Әлия" in first
        dialog.close()
        window.preview_dialog = None


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_staff_tabs_a_viewer_sees_the_buttons_off_and_why(
    qtbot: QtBot, store: Store, switcher, tmp_path: Path, lang: str
) -> None:
    settings = QSettings(str(tmp_path / "v.ini"), QSettings.Format.IniFormat)
    ctx = UiContext(store=store, actor=Actor("viewer", frozenset({VIEWER})), settings=settings)
    win = MainWindow(ctx, switcher.switch)
    qtbot.addWidget(win)
    win.show()
    switcher.switch(lang)
    page = win.page("people")
    for view, buttons in (
        (page.staff_internships, ("add_button", "edit_button", "cancel_button", "outcome_button")),  # type: ignore[attr-defined]
        (page.staff, ("assign_button", "plan_button", "result_button")),  # type: ignore[attr-defined]
    ):
        page.setCurrentWidget(view)  # type: ignore[attr-defined]
        assert not any(getattr(view, b).isEnabled() for b in buttons)
        assert view.note.isVisible() and "staff.keep" in view.note.text()
        assert translator(lang)("Training centre officer") in view.note.text()  # who may
        assert "staff.keep" in getattr(view, buttons[0]).toolTip()
