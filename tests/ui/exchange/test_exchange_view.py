"""The exchange screen driven like a user: name, pair, export, import, the result, conflicts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.core.bootstrap import open_store
from app.core.context import CENTRE_OFFICER, COORDINATOR, Actor
from app.core.paths import data_dir
from app.core.store import Store
from app.people.service import get_person, update_person
from tests.app.security.helpers import add_judge
from tests.ui.typing import type_text
from ui.context import UiContext
from ui.data.page import SecurityPage
from ui.exchange.exchange_view import ExchangeView
from ui.exchange.pair_dialog import PairDialog
from ui.qt_i18n import LanguageSwitcher

PASSPHRASE = "correct horse battery"


def _ctx(store: Store, actor: Actor, tmp_path: Path, name: str) -> UiContext:
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    return UiContext(store=store, actor=actor, settings=settings)


def _name(qtbot: QtBot, view: ExchangeView, name: str) -> None:
    view.name.clear()
    type_text(view.name, name)
    qtbot.mouseClick(view.name_button, Qt.MouseButton.LeftButton)


def _pair(qtbot: QtBot, view: ExchangeView, other: ExchangeView, other_name: str) -> str:
    dialog = PairDialog(view._ctx, view)
    qtbot.addWidget(dialog)
    type_text(dialog.name, other_name)
    qtbot.keyClicks(dialog.key, other.key.text())
    dialog.buttons.accepted.emit()
    assert dialog.saved is not None
    view.reload()
    return dialog.saved


@pytest.fixture
def two_pcs(
    qtbot: QtBot, store: Store, actor: Actor, tmp_path: Path, db_path: Path
) -> Iterator[tuple[UiContext, UiContext, object]]:
    """The centre (the test's store) with one judge, and a district PC copied from its file
    (SQLite only: on PostgreSQL the store fixture skips a test that asks for db_path).
    """
    with store.write() as s:
        judge = add_judge(s, actor, 7).id
    assert store.path is not None
    store.dispose()
    shutil.copyfile(store.path, tmp_path / "district.db")
    district = open_store(tmp_path / "district.db", backup=False)
    yield _ctx(store, actor, tmp_path, "centre"), _ctx(district, actor, tmp_path, "district"), judge
    district.dispose()


def test_export_then_import_between_two_stores_through_the_screen(
    qtbot: QtBot,
    two_pcs: tuple[UiContext, UiContext, object],
    tmp_path: Path,
    switcher: LanguageSwitcher,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    centre_ctx, district_ctx, judge = two_pcs
    centre = SecurityPage(centre_ctx)
    district = ExchangeView(district_ctx)
    for w in (centre, district):
        qtbot.addWidget(w)
    here = centre.exchange
    _name(qtbot, here, "Орталық")
    _name(qtbot, district, "Абай аудандық соты")
    assert district.fingerprint.text().replace(" ", "").isdigit()
    # Each PC enters the other's key; both sides then read the same fingerprint.
    assert _pair(qtbot, here, district, "Абай аудандық соты") == district.fingerprint.text()
    assert _pair(qtbot, district, here, "Орталық") == here.fingerprint.text()
    assert here.peers.rowCount() == 1
    assert here.peers.item(0, 1).text() == district.fingerprint.text()

    # Both change the judge: the centre's import finds one conflict.
    for ctx, text in ((centre_ctx, "centre edit"), (district_ctx, "district edit")):
        with ctx.store.read() as s:
            seen = get_person(s, judge)  # type: ignore[arg-type]
        with ctx.store.write() as s:
            update_person(s, ctx.actor, judge, replace(seen.data, position=text), seen.version)  # type: ignore[arg-type]

    package = tmp_path / "out" / "to-centre.tlx"
    package.parent.mkdir()
    asked: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(package), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    panel = district.packages
    assert panel.peer.currentText() == "Орталық"
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert asked == [], "no passphrase: nothing is asked, the panel says why"
    assert panel.result.text()
    qtbot.keyClicks(panel.export_passphrase, PASSPHRASE)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert package.exists() and package.stat().st_mode & 0o077 == 0
    # The save dialog does not open in the data folder (nor beside the store).
    assert asked and not asked[0].startswith(str(data_dir()))
    assert not asked[0].startswith(str(tmp_path / "district.db").rsplit("/", 1)[0] + "/")
    assert "Орталық" in panel.result.text() and str(package) in panel.result.text()
    assert panel.export_passphrase.text() == ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(package), ""))
    incoming = here.packages
    qtbot.keyClicks(incoming.import_passphrase, "wrong passphrase")
    qtbot.mouseClick(incoming.import_button, Qt.MouseButton.LeftButton)
    refused = incoming.result.text()
    assert refused and "Traceback" not in refused
    assert not incoming.conflicts_button.isVisibleTo(incoming)
    incoming.import_passphrase.clear()
    qtbot.keyClicks(incoming.import_passphrase, PASSPHRASE)
    qtbot.mouseClick(incoming.import_button, Qt.MouseButton.LeftButton)
    assert "Абай аудандық соты" in incoming.result.text()
    assert incoming.conflicts_button.isVisibleTo(incoming)
    assert here.peers.item(0, 4).text() != "—"  # last received
    qtbot.mouseClick(incoming.conflicts_button, Qt.MouseButton.LeftButton)
    assert centre.currentWidget() is centre.conflicts
    assert centre.conflicts.list.count() == 1

    # The same package again changes nothing, and says so.
    qtbot.keyClicks(incoming.import_passphrase, PASSPHRASE)
    qtbot.mouseClick(incoming.import_button, Qt.MouseButton.LeftButton)
    assert incoming.result.text() == "Бұл пакет бұрын импортталған; ештеңе өзгерген жоқ."
    switcher.switch("ru")
    qtbot.waitUntil(lambda: incoming.import_button.text() == "Импортировать пакет…", timeout=2000)


def test_only_the_coordinator_entitles_a_peer_to_confidential_records(
    qtbot: QtBot, two_pcs: tuple[UiContext, UiContext, object], tmp_path: Path
) -> None:
    centre_ctx, district_ctx, _judge = two_pcs
    officer = ExchangeView(replace(centre_ctx, actor=Actor("officer", frozenset({CENTRE_OFFICER}))))
    qtbot.addWidget(officer)
    assert not officer.confidential_button.isVisibleTo(officer)
    coordinator_ctx = replace(centre_ctx, actor=Actor("coord", frozenset({COORDINATOR})))
    view = ExchangeView(coordinator_ctx)
    qtbot.addWidget(view)
    other = ExchangeView(district_ctx)
    qtbot.addWidget(other)
    _pair(qtbot, view, other, "Coordinator PC")
    view.peers.selectRow(0)
    assert view.confidential_button.isVisibleTo(view)
    qtbot.mouseClick(view.confidential_button, Qt.MouseButton.LeftButton)
    assert view._peers[0].confidential_ok
    assert "·" in view.peers.item(0, 2).text()
