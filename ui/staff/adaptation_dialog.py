"""Give a newly hired staff member a tutor from the apparatus and a term (S-1)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.staff import rules
from app.staff.dto import AdaptationDTO, AdaptationInput
from app.staff.queries import staff_choices
from app.staff.service import assign_tutor
from i18n import _
from ui.context import UiContext
from ui.kit.date_field import DateField
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Query, Work
from ui.staff.staff_form import chosen_id, people_combo, term_fields

if TYPE_CHECKING:
    from app.core.context import Actor
    from app.core.progress import Progress
    from app.core.store import Session


class AdaptationDialog(FormDialog[AdaptationDTO]):
    """Staff member, tutor, hiring date and the adaptation's term."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        people = Query(self, ctx, staff_choices).run() or []
        self.person, self.tutor = people_combo(self, people), people_combo(self, people)
        today = date.today()
        self.hired_on = DateField(self, optional=False)
        self.hired_on.set_value(today)
        self.starts_on, self.ends_on = term_fields(self, today, rules.last_term_day(today))
        self.rows, self.labels = self.add_form(
            (
                ("person_id", self.person),
                ("tutor_id", self.tutor),
                ("hired_on", self.hired_on),
                ("starts_on", self.starts_on),
                ("ends_on", self.ends_on),
            )
        )
        self.setMinimumWidth(560)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Assign a tutor"))
        self.labels["person_id"].setText(_("Staff member"))
        self.labels["tutor_id"].setText(_("Tutor"))
        self.labels["hired_on"].setText(_("Hired on"))
        self.labels["starts_on"].setText(_("Adaptation starts"))
        self.labels["ends_on"].setText(_("Adaptation ends"))
        self.tutor.setToolTip(_("A staff member of the same court's apparatus (S-1)."))
        self.ends_on.setToolTip(
            _("At most {months} months from the start (S-1).").format(months=rules.MAX_TERM_MONTHS)
        )

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return self.rows

    def save_work(self) -> Work[AdaptationDTO]:
        data = AdaptationInput(
            person_id=chosen_id(self.person),
            tutor_id=chosen_id(self.tutor),
            hired_on=self.hired_on.day(),
            starts_on=self.starts_on.day(),
            ends_on=self.ends_on.day(),
        )

        def work(s: Session, actor: Actor, _p: Progress) -> AdaptationDTO:
            return assign_tutor(s, actor, data)

        return work
