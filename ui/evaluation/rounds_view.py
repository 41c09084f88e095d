"""Evaluation rounds (E-1): create one for a region's courts, list its sheets, fill a sheet."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.courts.service import list_courts
from app.evaluation.queries import SheetRow, round_sheets
from app.evaluation.rounds import create_round, list_rounds
from app.evaluation.templates import list_templates
from i18n import _
from ui.context import UiContext
from ui.evaluation.commission_dialog import CommissionDialog
from ui.evaluation.dossier_dialog import DossierDialog
from ui.evaluation.sheet_dialog import SheetDialog
from ui.evaluation.sheet_table_models import RoundSheetsModel
from ui.kit.collated import courts_in_order, set_items
from ui.kit.enter_opens import open_on_enter
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating

ID_ROLE = Qt.ItemDataRole.UserRole


class RoundsView(Retranslating, QWidget):
    """Rounds on the left, the selected round's sheets on the right."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.template = QComboBox(self)
        for t in Query(self, ctx, list_templates).run() or []:
            self.template.addItem(t.title, t.code)
        self.period = QLineEdit(self)
        self.region = QComboBox(self)
        courts = Query(self, ctx, list_courts).run() or []
        self._all_courts = courts  # a round takes every court of the region (E-1)
        self._courts = [c for c in courts if c.level == "regional"]
        self.create_button = QPushButton(self)
        self.create_button.clicked.connect(self.form_round)
        self.rounds = QListWidget(self)
        self.rounds.currentRowChanged.connect(self._on_rounds_current_row_changed)
        self.sheet_rows = RoundSheetsModel(ctx, self)
        self.table = QTableView(self)
        self.table.setModel(self.sheet_rows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setColumnWidth(0, 260)
        self.table.setColumnWidth(1, 260)
        self.table.doubleClicked.connect(lambda _index: self.open_sheet())
        open_on_enter(self.table, lambda _index: self.open_sheet())
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_sheet)
        self.dossier_button = QPushButton(self)
        self.dossier_button.clicked.connect(self.open_dossier)
        self.protocol_button = QPushButton(self)
        self.protocol_button.clicked.connect(self.record_protocol)
        top = QHBoxLayout()
        for w in (self.template, self.period, self.region, self.create_button):
            top.addWidget(w)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_buttons = QHBoxLayout()
        right_buttons.addWidget(self.protocol_button)
        right_buttons.addStretch(1)
        right_buttons.addWidget(self.dossier_button)
        right_buttons.addWidget(self.open_button)
        right_layout.addLayout(right_buttons)
        split = QSplitter(self)
        split.addWidget(self.rounds)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 900])  # room for a round's name: period, template, signed count
        self.rounds.setWordWrap(True)  # a long Kazakh template name wraps, not cut
        self.rounds.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.period.setPlaceholderText(_("Period, e.g. 2027"))
        self.create_button.setText(_("Form a round for the region"))
        self.create_button.setToolTip(
            _("Make an evaluation sheet for every judge of the region for the period.")
        )
        self.open_button.setText(_("Open sheet…"))
        self.open_button.setToolTip(
            _("Open the selected sheet to rate, sign or mark it acquainted.")
        )
        self.protocol_button.setText(_("Commission protocol…"))
        self.protocol_button.setToolTip(
            _("Record the commission's decisions on the signed sheets of this round (E-3).")
        )
        self.dossier_button.setText(_("Dossier…"))
        self.dossier_button.setToolTip(
            _("Show the judge's dossier: sheets, internships and quality indicators.")
        )
        self._courts = courts_in_order(self._courts)  # P-2: in the alphabet of the language
        set_items(self.region, 0, [(c.name, str(c.id)) for c in self._courts])
        self.reload()

    def reload(self) -> None:
        """Refill the rounds list, keeping the selection."""
        current = self.rounds.currentItem()
        keep = current.data(ID_ROLE) if current else None
        # Templates are titled in the language shown (their title follows it), never by code.
        titles = {t.code: t.title for t in Query(self, self._ctx, list_templates).run() or []}
        for i in range(self.template.count()):
            self.template.setItemText(i, titles.get(self.template.itemData(i), ""))
        self.rounds.blockSignals(True)
        self.rounds.clear()
        for r in Query(self, self._ctx, list_rounds).run() or []:
            item = QListWidgetItem(
                _("{period} · {template}: {signed} of {sheets} signed").format(
                    period=r.period,
                    template=titles.get(r.template_code, r.template_code),
                    signed=r.signed,
                    sheets=r.sheets,
                )
            )
            item.setToolTip(item.text())
            item.setData(ID_ROLE, r.id)
            self.rounds.addItem(item)
            if r.id == keep:
                self.rounds.setCurrentItem(item)
        if self.rounds.currentRow() < 0 and self.rounds.count():
            self.rounds.setCurrentRow(0)  # the newest round's sheets, not an empty table
        self.rounds.blockSignals(False)
        self._on_rounds_current_row_changed(self.rounds.currentRow())

    def _on_rounds_current_row_changed(self, row: int) -> None:
        item = self.rounds.item(row) if row >= 0 else None
        round_id = item.data(ID_ROLE) if item else None
        self.sheet_rows.set_round(round_id or None)

    def sheet_at(self, row: int) -> SheetRow | None:
        """The sheet listed at a row (None outside the list)."""
        return self.sheet_rows.row_at(row)

    def form_round(self) -> None:
        """Form a round: one sheet per active judge of the region's courts (E-1)."""
        region = uuid.UUID(str(self.region.currentData()))
        courts = [c.id for c in self._all_courts if region in (c.id, c.parent_id)]
        code, period = str(self.template.currentData()), self.period.text()
        made = Op(
            self,
            self._ctx,
            lambda s, actor, _p: create_round(
                s, actor, template_code=code, period=period, court_ids=courts
            ),
        ).run()
        if made is not None:
            self.status.setText(_("Round formed: {count} sheets.").format(count=made.sheets))
            self.reload()
            self.changed.emit()

    def open_sheet(self) -> None:
        """Fill the selected sheet."""
        sheet = self.sheet_at(self.table.currentIndex().row())
        if sheet is not None:
            SheetDialog(self._ctx, sheet.id, self).exec()
            self._on_rounds_current_row_changed(self.rounds.currentRow())
            self.changed.emit()

    def open_dossier(self) -> None:
        """The selected judge's dossier (E-1)."""
        sheet = self.sheet_at(self.table.currentIndex().row())
        if sheet is not None and sheet.subject_id is not None:
            DossierDialog(self._ctx, sheet.subject_id, sheet.subject_name, self).exec()

    def record_protocol(self) -> None:
        """The commission's protocol on the selected round's results (E-3)."""
        item = self.rounds.currentItem()
        round_id = item.data(ID_ROLE) if item else None
        if round_id is None:
            return
        # The protocol covers the whole round: its sheets are read when it is opened.
        sheets = Query(self, self._ctx, lambda s: round_sheets(s, round_id)).run() or []
        dialog = CommissionDialog(self._ctx, round_id, sheets, self)
        if dialog.exec():
            self.status.setText(_("The commission protocol was saved."))
