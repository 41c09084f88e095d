"""The CPD & Training page: tabs for training events, a person's ledger and compliance."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget

from i18n import _
from ui.context import UiContext
from ui.cpd.compliance_view import ComplianceView
from ui.cpd.ledger_view import LedgerView
from ui.cpd.training_view import TrainingView


class CpdPage(QTabWidget):
    """Training, ledger and compliance side by side in tabs."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.training = TrainingView(ctx, self)
        self.ledger = LedgerView(ctx, self)
        self.compliance = ComplianceView(ctx, self)
        self.addTab(self.training, "")
        self.addTab(self.ledger, "")
        self.addTab(self.compliance, "")
        self.training.attendance_saved.connect(self.ledger.refresh)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Tab titles in the active language."""
        self.setTabText(0, _("Training events"))
        self.setTabText(1, _("Ledger"))
        self.setTabText(2, _("Compliance"))
