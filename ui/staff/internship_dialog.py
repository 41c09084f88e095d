"""A line of the civil servants' internship schedule: plan, change, cancel, held (S-2)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.staff.dto import InternshipDTO, InternshipInput
from app.staff.internships import (
    cancel_internship,
    record_outcome,
    schedule_internship,
    update_internship,
)
from app.staff.queries import staff_choices
from i18n import _
from ui.context import UiContext
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Query, Work
from ui.staff.staff_form import chosen_id, people_combo, term_fields

if TYPE_CHECKING:
    from app.core.context import Actor
    from app.core.progress import Progress
    from app.core.store import Session

# A new line opens as two weeks from the first day the year allows (the centre changes it).
DEFAULT_DAYS = 14


def default_term(year: int, today: date) -> tuple[date, date]:
    """Two weeks from today in this year's schedule, else from the year's first day."""
    start = today if today.year == year else date(year, 1, 1)
    return start, min(start + timedelta(days=DEFAULT_DAYS - 1), date(year, 12, 31))


class InternshipDialog(FormDialog[InternshipDTO]):
    """Who, where, from and to: a new line of the year's schedule, or a planned one changed."""

    def __init__(
        self,
        ctx: UiContext,
        year: int,
        line: InternshipDTO | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._year, self._line = year, line
        people = Query(self, ctx, staff_choices).run() or []
        self.person = people_combo(self, people, line.person_id if line else None)
        self.place = QLineEdit(line.place if line else "", self)
        start, end = (line.starts_on, line.ends_on) if line else default_term(year, date.today())
        self.starts_on, self.ends_on = term_fields(self, start, end)
        self.rows, self.labels = self.add_form(
            (
                ("person_id", self.person),
                ("place", self.place),
                ("starts_on", self.starts_on),
                ("ends_on", self.ends_on),
            )
        )
        self.setMinimumWidth(560)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        title = _("Change the internship") if self._line else _("Schedule an internship")
        self.setWindowTitle(f"{title} — {self._year}")
        self.labels["person_id"].setText(_("Civil servant"))
        self.labels["place"].setText(_("Place of internship"))
        self.labels["starts_on"].setText(_("From"))
        self.labels["ends_on"].setText(_("To"))
        self.person.setToolTip(_("A civil servant of the court's apparatus (S-2)."))
        self.place.setToolTip(_("The court or body where the internship takes place."))
        self.ends_on.setToolTip(
            _("The internship lies within the schedule's year, {year} (S-2).").format(
                year=self._year
            )
        )

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return self.rows

    def save_work(self) -> Work[InternshipDTO]:
        data = InternshipInput(
            chosen_id(self.person),
            self._year,
            self.place.text(),
            self.starts_on.day(),
            self.ends_on.day(),
        )
        line = self._line

        def work(s: Session, actor: Actor, _p: Progress) -> InternshipDTO:
            if line is None:
                return schedule_internship(s, actor, data)
            return update_internship(s, actor, line.id, line.version, data)

        return work


class OutcomeDialog(FormDialog[InternshipDTO]):
    """Held or not held from the last day on, or cancelled before; with the reason owed."""

    def __init__(
        self,
        ctx: UiContext,
        line: InternshipDTO,
        *,
        cancelling: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._line, self._cancelling = line, cancelling
        self.status = QComboBox(self)
        self.status.addItem("", "held")
        self.status.addItem("", "not_held")
        self.reason = QLineEdit(self)
        editors: list[tuple[str, QWidget]] = [("reason", self.reason)]
        if not cancelling:
            editors.insert(0, ("status", self.status))
        else:
            self.status.hide()
        self.rows, self.labels = self.add_form(editors)
        self.setMinimumWidth(520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        line = self._line
        name = line.person_name
        if self._cancelling:
            self.setWindowTitle(_("Cancel the internship: {name}").format(name=name))
            self.labels["reason"].setText(_("Why it is cancelled"))
        else:
            self.setWindowTitle(_("Was it held? {name}").format(name=name))
            self.labels["status"].setText(_("Status"))
            self.labels["reason"].setText(_("Why it was not held"))
            self.status.setItemText(0, _("Held"))
            self.status.setItemText(1, _("Not held"))
        self.reason.setToolTip(
            _("{place}, {start} – {end}").format(
                place=line.place,
                start=line.starts_on.strftime("%d.%m.%Y"),
                end=line.ends_on.strftime("%d.%m.%Y"),
            )
        )

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return self.rows

    def save_work(self) -> Work[InternshipDTO]:
        line, reason, status = self._line, self.reason.text(), self.status.currentData()
        cancelling = self._cancelling

        def work(s: Session, actor: Actor, _p: Progress) -> InternshipDTO:
            if cancelling:
                return cancel_internship(s, actor, line.id, line.version, reason)
            return record_outcome(s, actor, line.id, line.version, status, reason)

        return work
