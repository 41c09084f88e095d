"""One internship: host tutor, status, the intern's report and the tutor's sheet (I-2)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.store import Session
from app.internships.dto import InternshipDTO, InternshipInput
from app.internships.queries import host_tutors, result_sheet_of
from app.internships.service import (
    save_internship,
    set_intern_report,
    set_status,
    start_result_sheet,
)
from i18n import N_, _, format_date
from ui.context import UiContext
from ui.evaluation.sheet_dialog import SheetDialog
from ui.kit.ops import run_read, run_write

STATUS_LABELS = (("planned", N_("Planned")), ("done", N_("Done")), ("cancelled", N_("Cancelled")))


class InternshipDialog(QDialog):
    """Edit what is not the dates (those are moved in the calendar)."""

    def __init__(self, ctx: UiContext, item: InternshipDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.item = item
        self.setWindowTitle(_("Internship"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setText(
            f"{item.person_name}\n{item.host_name}\n"
            f"{format_date(item.starts_on)} – {format_date(item.ends_on)}"
        )
        self.tutor = QComboBox(self)
        self.tutor.addItem("—", None)
        for pid, name in (
            run_read(self, ctx.store, lambda s: host_tutors(s, item.host_court_id)) or []
        ):
            if pid != item.person_id:
                self.tutor.addItem(name, str(pid))  # Qt compares strings, not UUIDs
        self.tutor.setCurrentIndex(max(self.tutor.findData(str(item.tutor_id)), 0))
        self.status = QComboBox(self)
        for key, label in STATUS_LABELS:
            self.status.addItem(_(label), key)
        self.status.setCurrentIndex(max(self.status.findData(item.status), 0))
        self.report = QPlainTextEdit(item.intern_report, self)
        self.sheet_button = QPushButton(_("Host tutor's evaluation sheet…"), self)
        self.sheet_button.clicked.connect(self.open_sheet)
        form = QFormLayout()
        form.addRow(_("Host tutor"), self.tutor)
        form.addRow(_("Status"), self.status)
        form.addRow(_("Intern's report"), self.report)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
            parent=self,
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.sheet_button)
        layout.addWidget(buttons)
        self.resize(620, 480)

    def save(self) -> None:
        """Save tutor, status and report in one transaction."""
        item = self.item
        raw = self.tutor.currentData()
        tutor = uuid.UUID(raw) if raw else None
        status, text = str(self.status.currentData()), self.report.toPlainText()

        def action(s: Session) -> InternshipDTO:
            data = InternshipInput(
                item.person_id,
                item.host_court_id,
                item.starts_on,
                item.ends_on,
                kind=item.kind,
                tutor_id=tutor,
                paid=item.paid,
            )
            # Only the tutor changes here: conflicts of the dates were settled when placed.
            dto = save_internship(
                s,
                self._ctx.actor,
                data,
                internship_id=item.id,
                expected_version=item.version,
                accept_conflicts=True,
            ).internship
            if status != dto.status:
                dto = set_status(s, self._ctx.actor, item.id, status)
            if text.strip() != dto.intern_report:
                dto = set_intern_report(s, self._ctx.actor, item.id, text)
            return dto

        saved = run_write(self, self._ctx.store, action)
        if saved is not None:
            self.item = saved
            self.accept()

    def open_sheet(self) -> None:
        """Open the tutor's sheet of this internship, starting it if needed."""
        sheet_id = run_read(self, self._ctx.store, lambda s: result_sheet_of(s, self.item.id))
        if sheet_id is None:
            sheet_id = run_write(
                self,
                self._ctx.store,
                lambda s: start_result_sheet(s, self._ctx.actor, self.item.id),
            )
        if sheet_id is not None:
            SheetDialog(self._ctx, sheet_id, self).exec()
