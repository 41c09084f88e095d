"""The mentoring page: needs analysis, ranked guides, pairs of the region, the selected pair."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.store import Session
from app.courts.centre import current_centre
from app.courts.dto import CourtDTO
from app.courts.service import list_courts
from app.mentoring import queries, service
from app.mentoring.dto import NeedRow, PairDTO
from i18n import _
from ui.context import UiContext
from ui.kit.collated import courts_in_order, set_items
from ui.kit.enter_opens import open_on_enter
from ui.kit.list_table_model import ListTableModel
from ui.kit.op import Op, Query, show_status
from ui.kit.retranslating import Retranslating
from ui.mentoring.guide_chooser import GuideChooser
from ui.mentoring.mentoring_table_models import NEED_COLUMNS, PAIR_COLUMNS
from ui.mentoring.pair_panel import PairPanel


class MentoringView(Retranslating, QWidget):
    """Coordinator's desk for M-2…M-11; confidential content only inside the pair panel."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.region = QComboBox(self)
        regions, home = Query(self, ctx, _regions_and_home).run() or ([], "")
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
        self.need_rows = ListTableModel(ctx, NEED_COLUMNS, self)
        self.needs = self._table(self.need_rows)
        self.pair_rows = ListTableModel(ctx, PAIR_COLUMNS, self)
        self.pairs = self._table(self.pair_rows)
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
        self.chooser = GuideChooser(ctx, self._selected_need, self.message.setText, left)
        self.kind, self.guide = self.chooser.kind, self.chooser.guide
        self.form_pair_button = self.chooser.form_pair_button
        lay.addWidget(self.chooser)
        lay.addWidget(self.pairs_label)
        lay.addWidget(self.pairs)
        lay.addWidget(self.start_button)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        # Proportions rather than pixels: the page is first shown before it has its width.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self._splitter, self._sized = splitter, False
        self.needs_label.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)
        outer.addWidget(self.message)

        self.region.currentIndexChanged.connect(self._on_region_current_index_changed)
        self.court.currentIndexChanged.connect(self.reload)
        self.needs.selectionModel().selectionChanged.connect(self._on_needs_selection_changed)
        self.chooser.formed.connect(self._on_chooser_formed)
        self.pairs.selectionModel().selectionChanged.connect(self._on_pairs_selection_changed)
        self.pairs.doubleClicked.connect(self._on_pairs_double_clicked)
        open_on_enter(self.pairs, self._on_pairs_double_clicked)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.panel.changed.connect(self._on_panel_changed)
        self.panel.message_shown.connect(self._on_panel_message_shown)
        self.panel.rules_shown.connect(self.message.setToolTip)
        self._fill_courts()
        self.retranslate_ui()
        self.reload()

    def _fill_courts(self) -> None:
        self.court.blockSignals(True)
        self.court.clear()
        self.court.addItem("", None)
        region = self.region.currentData() or ""
        for court in courts_in_order(
            Query(self, self._ctx, lambda s: list_courts(s, region_code=region)).run() or []
        ):
            self.court.addItem(court.name, str(court.id))
        self.court.blockSignals(False)

    def _on_region_current_index_changed(self) -> None:
        self._fill_courts()
        self.court.setItemText(0, _("All courts"))
        self.reload()

    def _table(self, model: ListTableModel[NeedRow] | ListTableModel[PairDTO]) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def showEvent(self, event: QShowEvent) -> None:
        """Halve the room between the lists and the pair panel (its four tabs and the protocol
        form need it as much), once.
        """
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            # After the layout has given the page its real width (the next event-loop turn).
            QTimer.singleShot(0, self._size_splitter)

    def _size_splitter(self) -> None:
        width = max(self._splitter.width(), 800)
        self._splitter.setSizes([width // 2, width - width // 2])

    def retranslate_ui(self) -> None:
        """Captions in the active language, court names included."""
        self.needs_label.setText(_("Need for judicial mentoring"))
        self._regions = courts_in_order(self._regions)
        set_items(self.region, 0, [(court.name, court.region_code) for court in self._regions])
        chosen = self.court.currentData()
        self._fill_courts()
        self.court.setCurrentIndex(max(self.court.findData(chosen), 0))
        self.court.setItemText(0, _("All courts"))
        self.pairs_label.setText(_("Pairs"))
        self.start_button.setText(_("Start pair"))
        self.start_button.setToolTip(
            _("Start the selected pair's work; its term counts from today.")
        )
        self.need_rows.retranslate()  # reasons, kinds and states are worded when shown
        self.pair_rows.retranslate()
        if self.need_rows.rows:
            self._resort_needs()
        for table in (self.needs, self.pairs):
            table.resizeColumnsToContents()  # the other language's words are longer or shorter

    # data -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Needs and pairs of the chosen region."""
        region = self.region.currentData() or ""
        court = self.court.currentData()
        court_id = uuid.UUID(court) if court else None
        self.need_rows.show(
            lambda s: queries.needs_analysis(s, region_code=region, court_id=court_id)
        )
        actor = self._ctx.actor  # M-9: only the pairs this actor may see
        self.pair_rows.show(lambda s: queries.pairs(s, region_code=region, actor=actor))
        for table in (self.needs, self.pairs):
            table.resizeColumnsToContents()

    def _resort_needs(self) -> None:
        # P-2: read again in the new language's alphabet; the chosen protégé stays chosen.
        need = self._selected_need()
        self.need_rows.refresh()
        rows = [
            r for r, n in enumerate(self.need_rows.rows) if need and n.person_id == need.person_id
        ]
        if rows:
            self.needs.selectRow(rows[0])

    def _selected_need(self) -> NeedRow | None:
        rows = self.needs.selectionModel().selectedRows()
        return self.need_rows.row_at(rows[0].row()) if rows else None

    def selected_pair(self) -> PairDTO | None:
        """The pair selected in the list."""
        rows = self.pairs.selectionModel().selectedRows()
        return self.pair_rows.row_at(rows[0].row()) if rows else None

    def select_need(self, person_name: str) -> None:
        """Select a protégé in the needs list by name (as a click would)."""
        for r, need in enumerate(self.need_rows.rows):
            if need.full_name == person_name:
                self.needs.selectRow(r)
                return

    # slots ------------------------------------------------------------------------------
    def _on_needs_selection_changed(self) -> None:
        self.chooser.show_suggestions()

    def _on_chooser_formed(self, pair: PairDTO) -> None:
        self.message.setText("")
        self.reload()
        self._select_pair(pair.id)
        show_status(
            self,
            _("Pair proposed: {protege} with {guide}.").format(
                protege=pair.protege_name, guide=pair.guide_name
            ),
        )

    def _select_pair(self, pair_id: object) -> None:
        for r, p in enumerate(self.pair_rows.rows):
            if p.id == pair_id:
                self.pairs.selectRow(r)

    def _on_pairs_selection_changed(self) -> None:
        self.panel.show_pair(self.selected_pair())

    def _on_panel_message_shown(self, text: str) -> None:
        self.message.setText(text)
        self.message.setToolTip("")  # a refusal's rule IDs follow in rules_shown

    def _on_pairs_double_clicked(self, index: QModelIndex) -> None:
        """Open the pair: its panel, already beside the list, takes the keyboard."""
        self.pairs.selectRow(index.row())
        if self.selected_pair() is None:
            return
        sizes = self._splitter.sizes()
        if sizes[1] == 0:  # the panel was dragged shut: open it again to show what opened
            self._size_splitter()
        self.panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_start_clicked(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        (
            Op(self, self._ctx, lambda s, actor, _p: service.activate_pair(s, actor, pair.id))
            .refusals_to(self.message.setText)
            .success(self._on_started)
            .run()
        )

    def _on_started(self, _pair: object) -> None:
        self.message.setText("")
        self._on_panel_changed()

    def _on_panel_changed(self) -> None:
        current = self.selected_pair()
        self.reload()
        if current is not None:
            self._select_pair(current.id)
        self.panel.show_pair(self.selected_pair())


def _regions_and_home(s: Session) -> tuple[list[CourtDTO], str]:
    """The regional courts, and the region of the centre this copy serves ("" if none)."""
    regions = list_courts(s, level="regional")
    centre = current_centre(s)
    home = next((c.region_code for c in regions if centre and c.id == centre.court_id), "")
    return regions, home
