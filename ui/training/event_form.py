"""The new event's fields: title, kind, dates, place, trainer, seats, and its two buttons."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.training.dto import EventInput, SessionInput
from app.training.vocab import KINDS
from i18n import _
from ui.kit.date_field import DateField
from ui.kit.retranslating import Retranslating


class EventForm(Retranslating, QWidget):
    """Create an event with its first session, or add a session to the chosen event."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(self)
        self.kind = QComboBox(self)
        for key in KINDS:
            self.kind.addItem("", key)
        self.starts_on = DateField(self, optional=False)
        self.ends_on = DateField(self, optional=False)
        self.place = QLineEdit(self)
        self.trainer = QLineEdit(self)
        self.capacity = QSpinBox(self)
        self.capacity.setRange(0, 10000)
        self.create_button = QPushButton(self)
        self.add_session_button = QPushButton(self)
        self.box = QGroupBox(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.box)
        form = QFormLayout(self.box)
        self._labels = [QLabel(self) for _ in range(7)]
        for label, field in zip(
            self._labels,
            (
                self.title,
                self.kind,
                self.starts_on,
                self.ends_on,
                self.place,
                self.trainer,
                self.capacity,
            ),
            strict=True,
        ):
            form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.add_session_button)
        form.addRow(buttons)
        self.retranslate_ui()

    def dates(self) -> tuple[date, date]:
        """Start and end as typed (today, and a one-day session, when left empty)."""
        starts = self.starts_on.value() or date.today()
        return starts, self.ends_on.value() or starts

    def event_input(self) -> EventInput:
        """The event as typed; its plan year is the year it starts."""
        return EventInput(
            title=self.title.text(),
            kind=str(self.kind.currentData()),
            plan_year=self.dates()[0].year,
        )

    def session_input(self, event_id: uuid.UUID) -> SessionInput:
        """A session of an event on the dates, place and seats typed."""
        starts, ends = self.dates()
        return SessionInput(
            event_id,
            starts,
            ends,
            place=self.place.text(),
            trainer=self.trainer.text(),
            capacity=self.capacity.value(),
        )

    def retranslate_ui(self) -> None:
        """Every label in the active language."""
        self.box.setTitle(_("New event"))
        for label, text in zip(
            self._labels,
            (
                _("Title of the event"),
                _("Kind"),
                _("Starts"),
                _("Ends"),
                _("Place"),
                _("Trainer"),
                _("Seats (0: no limit)"),
            ),
            strict=True,
        ):
            label.setText(text)
        for i, key in enumerate(KINDS):
            self.kind.setItemText(i, _(KINDS[key]))
        self.create_button.setText(_("Create event"))
        self.create_button.setToolTip(_("Create the training event described above."))
        self.add_session_button.setText(_("Add a session to the chosen event"))
        self.add_session_button.setToolTip(
            _("Add another session with these dates to the event chosen below.")
        )
