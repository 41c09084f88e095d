"""The evaluation commission's protocol on a round's results (E-3, seed 001 §7.1.12)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from app.evaluation.commission import (
    DECISIONS,
    DecisionInput,
    ProtocolInput,
    record_protocol,
)
from app.evaluation.queries import SheetRow
from i18n import _, format_number
from ui.context import UiContext
from ui.kit.date_field import DateField
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Work
from ui.kit.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from app.core.context import Actor
    from app.core.progress import Progress
    from app.core.store import Session


class CommissionDialog(FormDialog[uuid.UUID]):
    """Who sat, when, and a decision on each signed sheet of the round (none: not decided)."""

    def __init__(
        self,
        ctx: UiContext,
        round_id: uuid.UUID,
        sheets: list[SheetRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._round_id = round_id
        self._signed = [s for s in sheets if s.status == "signed"]
        self.number, self.chair, self.secretary = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.held_on = DateField(self, optional=False)
        self.held_on.set_value(date.today())
        self.members = QPlainTextEdit(self)
        self.members.setFixedHeight(70)
        self.rows = {
            k: FieldWithError(w, self)
            for k, w in (
                ("number", self.number),
                ("held_on", self.held_on),
                ("chair", self.chair),
                ("secretary", self.secretary),
                ("members", self.members),
            )
        }
        self.labels = {k: QLabel(self) for k in self.rows}
        form = QFormLayout()
        for key, row in self.rows.items():
            form.addRow(self.labels[key], row)
        self.body.addLayout(form)
        grid_box = QWidget(self)
        grid = QGridLayout(grid_box)
        self.decisions: list[QComboBox] = []
        self.texts: list[QLineEdit] = []
        for i, sheet in enumerate(self._signed):
            total = "—" if sheet.total is None else format_number(sheet.total, decimals=2)
            grid.addWidget(QLabel(f"{sheet.subject_name} ({total})", grid_box), i, 0)
            choice, text = QComboBox(grid_box), QLineEdit(grid_box)
            grid.addWidget(choice, i, 1)
            grid.addWidget(text, i, 2)
            self.decisions.append(choice)
            self.texts.append(text)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_box)
        self.decisions_row = FieldWithError(scroll, self)
        self.body.addWidget(self.decisions_row, 1)
        self.retranslate_ui()
        fit_to_screen(self, 900, 600)

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Evaluation commission protocol"))
        for key, text in (
            ("number", _("Number")),
            ("held_on", _("Date")),
            ("chair", _("Chair")),
            ("secretary", _("Secretary")),
            ("members", _("Present (one a line)")),
        ):
            self.labels[key].setText(text)
        for choice in self.decisions:
            current = choice.currentData()
            choice.clear()
            choice.addItem(_("no decision"), "")
            for code, label in DECISIONS.items():
                choice.addItem(_(label), code)
            choice.setCurrentIndex(max(choice.findData(current), 0))

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return {**self.rows, "decisions": self.decisions_row}

    def save_work(self) -> Work[uuid.UUID]:
        decisions = tuple(
            DecisionInput(sheet.id, str(choice.currentData()), text.text())
            for sheet, choice, text in zip(self._signed, self.decisions, self.texts, strict=True)
            if choice.currentData()
        )
        data = ProtocolInput(
            self._round_id,
            self.number.text(),
            self.held_on.day(),
            self.chair.text(),
            self.secretary.text(),
            tuple(self.members.toPlainText().splitlines()),
            decisions,
        )

        def work(s: Session, actor: Actor, _p: Progress) -> uuid.UUID:
            return record_protocol(s, actor, data)

        return work
