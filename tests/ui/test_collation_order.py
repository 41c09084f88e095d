"""Issue 11: lists in the shown language's alphabetical order, Kazakh in kk, Russian in ru."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court, list_courts
from app.internships.dto import InternshipInput
from app.internships.hosts import add_offer
from app.internships.service import save_internship
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court
from i18n.collation import collation_key
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.people.person_form import PersonForm
from ui.qt_i18n import LanguageSwitcher

SURNAMES = ("Іскақова", "Ыбыраев", "Аманжолов", "Исаев", "Әбілов")
BY_KAZAKH = ["Аманжолов", "Әбілов", "Исаев", "Ыбыраев", "Іскақова"]
BY_RUSSIAN = ["Аманжолов", "Әбілов", "Исаев", "Іскақова", "Ыбыраев"]


def test_the_key_follows_each_alphabet() -> None:
    assert sorted(SURNAMES, key=lambda s: collation_key(s, "kk")) == BY_KAZAKH
    assert sorted(SURNAMES, key=lambda s: collation_key(s, "ru")) == BY_RUSSIAN
    # Not code points: І (U+0406) comes before А (U+0410) there.
    assert sorted(SURNAMES)[0] == "Іскақова"


def _internships(ui_ctx: UiContext) -> None:
    with ui_ctx.store.write() as s:
        actor = ui_ctx.actor
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        assert regional is not None
        district = add_district_court(
            s, actor, DistrictCourtInput(regional, "Көкшетау қалалық соты", "Кокшетауский суд")
        ).id
        add_offer(
            s, actor, regional, starts_on=date(2027, 1, 10), ends_on=date(2027, 12, 20), capacity=5
        )
        for n, surname in enumerate(SURNAMES):
            judge = create_person(
                s,
                actor,
                PersonInput(
                    make_iin(date(1980, 1, 2 + n), 40 + n),
                    surname,
                    "Әлия",
                    court_id=district,
                    first_appointed_on=date(2012, 1, 1),
                ),
            ).id
            start = date(2027, 2 + n, 1)
            save_internship(
                s, actor, InternshipInput(judge, regional, start, start.replace(day=14))
            )


def test_the_calendar_by_judge_in_each_alphabet(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow, switcher: LanguageSwitcher
) -> None:
    _internships(ui_ctx)
    calendar = window.page("internships").calendar  # type: ignore[attr-defined]
    calendar.year.setValue(2027)
    calendar.group.setCurrentIndex(calendar.group.findData("judge"))
    rows = [row.label.split()[0] for row in calendar.timeline.rows]
    assert rows == BY_KAZAKH
    switcher.switch("ru")
    QApplication.processEvents()
    assert [row.label.split()[0] for row in calendar.timeline.rows] == BY_RUSSIAN


def _texts(combo: QComboBox, first: int = 1) -> list[str]:
    return [combo.itemText(i).strip() for i in range(first, combo.count())]


def _in_order(texts: list[str], lang: str) -> bool:
    return texts == sorted(texts, key=lambda t: collation_key(t, lang))


def test_court_lists_in_each_alphabet(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow, switcher: LanguageSwitcher
) -> None:
    with ui_ctx.store.write() as s:
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        assert regional is not None
        for kk, ru in (
            ("Ақкөл аудандық соты", "Аккольский районный суд"),
            ("Зеренді аудандық соты", "Зерендинский районный суд"),
            ("Көкшетау қалалық соты", "Кокшетауский городской суд"),
        ):
            add_district_court(s, ui_ctx.actor, DistrictCourtInput(regional, kk, ru))
    mentoring = window.page("mentoring").pairs  # type: ignore[attr-defined]
    calendar = window.page("internships").calendar  # type: ignore[attr-defined]
    people_view = window.page("people").people  # type: ignore[attr-defined]
    with ui_ctx.store.read() as s:
        form = PersonForm(list_courts(s))
    qtbot.addWidget(form)
    orders: dict[str, list[str]] = {}
    for lang in ("kk", "ru"):
        switcher.switch(lang)
        QApplication.processEvents()
        mentoring.region.setCurrentIndex(mentoring.region.findData("AKM"))
        lists = {
            "mentoring regions": _texts(mentoring.region, 0),
            "mentoring courts": _texts(mentoring.court, 2),  # after the regional court
            "calendar regions": _texts(calendar.region),
            "mentoring regional court": _texts(mentoring.court)[:1],
            "people filter": _texts(people_view.court_filter),
            "person form": _texts(form.court),
        }
        for name, texts in lists.items():
            if name in ("people filter", "person form"):  # Supreme, regions, then districts
                regions, districts = texts[1:21], texts[21:]
                assert _in_order(regions, lang) and _in_order(districts, lang), (lang, name)
                assert len(regions) == 20
            elif name == "mentoring regional court":
                assert texts[0] in (  # the region's own court heads its list
                    "Ақмола облыстық соты",
                    "Акмолинский областной суд",
                ), texts
            else:
                assert len(texts) >= 3 and _in_order(texts, lang), (lang, name, texts)
        orders[lang] = lists["calendar regions"]
    assert len(orders["kk"]) == len(orders["ru"]) == 20
    assert len(_texts(form.court)) == 1 + 20 + 3
