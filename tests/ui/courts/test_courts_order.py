"""Issue 11: the courts tree follows the shown language's alphabet, and re-sorts when it changes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from db.models import Court
from i18n.collation import collation_key
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher

# Kazakh and Russian names that sort differently: І is after Ы in Kazakh, И's neighbour in
# Russian; Ө and О, Қ and К likewise.
DISTRICTS = (
    ("Іле аудандық соты", "Илийский районный суд"),
    ("Ыбырай аудандық соты", "Районный суд Ыбырай"),
    ("Өскемен аудандық соты", "Усть-Каменогорский районный суд"),
    ("Орал аудандық соты", "Уральский районный суд"),
    ("Қарасай аудандық соты", "Карасайский районный суд"),
)


def _children(item: QTreeWidgetItem, column: int) -> list[str]:
    return [item.child(i).text(column) for i in range(item.childCount())]


def _region(courts, code_name_kk: str) -> QTreeWidgetItem:
    top = courts.tree.topLevelItem(0)
    return next(
        top.child(i) for i in range(top.childCount()) if top.child(i).text(0) == code_name_kk
    )


def test_courts_follow_the_alphabet_of_the_language_shown(
    qtbot: QtBot, store, actor, window: MainWindow, switcher: LanguageSwitcher
) -> None:
    with store.write() as s:
        regional = s.scalar(select(Court).where(Court.code == "AKM"))
        assert regional is not None
        region_kk = regional.name_kk
        for kk, ru in DISTRICTS:
            add_district_court(s, actor, DistrictCourtInput(regional.id, kk, ru))
    courts = window.page("people").courts  # type: ignore[attr-defined]
    window.page("people").setCurrentWidget(courts)  # type: ignore[attr-defined]
    courts.reload()
    for lang, column in (("kk", 0), ("ru", 1), ("kk", 0)):
        switcher.switch(lang)
        QApplication.processEvents()
        regions = _children(courts.tree.topLevelItem(0), column)
        assert regions == sorted(regions, key=lambda n: collation_key(n, lang)), lang
        districts = _children(_region(courts, region_kk), column)
        assert districts == sorted(districts, key=lambda n: collation_key(n, lang)), lang
        mine = [n for n in districts if n in {d[column] for d in DISTRICTS}]
        assert len(mine) == len(DISTRICTS)
    # The two alphabets really differ on these names, so the test tells them apart.
    kk_order = sorted(DISTRICTS, key=lambda d: collation_key(d[0], "kk"))
    ru_order = sorted(DISTRICTS, key=lambda d: collation_key(d[1], "ru"))
    assert kk_order != ru_order
