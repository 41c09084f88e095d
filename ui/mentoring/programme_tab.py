"""The individual programme: items, approval, versions (M-7)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.core.store import Session
from app.mentoring import programme
from app.mentoring.dto import ProgrammeDTO, ProgrammeItem
from app.mentoring.programme import ITEM_STATUSES, STATUS_LABELS
from i18n import N_, _
from ui.mentoring.pair_tab import PairTab, date_field

FIELD_LABELS = {
    "goal": N_("Goal"),
    "activity": N_("Activity"),
    "due_on": N_("Due"),
    "status": N_("Status"),
    "evidence": N_("Evidence"),
}


class ProgrammeTab(PairTab):
    """The individual programme: items, approval, versions (M-7)."""

    _shown: ProgrammeDTO | None = None  # the version shown, worded again on a language switch

    def _build(self) -> None:
        page = self
        self.items = QTableWidget(0, 3, page)
        self.items.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_item_button = self._button(
            page,
            N_("Add item"),
            self._on_add_item_clicked,
            N_("Add a goal with its activity and due date to the programme."),
        )
        self.save_programme_button = self._button(
            page,
            N_("Save programme"),
            self._on_save_programme_clicked,
            N_("Save the programme; after approval each change is kept as a new version."),
        )
        self.chairman = QLineEdit(page)
        self.approved_on = date_field(page)
        self.approve_button = self._button(
            page,
            N_("Approve"),
            self._on_approve_clicked,
            N_("Record the court chairman's approval of the programme on the date given."),
        )
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
            page,
            N_("Compare with the previous version"),
            self._on_compare_clicked,
            N_("Show what changed since the previous version of the programme."),
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
        pair_id, items = self.pair.id, self._items()
        if self.pair.progress is None:
            self._run(lambda s, actor, _p: programme.draw_up(s, actor, pair_id, items))
        else:
            why = _("Corrected during execution")
            self._run(lambda s, actor, _p: programme.correct(s, actor, pair_id, items, why))

    def _on_approve_clicked(self) -> None:
        assert self.pair is not None
        pair_id, name, on = self.pair.id, self.chairman.text(), self.approved_on.day()
        self._run(lambda s, actor, _p: programme.approve(s, actor, pair_id, name, on))

    def _on_compare_clicked(self) -> None:
        assert self.pair is not None
        pair_id = self.pair.id
        found = self._read(lambda s: _last_two(s, pair_id))
        if found is None:
            return
        if not found:
            self.changes.setText(_("There is only one version."))
            return
        old, new = found
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
            prog = self._read(lambda s: programme.get_programme(s, pair.id))
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
        self._shown = prog
        if prog is not None:
            self.chairman.setText(prog.approved_by)
        self._show_state()

    def _show_state(self) -> None:
        prog = self._shown
        self.programme_state.setText(
            ""
            if prog is None
            else _("Version {n}; completed {percent}%").format(
                n=prog.version, percent=prog.progress
            )
        )

    def retranslate_ui(self) -> None:
        """Captions, column titles and status names."""
        super().retranslate_ui()
        self._show_state()
        self.items.setHorizontalHeaderLabels([_("Goal"), _("Activity"), _("Status")])
        for row in range(self.items.rowCount()):
            box = self.status_box(row)
            for i, key in enumerate(ITEM_STATUSES):
                box.setItemText(i, _(STATUS_LABELS[key]))


def _last_two(
    s: Session, pair_id: uuid.UUID
) -> tuple[tuple[ProgrammeItem, ...], tuple[ProgrammeItem, ...]] | tuple[()]:
    """The previous and the current version's items; () when there is only one version."""
    current = programme.get_programme(s, pair_id).version
    if current < 2:
        return ()
    return programme.version_items(s, pair_id, current - 1), programme.version_items(
        s, pair_id, current
    )
