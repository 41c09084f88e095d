"""Add a line to a person's ledger: form, event, dates, points from the catalogue or overridden
with a reason (C-1, C-3, C-8).
"""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation

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
from app.cpd.dto import ActivityDTO, ActivityInput, FormDTO
from app.cpd.ledger import add_activity
from app.cpd.rules import list_forms
from i18n import _
from ui.context import UiContext
from ui.kit.date_field import DateField
from ui.kit.op import Query
from ui.kit.ops import run_write
from ui.kit.retranslating import Retranslating


class ActivityDialog(Retranslating, QDialog):
    """The ledger line form; problems are listed under the fields, nothing is saved."""

    def __init__(self, ctx: UiContext, person_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._person_id = person_id
        self.saved: ActivityDTO | None = None
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
        self.errors = QLabel(self)
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._labels = [QLabel(self) for _ in range(8)]
        layout = QFormLayout()
        for label, field in zip(
            self._labels,
            (
                self.form,
                self.event_title,
                self.organiser,
                self.starts_on,
                self.ends_on,
                self.hours,
                self.points,
                self.reason,
            ),
            strict=True,
        ):
            layout.addRow(label, field)
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addWidget(self.errors)
        outer.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
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

    def _on_buttons_accepted(self) -> None:
        data = self.value()
        try:
            saved = run_write(
                self,
                self._ctx.store,
                lambda s: add_activity(s, self._ctx.actor, data),
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
