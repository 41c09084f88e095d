"""The shape both staff tabs share: a list, the buttons under it, why they are off."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import UiContext
from ui.kit.enter_opens import open_on_enter
from ui.kit.op import show_status
from ui.kit.retranslating import Retranslating
from ui.staff.staff_form import gate

ROW_ROLE = Qt.ItemDataRole.UserRole


class StaffList(Retranslating, QWidget):
    """Subclasses add their buttons with ``add_buttons``, fill the list with ``put_rows`` and
    say in ``open_selected`` what Enter and a double click open.
    """

    def __init__(
        self, ctx: UiContext, widths: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(len(widths) + 1)
        self.tree.setRootIsDecorated(False)
        for column, width in enumerate(widths):
            self.tree.setColumnWidth(column, width)
        self.tree.itemDoubleClicked.connect(lambda *_a: self.open_selected())
        open_on_enter(self.tree, lambda _index: self.open_selected())
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.top = QHBoxLayout()
        self.button_row = QHBoxLayout()
        self._buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(self.tree)
        layout.addWidget(self.note)
        layout.addLayout(self.button_row)

    def open_selected(self) -> None:
        """What Enter and a double click on a row do."""
        raise NotImplementedError

    def add_buttons(self, *slots: Callable[[], object]) -> list[QPushButton]:
        """A button per slot, in a row under the list; they are the ones the gate turns off."""
        made = []
        for slot in slots:
            button = QPushButton(self)
            button.clicked.connect(slot)
            self.button_row.addWidget(button)
            made.append(button)
        self.button_row.addStretch(1)
        self._buttons += made
        return made

    def gate(self) -> None:
        """The buttons off, and why, for roles that may not change staff records."""
        gate(self._ctx, self._buttons, self.note)

    def put_rows(self, rows: Sequence[tuple[object, list[str]]]) -> list[QTreeWidgetItem]:
        """Refill the list with (id, texts) rows, keeping the selected row selected."""
        current = self.selected_id()
        self.tree.clear()
        items = []
        for row_id, texts in rows:
            item = QTreeWidgetItem(texts)
            item.setData(0, ROW_ROLE, row_id)
            self.tree.addTopLevelItem(item)
            items.append(item)
            if row_id == current:
                self.tree.setCurrentItem(item)
        return items

    def selected_id(self) -> object:
        """The id of the selected row, or None."""
        item = self.tree.currentItem()
        return item.data(0, ROW_ROLE) if item is not None else None

    def select_and_confirm(self, row_id: object, text: str) -> None:
        """After a save: select what was saved and say so in the status bar."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, ROW_ROLE) == row_id:
                self.tree.setCurrentItem(item)
        show_status(self, text)
