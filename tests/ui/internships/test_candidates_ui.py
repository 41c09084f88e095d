"""Candidates' paid internships (I-3) in real widgets: places, allocation, refusals in words."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.internships.queries import schedule
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court
from ui.internships.internships_page import InternshipsPage
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher

YEAR = 2027


def _candidates(store: Store, actor: Actor) -> uuid.UUID:
    with store.write() as s:
        court = s.scalar(select(Court.id).where(Court.code == "AKM"))
        assert court is not None
        for n, (surname, first) in enumerate((("Әлиева", "Гүлжан"), ("Петров", "Игорь"))):
            create_person(
                s,
                actor,
                PersonInput(
                    make_iin(date(1995, 1, 2 + n), 60 + n), surname, first, role="candidate"
                ),
            )
    return court


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_i3_places_are_set_and_a_candidate_beyond_them_is_refused_in_words(
    qtbot: QtBot,
    qtmodeltester: object,
    window: MainWindow,
    store: Store,
    actor: Actor,
    switcher: LanguageSwitcher,
    lang: str,
) -> None:
    court = _candidates(store, actor)
    switcher.switch(lang)
    page = window.page("internships")
    assert isinstance(page, InternshipsPage)
    page.setCurrentWidget(page.candidates)
    view = page.candidates
    view.reload_candidates()
    view.year.setValue(YEAR)
    view.places_court.setCurrentIndex(view.places_court.findData(str(court)))
    view.place_count.setValue(1)
    qtbot.mouseClick(view.set_places_button, Qt.MouseButton.LeftButton)
    assert view.places_rows.rowCount() == 1
    assert view.places_rows.index(0, 1).data() == "1"
    assert view.places_rows.index(0, 2).data() == "0"
    view.places.setCurrentIndex(view.places_rows.index(0, 0))
    view.places.clicked.emit(view.places_rows.index(0, 0))
    assert view.host.currentData() == str(court)
    assert [view.candidate.itemText(i) for i in range(view.candidate.count())] == [
        "Әлиева Гүлжан",
        "Петров Игорь",
    ]
    qtbot.mouseClick(view.allocate_button, Qt.MouseButton.LeftButton)
    assert view.refusal.text() == ""
    assert view.allocation_rows.rowCount() == 1
    assert view.allocations.currentIndex().row() == 0  # what was created is selected
    assert view.places_rows.index(0, 2).data() == "1"
    # The second candidate finds the one place taken: refused, in a sentence without rule IDs.
    view.candidate.setCurrentIndex(1)
    qtbot.mouseClick(view.allocate_button, Qt.MouseButton.LeftButton)
    expected = {
        "kk": "орын",
        "ru": "мест",
    }[lang]
    assert expected in view.refusal.text(), view.refusal.text()
    assert "I-3" not in view.refusal.text() and "I-3" in view.refusal.toolTip()
    assert view.allocation_rows.rowCount() == 1
    # Cancelling the first frees its place for the second.
    view.allocations.setCurrentIndex(view.allocation_rows.index(0, 0))
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.allocate_button, Qt.MouseButton.LeftButton)
    assert view.refusal.text() == ""
    for model in (view.places_rows, view.allocation_rows):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    with store.read() as s:
        shown = schedule(s, YEAR, kind="candidate")
    assert [(i.person_name, i.paid) for i in shown] == [("Петров Игорь", True)]
    assert view.allocation_rows.index(0, 0).data() == "Петров Игорь"
