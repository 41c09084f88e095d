"""Add a line to a person's ledger: form, event, dates, points from the catalogue or overridden
with a reason (C-1, C-3, C-8).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.cpd.dto import ActivityDTO, ActivityInput, FormDTO
from app.cpd.ledger import add_activity
from app.cpd.rules import list_forms
from i18n import _
from ui.context import UiContext
from ui.kit.date_field import DateField
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Query, Work


class ActivityDialog(FormDialog[ActivityDTO]):
    """The ledger line form; each problem beside its field, nothing is saved."""

    def __init__(self, ctx: UiContext, person_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._person_id = person_id
        self._forms: list[FormDTO] = Query(self, ctx, list_forms).run() or []
        self.form = QComboBox(self)
        for f in self._forms:
            self.form.addItem(f.name, str(f.id))
        self.form.setMinimumContentsLength(40)
        self.event_title = QLineEdit(self)
        self.organiser = QLineEdit(self)
        self.starts_on = DateField(self, optional=False)
        self.ends_on = DateField(self, optional=False)
        self.hours = QLineEdit(self)
        self.points = QLineEdit(self)
        self.reason = QLineEdit(self)
        # Keyed by the service's field names, so each refusal shows beside its field.
        self.rows = {
            key: FieldWithError(field, self)
            for key, field in (
                ("form_id", self.form),
                ("event", self.event_title),
                ("organiser", self.organiser),
                ("starts_on", self.starts_on),
                ("ends_on", self.ends_on),
                ("hours", self.hours),
                ("points", self.points),
                ("override_reason", self.reason),
            )
        }
        self._labels = [QLabel(self) for _ in range(8)]
        layout = QFormLayout()
        for label, row in zip(self._labels, self.rows.values(), strict=True):
            layout.addRow(label, row)
        self.body.addLayout(layout)
        self.retranslate_ui()

    @staticmethod
    def _number(text: str) -> Decimal | None:
        text = text.strip().replace(",", ".")
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            return Decimal(-1)  # refused by the service with its own message

    def value(self) -> ActivityInput:
        """What the fields say."""
        starts = self.starts_on.value()
        assert starts is not None
        return ActivityInput(
            person_id=self._person_id,
            form_id=uuid.UUID(str(self.form.currentData())),
            event=self.event_title.text(),
            starts_on=starts,
            ends_on=self.ends_on.value() or starts,
            organiser=self.organiser.text(),
            hours=self._number(self.hours.text()),
            points=self._number(self.points.text()),
            override_reason=self.reason.text(),
        )

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return self.rows

    def save_work(self) -> Work[ActivityDTO]:
        data = self.value()
        return lambda s, actor, _p: add_activity(s, actor, data)

    def retranslate_ui(self) -> None:
        """Every label in the active language."""
        self.setWindowTitle(_("Add an activity"))
        for label, text in zip(
            self._labels,
            (
                _("Form of participation"),
                _("Title of the event"),
                _("Organiser"),
                _("Starts"),
                _("Ends"),
                _("Hours"),
                _("Points"),
                _("Reason for other points"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.points.setPlaceholderText(_("empty: points of the catalogue"))
        for i, f in enumerate(self._forms):
            self.form.setItemText(i, f.name)
