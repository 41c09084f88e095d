"""The selected pair: programme, confidential journal, reports and the council's protocol."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from app.mentoring.dto import PairDTO
from i18n import _
from ui.context import UiContext
from ui.kit.op import Op, Query, Work
from ui.kit.retranslating import Retranslating
from ui.mentoring.council_tab import CouncilTab
from ui.mentoring.journal_tab import JournalTab
from ui.mentoring.programme_tab import ProgrammeTab
from ui.mentoring.reports_tab import ReportsTab

if TYPE_CHECKING:
    from app.core.store import Session

T = TypeVar("T")


class PairPanel(Retranslating, QTabWidget):
    """Works on one pair; every action is one service call in one transaction."""

    changed = Signal()
    message_shown = Signal(str)
    rules_shown = Signal(str)  # the rule IDs of the refusal just shown (for a tooltip)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.pair: PairDTO | None = None
        self.programme = ProgrammeTab(self, ctx)
        self.journal = JournalTab(self, ctx)
        self.reports = ReportsTab(self, ctx)
        self.council = CouncilTab(self, ctx)
        for tab in (self.programme, self.journal, self.reports, self.council):
            self.addTab(tab, "")
        # All four tabs stay in sight on a 1366 px screen: a long title ("Журнал
        # (конфиденциально)") is shortened with its whole text in the tooltip, rather than the
        # bar scrolling the first tab half out of view.
        self.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.tabBar().setUsesScrollButtons(False)
        self.retranslate_ui()
        self.setEnabled(False)

    def retranslate_ui(self) -> None:
        """Tab titles in the active language (each tab retranslates itself)."""
        titles = (_("Programme"), _("Journal (confidential)"), _("Reports"), _("Council protocol"))
        for i, title in enumerate(titles):
            self.setTabText(i, title)
            self.setTabToolTip(i, title)

    def show_pair(self, pair: PairDTO | None) -> None:
        """Show a pair (None: nothing selected)."""
        self.pair = pair
        self.setEnabled(pair is not None)
        if pair is not None:
            for tab in (self.programme, self.journal, self.reports, self.council):
                tab.refresh()

    def run(self, work: Work[T]) -> T | None:
        """One action, one transaction; a refusal is shown in words, nothing is saved."""
        return (
            Op(self, self._ctx, work)
            .refusals_to(self.message_shown.emit, self.rules_shown.emit)
            .success(self._on_op_succeeded)
            .run()
        )

    def read(self, query: Callable[[Session], T]) -> T | None:
        """One read for a tab; a refusal (the pair deleted meanwhile, say) is shown in words."""
        return (
            Query(self, self._ctx, query)
            .refusals_to(self.message_shown.emit, self.rules_shown.emit)
            .run()
        )

    def _on_op_succeeded(self, _result: object) -> None:
        self.message_shown.emit("")
        self.changed.emit()
