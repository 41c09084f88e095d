"""The internships page in real widgets: moving a bar into a conflict names the rule (I-1)."""

from __future__ import annotations

import re
import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.internships.dto import InternshipInput
from app.internships.hosts import add_offer
from app.internships.service import save_internship
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court, Internship
from i18n.rule_ids import RULE
from ui.context import UiContext
from ui.internships.internships_page import InternshipsPage
from ui.internships.timeline_widget import DAY_WIDTH
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher

from ..typing import type_text

YEAR = 2027


def _data(store: Store, actor: Actor) -> tuple[uuid.UUID, uuid.UUID]:
    """Two judges interning at the Akmola regional court, which has one place a day."""
    with store.write() as s:
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        assert regional is not None
        district = add_district_court(
            s,
            actor,
            DistrictCourtInput(regional, "Көкшетау қалалық соты", "Кокшетауский городской суд"),
        ).id
        add_offer(
            s, actor, regional, starts_on=date(YEAR, 1, 10), ends_on=date(YEAR, 12, 20), capacity=1
        )
        ids = []
        for n, (surname, first, start) in enumerate(
            (("Әлиева", "Гүлжан", date(YEAR, 3, 1)), ("Петров", "Игорь", date(YEAR, 5, 3)))
        ):
            judge = create_person(
                s,
                actor,
                PersonInput(
                    make_iin(date(1980, 1, 2 + n), 40 + n),
                    surname,
                    first,
                    court_id=district,
                    first_appointed_on=date(2012, 1, 1),
                ),
            ).id
            ids.append(
                save_internship(
                    s,
                    actor,
                    InternshipInput(judge, regional, start, start.replace(day=start.day + 13)),
                ).internship.id
            )
    return ids[0], ids[1]


def _drag(qtbot: QtBot, widget: object, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)  # type: ignore[arg-type]
    qtbot.mouseMove(widget, end)  # type: ignore[arg-type]
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)  # type: ignore[arg-type]


def test_moving_into_a_conflict_shows_the_rule_and_can_be_put_back(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    actor: Actor,
    tmp_path: Path,
    switcher: LanguageSwitcher,
) -> None:
    """I-1: dragging Petrov's bar onto Әлиева's dates overfills the host's one place; the
    banner says why in words and names rule I-1 in its tooltip (issue 11); nothing is saved
    until the user decides."""
    first, second = _data(store, actor)
    page = window.page("internships")
    assert isinstance(page, InternshipsPage)
    page.setCurrentWidget(page.calendar)
    view = page.calendar
    view.year.setValue(YEAR)
    timeline = view.timeline
    bars = {i.id: timeline.bar_rect(i) for i in timeline.items}
    assert set(bars) == {first, second}
    source = bars[second].center()
    days = (date(YEAR, 3, 3) - date(YEAR, 5, 3)).days
    _drag(qtbot, timeline, source, source + QPoint(days * DAY_WIDTH, 0))
    assert view.banner.isVisible()
    text = view.warning.text()
    assert "бос орын жоқ" in text and not re.search(RULE, text), text
    assert "I-1" in view.warning.toolTip()
    assert timeline.flagged == {second}
    window.grab().save(str(tmp_path / "internships-conflict-kk.png"))
    switcher.switch("ru")
    qtbot.waitUntil(lambda: "нет свободного места" in view.warning.text(), timeout=2000)
    assert not re.search(RULE, view.warning.text()) and "I-1" in view.warning.toolTip()
    assert timeline.flagged == {second}
    moved = next(i for i in timeline.items if i.id == second)
    assert moved.starts_on == date(YEAR, 3, 3)
    window.grab().save(str(tmp_path / "internships-conflict-ru.png"))
    switcher.switch("kk")
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert not view.banner.isVisible()
    with store.read() as s:
        assert s.get(Internship, second).starts_on == date(YEAR, 5, 3)  # type: ignore[union-attr]

    # A move into free dates is saved at once, without a warning.
    source = timeline.bar_rect(next(i for i in timeline.items if i.id == second)).center()
    _drag(qtbot, timeline, source, source + QPoint(14 * DAY_WIDTH, 0))
    assert not view.banner.isVisible()
    with store.read() as s:
        assert s.get(Internship, second).starts_on == date(YEAR, 5, 17)  # type: ignore[union-attr]


