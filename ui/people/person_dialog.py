"""Add or edit a person: the form, OK/Cancel, and the save through the service."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from app.core.errors import ValidationError
from app.courts.service import list_courts
from app.people.dto import PersonDTO
from app.people.service import create_person, get_person, update_person
from i18n import _
from ui.context import UiContext
from ui.kit.ops import run_read, run_write
from ui.people.person_form import PersonForm


class PersonDialog(QDialog):
    """Nothing is written until every field is valid; then one transaction."""

    def __init__(
        self, ctx: UiContext, person_id: uuid.UUID | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._person: PersonDTO | None = None
        self.saved: PersonDTO | None = None
        courts = run_read(self, ctx.store, list_courts) or []
        self.form = PersonForm(courts, self)
        if person_id is not None:
            self._person = run_read(self, ctx.store, lambda s: get_person(s, person_id))
            if self._person is not None:
                self.form.set_value(self._person.data)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.buttons)
        self.resize(820, 720)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Title in the active language."""
        self.setWindowTitle(_("Edit person") if self._person else _("New person"))

    def _on_buttons_accepted(self) -> None:
        if not self.form.check():
            return
        data = self.form.value()
        person = self._person
        try:
            if person is None:
                saved = run_write(
                    self,
                    self._ctx.store,
                    lambda s: create_person(s, self._ctx.actor, data),
                    reraise_validation=True,
                )
            else:
                saved = run_write(
                    self,
                    self._ctx.store,
                    lambda s: update_person(s, self._ctx.actor, person.id, data, person.version),
                    reraise_validation=True,
                )
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return
        if saved is not None:
            self.saved = saved
            self.accept()
