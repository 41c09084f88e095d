"""The start page on the agenda demo: each item listed, and one click opens the page that
resolves it, filtered, in kk and ru (issue 12)."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QSpinBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.__main__ import main
from app.agenda.text import state_text, title_of
from app.core.bootstrap import open_store
from app.core.context import local_actor
from app.core.store import Store
from i18n import _
from tests.agenda_demo import agenda_copy
from ui.context import UiContext
from ui.dashboard.dashboard_view import DashboardView
from ui.main_window import MainWindow
from ui.pages import PAGES, PageSpec
from ui.qt_i18n import LanguageSwitcher

NOV_30, FEB_10 = date(2026, 11, 30), date(2027, 2, 10)
SCREEN = QSize(1366, 728)  # 1366×768 less a 40 px taskbar


@pytest.fixture
def demo_path(template_db: Path, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    return agenda_copy(template_db, tmp_path_factory, tmp_path / "a.db")


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Store]:
    store = open_store(demo_path, backup=False)
    yield store
    store.dispose()


def _ctx(store: Store, tmp_path: Path) -> UiContext:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(store=store, actor=local_actor(), settings=settings)


def _window(qtbot: QtBot, ctx: UiContext, switcher: LanguageSwitcher, on: date) -> MainWindow:
    pages = [
        PageSpec(p.key, p.title, lambda c: DashboardView(c, on=on)) if p.key == "dashboard" else p
        for p in PAGES
    ]
    win = MainWindow(ctx, switcher.switch, pages)
    qtbot.addWidget(win)
    win.show()
    return win


def _start_page(qtbot: QtBot, win: MainWindow) -> DashboardView:
    view = win.page("dashboard")
    assert isinstance(view, DashboardView)
    qtbot.waitUntil(lambda: view.page is not None, timeout=20000)
    QApplication.processEvents()  # a resize re-wraps the rows: let it happen before reading
    return view


# key, day, page, tab (the page's attribute), filters the view must show
TARGETS = [
    ("cpd_reports", FEB_10, "cpd", "compliance", {"year": 2026}),
    ("cpd_summary", FEB_10, "cpd", "compliance", {"year": 2026}),
    ("cpd_lines", NOV_30, "cpd", "ledger", {"year": 2026}),
    ("academy_overdue", NOV_30, "cpd", "compliance", {"year": 2026, "status": "not_compliant"}),
    ("academy_due", FEB_10, "cpd", "compliance", {"year": 2027, "status": "at_risk"}),
    ("training_plan", NOV_30, "cpd", "plan", {"year": 2027}),
    ("regional_events", NOV_30, "cpd", "training", {"year": 2026}),
    ("pairs_ending", NOV_30, "mentoring", "pairs", {}),
    ("pairs_past_term", NOV_30, "mentoring", "pairs", {}),
    ("protocols_unsigned", NOV_30, "mentoring", "pairs", {}),
    ("programmes_unapproved", NOV_30, "mentoring", "pairs", {}),
    ("internships_due", NOV_30, "internships", "due", {"year": 2026, "unscheduled": True}),
    ("host_places", NOV_30, "internships", "places", {"year": 2026}),
    ("sheets_unsigned", NOV_30, "evaluation", "rounds", {}),
    ("backup", NOV_30, "settings", "", {}),
]


def _value(control: QWidget) -> object:
    if isinstance(control, QSpinBox):
        return control.value()
    if isinstance(control, QCheckBox):
        return control.isChecked()
    assert isinstance(control, QComboBox)
    return control.currentData()


@pytest.mark.parametrize(
    ("key", "on", "page", "tab", "filters"), TARGETS, ids=[t[0] for t in TARGETS]
)
def test_each_item_is_listed_and_opens_its_page_filtered_in_kk_and_ru(
    qtbot: QtBot,
    demo: Store,
    switcher: LanguageSwitcher,
    tmp_path: Path,
    key: str,
    on: date,
    page: str,
    tab: str,
    filters: dict[str, object],
) -> None:
    win = _window(qtbot, _ctx(demo, tmp_path), switcher, on)
    texts = set()
    for lang in ("kk", "ru"):
        switcher.switch(lang)
        QApplication.processEvents()  # LanguageChange is posted, not sent
        view = _start_page(qtbot, win)
        row = view.row_of(key)
        assert row is not None, f"{key} not listed on {on}"
        item = row.data(0, Qt.ItemDataRole.UserRole)
        assert row.text(0) == state_text(item)
        assert " ".join(row.text(2).split()).startswith(" ".join(title_of(item).split()))
        texts.add(row.text(2))
        view.due.scrollToItem(row, QAbstractItemView.ScrollHint.PositionAtTop)
        first_line = view.due.visualItemRect(row).topLeft() + QPoint(20, 6)
        qtbot.mouseClick(view.due.viewport(), Qt.MouseButton.LeftButton, pos=first_line)
        assert win.pages[win.nav.currentRow()].key == page
        shown = win.stack.currentWidget()
        target = getattr(shown, tab) if tab else shown
        if isinstance(shown, QTabWidget):
            assert shown.currentWidget() is target
        for name, value in filters.items():
            assert _value(getattr(target, name)) == value, name
        win.page("dashboard")
    assert len(texts) == 2  # the Kazakh and the Russian texts differ


def test_agenda_command_gives_the_start_pages_items(
    qtbot: QtBot, demo: Store, demo_path: Path, switcher: LanguageSwitcher, tmp_path: Path
) -> None:
    view = _start_page(qtbot, _window(qtbot, _ctx(demo, tmp_path), switcher, FEB_10))
    out = tmp_path / "agenda.csv"
    argv = ["--db", str(demo_path), "agenda", "--on", "2027-02-10", "--format", "csv"]
    assert main([*argv, "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert [(r["key"], int(r["count"])) for r in rows] == [(i.key, i.count) for i in view.items()]
    # 10 February: the reports due 15 February, with who has not submitted (C-5)
    reports = next(r for r in rows if r["key"] == "cpd_reports")
    names = next(i.names for i in view.items() if i.key == "cpd_reports")
    assert reports[_("Due")] == _("due {date}").format(date="15.02.2027")
    assert reports[_("Who")].split(", ") == list(names)


def test_overdue_items_show_once_a_day_in_a_banner_that_can_be_dismissed(
    qtbot: QtBot, demo: Store, switcher: LanguageSwitcher, tmp_path: Path
) -> None:
    ctx = _ctx(demo, tmp_path)
    first = _start_page(qtbot, _window(qtbot, ctx, switcher, NOV_30))
    assert first.banner.isVisible()
    qtbot.mouseClick(first.banner.dismiss, Qt.MouseButton.LeftButton)
    assert not first.banner.isVisible()
    again = _start_page(qtbot, _window(qtbot, ctx, switcher, NOV_30))
    assert not again.banner.isVisible()
    next_day = _start_page(qtbot, _window(qtbot, ctx, switcher, date(2026, 12, 1)))
    assert next_day.banner.isVisible()


def test_an_empty_store_shows_first_steps_instead_of_zeros(
    qtbot: QtBot, ui_ctx: UiContext, switcher: LanguageSwitcher
) -> None:
    view = _start_page(qtbot, _window(qtbot, ui_ctx, switcher, NOV_30))
    assert view.steps_box.isVisible()
    assert not view.body.isVisible() and not view.tiles[0].isVisible()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_start_page_fits_1366_by_768(
    qtbot: QtBot, demo: Store, switcher: LanguageSwitcher, tmp_path: Path, lang: str
) -> None:
    win = _window(qtbot, _ctx(demo, tmp_path), switcher, NOV_30)
    switcher.switch(lang)
    QApplication.processEvents()
    view = _start_page(qtbot, win)
    win.resize(SCREEN)
    QApplication.processEvents()
    need = win.minimumSizeHint().expandedTo(win.minimumSize())
    assert need.width() <= SCREEN.width() and need.height() <= SCREEN.height()
    assert view.banner.isVisible() and view.charts.courts.height() > 100
    folder = Path(os.environ.get("TALIMGER_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(folder / f"{lang}-start-page.png"))


def test_first_steps_are_readable(
    qtbot: QtBot, ui_ctx: UiContext, switcher: LanguageSwitcher
) -> None:
    view = _start_page(qtbot, _window(qtbot, ui_ctx, switcher, NOV_30))
    assert view.first_steps.isVisible() and view.first_steps.text()


def test_the_window_stays_usable_while_the_start_page_computes(
    qtbot: QtBot, demo: Store, switcher: LanguageSwitcher, tmp_path: Path
) -> None:
    """Issue 12: computed off the GUI thread with a quiet "loading" state, no modal dialog."""
    win = _window(qtbot, _ctx(demo, tmp_path), switcher, NOV_30)
    view = _start_page(qtbot, win)
    win.page("people")  # built now, so switching back to it later runs no work of its own
    win.page("dashboard")
    qtbot.waitUntil(lambda: not view.busy, timeout=20000)
    view.refresh()
    assert view.busy and not view.loading.isHidden()
    assert QApplication.activeModalWidget() is None
    people = next(i for i, spec in enumerate(win.pages) if spec.key == "people")
    rect = win.nav.visualItemRect(win.nav.item(people))
    qtbot.mouseClick(win.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.stack.currentIndex() == people and view.busy  # handled while computing
    qtbot.waitUntil(lambda: not view.busy, timeout=20000)
    assert view.loading.isHidden() and view.page is not None and view.items()
