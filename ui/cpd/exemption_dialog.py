"""Record an exempt period kept by the CPD module, such as maternity leave (C-4)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.cpd.dto import ExemptionInput
from app.cpd.exemptions import add_exemption
from app.cpd.vocab import EXEMPTION_KINDS
from i18n import _
from ui.context import UiContext
from ui.kit.date_field import DateField
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Work

# Childcare leave and suspension are kept in the person's status periods (people register).
KINDS = ("maternity",)


class ExemptionDialog(FormDialog[uuid.UUID]):
    """Kind, first and last day, note; each refusal beside its field."""

    def __init__(self, ctx: UiContext, person_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._person_id = person_id
        self.kind = QComboBox(self)
        for key in KINDS:
            self.kind.addItem("", key)
        self.starts_on = DateField(self, optional=False)
        self.ends_on = DateField(self, optional=False)
        self.note = QLineEdit(self)
        fields = (
            ("kind", self.kind),
            ("starts_on", self.starts_on),
            ("ends_on", self.ends_on),
            ("note", self.note),
        )
        self.rows = {key: FieldWithError(w, self) for key, w in fields}
        self._labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        for label, row in zip(self._labels, self.rows.values(), strict=True):
            form.addRow(label, row)
        self.body.addLayout(form)
        self.retranslate_ui()

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return self.rows

    def save_work(self) -> Work[uuid.UUID]:
        starts, ends = self.starts_on.value(), self.ends_on.value()
        assert starts is not None and ends is not None
        data = ExemptionInput(
            self._person_id, str(self.kind.currentData()), starts, ends, self.note.text()
        )
        return lambda s, actor, _p: add_exemption(s, actor, data)

    def retranslate_ui(self) -> None:
        """Every label in the active language."""
        self.setWindowTitle(_("Exempt period"))
        for label, text in zip(
            self._labels, (_("Kind"), _("Starts"), _("Ends"), _("Note")), strict=True
        ):
            label.setText(text)
        for i, key in enumerate(KINDS):
            self.kind.setItemText(i, _(EXEMPTION_KINDS[key]))
