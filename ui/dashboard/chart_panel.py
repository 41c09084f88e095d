"""The start page's three charts: CPD compliance by court, pairs by state, internships."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.agenda.charts import Charts
from app.cpd.vocab import COMPLIANCE_STATUSES
from i18n import N_, _, localized
from ui.dashboard.charts import BarChart, ChartData

PAIR_STATES = {
    "proposed": N_("Proposed"),
    "active": N_("Pair at work"),
    "completed": N_("Completed"),
    "ended_early": N_("Ended early"),
}
INTERNSHIP_STATES = {
    "done": N_("Held"),
    "planned": N_("Planned"),
    "due": N_("Due, not planned"),
}
VERDICTS = ("compliant", "at_risk", "not_compliant")


class ChartPanel(QWidget):
    """Empty until `show_charts()`; texts follow the active language when shown again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.courts, self.pairs, self.internships = BarChart(self), BarChart(self), BarChart(self)
        self.titles: dict[int, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for chart in (self.courts, self.pairs, self.internships):
            title = QLabel(self)
            title.setWordWrap(True)
            title.setStyleSheet("font-weight: 600;")
            self.titles[id(chart)] = title
            layout.addWidget(title)
            layout.addWidget(chart)
        layout.addStretch(1)

    def _set(self, chart: BarChart, data: ChartData) -> None:
        self.titles[id(chart)].setText(data.title)
        chart.set_data(data)

    def show_charts(self, charts: Charts | None) -> None:
        """Draw the figures (nothing when there are none)."""
        self.setVisible(charts is not None)
        if charts is None:
            return
        self._set(
            self.courts,
            ChartData(
                _("CPD compliance by court, {year}").format(year=charts.year),
                tuple(localized(c.name_kk, c.name_ru) for c in charts.courts),
                tuple(_(COMPLIANCE_STATUSES[v]) for v in VERDICTS),
                tuple((c.compliant, c.at_risk, c.not_compliant) for c in charts.courts),
            ),
        )
        self._set(
            self.pairs,
            ChartData(
                _("Mentoring pairs by state"),
                tuple(_(PAIR_STATES[s]) for s, _n in charts.pairs),
                ("",),
                tuple((n,) for _s, n in charts.pairs),
            ),
        )
        self._set(
            self.internships,
            ChartData(
                _("Internships of judges, {year}").format(year=charts.year),
                tuple(_(INTERNSHIP_STATES[s]) for s, _n in charts.internships),
                ("",),
                tuple((n,) for _s, n in charts.internships),
            ),
        )
