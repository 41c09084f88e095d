"""The Qt binding keeps reference counts: with PySide6 6.12.0 long sessions crashed."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_qt_calls_that_return_nothing_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    # 6.12.0 dropped one reference to None per such call; Python aborts ("none_dealloc")
    # once the count reaches zero, after some tens of thousands of calls in a working day.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(2000):
        label.update()
        label.setText(str(i))
    assert sys.getrefcount(None) - before > -100
