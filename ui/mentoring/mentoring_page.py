"""The mentoring page: pairs of the region, and its roster and seminars."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from i18n import _
from ui.context import UiContext
from ui.kit.retranslating import Retranslating
from ui.mentoring.mentoring_view import MentoringView
from ui.mentoring.results_view import ResultsView
from ui.mentoring.roster_view import RosterView


class MentoringPage(Retranslating, QTabWidget):
    """Tabs sharing the region chosen on the first."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pairs = MentoringView(ctx, self)
        self.roster = RosterView(ctx, self.pairs.region, self)
        self.addTab(self.pairs, "")
        self.results = ResultsView(ctx, self.pairs.region, self)
        self.addTab(self.roster, "")
        self.addTab(self.results, "")
        self.roster.roster_changed.connect(self.pairs.reload)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Tab titles in the active language."""
        self.setTabText(0, _("Needs and pairs"))
        self.setTabText(1, _("Roster and seminars"))
        self.setTabText(2, _("Results of the year"))
