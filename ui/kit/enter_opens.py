"""Enter on a list's selected row opens it, as a double click does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView

# The dynamic property a view wired here carries, so a test can find every list that opens
# rows on a double click and check that Enter does the same.
OPENS_ON_ENTER = "opens_on_enter"


def open_on_enter(view: QAbstractItemView, open_row: Callable[[QModelIndex], None]) -> None:
    """Return and Enter on the view call open_row with its current row (what a double click does).

    A shortcut, not `activated`: on desktops set to open on a single click Qt emits `activated`
    for every click, which would open a row whenever it is selected.
    """

    def _open() -> None:
        index = view.currentIndex()
        if index.isValid() and view.state() != QAbstractItemView.State.EditingState:
            open_row(index)

    view.setProperty(OPENS_ON_ENTER, True)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(_open)
