"""The individual programme: items, approval, versions (M-7)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.core.errors import DomainError
from app.mentoring import programme
from app.mentoring.dto import (
    ProgrammeItem,
)
from app.mentoring.programme import ITEM_STATUSES, STATUS_LABELS
from i18n import N_, _
from ui.mentoring.pair_tab import PairTab, date_edit, picked_date

FIELD_LABELS = {
    "goal": N_("Goal"),
    "activity": N_("Activity"),
    "due_on": N_("Due"),
    "status": N_("Status"),
    "evidence": N_("Evidence"),
}


class ProgrammeTab(PairTab):
    """The individual programme: items, approval, versions (M-7)."""

    def _build(self) -> None:
        page = self
        self.items = QTableWidget(0, 3, page)
        self.items.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_item_button = self._button(page, N_("Add item"), self._on_add_item_clicked)
        self.save_programme_button = self._button(
            page, N_("Save programme"), self._on_save_programme_clicked
        )
        self.chairman = QLineEdit(page)
        self.approved_on = date_edit(page)
        self.approve_button = self._button(page, N_("Approve"), self._on_approve_clicked)
        self.programme_state = QLabel(page)
        layout = QVBoxLayout(page)
        for w in (self.items, self.add_item_button, self.save_programme_button):
            layout.addWidget(w)
        layout.addLayout(
            self._form(
                page,
                [
                    (N_("Chairman of the court"), self.chairman),
                    (N_("Approved on"), self.approved_on),
                ],
            )
        )
        layout.addWidget(self.approve_button)
        layout.addWidget(self.programme_state)
        self.compare_button = self._button(
            page, N_("Compare with the previous version"), self._on_compare_clicked
        )
        self.changes = QLabel(page)
        self.changes.setWordWrap(True)
        layout.addWidget(self.compare_button)
        layout.addWidget(self.changes)

    def _on_add_item_clicked(self) -> None:
        row = self.items.rowCount()
        self.items.insertRow(row)
        for col in range(2):
            self.items.setItem(row, col, QTableWidgetItem(""))
        box = QComboBox(self.items)
        for key in ITEM_STATUSES:
            box.addItem(_(STATUS_LABELS[key]), key)
        self.items.setCellWidget(row, 2, box)

    def status_box(self, row: int) -> QComboBox:
        """The status picker of a programme item."""
        box = self.items.cellWidget(row, 2)
        assert isinstance(box, QComboBox)
        return box

    def _items(self) -> tuple[ProgrammeItem, ...]:
        out = []
        for row in range(self.items.rowCount()):
            cells = [self.items.item(row, c) for c in range(2)]
            goal, activity = (c.text().strip() if c else "" for c in cells)
            out.append(ProgrammeItem(goal, activity, status=self.status_box(row).currentData()))
        return tuple(out)

    def _on_save_programme_clicked(self) -> None:
        assert self.pair is not None
        pair_id, actor, items = self.pair.id, self._ctx.actor, self._items()
        if self.pair.progress is None:
            self._run(lambda s: programme.draw_up(s, actor, pair_id, items))
        else:
            self._run(
                lambda s: programme.correct(
                    s, actor, pair_id, items, _("Corrected during execution")
                )
            )

    def _on_approve_clicked(self) -> None:
        assert self.pair is not None
        pair_id, name, on = self.pair.id, self.chairman.text(), picked_date(self.approved_on)
        self._run(lambda s: programme.approve(s, self._ctx.actor, pair_id, name, on))

    def _on_compare_clicked(self) -> None:
        assert self.pair is not None
        pair_id = self.pair.id
        try:
            with self._ctx.store.read() as s:
                current = programme.get_programme(s, pair_id).version
                if current < 2:
                    self.changes.setText(_("There is only one version."))
                    return
                old = programme.version_items(s, pair_id, current - 1)
                new = programme.version_items(s, pair_id, current)
        except DomainError as exc:
            self._panel.message_shown.emit(exc.message())
            return
        lines = []
        for n, field, before, after in programme.compare(old, new):
            shown = (before, after)
            if field == "status":
                shown = (_(STATUS_LABELS[before]), _(STATUS_LABELS[after]))
            lines.append(
                _("Item {n}, {field}: «{old}» → «{new}»").format(
                    n=n, field=_(FIELD_LABELS[field]), old=shown[0], new=shown[1]
                )
            )
        self.changes.setText("\n".join(lines))

    def refresh(self) -> None:
        """Items, approval and progress of the current version."""
        pair = self.pair
        prog = None
        if pair is not None and pair.progress is not None:
            with self._ctx.store.read() as s:
                prog = programme.get_programme(s, pair.id)
        self.items.setRowCount(0)
        self.changes.clear()
        self.programme_state.clear()
        for item in prog.items if prog is not None else ():
            self._on_add_item_clicked()
            row = self.items.rowCount() - 1
            for col, text in enumerate((item.goal, item.activity)):
                cell = self.items.item(row, col)
                if cell is not None:
                    cell.setText(text)
            self.status_box(row).setCurrentIndex(ITEM_STATUSES.index(item.status))
        if prog is not None:
            self.chairman.setText(prog.approved_by)
            self.programme_state.setText(
                _("Version {n}; completed {percent}%").format(n=prog.version, percent=prog.progress)
            )

    def retranslate_ui(self) -> None:
        """Captions, column titles and status names."""
        super().retranslate_ui()
        self.items.setHorizontalHeaderLabels([_("Goal"), _("Activity"), _("Status")])
        for row in range(self.items.rowCount()):
            box = self.status_box(row)
            for i, key in enumerate(ITEM_STATUSES):
                box.setItemText(i, _(STATUS_LABELS[key]))
