"""Busy periods in real widgets: typed dates, add, correct, delete; the planner then avoids them."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.internships.busy import busy_rows
from app.internships.conflicts import check_internship
from app.internships.dto import InternshipInput
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court
from ui.internships.internships_page import InternshipsPage
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher

from ..typing import type_text

YEAR = 2027


def _judge(store: Store, actor: Actor) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    with store.write() as s:
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        assert regional is not None
        district = add_district_court(
            s,
            actor,
            DistrictCourtInput(regional, "Көкшетау қалалық соты", "Кокшетауский городской суд"),
        ).id
        judge = create_person(
            s,
            actor,
            PersonInput(
                make_iin(date(1980, 1, 2), 40),
                "Әлиева",
                "Гүлжан",
                court_id=district,
                first_appointed_on=date(2012, 1, 1),
            ),
        ).id
    return regional, district, judge


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_busy_period_typed_in_is_listed_corrected_and_deleted_and_blocks_planning(
    qtbot: QtBot,
    qtmodeltester: object,
    window: MainWindow,
    store: Store,
    actor: Actor,
    switcher: LanguageSwitcher,
    lang: str,
) -> None:
    regional, district, judge = _judge(store, actor)
    switcher.switch(lang)
    page = window.page("internships")
    assert isinstance(page, InternshipsPage)
    page.setCurrentWidget(page.busy)
    view = page.busy
    view.year.setValue(YEAR)
    view.court.setCurrentIndex(0)
    assert view.message.text() != ""  # all courts: it says to choose one first
    view.court.setCurrentIndex(view.court.findData(str(district)))
    assert view.person.currentText() == "Әлиева Гүлжан"
    view.starts_on.edit.clear()
    type_text(view.starts_on.edit, "01.03.2027")
    view.ends_on.edit.clear()
    type_text(view.ends_on.edit, "12032027")
    type_text(view.note, "Семинар")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert view.rows.rowCount() == 1
    assert view.table.currentIndex().row() == 0  # what was added is selected
    assert view.rows.index(0, 0).data() == "Әлиева Гүлжан"
    assert view.rows.index(0, 5).data() == "Семинар"
    with store.read() as s:
        conflicts = check_internship(
            s, InternshipInput(judge, regional, date(YEAR, 3, 10), date(YEAR, 3, 24))
        )
    assert "busy" in {c.code for c in conflicts}
    # Enter on the row loads it into the form; the dates are corrected and saved.
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.save_button.isEnabled()
    view.ends_on.edit.clear()
    type_text(view.ends_on.edit, "5.3.27")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    with store.read() as s:
        rows = busy_rows(s, YEAR, court_id=district)
    assert [(r.starts_on, r.ends_on, r.note) for r in rows] == [
        (date(YEAR, 3, 1), date(YEAR, 3, 5), "Семинар")
    ]
    qtmodeltester.check(view.rows)  # type: ignore[attr-defined]
    # An end before the start is refused in words beside the form.
    view.starts_on.set_value(date(YEAR, 4, 10))
    view.ends_on.set_value(date(YEAR, 4, 1))
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert view.message.text() != "" and view.rows.rowCount() == 1
    view.table.selectRow(0)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert view.rows.rowCount() == 0
    with store.read() as s:
        assert busy_rows(s, YEAR) == []
