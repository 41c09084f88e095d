"""Add or edit a person: the form, Save/Cancel, and the save through the service."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from PySide6.QtWidgets import QScrollArea, QWidget

from app.courts.service import list_courts
from app.people.dto import PersonDTO
from app.people.service import create_person, get_person, update_person
from i18n import _
from ui.context import UiContext
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Query, Work
from ui.kit.screen_fit import fit_to_screen
from ui.people.person_form import PersonForm


class PersonDialog(FormDialog[PersonDTO]):
    """Nothing is written until every field is valid; then one transaction."""

    def __init__(
        self, ctx: UiContext, person_id: uuid.UUID | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self._person: PersonDTO | None = None
        courts = Query(self, ctx, list_courts).run() or []
        self.form = PersonForm(courts, self)
        if person_id is not None:
            self._person = Query(self, ctx, lambda s: get_person(s, person_id)).run()
            if self._person is not None:
                self.form.set_value(self._person.data)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.body.addWidget(scroll)
        fit_to_screen(self, 820, 720)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Title in the active language."""
        self.setWindowTitle(_("Edit person") if self._person else _("New person"))

    def check(self) -> bool:
        return self.form.check()

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return self.form.rows

    def save_work(self) -> Work[PersonDTO]:
        data, person = self.form.value(), self._person
        if person is None:
            return lambda s, actor, _p: create_person(s, actor, data)
        return lambda s, actor, _p: update_person(s, actor, person.id, data, person.version)
