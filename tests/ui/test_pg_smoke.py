"""The window on PostgreSQL: every page and tab opens with no error; a hung server is told
within seconds while the window keeps painting (issue 16). Skipped without a test server.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.core.bootstrap import open_store
from app.core.context import Actor
from app.core.store import SERVER_LOST, Store
from app.demo.everything import generate_everything
from db.engine import make_engine, make_session_factory
from i18n import _
from tests.faults.silent_server import silent_server, silent_url
from tests.pg_plugin import pg_admin_url
from tests.ui.help.walk import every_tab
from ui.context import UiContext
from ui.kit.server_wait import answers_pending
from ui.main_window import MainWindow
from ui.qt_i18n import LanguageSwitcher

Uncaught = list[tuple[type[BaseException], BaseException]]


@pytest.fixture
def uncaught(monkeypatch: pytest.MonkeyPatch) -> Uncaught:
    """What reached the application's last safety net (Op forwards bugs to sys.excepthook)."""
    seen: Uncaught = []

    def hook(kind: type[BaseException], exc: BaseException, _tb: TracebackType | None) -> None:
        seen.append((kind, exc))

    monkeypatch.setattr(sys, "excepthook", hook)
    return seen


@pytest.fixture
def pg_store(pg_url: str, actor: Actor, qtbot: QtBot) -> Iterator[Store]:
    """A PostgreSQL store holding the region demo (every feature's rows)."""
    store = open_store(pg_url, backup=False)
    with store.write() as s:
        generate_everything(s, actor, scale="region", seed=7)
    yield store
    # A read the closing window started (its start page shown again) must answer before the
    # store closes: its connection, handed back to a disposed pool, stayed open
    qtbot.waitUntil(lambda: answers_pending() == 0, timeout=30_000)
    store.dispose()


def _window(qtbot: QtBot, store: Store, actor: Actor, tmp_path: Path, switch: object) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(UiContext(store=store, actor=actor, settings=settings), switch)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    return window


def _refusals(window: MainWindow) -> list[QMessageBox]:
    return [
        w for w in window.findChildren(QMessageBox) if w.objectName() == "refusal" and w.isVisible()
    ]


@pytest.mark.skipif(pg_admin_url() is None, reason="TALIMGER_TEST_PG_URL is not set")
def test_every_page_and_tab_opens_on_postgresql(
    qtbot: QtBot,
    pg_store: Store,
    actor: Actor,
    tmp_path: Path,
    switcher: LanguageSwitcher,
    uncaught: Uncaught,
) -> None:
    window = _window(qtbot, pg_store, actor, tmp_path, switcher.switch)
    for spec in window.pages:
        page = window.page(spec.key)
        every_tab(page)
        qtbot.wait(10)
    dashboard = window.page(window.pages[0].key)
    qtbot.waitUntil(lambda: not getattr(dashboard, "busy", False), timeout=30_000)
    assert uncaught == []
    assert _refusals(window) == []
    window.close()


def test_a_hung_server_is_told_within_10_s_and_the_window_keeps_painting(
    qtbot: QtBot, actor: Actor, tmp_path: Path, switcher: LanguageSwitcher, uncaught: Uncaught
) -> None:
    with silent_server() as port:
        engine = make_engine(silent_url(port))
        store = Store(silent_url(port), engine, make_session_factory(engine), None, None)
        started = time.monotonic()
        window = _window(qtbot, store, actor, tmp_path, switcher.switch)
        # The start page's read is now waiting on the server, in a worker thread.
        ticks: list[float] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start(50)
        qtbot.waitUntil(lambda: bool(_refusals(window)), timeout=10_000)
        told = time.monotonic() - started
        timer.stop()
        box = _refusals(window)[0]
        assert box.text() == _(SERVER_LOST)
        assert "timeout" in box.detailedText().lower()  # the driver's text, one click away
        assert uncaught == []
        window.close()
        store.dispose()
    assert told < 10
    # The start page reads off the GUI thread: the timer kept ticking while the driver waited.
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert ticks and max(gaps) < 1.0, max(gaps)


def test_trying_a_hung_server_in_the_database_dialog_keeps_it_painting(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from ui.database_dialog import DatabaseDialog

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = DatabaseDialog(settings)
    qtbot.addWidget(dialog)
    with silent_server() as port:
        dialog.server.setChecked(True)
        dialog.host.setText("127.0.0.1")
        dialog.port.setValue(port)
        ticks: list[float] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start(50)
        started = time.monotonic()
        assert dialog._on_test_clicked() is False
        took = time.monotonic() - started
        timer.stop()
    assert took < 10
    assert dialog.outcome.text().startswith(_("The server cannot be reached: {reason}")[:10])
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 10 and max(gaps) < 1.0, (len(ticks), max(gaps, default=0))
