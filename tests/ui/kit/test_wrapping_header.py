"""Issue 11: long column captions wrap within their column (and are elided only past four
lines) instead of being cut mid-word."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from ui.kit.wrapping_header import MAX_LINES, wrap_headers, wrapped

LONG = "Апелляциялық және кассациялық сатылардағы жұмыс сапасы: өзгеріс"


def test_a_long_caption_wraps_within_its_column(qtbot: QtBot) -> None:
    model = QStandardItemModel(2, 3)
    model.setHorizontalHeaderLabels(["№", LONG, "Сот"])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    one_line = view.horizontalHeader().sizeHint().height()
    header = wrap_headers(view)
    view.setColumnWidth(1, 120)
    view.show()
    metrics = header.fontMetrics()
    lines = wrapped(metrics, LONG, 120 - 8, MAX_LINES)
    assert 2 <= len(lines) <= MAX_LINES
    assert all(metrics.horizontalAdvance(line) <= 120 - 8 for line in lines)
    assert header.sizeHint().height() >= len(lines) * metrics.lineSpacing() > one_line
    # Wider column, fewer lines: the header measures again when a column is resized.
    tall = header.sizeHint().height()
    view.setColumnWidth(1, 900)
    assert header.sizeHint().height() < tall


def test_what_does_not_fit_is_elided_on_the_last_line_only(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    metrics = view.fontMetrics()
    lines = wrapped(metrics, " ".join([LONG] * 4), 200, 2)
    assert len(lines) == 2
    assert not lines[0].endswith("…") and lines[1].endswith("…")
