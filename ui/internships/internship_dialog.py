"""One internship: host tutor, status, the intern's report and the tutor's sheet (I-2)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.core.context import Actor
from app.core.progress import Progress
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
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Op, Query, Work
from ui.kit.screen_fit import fit_to_screen

STATUS_LABELS = (("planned", N_("Planned")), ("done", N_("Done")), ("cancelled", N_("Cancelled")))


class InternshipDialog(FormDialog[InternshipDTO]):
    """Edit what is not the dates (those are moved in the calendar)."""

    def __init__(self, ctx: UiContext, item: InternshipDTO, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._item = item
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setText(
            f"{item.person_name}\n{item.host_name}\n"
            f"{format_date(item.starts_on)} – {format_date(item.ends_on)}"
        )
        self.tutor = QComboBox(self)
        self.tutor.addItem("—", None)
        host = item.host_court_id
        for pid, name in Query(self, ctx, lambda s: host_tutors(s, host)).run() or []:
            if pid != item.person_id:
                self.tutor.addItem(name, str(pid))  # Qt compares strings, not UUIDs
        self.tutor.setCurrentIndex(max(self.tutor.findData(str(item.tutor_id)), 0))
        self.status = QComboBox(self)
        for key, _label in STATUS_LABELS:
            self.status.addItem("", key)
        self.status.setCurrentIndex(max(self.status.findData(item.status), 0))
        self.report = QPlainTextEdit(item.intern_report, self)
        self.sheet_button = QPushButton(self)
        self.sheet_button.clicked.connect(self.open_sheet)
        self.tutor_label, self.status_label, self.report_label = (QLabel(self) for _ in "abc")
        form = QFormLayout()
        form.addRow(self.tutor_label, self.tutor)
        form.addRow(self.status_label, self.status)
        form.addRow(self.report_label, self.report)
        self.body.addWidget(self.summary)
        self.body.addLayout(form)
        self.body.addWidget(self.sheet_button)
        fit_to_screen(self, 620, 480)
        self.retranslate_ui()

    @property
    def item(self) -> InternshipDTO:
        """The internship as last saved."""
        return self.saved or self._item

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Internship"))
        for i, (_key, label) in enumerate(STATUS_LABELS):
            self.status.setItemText(i, _(label))
        self.sheet_button.setText(_("Host tutor's evaluation sheet…"))
        self.tutor_label.setText(_("Host tutor"))
        self.status_label.setText(_("Status"))
        self.report_label.setText(_("Intern's report"))

    def save_work(self) -> Work[InternshipDTO]:
        """Tutor, status and report, saved in one transaction."""
        item = self.item
        raw = self.tutor.currentData()
        tutor = uuid.UUID(raw) if raw else None
        status, text = str(self.status.currentData()), self.report.toPlainText()

        def work(s: Session, actor: Actor, _p: Progress) -> InternshipDTO:
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
                actor,
                data,
                internship_id=item.id,
                expected_version=item.version,
                accept_conflicts=True,
            ).internship
            if status != dto.status:
                dto = set_status(s, actor, item.id, status)
            if text.strip() != dto.intern_report:
                dto = set_intern_report(s, actor, item.id, text)
            return dto

        return work

    def save(self) -> None:
        """What the Save button does."""
        self.buttons.accepted.emit()

    def open_sheet(self) -> None:
        """Open the tutor's sheet of this internship, starting it if needed."""
        internship_id = self.item.id
        sheet_id = Query(self, self._ctx, lambda s: result_sheet_of(s, internship_id)).run()
        if sheet_id is None:
            sheet_id = Op(
                self,
                self._ctx,
                lambda s, actor, _p: start_result_sheet(s, actor, internship_id),
            ).run()
        if sheet_id is not None:
            SheetDialog(self._ctx, sheet_id, self).exec()
