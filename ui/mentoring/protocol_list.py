"""The council protocols of the pair or of its region: number, date, draft or signed (M-11)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.mentoring.dto import PairDTO, ProtocolDTO
from app.mentoring.protocol_queries import list_protocols, protocols_for_pair
from i18n import N_, _, format_date
from ui.context import UiContext
from ui.documents.printing import render
from ui.kit.list_table_model import Column, ListTableModel
from ui.kit.print_preview_dialog import PrintPreviewDialog
from ui.kit.retranslating import Retranslating

COPY_LABELS = {"training_centre": N_("Training centre"), "hr": N_("HR service")}
COLUMNS = (
    Column[ProtocolDTO](N_("No."), lambda p: p.number),
    Column[ProtocolDTO](N_("Meeting date"), lambda p: format_date(p.held_on)),
    Column[ProtocolDTO](N_("State"), lambda p: _("Signed") if p.signed_at else _("Draft")),
    Column[ProtocolDTO](N_("Decisions"), lambda p: str(p.decisions), numeric=True),
)


class ProtocolList(Retranslating, QWidget):
    """Pick the protocol to show; `chosen` carries it (None: a new protocol is drawn up)."""

    chosen = Signal(object)  # ProtocolDTO | None

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = QComboBox(self)
        self.scope.addItem("", "pair")
        self.scope.addItem("", "region")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.model: ListTableModel[ProtocolDTO] = ListTableModel(ctx, COLUMNS, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setMaximumHeight(140)  # a handful of rows: the form below is the work
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scope)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        self._pair: PairDTO | None = None
        self.scope.currentIndexChanged.connect(lambda _i: self.show_for(self._pair))
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.retranslate_ui()

    def show_for(self, pair: PairDTO | None, select: uuid.UUID | None = None) -> None:
        """List the pair's (or its region's) protocols and select one: `select`, else none."""
        self._pair = pair
        self.table.selectionModel().blockSignals(True)
        if pair is None:
            self.model.set_rows([])
        elif self.scope.currentData() == "region":
            region = pair.region_code
            self.model.show(lambda s: list_protocols(s, region))
        else:
            pair_id = pair.id
            self.model.show(lambda s: protocols_for_pair(s, pair_id))
        self.table.clearSelection()
        self.table.selectionModel().blockSignals(False)
        if select is None or not self.select(select):
            self.chosen.emit(None)
        self._show_hint()

    def select(self, protocol_id: uuid.UUID) -> bool:
        """Select a listed protocol (loading it); False when the list does not hold it."""
        row = next((r for r, p in enumerate(self.model.rows) if p.id == protocol_id), -1)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def current(self) -> ProtocolDTO | None:
        """The selected protocol."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_selection_changed(self) -> None:
        self.chosen.emit(self.current())

    def _show_hint(self) -> None:
        if self.model.rows:
            self.hint.setText("")
        elif self.scope.currentData() == "region":
            self.hint.setText(_("The region has no protocols yet."))
        else:
            self.hint.setText(_("No protocol decides on this pair yet; draw one up below."))

    def retranslate_ui(self) -> None:
        """The scope's words, the headers and the hint in the active language."""
        self.scope.setItemText(0, _("Protocols on this pair"))
        self.scope.setItemText(1, _("All protocols of the region"))
        self.model.retranslate()
        self._show_hint()


def state_of(protocol: ProtocolDTO) -> str:
    """Where a protocol stands: draft, or signed (by whom, its code) and its copies sent."""
    head = _("Protocol No. {number} of {date}").format(
        number=protocol.number, date=format_date(protocol.held_on)
    )
    if protocol.signed_at is None:
        return head + ": " + _("draft, not signed yet.")
    lines = [
        head
        + ": "
        + _("signed ({who}). Verification code: {code}").format(
            who=protocol.signed_by, code=protocol.content_hash[:16].upper()
        )
    ]
    lines += [f"{_(COPY_LABELS[r])}: {format_date(d)}" for r, d in protocol.copies]
    return "\n".join(lines)


def preview_protocol(
    parent: QWidget, ctx: UiContext, protocol_id: uuid.UUID, lang: str, say: Callable[[str], None]
) -> PrintPreviewDialog | None:
    """The protocol's print preview in a language (Print, or Save as PDF, from there)."""
    output = render(
        parent, ctx, "protocol", {"number": str(protocol_id)}, lang=lang, refusals_to=say
    )
    if output is None or output.pdf is None:
        return None
    dialog = PrintPreviewDialog(output.pdf, output.file_name(), parent)
    dialog.setObjectName(output.document.id)  # which catalogue document it shows
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
