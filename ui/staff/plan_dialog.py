"""The adaptation plan (items with dates) and the recorded result (S-1)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.staff.dto import AdaptationDTO, PlanItem, ResultInput
from app.staff.service import record_result, set_plan
from i18n import _
from ui.context import UiContext
from ui.kit.date_field import DateField
from ui.kit.field_row import FieldWithError
from ui.kit.form_dialog import FormDialog
from ui.kit.op import Work

if TYPE_CHECKING:
    from app.core.context import Actor
    from app.core.progress import Progress
    from app.core.store import Session


class PlanDialog(FormDialog[AdaptationDTO]):
    """A table of plan items: the date each is due and what it is."""

    def __init__(self, ctx: UiContext, adaptation: AdaptationDTO, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._adaptation = adaptation
        self.table = QTableWidget(0, 2, self)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 150)
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_item(None, ""))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        for item in adaptation.items:
            self.add_item(item.due_on, item.title)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.term = QLabel(self)
        self.term.setWordWrap(True)  # a long Kazakh name with the dates passes 640 px
        self.body.addWidget(self.term)
        self.body.addWidget(self.table)
        self.body.addLayout(buttons)
        self.setMinimumSize(640, 380)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        a = self._adaptation
        self.setWindowTitle(_("Adaptation plan: {name}").format(name=a.person_name))
        self.term.setText(
            _("Term {start} – {end}; tutor {tutor}; the plan is due by {due}.").format(
                start=a.starts_on.strftime("%d.%m.%Y"),
                end=a.ends_on.strftime("%d.%m.%Y"),
                tutor=a.tutor_name,
                due=a.plan_due_on.strftime("%d.%m.%Y"),
            )
        )
        self.table.setHorizontalHeaderLabels([_("Due on"), _("Item of the plan")])
        self.add_button.setText(_("Add item"))
        self.add_button.setToolTip(_("Add an item with its date, within the term (S-1)."))
        self.remove_button.setText(_("Remove item"))
        self.remove_button.setToolTip(_("Remove the selected item of the plan."))

    def add_item(self, due_on: date | None, title: str) -> None:
        """Append a row: a date field and the item's text."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        field = DateField(self.table, optional=False)
        field.set_value(due_on or self._adaptation.starts_on)
        self.table.setCellWidget(row, 0, field)
        self.table.setItem(row, 1, QTableWidgetItem(title))

    def _on_remove_button_clicked(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def items(self) -> list[PlanItem]:
        """The plan as typed."""
        out = []
        for row in range(self.table.rowCount()):
            field = self.table.cellWidget(row, 0)
            text = self.table.item(row, 1)
            assert isinstance(field, DateField)
            out.append(PlanItem(text.text() if text else "", field.day()))
        return out

    def save_work(self) -> Work[AdaptationDTO]:
        a, items = self._adaptation, self.items()

        def work(s: Session, actor: Actor, _p: Progress) -> AdaptationDTO:
            return set_plan(s, actor, a.id, a.version, items)

        return work


class ResultDialog(FormDialog[AdaptationDTO]):
    """Adapted or not, the date and who decided."""

    def __init__(self, ctx: UiContext, adaptation: AdaptationDTO, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._adaptation = adaptation
        self.adapted = QComboBox(self)
        self.adapted.addItem("", True)
        self.adapted.addItem("", False)
        self.decided_on = DateField(self, optional=False)
        self.decided_on.set_value(min(date.today(), adaptation.ends_on))
        self.decided_by = QLineEdit(self)
        self.rows, self.labels = self.add_form(
            (
                ("adapted", self.adapted),
                ("decided_on", self.decided_on),
                ("decided_by", self.decided_by),
            )
        )
        self.setMinimumWidth(520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(
            _("Adaptation result: {name}").format(name=self._adaptation.person_name)
        )
        self.adapted.setItemText(0, _("Adapted"))
        self.adapted.setItemText(1, _("Not adapted"))
        self.labels["adapted"].setText(_("Result"))
        self.labels["decided_on"].setText(_("Decided on"))
        self.labels["decided_by"].setText(_("Decided by"))
        self.decided_by.setToolTip(_("Who decided: position and name."))

    def field_rows(self) -> Mapping[str, FieldWithError]:
        return self.rows

    def save_work(self) -> Work[AdaptationDTO]:
        a = self._adaptation
        data = ResultInput(
            bool(self.adapted.currentData()), self.decided_on.day(), self.decided_by.text()
        )

        def work(s: Session, actor: Actor, _p: Progress) -> AdaptationDTO:
            return record_result(s, actor, a.id, a.version, data)

        return work
