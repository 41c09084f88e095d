"""A date edit that can be left empty, in the dd.MM.yyyy form documents use."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

_EMPTY = QDate(1900, 1, 1)


class DateField(QDateEdit):
    """Shows "—" when no date is set (the minimum date stands for "none")."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd.MM.yyyy")
        self.setCalendarPopup(True)
        self._optional = optional
        if optional:
            self.setMinimumDate(_EMPTY)
            self.setSpecialValueText("—")
            self.setDate(_EMPTY)
        else:
            self.setDate(QDate.currentDate())

    def value(self) -> date | None:
        """The date, or None when empty."""
        qd = self.date()
        if self._optional and qd == _EMPTY:
            return None
        return date(qd.year(), qd.month(), qd.day())

    def day(self) -> date:
        """The date shown, for a field that cannot be empty (optional=False)."""
        qd = self.date()
        return date(qd.year(), qd.month(), qd.day())

    def set_value(self, value: date | None) -> None:
        """Show a date, or empty."""
        if value is None:
            self.setDate(_EMPTY if self._optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))
