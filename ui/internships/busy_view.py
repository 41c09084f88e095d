"""Busy periods of judges (what internship planning avoids): a list per court, add, edit, delete."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.courts.service import list_courts
from app.internships.busy import SOURCES, busy_rows, delete_busy_period, save_busy_period
from app.internships.dto import BusyRow
from app.internships.queries import host_tutors
from i18n import N_, _, format_date
from ui.context import UiContext
from ui.kit.collated import courts_in_order, set_items
from ui.kit.date_field import DateField
from ui.kit.enter_opens import open_on_enter
from ui.kit.list_table_model import Column, ListTableModel
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating

BUSY_COLUMNS = (
    Column[BusyRow](N_("Judge"), lambda r: r.person_name),
    Column[BusyRow](N_("Court"), lambda r: r.court_name),
    Column[BusyRow](N_("From"), lambda r: format_date(r.starts_on)),
    Column[BusyRow](N_("To"), lambda r: format_date(r.ends_on)),
    Column[BusyRow](
        N_("Source"), lambda r: _(SOURCES[r.source]) if r.source in SOURCES else r.source
    ),
    Column[BusyRow](N_("Note"), lambda r: r.note),
)


class BusyView(Retranslating, QWidget):
    """The year's busy periods of a court's judges; the form below adds or corrects one."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._editing: BusyRow | None = None
        self.year_label, self.court_label = QLabel(self), QLabel(self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.court = QComboBox(self)
        # Court names run long in Kazakh: the combo must not widen the window past the screen.
        self.court.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.court.setMinimumContentsLength(30)
        self.court.addItem("", None)
        self._courts = Query(self, ctx, list_courts).run() or []
        set_items(self.court, 1, [(c.name, str(c.id)) for c in courts_in_order(self._courts)])
        self.rows = ListTableModel[BusyRow](ctx, BUSY_COLUMNS, self)
        self.table = QTableView(self)
        self.table.setModel(self.rows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 280)
        self.table.setColumnWidth(1, 280)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.person = QComboBox(self)
        self.person.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.person.setMinimumContentsLength(24)
        self.starts_on = DateField(self, optional=False)
        self.ends_on = DateField(self, optional=False)
        self.note = QLineEdit(self)
        self.add_button, self.save_button, self.delete_button = (QPushButton(self) for _ in "abc")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        top = QHBoxLayout()
        for head in (self.year_label, self.year, self.court_label, self.court):
            top.addWidget(head)
        top.addStretch(1)
        form = QHBoxLayout()
        for w in (self.person, self.starts_on, self.ends_on):
            form.addWidget(w)
        form.addWidget(self.note, 1)
        acts = QHBoxLayout()
        for b in (self.add_button, self.save_button, self.delete_button):
            acts.addWidget(b)
        acts.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(acts)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        open_on_enter(self.table, lambda _i: self.edit_selected())
        self.year.valueChanged.connect(lambda _y: self._new())
        self.court.currentIndexChanged.connect(self._on_court_current_index_changed)
        self._new()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.year_label.setText(_("Year:"))
        self.court_label.setText(_("Court:"))
        self.court.setItemText(0, _("All courts"))
        if self.person.count():  # the court's judges in the new language's order
            chosen = self.person.currentData()
            self._fill_people()
            self.person.setCurrentIndex(max(self.person.findData(chosen), 0))
        self._courts = courts_in_order(self._courts)  # P-2: in the alphabet of the language
        # Qt compares strings, not UUIDs
        set_items(self.court, 1, [(c.name, str(c.id)) for c in self._courts])
        self.note.setPlaceholderText(_("What the judge is busy with"))
        self.add_button.setText(_("Add"))
        self.add_button.setToolTip(_("Add the period: the planner will not place the judge then."))
        self.save_button.setText(_("Save changes"))
        self.save_button.setToolTip(_("Save the new dates and note of the period being edited."))
        self.delete_button.setText(_("Delete"))
        self.delete_button.setToolTip(_("Delete the selected busy period."))
        self.reload()

    def reload(self) -> None:
        """Refill the list for the year and court."""
        year, raw = self.year.value(), self.court.currentData()
        court = uuid.UUID(str(raw)) if raw else None
        found = Query(self, self._ctx, lambda s: busy_rows(s, year, court_id=court)).run()
        if found is not None:
            self.rows.set_rows(found)
        self._hint()

    def _hint(self) -> None:
        # What fills an empty list, or why a period cannot be added yet.
        if self.court.currentData() is None:
            self.message.setText(_("Choose a court to add a busy period of one of its judges."))
        elif not self.rows.rows:
            self.message.setText(_("No busy periods this year; add one with the form below."))
        else:
            self.message.clear()

    def _on_court_current_index_changed(self, _index: int) -> None:
        self._fill_people()
        self._new()

    def _fill_people(self) -> None:
        raw = self.court.currentData()
        self.person.clear()
        if raw:
            court = uuid.UUID(str(raw))
            for pid, name in Query(self, self._ctx, lambda s: host_tutors(s, court)).run() or []:
                self.person.addItem(name, str(pid))

    def _new(self) -> None:
        """An empty form: the next click on Add creates a new period."""
        self._editing = None
        year = self.year.value()
        self.starts_on.set_value(date(year, 1, 10))
        self.ends_on.set_value(date(year, 1, 14))
        self.note.clear()
        self.save_button.setEnabled(False)
        self.reload()

    def edit_selected(self) -> None:
        """Load the selected period into the form for correction."""
        row = self.rows.row_at(self.table.currentIndex().row())
        if row is None:
            return
        self._editing = row
        found = self.person.findData(str(row.person_id))
        if found < 0:
            self.person.addItem(row.person_name, str(row.person_id))
            found = self.person.count() - 1
        self.person.setCurrentIndex(found)
        self.starts_on.set_value(row.starts_on)
        self.ends_on.set_value(row.ends_on)
        self.note.setText(row.note)
        self.save_button.setEnabled(True)
        self.starts_on.setFocus()

    def _write(self, busy_id: uuid.UUID | None, version: int | None) -> None:
        raw = self.person.currentData()
        start, end, note = self.starts_on.value(), self.ends_on.value(), self.note.text()
        if raw is None or start is None or end is None:
            self.message.setText(_("Choose the judge and the dates."))
            return
        person = uuid.UUID(str(raw))
        Op(
            self,
            self._ctx,
            lambda s, actor, _p: save_busy_period(
                s,
                actor,
                person,
                starts_on=start,
                ends_on=end,
                note=note,
                busy_id=busy_id,
                expected_version=version,
            ),
        ).success(self._saved).success_message(_("Busy period saved.")).refusals_to(
            self.message.setText
        ).run()

    def _saved(self, busy_id: uuid.UUID) -> None:
        self._new()
        self.changed.emit()
        for row, item in enumerate(self.rows.rows):
            if item.id == busy_id:
                self.table.selectRow(row)

    def add(self) -> None:
        """Add a new busy period for the chosen judge."""
        self._write(None, None)

    def save(self) -> None:
        """Save the corrected dates and note of the period being edited."""
        if self._editing is not None:
            self._write(self._editing.id, self._editing.version)

    def delete(self) -> None:
        """Delete the selected period."""
        row = self.rows.row_at(self.table.currentIndex().row())
        if row is None:
            self.message.setText(_("Select a busy period in the list first."))
            return
        busy_id = row.id
        Op(self, self._ctx, lambda s, actor, _p: delete_busy_period(s, actor, busy_id)).success(
            self._deleted
        ).success_message(_("Busy period deleted.")).refusals_to(self.message.setText).run()

    def _deleted(self, _result: None) -> None:
        self._new()
        self.changed.emit()
