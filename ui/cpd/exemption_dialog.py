"""Record an exempt period kept by the CPD module, such as maternity leave (C-4)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.cpd.dto import ExemptionInput
from app.cpd.exemptions import add_exemption
from app.cpd.vocab import EXEMPTION_KINDS
from i18n import _
from ui.context import UiContext
from ui.kit.date_field import DateField
from ui.kit.ops import run_write
from ui.kit.retranslating import Retranslating

# Childcare leave and suspension are kept in the person's status periods (people register).
KINDS = ("maternity",)


class ExemptionDialog(Retranslating, QDialog):
    """Kind, first and last day, note."""

    def __init__(self, ctx: UiContext, person_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._person_id = ctx, person_id
        self.saved: uuid.UUID | None = None
        self.kind = QComboBox(self)
        for key in KINDS:
            self.kind.addItem("", key)
        self.starts_on = DateField(self, optional=False)
        self.ends_on = DateField(self, optional=False)
        self.note = QLineEdit(self)
        self.errors = QLabel(self)
        self.errors.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(
            self._labels, (self.kind, self.starts_on, self.ends_on, self.note), strict=True
        ):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()

    def _on_buttons_accepted(self) -> None:
        starts, ends = self.starts_on.value(), self.ends_on.value()
        assert starts is not None and ends is not None
        data = ExemptionInput(
            self._person_id, str(self.kind.currentData()), starts, ends, self.note.text()
        )
        try:
            saved = run_write(
                self,
                self._ctx.store,
                lambda s: add_exemption(s, self._ctx.actor, data),
                reraise_validation=True,
            )
        except ValidationError as exc:
            self.errors.setText(exc.message())
            return
        if saved is not None:
            self.saved = saved
            self.accept()

    def retranslate_ui(self) -> None:
        """Every label in the active language."""
        self.setWindowTitle(_("Exempt period"))
        for label, text in zip(
            self._labels, (_("Kind"), _("Starts"), _("Ends"), _("Note")), strict=True
        ):
            label.setText(text)
        for i, key in enumerate(KINDS):
            self.kind.setItemText(i, _(EXEMPTION_KINDS[key]))
