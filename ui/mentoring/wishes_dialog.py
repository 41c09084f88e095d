"""A protégé's wishes for a tutor or mentor (M-3, cl. 8), opened from the needs list."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import FieldError
from app.mentoring.dto import NeedRow
from app.mentoring.wishes import WishRow, wish_choices, wish_for, wishes_of, withdraw_wish
from i18n import N_, _
from ui.context import UiContext
from ui.kit.list_table_model import Column, ListTableModel
from ui.kit.op import Op, Query, show_status
from ui.kit.retranslating import Retranslating
from ui.kit.screen_fit import fit_to_screen

WISH_COLUMNS = (
    Column[WishRow](N_("Guide"), lambda w: w.guide_name),
    Column[WishRow](N_("Note"), lambda w: w.note),
)


class WishesDialog(Retranslating, QDialog):
    """The wishes one protégé stated; a wished-for guide ranks higher among the suggestions."""

    def __init__(
        self, ctx: UiContext, protege_id: uuid.UUID, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self._protege, self._name = ctx, protege_id, name
        self.changed = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.rows = ListTableModel[WishRow](ctx, WISH_COLUMNS, self)
        self.table = QTableView(self)
        self.table.setModel(self.rows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 300)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.guide = QComboBox(self)
        self.guide.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.guide.setMinimumContentsLength(24)
        for gid, guide_name in Query(self, ctx, lambda s: wish_choices(s, protege_id)).run() or []:
            self.guide.addItem(guide_name, str(gid))  # Qt compares strings, not UUIDs
        self.note = QLineEdit(self)
        self.add_button, self.withdraw_button = QPushButton(self), QPushButton(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.guide, 1)
        row.addWidget(self.note, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        withdraw = QHBoxLayout()
        withdraw.addWidget(self.withdraw_button)
        withdraw.addStretch(1)
        layout.addLayout(withdraw)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.add_button.clicked.connect(self.add)
        self.withdraw_button.clicked.connect(self.withdraw)
        fit_to_screen(self, 720, 460)
        self.reload()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Wishes of {name}").format(name=self._name))
        self.intro.setText(
            _(
                "The tutor or mentor the protégé asked for. A wished-for guide comes first "
                "among the suggestions when the pair is formed."
            )
        )
        if self.guide.count() == 0:
            self.message.setText(_("The region's roster of guides is empty."))
        self.note.setPlaceholderText(_("Why (optional)"))
        self.add_button.setText(_("Add wish"))
        self.add_button.setToolTip(_("Record that the protégé asked for the chosen guide."))
        self.withdraw_button.setText(_("Withdraw wish"))
        self.withdraw_button.setToolTip(_("Remove the selected wish."))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setToolTip(_("Close the wishes."))

    def reload(self) -> None:
        """Refill the list of wishes."""
        protege = self._protege
        found = Query(self, self._ctx, lambda s: wishes_of(s, protege)).run()
        if found is not None:
            self.rows.set_rows(found)

    def _done(self, _result: None) -> None:
        self.changed = True
        self.message.clear()
        self.note.clear()
        self.reload()

    def add(self) -> None:
        """Record the wish for the chosen guide."""
        raw = self.guide.currentData()
        if raw is None:
            return
        protege, guide, note = self._protege, uuid.UUID(str(raw)), self.note.text()
        Op(self, self._ctx, lambda s, actor, _p: wish_for(s, actor, protege, guide, note)).success(
            self._done
        ).success_message(_("Wish recorded.")).refusals_to(self.message.setText).fields(self).run()

    def show_errors(self, errors: list[FieldError]) -> None:
        """A refused wish (the same guide twice) is said under the form."""
        self.message.setText("\n".join(e.message() for e in errors))

    def withdraw(self) -> None:
        """Remove the selected wish."""
        row = self.rows.row_at(self.table.currentIndex().row())
        if row is None:
            self.message.setText(_("Select a wish in the list first."))
            return
        wish_id = row.id
        Op(self, self._ctx, lambda s, actor, _p: withdraw_wish(s, actor, wish_id)).success(
            self._done
        ).success_message(_("Wish withdrawn.")).refusals_to(self.message.setText).run()


class WishesButton(Retranslating, QPushButton):
    """The "Wishes…" button beside the pair form: opens the protégé's wishes, then refreshes."""

    def __init__(
        self,
        ctx: UiContext,
        selected: Callable[[], NeedRow | None],
        refreshed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._selected, self._refreshed = ctx, selected, refreshed
        self.clicked.connect(self.open)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setText(_("Wishes…"))
        self.setToolTip(_("The selected protégé's wishes for a tutor or mentor."))

    def open(self) -> None:
        """Open the selected protégé's wishes; the suggestions follow what changed."""
        need = self._selected()
        if need is None:
            show_status(self, _("Select a protégé in the list first."))
            return
        dialog = WishesDialog(self._ctx, need.person_id, need.full_name, self)
        dialog.exec()
        if dialog.changed:
            self._refreshed()
