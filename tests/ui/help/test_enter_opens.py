"""Issue 12: in every list where a double click opens a row, Enter on the selected row does too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMetaMethod, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QListWidget,
    QTableWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import Court
from tests.ui.help.walk import every_tab
from ui.context import UiContext
from ui.evaluation.sheet_dialog import SheetDialog
from ui.kit.enter_opens import OPENS_ON_ENTER
from ui.kit.print_preview_dialog import PrintPreviewDialog
from ui.main_window import MainWindow

ITEM_WIDGETS = (QListWidget, QTreeWidget, QTableWidget)


def _connected(view: QAbstractItemView, kind: str) -> bool:
    """Whether our code listens to the view's double clicks ("DoubleClicked") or "Activated".

    A QListWidget, QTreeWidget or QTableWidget connects its own doubleClicked and activated
    to re-emit them per item, so for those only the item and cell signals say what we did.
    """
    if isinstance(view, ITEM_WIDGETS):
        names = {f"item{kind}", f"cell{kind}"}
    else:
        names = {kind[0].lower() + kind[1:]}
    meta = view.metaObject()
    for i in range(meta.methodCount()):
        method = meta.method(i)
        if (
            method.methodType() == QMetaMethod.MethodType.Signal
            and bytes(method.name().data()).decode() in names
            and view.isSignalConnected(method)
        ):
            return True
    return False


@pytest.fixture
def demo_window(ui_ctx: UiContext, window: MainWindow) -> MainWindow:
    from app.demo.everything import generate_everything

    with ui_ctx.store.write() as s:
        generate_everything(s, ui_ctx.actor)
    for spec in window.pages:
        every_tab(window.page(spec.key))
    return window


def _views(window: MainWindow) -> list[QAbstractItemView]:
    # Not the navigation list (a page switch is not an opening), not the headers of tables
    # (Qt connects their section double clicks itself), not a combo box's popup list.
    return [
        v
        for v in window.findChildren(QAbstractItemView)
        if v is not window.nav
        and not isinstance(v, QHeaderView)
        and not isinstance(v.window(), QComboBox)
        and not _inside_combo(v)
    ]


def _inside_combo(view: QWidget) -> bool:
    parent = view.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.slow
def test_every_list_that_opens_on_double_click_opens_on_enter(demo_window: MainWindow) -> None:
    views = _views(demo_window)
    opening = [v for v in views if _connected(v, "DoubleClicked")]
    # The people register, an evaluation round's sheets, the reports list at least.
    assert len(opening) >= 3
    # Qt itself emits activated on Enter, so a list that opens on activation needs nothing more.
    missing = [
        f"{type(v.parent()).__name__}.{type(v).__name__}"
        for v in opening
        if v.property(OPENS_ON_ENTER) is not True and not _connected(v, "Activated")
    ]
    assert missing == [], missing
    # The mark is only on views that do open on a double click (Enter mirrors, never adds).
    assert [v for v in views if v.property(OPENS_ON_ENTER)] == opening


def _press_enter_expecting(
    qtbot: QtBot, window: MainWindow, view: QAbstractItemView, kind: type[QWidget]
) -> list[QWidget]:
    seen: list[QWidget] = []

    def close_it() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not found:
            QTimer.singleShot(20, close_it)
            return
        seen.append(found[0])
        found[0].close()

    QTimer.singleShot(20, close_it)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_on_a_round_s_sheet_opens_the_sheet(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow, key: Qt.Key
) -> None:
    from app.demo import internships as demo

    with ui_ctx.store.write() as s:
        demo.generate(s, ui_ctx.actor, year=2027, judges_per_region=5, regions=1)
        # The demo's judges are in the first region by code; the list shows regions by name.
        region = s.scalars(
            select(Court.id).where(Court.level == "regional").order_by(Court.code)
        ).first()
    rounds = window.page("evaluation").rounds  # type: ignore[attr-defined]
    window.page("evaluation").setCurrentWidget(rounds)  # type: ignore[attr-defined]
    rounds.region.setCurrentIndex(rounds.region.findData(str(region)))
    rounds.template.setCurrentIndex(rounds.template.findData("judge_activity"))
    rounds.period.setText("2027")
    qtbot.mouseClick(rounds.create_button, Qt.MouseButton.LeftButton)
    rounds.rounds.setCurrentRow(0)
    assert rounds.sheet_rows.rowCount() > 1
    rounds.table.selectRow(1)
    second = rounds.sheet_at(1)
    assert second is not None
    wanted = second.id
    opened: list[object] = []  # the ids of the sheets the dialogs showed

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SheetDialog):
            QTimer.singleShot(20, close_it)
            return
        opened.append(dialog.sheet_id)
        dialog.reject()

    QTimer.singleShot(20, close_it)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    rounds.table.setFocus()
    qtbot.keyClick(rounds.table, key)
    assert opened == [wanted]


def test_enter_on_a_report_opens_its_preview(qtbot: QtBot, window: MainWindow) -> None:
    reports = window.page("reports")
    view = reports.list  # type: ignore[attr-defined]
    view.setCurrentRow(0)
    assert len(_press_enter_expecting(qtbot, window, view, PrintPreviewDialog)) == 1


def _show(window: MainWindow, key: str) -> QWidget:
    window.nav.setCurrentRow([spec.key for spec in window.pages].index(key))
    assert window.stack.currentWidget() is window.page(key)
    return window.page(key)


def _double_click(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    point = view.visualRect(index).center()
    # Qt opens on a double click only where the press before it landed, as a real mouse does.
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


@pytest.mark.parametrize("how", ["enter", "double click"])
def test_a_compliance_row_opens_that_person_s_ledger(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow, how: str
) -> None:
    from app.demo.generator import generate

    with ui_ctx.store.write() as s:
        generate(s, ui_ctx.actor)
    page = _show(window, "cpd")
    compliance, ledger = page.compliance, page.ledger  # type: ignore[attr-defined]
    page.setCurrentWidget(compliance)  # type: ignore[attr-defined]
    compliance.refresh()
    assert compliance.model.rowCount() > 3
    compliance.table.selectRow(3)
    row = compliance.model.row_at(3)
    if how == "enter":
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        compliance.table.setFocus()
        qtbot.keyClick(compliance.table, Qt.Key.Key_Enter)
    else:
        _double_click(qtbot, compliance.table, compliance.model.index(3, 0))
    assert page.currentWidget() is ledger  # type: ignore[attr-defined]
    assert row is not None and ledger.current_person() == row.person_id
    assert ledger.year.value() == row.year


@pytest.mark.parametrize("how", ["enter", "double click"])
def test_a_district_court_opens_its_edit_dialog(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow, how: str
) -> None:
    from app.demo.generator import generate
    from ui.courts.court_dialog import CourtDialog
    from ui.courts.courts_view import COURT_ROLE

    with ui_ctx.store.write() as s:
        generate(s, ui_ctx.actor)

    page = _show(window, "people")
    courts = page.courts  # type: ignore[attr-defined]
    page.setCurrentWidget(courts)  # type: ignore[attr-defined]
    tree = courts.tree
    tree.expandAll()
    items = tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
    district = next(i for i in items if i.data(0, COURT_ROLE).level == "district")
    region = district.parent()
    tree.setCurrentItem(district)
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CourtDialog):
            QTimer.singleShot(20, close_it)
            return
        seen.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(20, close_it)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    if how == "enter":
        tree.setFocus()
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    else:
        _double_click(qtbot, tree, tree.indexFromItem(district))
    assert seen == ["CourtDialog"]
    # On a regional court Enter folds and unfolds, as a double click does.
    tree.setCurrentItem(region)
    window.activateWindow()  # back from the dialog
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert not region.isExpanded()


def _enter(
    qtbot: QtBot, window: MainWindow, view: QWidget, key: Qt.Key = Qt.Key.Key_Return
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    view.setFocus()
    qtbot.keyClick(view, key)


@pytest.mark.parametrize("how", ["enter", "double click"])
def test_a_pair_opens_its_panel_beside_the_list(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow, how: str
) -> None:
    from app.demo.generator import generate
    from app.demo.mentoring import generate_mentoring

    with ui_ctx.store.write() as s:
        generate(s, ui_ctx.actor)
        generate_mentoring(s, ui_ctx.actor)
    page = _show(window, "mentoring")
    view = page.pairs  # type: ignore[attr-defined]
    region = next(
        view.region.itemData(i)
        for i in range(view.region.count())
        if (view.region.setCurrentIndex(i) or True) and view.pair_rows.rowCount() > 2
    )
    assert view.region.currentData() == region
    view.pairs.selectRow(0)
    wanted = view.pair_rows.row_at(2)
    view.pairs.setCurrentIndex(view.pair_rows.index(2, 0))
    if how == "enter":
        _enter(qtbot, window, view.pairs)
    else:
        _double_click(qtbot, view.pairs, view.pair_rows.index(2, 0))
    assert view.panel.pair is not None and view.panel.pair.id == wanted.id
    focused = QApplication.focusWidget()
    assert focused is view.panel or view.panel.isAncestorOf(focused)


def test_enter_on_a_participant_opens_their_feedback(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow
) -> None:
    from datetime import date

    from PySide6.QtWidgets import QInputDialog

    from app.demo.generator import generate
    from app.demo.training import generate_training

    year = date.today().year
    with ui_ctx.store.write() as s:
        generate(s, ui_ctx.actor)
        generate_training(s, ui_ctx.actor, year)
    page = _show(window, "cpd")
    training = page.training  # type: ignore[attr-defined]
    page.setCurrentWidget(training)  # type: ignore[attr-defined]
    training.year.setValue(year)
    training.refresh_sessions()
    i = next(
        i
        for i in range(training.sessions.count())
        if training.sessions.setCurrentIndex(i) or training.model.rowCount() > 1
    )
    assert training.sessions.currentIndex() == i
    training.table.setCurrentIndex(training.model.index(1, 1))
    assert len(_press_enter_expecting(qtbot, window, training.table, QInputDialog)) == 1
    assert training.table.selectionModel().selectedRows()[0].row() == 1


def test_the_calendar_s_bars_are_chosen_with_arrows_and_opened_with_enter(
    qtbot: QtBot, ui_ctx: UiContext, window: MainWindow
) -> None:
    from ui.internships.internship_dialog import InternshipDialog

    _three_internships(ui_ctx)
    page = _show(window, "internships")
    calendar = page.calendar  # type: ignore[attr-defined]
    page.setCurrentWidget(calendar)  # type: ignore[attr-defined]
    calendar.year.setValue(2027)
    calendar.region.setCurrentIndex(0)
    calendar.group.setCurrentIndex(calendar.group.findData("judge"))
    timeline = calendar.timeline
    assert len(timeline.rows) > 2
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)  # the first bar of the first row
    first = timeline.current
    assert first is not None and first.person_id == timeline.rows[0].key
    qtbot.keyClick(timeline, Qt.Key.Key_Down)  # the next judge's bar
    second = timeline.current
    assert second is not None and second.person_id == timeline.rows[1].key
    assert second.person_name in calendar.status.text()
    qtbot.keyClick(timeline, Qt.Key.Key_Up)
    assert timeline.current is first
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    opened: list[object] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, InternshipDialog):
            QTimer.singleShot(20, close_it)
            return
        opened.append(dialog._item.id)
        dialog.reject()

    QTimer.singleShot(20, close_it)
    qtbot.keyClick(timeline, Qt.Key.Key_Enter)
    assert opened == [second.id]


def _three_internships(ui_ctx: UiContext) -> None:
    """Three judges interning at the Akmola regional court in 2027, on different dates."""
    from datetime import date

    from sqlalchemy import select

    from app.courts.dto import DistrictCourtInput
    from app.courts.service import add_district_court
    from app.internships.dto import InternshipInput
    from app.internships.hosts import add_offer
    from app.internships.service import save_internship
    from app.people.dto import PersonInput
    from app.people.iin import make_iin
    from app.people.service import create_person
    from db.models import Court

    with ui_ctx.store.write() as s:
        actor = ui_ctx.actor
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        assert regional is not None
        district = add_district_court(
            s, actor, DistrictCourtInput(regional, "Көкшетау қалалық соты", "Кокшетауский суд")
        ).id
        add_offer(
            s, actor, regional, starts_on=date(2027, 1, 10), ends_on=date(2027, 12, 20), capacity=3
        )
        for n, (surname, month) in enumerate((("Ахметов", 3), ("Бекова", 6), ("Серікова", 9))):
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
            start = date(2027, month, 1)
            save_internship(
                s, actor, InternshipInput(judge, regional, start, start.replace(day=14))
            )
