"""Reports, petitions and extensions of the pair (M-4, M-10)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from app.mentoring import journal, service
from app.mentoring.dto import (
    PetitionInput,
    ReportInput,
)
from i18n import N_, _
from ui.mentoring.pair_tab import PairTab, date_field


class ReportsTab(PairTab):
    """Reports, petitions and extensions of the pair (M-4, M-10)."""

    def _build(self) -> None:
        page = self
        self.report_author = QComboBox(page)
        self.report_author.addItem("", "guide")
        self.report_author.addItem("", "protege")
        self.work_done = QPlainTextEdit(page)
        self.knowledge = QLineEdit(page)
        self.effectiveness = QLineEdit(page)
        self.proposals = QLineEdit(page)
        self.score = QSpinBox(page)
        self.score.setRange(0, 5)
        self.submit_report_button = self._button(
            page,
            N_("Submit report"),
            self._on_report_clicked,
            N_("Save the written report of the mentor or protégé."),
        )
        layout = QVBoxLayout(page)
        layout.addLayout(
            self._form(
                page,
                [
                    (N_("Written by"), self.report_author),
                    (N_("Work done"), self.work_done),
                    (N_("Knowledge and skills gained"), self.knowledge),
                    (N_("Effectiveness"), self.effectiveness),
                    (N_("Proposals"), self.proposals),
                    (N_("Feedback score"), self.score),
                ],
            )
        )
        layout.addWidget(self.submit_report_button)
        self.petition_kind = QComboBox(page)
        for key in ("end_early", "replace"):
            self.petition_kind.addItem("", key)
        self.petition_reasons = QLineEdit(page)
        self.petition_button = self._button(
            page,
            N_("File petition"),
            self._on_petition_clicked,
            N_("Record a petition to end the pair early or to replace the guide."),
        )
        self.order_number = QLineEdit(page)
        self.order_date = date_field(page)
        self.order_months = QSpinBox(page)
        self.order_months.setRange(1, 36)
        self.extend_button = self._button(
            page,
            N_("Extend by order"),
            self._on_extend_clicked,
            N_("Extend the term by the regional court chairman's order (up to 3 years in total)."),
        )
        layout.addLayout(
            self._form(
                page,
                [
                    (N_("Petition"), self.petition_kind),
                    (N_("Reasons"), self.petition_reasons),
                ],
            )
        )
        layout.addWidget(self.petition_button)
        layout.addLayout(
            self._form(
                page,
                [
                    (N_("Chairman's order No."), self.order_number),
                    (N_("Order date"), self.order_date),
                    (N_("Extend by months"), self.order_months),
                ],
            )
        )
        layout.addWidget(self.extend_button)
        self.percent = QSpinBox(page)
        self.percent.setRange(1, 100)
        self.percent.setValue(30)
        self.reduce_from = date_field(page)
        self.reduce_to = date_field(page)
        self.caseload_button = self._button(
            page,
            N_("Record the caseload reduction order"),
            self._on_caseload_clicked,
            N_(
                "Record the chairman's order reducing the new judge's caseload "
                "(up to 30 %, 6 months)."
            ),
        )
        layout.addLayout(
            self._form(
                page,
                [
                    (N_("Caseload reduction, %"), self.percent),
                    (N_("From"), self.reduce_from),
                    (N_("To"), self.reduce_to),
                ],
            )
        )
        layout.addWidget(self.caseload_button)

    def _on_report_clicked(self) -> None:
        assert self.pair is not None
        pair_id = self.pair.id
        data = ReportInput(
            author=self.report_author.currentData(),
            submitted_on=date.today(),
            work_done=self.work_done.toPlainText(),
            knowledge_gained=self.knowledge.text(),
            effectiveness=self.effectiveness.text(),
            proposals=self.proposals.text(),
            feedback_score=self.score.value() or None,
        )
        self._run(lambda s, actor, _p: journal.submit_report(s, actor, pair_id, data))

    def _on_petition_clicked(self) -> None:
        assert self.pair is not None
        pair_id = self.pair.id
        data = PetitionInput(
            kind=self.petition_kind.currentData(),
            filed_by=self.report_author.currentData(),
            filed_on=date.today(),
            reasons=self.petition_reasons.text(),
        )
        if self._run(lambda s, actor, _p: journal.file_petition(s, actor, pair_id, data)):
            self.petition_reasons.clear()

    def _on_caseload_clicked(self) -> None:
        """M-5: the court chairman's order, number and date as for an extension."""
        assert self.pair is not None
        protege = self.pair.protege_id
        number, on = self.order_number.text(), self.order_date.day()
        percent = self.percent.value()
        start, end = self.reduce_from.day(), self.reduce_to.day()
        self._run(
            lambda s, actor, _p: service.order_caseload_reduction(
                s,
                actor,
                protege,
                order_number=number,
                order_date=on,
                percent=percent,
                starts_on=start,
                ends_on=end,
            )
        )

    def _on_extend_clicked(self) -> None:
        assert self.pair is not None
        pair_id = self.pair.id
        number, on, months = (
            self.order_number.text(),
            self.order_date.day(),
            self.order_months.value(),
        )
        self._run(
            lambda s, actor, _p: service.extend_pair(
                s, actor, pair_id, order_number=number, order_date=on, months=months
            )
        )

    def retranslate_ui(self) -> None:
        """Captions and the choice lists."""
        super().retranslate_ui()
        self.petition_kind.setItemText(0, _("End early"))
        self.petition_kind.setItemText(1, _("Replace the guide"))
        self.report_author.setItemText(0, _("Guide"))
        self.report_author.setItemText(1, _("Protégé"))
