"""Enter on a list's selected row opens it, as a double click does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView


def open_on_enter(view: QAbstractItemView) -> None:
    """Make Return and Enter on the view emit doubleClicked for its current row.

    A shortcut, not `activated`: on desktops set to open on a single click Qt emits `activated`
    for every click, which would open a row whenever it is selected.
    """

    def _open() -> None:
        index = view.currentIndex()
        if index.isValid() and view.state() != QAbstractItemView.State.EditingState:
            view.doubleClicked.emit(index)

    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(_open)
