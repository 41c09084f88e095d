"""The year's schedule of civil servants' internships (S-2, seed 003 §7.1.6)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.staff.dto import InternshipDTO
from app.staff.internships import schedule_of_year
from app.staff.vocab import INTERNSHIP_LABELS, label
from i18n import _
from ui.context import UiContext
from ui.kit.enter_opens import open_on_enter
from ui.kit.op import Query, show_status
from ui.kit.retranslating import Retranslating
from ui.staff.internship_dialog import InternshipDialog, OutcomeDialog
from ui.staff.staff_form import gate

ROW_ROLE = Qt.ItemDataRole.UserRole


class StaffInternshipsView(Retranslating, QWidget):
    """The schedule of a year by name; plan, change, cancel a line, record it held or not."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[InternshipDTO] = []
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self.reload)
        self.year_label = QLabel(self)
        self.year_label.setBuddy(self.year)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(5)
        self.tree.setRootIsDecorated(False)
        for column, width in enumerate((300, 320, 190, 60)):
            self.tree.setColumnWidth(column, width)
        self.tree.itemDoubleClicked.connect(lambda *_a: self.edit())
        open_on_enter(self.tree, self._on_tree_entered)
        self.add_button, self.edit_button = QPushButton(self), QPushButton(self)
        self.cancel_button, self.outcome_button = QPushButton(self), QPushButton(self)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.cancel_button.clicked.connect(lambda: self._outcome(cancelling=True))
        self.outcome_button.clicked.connect(lambda: self._outcome(cancelling=False))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.cancel_button, self.outcome_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.retranslate_ui()  # reads the list too

    def retranslate_ui(self) -> None:
        """Texts in the active language; the names re-sorted in its alphabetical order."""
        self.year_label.setText(_("Year"))
        self.tree.setHeaderLabels(
            [_("Civil servant"), _("Place of internship"), _("Term"), _("Days"), _("Status")]
        )
        self.add_button.setText(_("Schedule…"))
        self.add_button.setToolTip(
            _("Put a civil servant of the apparatus on the year's schedule (S-2).")
        )
        self.edit_button.setText(_("Change…"))
        self.edit_button.setToolTip(_("Change who, where or when of a planned internship."))
        self.cancel_button.setText(_("Cancel the internship…"))
        self.cancel_button.setToolTip(_("Take a planned internship off the schedule, saying why."))
        self.outcome_button.setText(_("Held or not…"))
        self.outcome_button.setToolTip(
            _("Record whether the internship was held, from its last day on (S-2).")
        )
        gate(
            self._ctx,
            (self.add_button, self.edit_button, self.cancel_button, self.outcome_button),
            self.note,
        )
        self.reload()

    def reload(self) -> None:
        """Read the year's schedule from the store, by name in the language shown."""
        year = self.year.value()
        self._rows = (
            Query(self, self._ctx, lambda s: schedule_of_year(s, year, by_name=True)).run() or []
        )
        self._fill()

    def _fill(self) -> None:
        current = self._selected_id()
        self.tree.clear()
        for r in self._rows:
            status = label(INTERNSHIP_LABELS, r.status)
            term = f"{r.starts_on.strftime('%d.%m.%Y')} – {r.ends_on.strftime('%d.%m.%Y')}"
            days = str((r.ends_on - r.starts_on).days + 1)
            item = QTreeWidgetItem([r.person_name, r.place, term, days,
                                    f"{status}: {r.reason}" if r.reason else status])  # fmt: skip
            item.setData(0, ROW_ROLE, r.id)
            item.setToolTip(4, r.reason)
            self.tree.addTopLevelItem(item)
            if r.id == current:
                self.tree.setCurrentItem(item)

    def _selected_id(self) -> object:
        item = self.tree.currentItem()
        return item.data(0, ROW_ROLE) if item is not None else None

    def selected(self) -> InternshipDTO | None:
        """The chosen line, or None (the note then says to choose one)."""
        chosen = self._selected_id()
        found = next((r for r in self._rows if r.id == chosen), None)
        if found is None:
            show_status(self, _("Choose an internship in the list."))
        return found

    def document_request(self) -> tuple[str, dict[str, str]]:
        """Ctrl+P: the schedule of the year shown (S-2)."""
        return ("staff-internships", {"year": str(self.year.value())})

    def _on_tree_entered(self, _index: QModelIndex) -> None:
        self.edit()

    def add(self) -> None:
        """Put someone on the schedule of the year shown."""
        dialog = InternshipDialog(self._ctx, self.year.value(), parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._after(dialog.saved, _("{name} was put on the {year} schedule."))

    def edit(self) -> None:
        """Change the selected line (Enter and a double click open it too)."""
        line = self.selected()
        if line is None:
            return
        dialog = InternshipDialog(self._ctx, line.year, line, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._after(dialog.saved, _("The internship of {name} was changed."))

    def _outcome(self, *, cancelling: bool) -> None:
        line = self.selected()
        if line is None:
            return
        dialog = OutcomeDialog(self._ctx, line, cancelling=cancelling, parent=self)
        if dialog.exec() and dialog.saved is not None:
            text = _("The internship of {name} was cancelled.") if cancelling else _("Saved.")
            self._after(dialog.saved, text)

    def _after(self, saved: InternshipDTO, text: str) -> None:
        self.reload()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, ROW_ROLE) == saved.id:
                self.tree.setCurrentItem(item)
        show_status(self, text.format(name=saved.person_name, year=saved.year))
