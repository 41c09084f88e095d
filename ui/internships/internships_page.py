"""The Internships page: the due list and the calendar in tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from i18n import _
from ui.context import UiContext
from ui.internships.busy_view import BusyView
from ui.internships.candidates_view import CandidatesView
from ui.internships.due_view import DueView
from ui.internships.places_view import PlacesView
from ui.internships.quality_view import QualityView
from ui.internships.timeline_view import TimelineView
from ui.kit.retranslating import Retranslating


class InternshipsPage(Retranslating, QTabWidget):
    """Who is due and the plan; the timeline per host court or judge."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.due = DueView(ctx, self)
        self.calendar = TimelineView(ctx, self)
        self.places = PlacesView(ctx, self)
        self.addTab(self.due, "")
        self.addTab(self.calendar, "")
        self.quality = QualityView(ctx, self)
        self.addTab(self.places, "")
        self.addTab(self.quality, "")
        self.candidates = CandidatesView(ctx, self)
        self.addTab(self.candidates, "")
        self.busy = BusyView(ctx, self)
        self.addTab(self.busy, "")
        self.busy.changed.connect(self.due.reload)
        self.quality.imported.connect(self.due.reload)
        self.places.changed.connect(self.calendar.reload)
        self.due.planned.connect(self.calendar.reload)
        self.calendar.changed.connect(self.due.reload)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Tab titles in the active language."""
        self.setTabText(0, _("Who is due"))
        self.setTabText(1, _("Calendar"))
        self.setTabText(2, _("Places and holidays"))
        self.setTabText(3, _("Results"))
        self.setTabText(4, _("Candidates"))
        self.setTabText(5, _("Busy periods"))
