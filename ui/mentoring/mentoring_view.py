"""The mentoring page: needs analysis, ranked guides, pairs of the region, the selected pair."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.courts.centre import current_centre
from app.courts.service import list_courts
from app.mentoring import queries, service
from app.mentoring.dto import NeedRow, PairDTO, Suggestion
from app.mentoring.rules import KIND_LABELS, REASONS
from i18n import N_, _, localized
from ui.context import UiContext
from ui.mentoring.pair_panel import PairPanel

STATE_LABELS = {
    "proposed": N_("Proposed"),
    "active": N_("Pair at work"),
    "completed": N_("Completed"),
    "ended_early": N_("Ended early"),
}
USER_ROLE = Qt.ItemDataRole.UserRole


class MentoringView(QWidget):
    """Coordinator's desk for M-2…M-11; confidential content only inside the pair panel."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._needs: list[NeedRow] = []
        self._pairs: list[PairDTO] = []
        self._suggestions: list[Suggestion] = []
        self.region = QComboBox(self)
        with ctx.store.read() as s:
            regions = list_courts(s, level="regional")
            centre = current_centre(s)
            home = next((c.region_code for c in regions if centre and c.id == centre.court_id), "")
        self._regions = regions
        for court in regions:
            self.region.addItem(court.name, court.region_code)
        if home:
            self.region.setCurrentIndex(self.region.findData(home))
        self.court = QComboBox(self)
        self.court.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.court.setMinimumContentsLength(20)
        self.needs_label, self.pairs_label = QLabel(self), QLabel(self)
        self.needs = self._table(5)
        self.kind = QComboBox(self)
        self.kind.addItem("", "tutor")
        self.kind.addItem("", "mentor")
        self.guide = QComboBox(self)
        self.form_pair_button = QPushButton(self)
        self.pairs = self._table(5)
        self.start_button = QPushButton(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a40000;")
        self.panel = PairPanel(ctx, self)

        left = QWidget(self)
        lay = QVBoxLayout(left)
        lay.addWidget(self.region)
        lay.addWidget(self.court)
        lay.addWidget(self.needs_label)
        lay.addWidget(self.needs)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.guide, 1)
        row.addWidget(self.form_pair_button)
        lay.addLayout(row)
        lay.addWidget(self.pairs_label)
        lay.addWidget(self.pairs)
        lay.addWidget(self.start_button)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        # Proportions rather than pixels: the page is first shown before it has its width.
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 9)
        self.kind.setMinimumWidth(120)
        self._splitter, self._sized = splitter, False
        self.needs_label.setWordWrap(True)
        self.guide.setMinimumContentsLength(24)
        self.guide.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)
        outer.addWidget(self.message)

        self.region.currentIndexChanged.connect(self._on_region_current_index_changed)
        self.court.currentIndexChanged.connect(self.reload)
        self.needs.itemSelectionChanged.connect(self._on_needs_selection_changed)
        self.kind.currentIndexChanged.connect(self._on_needs_selection_changed)
        self.form_pair_button.clicked.connect(self._on_form_pair_clicked)
        self.pairs.itemSelectionChanged.connect(self._on_pairs_selection_changed)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.panel.changed.connect(self._on_panel_changed)
        self.panel.message_shown.connect(self.message.setText)
        self._fill_courts()
        self.retranslate_ui()
        self.reload()

    def _fill_courts(self) -> None:
        self.court.blockSignals(True)
        self.court.clear()
        self.court.addItem("", None)
        with self._ctx.store.read() as s:
            for court in list_courts(s, region_code=self.region.currentData() or ""):
                self.court.addItem(court.name, str(court.id))
        self.court.blockSignals(False)

    def _on_region_current_index_changed(self) -> None:
        self._fill_courts()
        self.court.setItemText(0, _("All courts"))
        self.reload()

    def _table(self, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def showEvent(self, event: QShowEvent) -> None:
        """Give the lists a little more room than the pair panel, once."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            # After the layout has given the page its real width (the next event-loop turn).
            QTimer.singleShot(0, self._size_splitter)

    def _size_splitter(self) -> None:
        width = max(self._splitter.width(), 800)
        self._splitter.setSizes([width * 11 // 20, width * 9 // 20])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.reload()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Captions in the active language, court names included."""
        self.needs_label.setText(_("Need for judicial mentoring"))
        for i, court in enumerate(self._regions):
            self.region.setItemText(i, court.name)
        chosen = self.court.currentData()
        self._fill_courts()
        self.court.setCurrentIndex(max(self.court.findData(chosen), 0))
        self.court.setItemText(0, _("All courts"))
        self.pairs_label.setText(_("Pairs"))
        self.kind.setItemText(0, _("Tutor"))
        self.kind.setItemText(1, _("Mentor"))
        self.form_pair_button.setText(_("Form pair"))
        self.start_button.setText(_("Start pair"))
        self.needs.setHorizontalHeaderLabels(
            [_("Full name"), _("Court"), _("Why a protégé"), _("Tutor"), _("Mentor")]
        )
        self.pairs.setHorizontalHeaderLabels(
            [_("Protégé"), _("Guide"), _("Kind"), _("State"), _("Term")]
        )

    # data -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Needs and pairs of the chosen region, read in one session."""
        region = self.region.currentData() or ""
        court = self.court.currentData()
        court_id = uuid.UUID(court) if court else None
        with self._ctx.store.read() as s:
            self._needs = queries.needs_analysis(s, region_code=region, court_id=court_id)
            self._pairs = queries.pairs(s, region_code=region, actor=self._ctx.actor)
        self._fill(
            self.needs,
            [
                [
                    n.full_name,
                    localized(n.court_name_kk, n.court_name_ru),
                    "; ".join(_(REASONS[k]) for k, _d in n.reasons),
                    n.tutor or "—",
                    n.mentor or "—",
                ]
                for n in self._needs
            ],
        )
        self._fill(
            self.pairs,
            [
                [
                    p.protege_name,
                    p.guide_name,
                    _(KIND_LABELS[p.kind]),
                    _(STATE_LABELS[p.state]),
                    f"{p.starts_on:%d.%m.%Y} – {p.ends_on:%d.%m.%Y}",
                ]
                for p in self._pairs
            ],
        )

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def _selected_need(self) -> NeedRow | None:
        rows = self.needs.selectionModel().selectedRows()
        return self._needs[rows[0].row()] if rows else None

    def selected_pair(self) -> PairDTO | None:
        """The pair selected in the list."""
        rows = self.pairs.selectionModel().selectedRows()
        return self._pairs[rows[0].row()] if rows else None

    def select_need(self, person_name: str) -> None:
        """Select a protégé in the needs list by name (as a click would)."""
        for r, need in enumerate(self._needs):
            if need.full_name == person_name:
                self.needs.selectRow(r)
                return

    # slots ------------------------------------------------------------------------------
    def _on_needs_selection_changed(self) -> None:
        need = self._selected_need()
        self.guide.clear()
        if need is None:
            return
        with self._ctx.store.read() as s:
            self._suggestions = queries.suggestions(s, need.person_id, self.kind.currentData())
        for sug in self._suggestions:
            why = ", ".join(_(r) for r in sug.reasons)
            self.guide.addItem(f"{sug.full_name} ({why})", str(sug.person_id))

    def _on_form_pair_clicked(self) -> None:
        need = self._selected_need()
        if need is None or self.guide.currentIndex() < 0:
            self.message.setText(_("Choose a protégé and a guide."))
            return
        guide_id = self._suggestions[self.guide.currentIndex()].person_id
        kind, actor = self.kind.currentData(), self._ctx.actor
        try:
            with self._ctx.store.write() as s:
                pair = service.propose_pair(
                    s, actor, need.person_id, guide_id, kind=kind, starts_on=date.today()
                )
        except DomainError as exc:
            self.message.setText(exc.message())
            return
        self.message.setText("")
        self.reload()
        self._select_pair(pair.id)

    def _select_pair(self, pair_id: object) -> None:
        for r, p in enumerate(self._pairs):
            if p.id == pair_id:
                self.pairs.selectRow(r)

    def _on_pairs_selection_changed(self) -> None:
        self.panel.show_pair(self.selected_pair())

    def _on_start_clicked(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        try:
            with self._ctx.store.write() as s:
                service.activate_pair(s, self._ctx.actor, pair.id)
        except DomainError as exc:
            self.message.setText(exc.message())
            return
        self.message.setText("")
        self._on_panel_changed()

    def _on_panel_changed(self) -> None:
        current = self.selected_pair()
        self.reload()
        if current is not None:
            self._select_pair(current.id)
        self.panel.show_pair(self.selected_pair())
