"""The courts screen marks a small district court, names its chairman (M-1) and the region's
coordinator (M-6), in Kazakh and Russian.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.courts import offices
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from db.models import Court
from tests.app.mentoring.conftest import add_judge
from ui.courts.office_dialog import OfficeDialog
from ui.main_window import MainWindow

SMALL = {"kk": "аз құрамды аудандық сот", "ru": "малочисленный районный суд"}
CHAIRMAN = {"kk": "төраға", "ru": "председатель"}
COORDINATOR = {"kk": "үйлестіруші", "ru": "координатор"}


@pytest.fixture
def court_world(store, actor):
    with store.write() as s:
        regional = s.scalar(select(Court).where(Court.code == "AKM"))
        district = add_district_court(
            s, actor, DistrictCourtInput(regional.id, "Бурабай аудандық соты", "Бурабайский суд")
        )
        chair = add_judge(s, actor, district.id, "Тәшенов", date(2019, 3, 1))
        mentor = add_judge(s, actor, regional.id, "Жұмабаев", date(2005, 2, 1))
    return regional.id, district.id, chair, mentor


def _courts_page(window: MainWindow):
    courts = window.page("people").courts  # type: ignore[attr-defined]
    window.page("people").setCurrentWidget(courts)  # type: ignore[attr-defined]
    courts.reload()
    return courts


def _item(courts, name: str) -> QTreeWidgetItem:
    found = courts.tree.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert found, name
    return found[0]


def _in_dialog(qtbot: QtBot, fill: Callable[[OfficeDialog], None]) -> None:
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OfficeDialog):
            QTimer.singleShot(20, run)
            return
        fill(dialog)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        if dialog.isVisible():  # refused: close so that the test fails on its assertions
            dialog.reject()

    QTimer.singleShot(20, run)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_m1_small_court_and_its_chairman_from_the_courts_screen(
    qtbot: QtBot, window: MainWindow, switcher, store, court_world, lang: str
) -> None:
    _regional, district, chair, _mentor = court_world
    switcher.switch(lang)
    courts = _courts_page(window)
    courts.tree.setCurrentItem(_item(courts, "Бурабай аудандық соты"))

    def fill(dialog: OfficeDialog) -> None:
        assert dialog.small.isVisible()
        dialog.small.setChecked(True)
        dialog.person.setCurrentIndex(dialog.person.findData(str(chair)))

    _in_dialog(qtbot, fill)
    qtbot.mouseClick(courts.offices_button, Qt.MouseButton.LeftButton)
    shown = _item(courts, "Бурабай аудандық соты").text(3)
    assert SMALL[lang] in shown and f"{CHAIRMAN[lang]}: Тәшенов Әлия Серікқызы" in shown
    with store.read() as s:
        assert offices.is_small(s, district) and offices.is_chairman(s, chair, district)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_m6_coordinator_named_from_the_courts_screen(
    qtbot: QtBot, window: MainWindow, switcher, store, court_world, lang: str
) -> None:
    _regional, _district, chair, mentor = court_world
    switcher.switch(lang)
    courts = _courts_page(window)
    name = "Ақмола облыстық соты"
    courts.tree.setCurrentItem(_item(courts, name))

    def fill(dialog: OfficeDialog) -> None:
        assert not dialog.small.isVisible()
        # only the regional court's judges and the region's retired judges are offered (cl. 9)
        assert dialog.person.findData(str(chair)) == -1
        dialog.person.setCurrentIndex(dialog.person.findData(str(mentor)))
        dialog.basis.setText("Кеңес шешімі №4")

    _in_dialog(qtbot, fill)
    qtbot.mouseClick(courts.offices_button, Qt.MouseButton.LeftButton)
    assert f"{COORDINATOR[lang]}: Жұмабаев Әлия Серікқызы" in _item(courts, name).text(3)
    with store.read() as s:
        held = offices.coordinator_of_region(s, "AKM")
        assert held is not None and held.person_id == mentor and held.basis == "Кеңес шешімі №4"
