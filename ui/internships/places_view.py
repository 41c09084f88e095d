"""Host places per period, dates a host cannot take interns, and the holidays table."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.context import Actor
from app.core.progress import Progress
from app.core.store import Session
from app.courts.service import list_courts
from app.internships.hosts import (
    add_blackout,
    add_offer,
    delete_blackout,
    delete_holiday,
    delete_offer,
    list_holidays,
    save_holiday,
)
from app.internships.queries import blackouts, offers
from i18n import _
from ui.context import UiContext
from ui.internships.internship_table_models import (
    BLACKOUT_COLUMNS,
    OFFER_COLUMNS,
    holiday_columns,
)
from ui.kit.collated import courts_in_order, set_items
from ui.kit.date_field import DateField
from ui.kit.list_table_model import ListTableModel
from ui.kit.op import Op, Query
from ui.kit.retranslating import Retranslating


def _table(parent: QWidget, model: ListTableModel[Any]) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setColumnWidth(0, 320)
    table.setColumnWidth(3, 140)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PlacesView(Retranslating, QWidget):
    """Three boxes: places offered, closed dates, holidays; each with add and delete."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year + 1)
        self.year_label = QLabel(self)
        self._hosts = [
            c
            for c in Query(self, ctx, list_courts).run() or []
            if c.level in ("supreme", "regional")
        ]
        self.offer_box, self.blackout_box, self.holiday_box = (QGroupBox(self) for _ in "abc")
        self.offer_rows = ListTableModel(ctx, OFFER_COLUMNS, self)
        self.offers = _table(self, self.offer_rows)
        self.offer_court, self.blackout_court = QComboBox(self), QComboBox(self)
        self.offer_from, self.offer_to = (
            DateField(self, optional=False),
            DateField(self, optional=False),
        )
        self.capacity = QSpinBox(self)
        self.capacity.setRange(1, 500)
        self.capacity.setValue(3)
        self.add_offer_button, self.delete_offer_button = QPushButton(self), QPushButton(self)
        self.blackout_rows = ListTableModel(ctx, BLACKOUT_COLUMNS, self)
        self.blackouts = _table(self, self.blackout_rows)
        self.blackout_from, self.blackout_to = (
            DateField(self, optional=False),
            DateField(self, optional=False),
        )
        self.reason = QLineEdit(self)
        self.add_blackout_button = QPushButton(self)
        self.delete_blackout_button = QPushButton(self)
        self.holiday_rows = ListTableModel(ctx, holiday_columns(self.year.value), self)
        self.holidays = _table(self, self.holiday_rows)
        self.holiday_date = DateField(self, optional=False)
        self.every_year = QComboBox(self)
        self.every_year.addItem("", True)
        self.every_year.addItem("", False)
        self.holiday_kk, self.holiday_ru = QLineEdit(self), QLineEdit(self)
        self.add_holiday_button = QPushButton(self)
        self.delete_holiday_button = QPushButton(self)
        self._box(
            self.offer_box,
            self.offers,
            [
                self.offer_court,
                self.offer_from,
                self.offer_to,
                self.capacity,
                self.add_offer_button,
                self.delete_offer_button,
            ],
        )
        self._box(
            self.blackout_box,
            self.blackouts,
            [
                self.blackout_court,
                self.blackout_from,
                self.blackout_to,
                self.reason,
                self.add_blackout_button,
                self.delete_blackout_button,
            ],
        )
        self._box(
            self.holiday_box,
            self.holidays,
            [
                self.holiday_date,
                self.every_year,
                self.holiday_kk,
                self.holiday_ru,
                self.add_holiday_button,
                self.delete_holiday_button,
            ],
        )
        self.add_offer_button.clicked.connect(self.add_offer)
        self.delete_offer_button.clicked.connect(
            lambda: self._delete(self.offers, self.offer_rows, delete_offer)
        )
        self.add_blackout_button.clicked.connect(self.add_blackout)
        self.delete_blackout_button.clicked.connect(
            lambda: self._delete(self.blackouts, self.blackout_rows, delete_blackout)
        )
        self.add_holiday_button.clicked.connect(self.add_holiday)
        self.delete_holiday_button.clicked.connect(
            lambda: self._delete(self.holidays, self.holiday_rows, delete_holiday)
        )
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for box in (self.offer_box, self.blackout_box, self.holiday_box):
            layout.addWidget(box, 1)
        self.year.valueChanged.connect(self._on_year_value_changed)
        self._on_year_value_changed(self.year.value())
        self.retranslate_ui()

    @staticmethod
    def _box(box: QGroupBox, table: QTableView, inputs: list[QWidget]) -> None:
        row = QHBoxLayout()
        for w in inputs:
            row.addWidget(w)
        layout = QVBoxLayout(box)
        layout.addWidget(table, 1)
        layout.addLayout(row)

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.year_label.setText(_("Year:"))
        self.offer_box.setTitle(_("Places offered by host courts"))
        self.blackout_box.setTitle(_("Dates a host court cannot take interns"))
        self.holiday_box.setTitle(_("Public holidays (not working days)"))
        self.every_year.setItemText(0, _("every year"))
        self.every_year.setItemText(1, _("this year only"))
        self.reason.setPlaceholderText(_("Reason"))
        self.holiday_kk.setPlaceholderText(_("Name in Kazakh"))
        self.holiday_ru.setPlaceholderText(_("Name in Russian"))
        for b in (self.add_offer_button, self.add_blackout_button, self.add_holiday_button):
            b.setText(_("Add"))
        for b in (
            self.delete_offer_button,
            self.delete_blackout_button,
            self.delete_holiday_button,
        ):
            b.setText(_("Delete"))
        self.add_offer_button.setToolTip(_("Add a host court's places for the year."))
        self.delete_offer_button.setToolTip(_("Delete the selected host court's places."))
        self.add_blackout_button.setToolTip(_("Add dates a host court cannot take interns."))
        self.delete_blackout_button.setToolTip(_("Delete the selected dates."))
        self.add_holiday_button.setToolTip(_("Add a public holiday or a day moved by decree."))
        self.delete_holiday_button.setToolTip(_("Delete the selected holiday."))
        self._hosts = courts_in_order(self._hosts)  # P-2: in the alphabet of the language
        for combo in (self.offer_court, self.blackout_court):
            set_items(combo, 0, [(c.name, str(c.id)) for c in self._hosts])
        self.reload()

    def _on_year_value_changed(self, year: int) -> None:
        for field in (self.offer_from, self.blackout_from, self.holiday_date):
            field.set_value(date(year, 1, 10))
        for field in (self.offer_to, self.blackout_to):
            field.set_value(date(year, 12, 20))
        self.reload()

    def reload(self) -> None:
        """Refill the three tables for the year."""
        year = self.year.value()
        data = Query(
            self, self._ctx, lambda s: (offers(s, year), blackouts(s, year), list_holidays(s, year))
        ).run()
        if data is None:
            return
        offer_rows, blackout_rows, holiday_rows = data
        self.offer_rows.set_rows(offer_rows)
        self.blackout_rows.set_rows(blackout_rows)
        self.holiday_rows.set_rows(holiday_rows)

    def _write(self, work: Callable[[Session, Actor, Progress], object]) -> None:
        Op(self, self._ctx, work).run()
        self.reload()
        self.changed.emit()

    def _court(self, combo: QComboBox) -> uuid.UUID:
        return uuid.UUID(str(combo.currentData()))

    def add_offer(self) -> None:
        """Offer places at the chosen host court over the chosen period."""
        court, start, end = (
            self._court(self.offer_court),
            self.offer_from.value(),
            self.offer_to.value(),
        )
        assert start is not None and end is not None
        capacity = self.capacity.value()
        self._write(
            lambda s, actor, _p: add_offer(
                s, actor, court, starts_on=start, ends_on=end, capacity=capacity
            )
        )

    def add_blackout(self) -> None:
        """Close the chosen host court over the chosen dates."""
        court, start, end = (
            self._court(self.blackout_court),
            self.blackout_from.value(),
            self.blackout_to.value(),
        )
        assert start is not None and end is not None
        reason = self.reason.text()
        self._write(
            lambda s, actor, _p: add_blackout(
                s, actor, court, starts_on=start, ends_on=end, reason=reason
            )
        )

    def add_holiday(self) -> None:
        """Add a holiday, every year or in this year only (e.g. Kurban ait)."""
        day = self.holiday_date.value()
        assert day is not None
        year = None if self.every_year.currentData() else day.year
        kk, ru = self.holiday_kk.text(), self.holiday_ru.text()
        self._write(
            lambda s, actor, _p: save_holiday(
                s, actor, year=year, month=day.month, day=day.day, name_kk=kk, name_ru=ru
            )
        )

    def _delete(
        self,
        table: QTableView,
        rows: ListTableModel[Any],
        action: Callable[[Session, Actor, uuid.UUID], None],
    ) -> None:
        found = rows.row_at(table.currentIndex().row())
        if found is None:
            return
        row_id = found.id
        self._write(lambda s, actor, _p: action(s, actor, row_id))
