"""The year's schedule of civil servants' internships (S-2, seed 003 §7.1.6)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from app.staff.dto import InternshipDTO
from app.staff.internships import schedule_of_year
from app.staff.vocab import INTERNSHIP_LABELS, label
from i18n import _
from ui.context import UiContext
from ui.kit.op import Query, show_status
from ui.staff.internship_dialog import InternshipDialog, OutcomeDialog
from ui.staff.staff_list import StaffList


class StaffInternshipsView(StaffList):
    """The schedule of a year by name; plan, change, cancel a line, record it held or not."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, (300, 320, 190, 60), parent)
        self._rows: list[InternshipDTO] = []
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self.reload)
        self.year_label = QLabel(self)
        self.year_label.setBuddy(self.year)
        self.top.addWidget(self.year_label)
        self.top.addWidget(self.year)
        self.top.addStretch(1)
        self.add_button, self.edit_button, self.cancel_button, self.outcome_button = (
            self.add_buttons(
                self.add,
                self.edit,
                lambda: self._outcome(cancelling=True),
                lambda: self._outcome(cancelling=False),
            )
        )
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
        self.gate()
        self.reload()

    def reload(self) -> None:
        """Read the year's schedule from the store, by name in the language shown."""
        year = self.year.value()
        self._rows = (
            Query(self, self._ctx, lambda s: schedule_of_year(s, year, by_name=True)).run() or []
        )
        rows = []
        for r in self._rows:
            status = label(INTERNSHIP_LABELS, r.status)
            term = f"{r.starts_on.strftime('%d.%m.%Y')} – {r.ends_on.strftime('%d.%m.%Y')}"
            days = str((r.ends_on - r.starts_on).days + 1)
            status = f"{status}: {r.reason}" if r.reason else status
            rows.append((r.id, [r.person_name, r.place, term, days, status]))
        for r, item in zip(self._rows, self.put_rows(rows), strict=True):
            item.setToolTip(4, r.reason)

    def selected(self) -> InternshipDTO | None:
        """The chosen line, or None (the status bar then says to choose one)."""
        chosen = self.selected_id()
        found = next((r for r in self._rows if r.id == chosen), None)
        if found is None:
            show_status(self, _("Choose an internship in the list."))
        return found

    def document_request(self) -> tuple[str, dict[str, str]]:
        """Ctrl+P: the schedule of the year shown (S-2)."""
        return ("staff-internships", {"year": str(self.year.value())})

    def open_selected(self) -> None:
        """Enter and a double click open the line to change it."""
        self.edit()

    def add(self) -> None:
        """Put someone on the schedule of the year shown."""
        dialog = InternshipDialog(self._ctx, self.year.value(), parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._after(dialog.saved, _("{name} was put on the {year} schedule."))

    def edit(self) -> None:
        """Change the selected line."""
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
        self.select_and_confirm(saved.id, text.format(name=saved.person_name, year=saved.year))
