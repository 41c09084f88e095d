"""Host places, closed dates and the editable holidays table in real widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.store import Store
from app.internships.hosts import list_holidays
from app.internships.queries import blackouts, offers
from app.internships.rules import holidays_of_year
from ui.internships.internships_page import InternshipsPage
from ui.main_window import MainWindow

from ..typing import type_text


def test_offer_blackout_and_holiday_are_added_and_deleted(
    qtbot: QtBot, qtmodeltester: object, window: MainWindow, store: Store
) -> None:
    page = window.page("internships")
    assert isinstance(page, InternshipsPage)
    page.setCurrentWidget(page.places)
    view = page.places
    view.year.setValue(2027)
    view.offer_court.setCurrentIndex(view.offer_court.findText("Ақмола облыстық соты"))
    view.capacity.setValue(4)
    qtbot.mouseClick(view.add_offer_button, Qt.MouseButton.LeftButton)
    offers_shown = view.offers.model()
    assert offers_shown.rowCount() == 1
    assert offers_shown.index(0, 0).data() == "Ақмола облыстық соты"
    assert offers_shown.index(0, 3).data() == "4"
    type_text(view.reason, "Жөндеу")
    qtbot.mouseClick(view.add_blackout_button, Qt.MouseButton.LeftButton)
    with store.read() as s:
        assert [o.capacity for o in offers(s, 2027)] == [4]
        assert [b.reason for b in blackouts(s, 2027)] == ["Жөндеу"]
    # The days off of 2027 are shipped (13 every-year rows, 6 of the year, migration 0410);
    # a user adds a one-off day off (10 May 2027 is already one: Victory Day moved off Sunday).
    fixed = view.holidays.model().rowCount()
    assert fixed == 19
    view.holiday_date.set_value(date(2027, 5, 12))
    view.every_year.setCurrentIndex(1)
    type_text(view.holiday_kk, "Демалыс күні")
    type_text(view.holiday_ru, "Выходной день")
    qtbot.mouseClick(view.add_holiday_button, Qt.MouseButton.LeftButton)
    assert view.holidays.model().rowCount() == fixed + 1
    for table in (view.offers, view.blackouts, view.holidays):
        qtmodeltester.check(table.model())  # type: ignore[attr-defined]
    with store.read() as s:
        assert date(2027, 5, 12) in holidays_of_year(s, 2027)
        assert date(2028, 5, 12) not in holidays_of_year(s, 2028)
    view.offers.setCurrentIndex(offers_shown.index(0, 0))
    qtbot.mouseClick(view.delete_offer_button, Qt.MouseButton.LeftButton)
    assert offers_shown.rowCount() == 0
    with store.read() as s:
        assert offers(s, 2027) == [] and len(list_holidays(s, 2027)) == fixed + 1


def test_reports_page_previews_the_internship_documents(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Reports page lists the schedule, due list, quality and summary documents."""
    from app.core.context import local_actor
    from app.demo import internships as demo
    from ui.documents import printing

    with store.write() as s:
        demo.generate(s, local_actor(), year=date.today().year + 1, judges_per_region=5, regions=1)
    opened: list[tuple[str, bytes]] = []

    class FakePreview:
        def __init__(self, pdf: bytes, name: str, _parent: object) -> None:
            opened.append((name, pdf))

        def setAttribute(self, *_args: object) -> None:
            pass

        def setObjectName(self, _name: str) -> None:
            pass

        def open(self) -> None:
            pass

    monkeypatch.setattr(printing, "PrintPreviewDialog", FakePreview)
    page = window.page("reports")
    for doc_id in ("internships-due", "internship-schedule", "internship-quality"):
        page.select(doc_id)  # type: ignore[attr-defined]
        page.open_current()  # type: ignore[attr-defined]
    names = [n for n, _pdf in opened]
    assert [n.split("-2")[0] for n in names] == [
        "internships-due",
        "internship-schedule",
        "internship-quality",
    ]
    assert all(pdf.startswith(b"%PDF") for _n, pdf in opened)


def test_quality_import_and_comparison(
    qtbot: QtBot, qtmodeltester: object, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    """I-2: indicators imported from XLSX; each internship compared before and after."""
    from app.core.context import local_actor
    from app.core.spreadsheet.writer import write_xlsx
    from app.demo import internships as demo
    from app.internships.quality import compare

    year = date.today().year
    with store.write() as s:
        demo.generate(s, local_actor(), year=year + 2, judges_per_region=6, regions=1)
        done = compare(s, year)
    page = window.page("internships")
    assert isinstance(page, InternshipsPage)
    page.setCurrentWidget(page.quality)
    view = page.quality
    view.year.setValue(year)
    assert done and view.table.model().rowCount() == len(done)
    qtmodeltester.check(view.table.model())  # type: ignore[attr-defined]
    bad = tmp_path / "bad.xlsx"
    write_xlsx(
        bad,
        "Q",
        ["IIN", "from", "to", "cases", "overturned", "kept", "complaints"],
        [["000000000000", date(year, 1, 1), date(year, 12, 31), 5, 0, 90, 0]],
    )
    assert view.import_file(bad) is None
    assert "000000000000" in view.status.text()
    with store.read() as s:
        from sqlalchemy import select

        from db.models import Person

        iin = s.scalar(select(Person.iin).limit(1))
    good = tmp_path / "good.xlsx"
    write_xlsx(
        good,
        "Q",
        ["IIN", "from", "to", "cases", "overturned", "kept", "complaints"],
        [[iin, date(year + 1, 1, 1), date(year + 1, 12, 31), 300, 1, 97, 0]],
    )
    assert view.import_file(good) == 1
    assert "1" in view.status.text()


def test_quality_opens_on_the_centres_region_and_prints_it(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    """Issue 11: the before-and-after comparison lists the internships of the centre's region
    (the country's figures held at once were the page's memory peak); all regions are one
    choice away; Ctrl+P prints the region shown (I-2)."""
    from app.core.context import local_actor
    from app.demo import internships as demo
    from app.internships.quality import compare
    from tests.ui.evaluation.test_evaluation_ui import _centre_of_first_region

    year = date.today().year
    with store.write() as s:
        demo.generate(s, local_actor(), year=year + 2, judges_per_region=6, regions=2)
        everyone = compare(s, year)
    region, _court = _centre_of_first_region(store, local_actor())
    with store.read() as s:
        mine = compare(s, year, region)
    assert 0 < len(mine) < len(everyone)
    assert {c.internship_id for c in mine} < {c.internship_id for c in everyone}
    page = window.page("internships")
    assert isinstance(page, InternshipsPage)
    page.setCurrentWidget(page.quality)
    view = page.quality
    view.year.setValue(year)
    assert view.region.code() == region
    assert view.table.model().rowCount() == len(mine)
    assert window.document_request() == ("internship-quality", {"year": year, "region": region})
    view.region.setCurrentIndex(0)
    assert view.table.model().rowCount() == len(everyone)
