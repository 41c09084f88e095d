"""A court's offices: the small flag and chairman (M-1), the region's coordinator (M-6)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.courts import offices
from app.courts.dto import CourtDTO
from i18n import _
from ui.context import UiContext
from ui.kit.date_field import DateField
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Query, Work

if TYPE_CHECKING:
    from app.core.context import Actor
    from app.core.progress import Progress
    from app.core.store import Session


class OfficeDialog(FormDialog[bool]):
    """For a district court: "small" and its chairman; for a regional court: the coordinator."""

    def __init__(
        self,
        ctx: UiContext,
        court: CourtDTO,
        current: offices.CourtOffices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._court = court
        self._office = offices.CHAIRMAN if court.level == "district" else offices.COORDINATOR
        office = self._office
        people = Query(self, ctx, lambda s: offices.candidates(s, court.id, office)).run() or []
        held = (current.chairmen if office == offices.CHAIRMAN else current.coordinators).get(
            court.id
        )
        self.small = QCheckBox(self)
        self.small.setChecked(court.id in current.small)
        self.small.setVisible(court.level == "district")
        self.person = QComboBox(self)
        self.person.addItem("—", "")
        for person_id, name in people:
            self.person.addItem(name, str(person_id))
        self.since = DateField(self, optional=False)
        self.since.set_value(held.since if held else date.today())
        self.basis = QLineEdit(self)
        if held is not None:
            self.person.setCurrentIndex(max(self.person.findData(str(held.person_id)), 0))
            self.basis.setText(held.basis)
        self.rows = {
            k: FieldWithError(w, self)
            for k, w in (("person_id", self.person), ("since", self.since), ("basis", self.basis))
        }
        self.labels = {k: QLabel(self) for k in self.rows}
        form = QFormLayout()
        form.addRow(self.small)
        for key, row in self.rows.items():
            form.addRow(self.labels[key], row)
        self.body.addLayout(form)
        self.setMinimumWidth(560)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(self._court.name)
        self.small.setText(_("Small district court: its chairman or retired judges may tutor"))
        chairman = self._office == offices.CHAIRMAN
        self.labels["person_id"].setText(
            _("Chairman of the court") if chairman else _("Coordinator of judicial mentoring")
        )
        self.labels["since"].setText(_("Since"))
        self.labels["basis"].setText(
            _("Order") if chairman else _("Decision of the branch council")
        )

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return self.rows

    def save_work(self) -> Work[bool]:
        court, office = self._court, self._office
        chosen = self.person.currentData()
        person = uuid.UUID(chosen) if chosen else None
        since, basis = self.since.day(), self.basis.text()
        small = self.small.isChecked()

        def work(s: Session, actor: Actor, _p: Progress) -> bool:
            if court.level == "district":
                offices.set_small(s, actor, court.id, small)
            offices.name_holder(s, actor, court.id, office, person, since, basis)
            return True

        return work
