"""The Database dialog: SQLite file or PostgreSQL server, tried before it is remembered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from i18n import set_language, translator
from ui.database_dialog import SETTING, DatabaseDialog, remembered_target


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)


def test_a_file_is_tried_then_remembered(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> None:
    set_language("ru")
    dialog = DatabaseDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.sqlite.isChecked() and not dialog.host.isEnabled()
    target = tmp_path / "centre" / "talimger.db"
    dialog.path.setText(str(target))
    dialog.test.click()
    expected = translator("ru")("A new database will be created in {path}.")
    assert dialog.outcome.text() == expected.format(path=target)
    dialog._on_save_clicked()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert remembered_target(settings) == str(target)
    again = DatabaseDialog(settings)
    qtbot.addWidget(again)
    assert again.path.text() == str(target)


def test_an_unreachable_server_is_not_remembered(qtbot: QtBot, settings: QSettings) -> None:
    set_language("kk")
    dialog = DatabaseDialog(settings)
    qtbot.addWidget(dialog)
    dialog.server.setChecked(True)
    assert dialog.host.isEnabled() and not dialog.path.isEnabled()
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)  # nothing listens there
    dialog._on_save_clicked()
    prefix = translator("kk")("The server cannot be reached: {reason}").split("{")[0]
    assert dialog.outcome.text().startswith(prefix)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert settings.value(SETTING) is None


def test_a_server_is_tried_and_its_fields_come_back(qtbot: QtBot, settings: QSettings) -> None:
    admin = os.environ.get("TALIMGER_TEST_PG_URL")
    if not admin:
        pytest.skip("TALIMGER_TEST_PG_URL is not set")
    url = make_url(admin)
    set_language("ru")
    dialog = DatabaseDialog(settings)
    qtbot.addWidget(dialog)
    dialog.server.setChecked(True)
    dialog.host.setText(url.host or "")
    dialog.port.setValue(url.port or 5432)
    dialog.name.setText(url.database or "")
    dialog.user.setText(url.username or "")
    dialog.password.setText(url.password or "")
    dialog._on_save_clicked()
    assert "PostgreSQL" in dialog.outcome.text()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = make_url(str(remembered_target(settings)))
    assert (saved.host, saved.port, saved.database) == (url.host, url.port or 5432, url.database)
    again = DatabaseDialog(settings)
    qtbot.addWidget(again)
    assert again.server.isChecked() and again.name.text() == url.database
