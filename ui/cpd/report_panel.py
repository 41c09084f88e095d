"""The individual report of a person and year: hand in, return, accept, print (C-5, C-6)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QWidget,
)

from app.core.store import Session
from app.cpd.dto import ReportDTO
from app.cpd.vocab import REPORT_STATES
from app.cpd.workflow import accept_report, find_report, open_report, return_report, submit_report
from app.documents.cpd_individual import print_individual_reports
from i18n import _, current_language, format_date
from ui.context import UiContext
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating


class ReportPanel(Retranslating, QWidget):
    """One line: where the report stands and the next steps."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._person: uuid.UUID | None = None
        self._year = 0
        self.report: ReportDTO | None = None
        self.state = QLabel(self)
        self.submit_button = QPushButton(self)
        self.return_button = QPushButton(self)
        self.accept_button = QPushButton(self)
        self.print_button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state, 1)
        for button in (
            self.submit_button,
            self.return_button,
            self.accept_button,
            self.print_button,
        ):
            layout.addWidget(button)
        self.submit_button.clicked.connect(self.submit)
        self.return_button.clicked.connect(self._on_return_button_clicked)
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.retranslate_ui()

    def show_report(self, person_id: uuid.UUID | None, year: int) -> None:
        """Show the report of a person and year (none started yet: a draft on first step)."""
        self._person, self._year = person_id, year
        self.report = (
            Query(self, self._ctx, lambda s: find_report(s, person_id, year)).run()
            if person_id
            else None
        )
        self._update()

    def _step(self, action: Callable[[Session, uuid.UUID], ReportDTO]) -> None:
        person, year = self._person, self._year
        if person is None:
            return

        def run(session: Session) -> ReportDTO:
            report = open_report(session, self._ctx.actor, person, year)
            return action(session, report.id)

        result = Op(self, self._ctx, lambda s, _a, _p: run(s)).run()
        if result is not None:
            self.report = result
            self.changed.emit()
        self._update()

    def submit(self) -> None:
        """The person hands the report in (again, after remarks)."""
        self._step(lambda s, rid: submit_report(s, self._ctx.actor, rid))

    def return_with(self, remarks: str) -> None:
        """The officer returns it with remarks (C-6)."""
        self._step(lambda s, rid: return_report(s, self._ctx.actor, rid, remarks=remarks))

    def accept_as(self, officer: str, comment: str = "") -> None:
        """The officer signs it off; the comment records a disagreement (C-6)."""
        self._step(
            lambda s, rid: accept_report(
                s, self._ctx.actor, rid, officer_name=officer, comment=comment
            )
        )

    def _on_return_button_clicked(self) -> None:
        text, ok = QInputDialog.getMultiLineText(self, _("Return with remarks"), _("Remarks"))
        if ok:
            self.return_with(text)

    def _on_accept_button_clicked(self) -> None:
        officer, ok = QInputDialog.getText(
            self, _("Accept the report"), _("Responsible officer (name)")
        )
        if not ok:
            return
        comment, ok = QInputDialog.getMultiLineText(
            self, _("Accept the report"), _("Comment, if the person disagreed with the remarks")
        )
        if ok:
            self.accept_as(officer, comment)

    def print_to(self, path: Path) -> None:
        """Write this person's report as PDF in the interface language."""
        person, year, lang = self._person, self._year, current_language()
        if person is None:
            return
        pdf = Query(
            self, self._ctx, lambda s: print_individual_reports(s, [person], year, lang=lang)
        ).run()
        if pdf is not None:
            path.write_bytes(pdf)

    def _on_print_button_clicked(self) -> None:
        if self._person is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the report"), f"cpd-report-{self._year}.pdf", "PDF (*.pdf)"
        )
        if name:
            self.print_to(Path(name))

    def _update(self) -> None:
        r = self.report
        state = r.state if r else "draft"
        has_person = self._person is not None
        self.submit_button.setEnabled(has_person and state in ("draft", "returned"))
        self.return_button.setEnabled(has_person and state in ("submitted", "corrected"))
        self.accept_button.setEnabled(has_person and state in ("submitted", "corrected"))
        self.print_button.setEnabled(has_person)
        if not has_person:
            self.state.setText("")
            return
        text = _("Report: {state}").format(state=_(REPORT_STATES[state]))
        if r is not None:
            text += " · " + _("due {date}").format(date=format_date(r.due_on))
            if r.overdue:
                text += " · " + _("overdue")
            if r.state == "returned" and r.remarks:
                text += " · " + r.remarks
        self.state.setText(text)

    def retranslate_ui(self) -> None:
        """Every label in the active language."""
        self.submit_button.setText(_("Hand in"))
        self.submit_button.setToolTip(_("Hand in the individual report for the officer to check."))
        self.return_button.setText(_("Return with remarks…"))
        self.return_button.setToolTip(_("Return the report to the person with your remarks."))
        self.accept_button.setText(_("Accept…"))
        self.accept_button.setToolTip(
            _("Accept the report; every line must be confirmed or rejected first.")
        )
        self.print_button.setText(_("Print the report…"))
        self.print_button.setToolTip(_("Preview the person's individual report for signing."))
        self._update()
