"""Host places per period, dates a host cannot take interns, and the holidays table."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.context import Actor
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
from i18n import _, format_date, localized
from ui.context import UiContext
from ui.kit.date_field import DateField
from ui.kit.ops import run_read, run_write

ID_ROLE = Qt.ItemDataRole.UserRole


def _fill(table: QTableWidget, rows: Sequence[tuple[uuid.UUID, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for n, (row_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, row_id)
            table.setItem(n, c, item)


def _table(parent: QWidget, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setColumnWidth(0, 320)
    table.setColumnWidth(3, 140)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PlacesView(QWidget):
    """Three boxes: places offered, closed dates, holidays; each with add and delete."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year + 1)
        self.year_label = QLabel(self)
        hosts = [
            c
            for c in run_read(self, ctx.store, list_courts) or []
            if c.level in ("supreme", "regional")
        ]
        self.offer_box, self.blackout_box, self.holiday_box = (QGroupBox(self) for _ in "abc")
        self.offers = _table(self, 4)
        self.offer_court, self.blackout_court = QComboBox(self), QComboBox(self)
        for combo in (self.offer_court, self.blackout_court):
            for c in hosts:
                combo.addItem(c.name, str(c.id))
        self.offer_from, self.offer_to = (
            DateField(self, optional=False),
            DateField(self, optional=False),
        )
        self.capacity = QSpinBox(self)
        self.capacity.setRange(1, 500)
        self.capacity.setValue(3)
        self.add_offer_button, self.delete_offer_button = QPushButton(self), QPushButton(self)
        self.blackouts = _table(self, 4)
        self.blackout_from, self.blackout_to = (
            DateField(self, optional=False),
            DateField(self, optional=False),
        )
        self.reason = QLineEdit(self)
        self.add_blackout_button = QPushButton(self)
        self.delete_blackout_button = QPushButton(self)
        self.holidays = _table(self, 3)
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
        self.delete_offer_button.clicked.connect(lambda: self._delete(self.offers, delete_offer))
        self.add_blackout_button.clicked.connect(self.add_blackout)
        self.delete_blackout_button.clicked.connect(
            lambda: self._delete(self.blackouts, delete_blackout)
        )
        self.add_holiday_button.clicked.connect(self.add_holiday)
        self.delete_holiday_button.clicked.connect(
            lambda: self._delete(self.holidays, delete_holiday)
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
    def _box(box: QGroupBox, table: QTableWidget, inputs: list[QWidget]) -> None:
        row = QHBoxLayout()
        for w in inputs:
            row.addWidget(w)
        layout = QVBoxLayout(box)
        layout.addWidget(table, 1)
        layout.addLayout(row)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.year_label.setText(_("Year:"))
        self.offer_box.setTitle(_("Places offered by host courts"))
        self.blackout_box.setTitle(_("Dates a host court cannot take interns"))
        self.holiday_box.setTitle(_("Public holidays (not working days)"))
        self.offers.setHorizontalHeaderLabels(
            [_("Host court"), _("From"), _("To"), _("Places a day")]
        )
        self.blackouts.setHorizontalHeaderLabels([_("Host court"), _("From"), _("To"), _("Reason")])
        self.holidays.setHorizontalHeaderLabels([_("Holiday"), _("Date"), _("Repeats")])
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
        data = run_read(
            self,
            self._ctx.store,
            lambda s: (offers(s, year), blackouts(s, year), list_holidays(s, year)),
        )
        if data is None:
            return
        offer_rows, blackout_rows, holiday_rows = data
        _fill(
            self.offers,
            [
                (
                    o.id,
                    [
                        o.court_name,
                        format_date(o.starts_on),
                        format_date(o.ends_on),
                        str(o.capacity),
                    ],
                )
                for o in offer_rows
            ],
        )
        _fill(
            self.blackouts,
            [
                (b.id, [b.court_name, format_date(b.starts_on), format_date(b.ends_on), b.reason])
                for b in blackout_rows
            ],
        )
        _fill(
            self.holidays,
            [
                (
                    h.id,
                    [
                        localized(h.name_kk, h.name_ru),
                        format_date(date(year, h.month, h.day)),
                        _("every year") if h.year is None else _("this year only"),
                    ],
                )
                for h in holiday_rows
            ],
        )

    def _write(self, action: Callable[[Session], object]) -> None:
        run_write(self, self._ctx.store, action)
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
            lambda s: add_offer(
                s, self._ctx.actor, court, starts_on=start, ends_on=end, capacity=capacity
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
            lambda s: add_blackout(
                s, self._ctx.actor, court, starts_on=start, ends_on=end, reason=reason
            )
        )

    def add_holiday(self) -> None:
        """Add a holiday, every year or in this year only (e.g. Kurban ait)."""
        day = self.holiday_date.value()
        assert day is not None
        year = None if self.every_year.currentData() else day.year
        kk, ru = self.holiday_kk.text(), self.holiday_ru.text()
        self._write(
            lambda s: save_holiday(
                s, self._ctx.actor, year=year, month=day.month, day=day.day, name_kk=kk, name_ru=ru
            )
        )

    def _delete(
        self, table: QTableWidget, action: Callable[[Session, Actor, uuid.UUID], None]
    ) -> None:
        item = table.currentItem()
        if item is None:
            return
        row_id = item.data(ID_ROLE)
        self._write(lambda s: action(s, self._ctx.actor, row_id))