def test_conflict_kept_on_purpose_is_saved(
    qtbot: QtBot, window: MainWindow, store: Store, actor: Actor
) -> None:
    first, second = _data(store, actor)
    page = window.page("internships")
    assert isinstance(page, InternshipsPage)
    page.setCurrentWidget(page.calendar)
    view = page.calendar
    view.year.setValue(YEAR)
    item = next(i for i in view.timeline.items if i.id == second)
    from ui.internships.timeline_view import shift

    view.try_move(item, shift(item, -7))  # a week earlier: still free, saved at once
    assert not view.banner.isVisible()
    item = next(i for i in view.timeline.items if i.id == second)
    target = InternshipInput(
        item.person_id, item.host_court_id, date(YEAR, 3, 5), date(YEAR, 3, 10)
    )
    view.try_move(item, target)
    assert view.banner.isVisible()
    # too short and no free place: two sentences under the heading, both rule I-1 (tooltip)
    assert view.warning.text().count("\n") == 2 and not re.search(RULE, view.warning.text())
    assert view.warning.toolTip().count("I-1") == 1
    qtbot.mouseClick(view.keep_button, Qt.MouseButton.LeftButton)
    with store.read() as s:
        row = s.get(Internship, second)
        assert row is not None and row.starts_on == date(YEAR, 3, 5)
    assert first


def test_due_list_and_plan(
    qtbot: QtBot, qtmodeltester: object, window: MainWindow, store: Store, actor: Actor
) -> None:
    """The due list shows the judges without an internship; the plan places them."""
    from app.demo import internships as demo

    with store.write() as s:
        demo.generate(s, actor, year=YEAR, judges_per_region=12, regions=1)
    page = window.page("internships")
    assert isinstance(page, InternshipsPage)
    due = page.due
    due.year.setValue(YEAR)
    assert due.table.model().rowCount() == len(due.rows) > 5
    qtmodeltester.check(due.table.model())  # type: ignore[attr-defined]
    due.unscheduled.setChecked(True)
    before = due.table.model().rowCount()
    result = due.apply(YEAR, "")
    assert result is not None and len(result.placements) == before - len(result.unplaced)
    assert due.table.model().rowCount() == len(result.unplaced)


def test_internship_dialog_sets_tutor_status_report_and_opens_the_tutor_sheet(
    qtbot: QtBot,
    store: Store,
    actor: Actor,
    ui_ctx: UiContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """I-2: the host tutor, the intern's report and the tutor's evaluation sheet."""
    from app.internships.queries import result_sheet_of, schedule
    from ui.internships import internship_dialog
    from ui.internships.internship_dialog import InternshipDialog

    _first, second = _data(store, actor)
    with store.write() as s:
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        tutor = create_person(
            s,
            actor,
            PersonInput(
                make_iin(date(1966, 6, 6), 60),
                "Сейітқалиев",
                "Бекзат",
                court_id=regional,
                first_appointed_on=date(2000, 1, 1),
            ),
        ).id
        item = next(i for i in schedule(s, YEAR) if i.id == second)
    dialog = InternshipDialog(ui_ctx, item)
    qtbot.addWidget(dialog)
    dialog.tutor.setCurrentIndex(dialog.tutor.findData(str(tutor)))
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    type_text(dialog.report, "Апелляциялық алқаның отырыстарына қатыстым.")
    dialog.save()
    with store.read() as s:
        row = s.get(Internship, second)
        assert row is not None and row.tutor_id == tutor and row.status == "done"
        assert row.intern_report == "Апелляциялық алқаның отырыстарына қатыстым."
    opened: list[uuid.UUID] = []

    class FakeSheet:
        def __init__(self, _ctx: object, sheet_id: uuid.UUID, _parent: object) -> None:
            opened.append(sheet_id)

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(internship_dialog, "SheetDialog", FakeSheet)
    dialog.open_sheet()
    dialog.open_sheet()
    with store.read() as s:
        assert opened == [result_sheet_of(s, second)] * 2
