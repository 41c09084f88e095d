"""The CPD & Training page: tabs for training events, a person's ledger and compliance."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from i18n import _
from ui.context import UiContext
from ui.cpd.compliance_view import ComplianceView
from ui.cpd.ledger_view import LedgerView
from ui.cpd.plan_view import PlanView
from ui.cpd.rules_view import RulesView
from ui.kit.retranslating import Retranslating
from ui.training.training_view import TrainingView


class CpdPage(Retranslating, QTabWidget):
    """Training, ledger, compliance, needs and plan, rules: side by side in tabs."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.training = TrainingView(ctx, self)
        self.ledger = LedgerView(ctx, self)
        self.compliance = ComplianceView(ctx, self)
        self.plan = PlanView(ctx, self)
        self.rules = RulesView(ctx, self)
        for tab in (self.training, self.ledger, self.compliance, self.plan, self.rules):
            self.addTab(tab, "")
        self.training.attendance_saved.connect(self.ledger.refresh)
        self.compliance.person_opened.connect(self._on_compliance_person_opened)
        self.retranslate_ui()

    def _on_compliance_person_opened(self, iin: str, year: int) -> None:
        self.ledger.show_person(iin, year)
        self.setCurrentWidget(self.ledger)

    def retranslate_ui(self) -> None:
        """Tab titles in the active language."""
        self.setTabText(0, _("Training events"))
        self.setTabText(1, _("Ledger"))
        self.setTabText(2, _("Compliance"))
        self.setTabText(3, _("Needs and plan"))
        self.setTabText(4, _("Rules and points"))
