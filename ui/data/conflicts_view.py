"""Exchange conflicts: see both versions of a record and keep this PC's or take the peer's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.exchange.conflicts import KEEP_MINE, TAKE_THEIRS, list_conflicts, resolve_conflict
from app.exchange.dto import ConflictDTO
from i18n import _
from ui.context import UiContext
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating

CONFLICT_ROLE = Qt.ItemDataRole.UserRole


class ConflictsView(Retranslating, QWidget):
    """Open conflicts on the left, the two versions side by side on the right."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.list = QListWidget(self)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.values = QTableWidget(0, 3, self)
        self.values.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.values.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.values.setWordWrap(True)
        self.empty = QLabel(self)
        self.mine_button, self.theirs_button = QPushButton(self), QPushButton(self)
        self.mine_button.clicked.connect(lambda: self.resolve(KEEP_MINE))
        self.theirs_button.clicked.connect(lambda: self.resolve(TAKE_THEIRS))
        right = QVBoxLayout()
        right.addWidget(self.values)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mine_button)
        buttons.addWidget(self.theirs_button)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(body)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.values.setHorizontalHeaderLabels([_("Field"), _("This PC"), _("Other PC")])
        self.mine_button.setText(_("Keep this PC's version"))
        self.mine_button.setToolTip(_("Keep the record as it is on this computer."))
        self.theirs_button.setText(_("Take the other PC's version"))
        self.theirs_button.setToolTip(_("Replace the record with the other computer's version."))
        self.empty.setText(
            _("Records changed on both PCs since they last exchanged wait here for a decision.")
        )

    def reload(self) -> None:
        """List the open conflicts."""
        found = Query(self, self._ctx, lambda s: list_conflicts(s, self._ctx.actor)).run() or []
        self.list.clear()
        for c in found:
            item = QListWidgetItem(f"{c.peer}: {c.table_name} · {', '.join(c.changed_fields)}")
            item.setData(CONFLICT_ROLE, c)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.values.setRowCount(0)
        self.mine_button.setEnabled(bool(found))
        self.theirs_button.setEnabled(bool(found))

    def _current(self) -> ConflictDTO | None:
        item = self.list.currentItem()
        value = item.data(CONFLICT_ROLE) if item else None
        return value if isinstance(value, ConflictDTO) else None

    def _on_list_current_item_changed(self, *_args: object) -> None:
        c = self._current()
        if c is None:
            return
        mine, theirs = c.local_values or {}, c.remote_values or {}
        fields = list(c.changed_fields) or sorted(set(mine) | set(theirs))
        self.values.setRowCount(len(fields))
        deleted = _("(deleted)")
        for i, f in enumerate(fields):
            self.values.setItem(i, 0, QTableWidgetItem(f))
            self.values.setItem(
                i, 1, QTableWidgetItem(str(mine.get(f, "")) if c.local_values else deleted)
            )
            self.values.setItem(
                i, 2, QTableWidgetItem(str(theirs.get(f, "")) if c.remote_values else deleted)
            )

    def resolve(self, choice: str) -> None:
        """Resolve the selected conflict."""
        c = self._current()
        if c is None:
            return
        Op(self, self._ctx, lambda s, actor, _p: resolve_conflict(s, actor, c.id, choice)).run()
        self.reload()
