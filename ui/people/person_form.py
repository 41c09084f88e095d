"""The person form: every field with its reason beside it; set_value / value."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import FieldError
from app.courts.dto import CourtDTO
from app.people.dto import PersonInput, StatusPeriod
from app.people.experience import describe, judicial_experience
from app.people.service import normalise, validate
from app.people.vocab import ROLES, SPECIALISATIONS, STATUSES
from i18n import _
from ui.kit.collated import courts_in_order, set_items
from ui.kit.date_field import DateField
from ui.kit.field_row import FieldWithError
from ui.kit.retranslating import Retranslating

PERIOD_STATUSES = [k for k in STATUSES if k != "active"]


class StatusPeriodsEditor(QWidget):
    """Rows of (status, from, to) for leave, suspension and retirement."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Date editors are cell widgets, which ResizeToContents does not measure.
        date_width = self.fontMetrics().horizontalAdvance("00.00.00000") + 40
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, date_width)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(150)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.table.setHorizontalHeaderLabels([_("Status"), _("From"), _("To")])
        self.add_button.setText(_("Add period"))
        self.remove_button.setText(_("Remove period"))
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            if isinstance(combo, QComboBox):
                for i, key in enumerate(PERIOD_STATUSES):
                    combo.setItemText(i, _(STATUSES[key]))

    def _add_row(self, period: StatusPeriod | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        for key in PERIOD_STATUSES:
            combo.addItem(_(STATUSES[key]), key)
        starts, ends = DateField(optional=False), DateField()
        if period is not None:
            combo.setCurrentIndex(
                PERIOD_STATUSES.index(period.status) if period.status in PERIOD_STATUSES else 0
            )
            starts.set_value(period.starts_on)
            ends.set_value(period.ends_on)
        self.table.setCellWidget(row, 0, combo)
        self.table.setCellWidget(row, 1, starts)
        self.table.setCellWidget(row, 2, ends)

    def _on_add_button_clicked(self) -> None:
        self._add_row(None)

    def _on_remove_button_clicked(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)

    def set_value(self, periods: tuple[StatusPeriod, ...]) -> None:
        """Show periods."""
        self.table.setRowCount(0)
        for p in periods:
            self._add_row(p)

    def value(self) -> tuple[StatusPeriod, ...]:
        """Periods as entered."""
        out = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            starts = self.table.cellWidget(row, 1)
            ends = self.table.cellWidget(row, 2)
            assert isinstance(combo, QComboBox) and isinstance(starts, DateField)
            assert isinstance(ends, DateField)
            start = starts.value()
            if start is not None:
                out.append(StatusPeriod(combo.currentData(), start, ends.value()))
        return tuple(out)


class PersonForm(Retranslating, QWidget):
    """Edits a PersonInput; validation reasons appear beside the fields."""

    validated = Signal(bool)

    def __init__(self, courts: list[CourtDTO], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._courts = courts
        self.iin = QLineEdit(self)
        self.iin.setMaxLength(12)
        self.surname = QLineEdit(self)
        self.first_name = QLineEdit(self)
        self.patronymic = QLineEdit(self)
        self.role = QComboBox(self)
        for key in ROLES:
            self.role.addItem("", key)
        self.court = QComboBox(self)
        self.court.addItem("", None)
        for c in courts:
            self.court.addItem("", str(c.id))
        self.position = QLineEdit(self)
        self.specialisation = QComboBox(self)
        for key in SPECIALISATIONS:
            self.specialisation.addItem("", key)
        self.first_appointed = DateField(self)
        self.experience = QLabel(self)
        self.experience.setObjectName("experience")
        self.periods = StatusPeriodsEditor(self)
        for combo in (self.role, self.court, self.specialisation):
            # Court names run long in both languages: never let a combo widen the form.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(24)
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(70)

        self.rows: dict[str, FieldWithError] = {}
        self.labels: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        for name, editor in (
            ("iin", self.iin),
            ("surname", self.surname),
            ("first_name", self.first_name),
            ("patronymic", self.patronymic),
            ("role", self.role),
            ("court_id", self.court),
            ("position", self.position),
            ("specialisation", self.specialisation),
            ("first_appointed_on", self.first_appointed),
            ("experience", self.experience),
            ("status_periods", self.periods),
            ("notes", self.notes),
        ):
            wrapper = FieldWithError(editor, self)
            label = QLabel(self)
            label.setBuddy(editor)
            self.rows[name], self.labels[name] = wrapper, label
            layout.addRow(label, wrapper)
        self.first_appointed.changed.connect(self._on_first_appointed_date_changed)
        self.retranslate_ui()

    def _on_first_appointed_date_changed(self) -> None:
        self.update_experience()

    # -- language -------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every text in the active language."""
        texts = {
            "iin": _("IIN"),
            "surname": _("Surname"),
            "first_name": _("Name"),
            "patronymic": _("Patronymic"),
            "role": _("Role"),
            "court_id": _("Court"),
            "position": _("Position"),
            "specialisation": _("Specialisation"),
            "first_appointed_on": _("First appointed as judge"),
            "experience": _("Judicial experience"),
            "status_periods": _("Leave, suspension, retirement"),
            "notes": _("Notes"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.iin.setPlaceholderText(_("12 digits"))
        for i, key in enumerate(ROLES):
            self.role.setItemText(i, _(ROLES[key]))
        self.court.setItemText(0, _("— no court —"))
        self._courts = courts_in_order(self._courts)
        set_items(
            self.court,
            1,
            [(("    " if c.level == "district" else "") + c.name, str(c.id)) for c in self._courts],
        )
        for i, key in enumerate(SPECIALISATIONS):
            self.specialisation.setItemText(i, _(SPECIALISATIONS[key]))
        self.periods.retranslate_ui()
        self.update_experience()

    def update_experience(self, today: date | None = None) -> None:
        """Show the experience the entered dates give (P-3), as of today."""
        data = self.value()
        periods = [(p.status, p.starts_on, p.ends_on) for p in data.status_periods]
        exp = judicial_experience(data.first_appointed_on, periods, today or date.today())
        self.experience.setText(describe(exp) if data.first_appointed_on else "—")

    # -- value ----------------------------------------------------------------------------
    def set_value(self, data: PersonInput) -> None:
        """Show a person's data."""
        self.iin.setText(data.iin)
        self.surname.setText(data.surname)
        self.first_name.setText(data.first_name)
        self.patronymic.setText(data.patronymic)
        self.role.setCurrentIndex(max(self.role.findData(data.role), 0))
        self.court.setCurrentIndex(
            max(self.court.findData(str(data.court_id) if data.court_id else None), 0)
        )
        self.position.setText(data.position)
        self.specialisation.setCurrentIndex(
            max(self.specialisation.findData(data.specialisation), 0)
        )
        self.first_appointed.set_value(data.first_appointed_on)
        self.periods.set_value(data.status_periods)
        self.notes.setPlainText(data.notes)
        self.update_experience()

    def value(self) -> PersonInput:
        """The data as entered (normalised)."""
        court_id = self.court.currentData()
        return normalise(
            PersonInput(
                iin=self.iin.text(),
                surname=self.surname.text(),
                first_name=self.first_name.text(),
                patronymic=self.patronymic.text(),
                role=self.role.currentData(),
                court_id=uuid.UUID(court_id) if court_id else None,
                position=self.position.text(),
                specialisation=self.specialisation.currentData(),
                first_appointed_on=self.first_appointed.value(),
                notes=self.notes.toPlainText(),
                status_periods=self.periods.value(),
            )
        )

    # -- validation -----------------------------------------------------------------------
    def show_errors(self, errors: list[FieldError]) -> None:
        """Put each reason beside its field; clear the others."""
        by_field: dict[str, list[str]] = {}
        for e in errors:
            by_field.setdefault(e.field, []).append(e.message())
        for name, row in self.rows.items():
            row.show_error("\n".join(by_field.get(name, [])))
        first = next((self.rows[e.field] for e in errors if e.field in self.rows), None)
        if first is not None:
            first.editor.setFocus()

    def check(self, today: date | None = None) -> bool:
        """Validate with the app's rules before anything is sent to the store."""
        self.update_experience(today)
        errors = validate(self.value(), today or date.today())
        self.show_errors(errors)
        self.validated.emit(not errors)
        return not errors
