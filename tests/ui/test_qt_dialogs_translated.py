"""Qt's own dialogs speak the active language: no English label or button in kk or ru."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from i18n import LANGUAGES
from ui.qt_i18n import LanguageSwitcher

ENGLISH = re.compile(r"[A-Za-z]{3,}")
OURS = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def _english(dialog: QWidget) -> list[str]:
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    return sorted(t for t in texts if ENGLISH.search(t) and not OURS.search(t))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave]
)
def test_the_file_dialog_is_translated(
    qtbot: QtBot, switcher: LanguageSwitcher, lang: str, mode: QFileDialog.AcceptMode
) -> None:
    switcher.switch(lang)
    dialog = QFileDialog(None, "", "", "PDF (*.pdf)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on a bare desktop
    dialog.setAcceptMode(mode)
    dialog.show()
    QApplication.processEvents()
    assert _english(dialog) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_message_box_buttons_are_translated(
    qtbot: QtBot, switcher: LanguageSwitcher, lang: str
) -> None:
    switcher.switch(lang)
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "",
        "",
        buttons.Yes | buttons.No | buttons.Ok | buttons.Cancel | buttons.Close | buttons.Save,
    )
    qtbot.addWidget(box)
    box.setDetailedText("…")
    box.show()
    QApplication.processEvents()
    assert _english(box) == []
