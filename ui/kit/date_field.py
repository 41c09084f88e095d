"""The one date field: typed dd.mm.yyyy (or ddmmyyyy, d.m.yy), a calendar, a clear button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from i18n import _, babel_locale, format_date
from i18n.typed_date import parse_typed_date
from ui.kit.retranslating import Retranslating


def _shown(value: date) -> str:
    """The date as the language writes it: "15 мар. 2020 г." / "2020 ж. 15 нау."."""
    from babel import dates as babel_dates

    return str(babel_dates.format_date(value, "medium", locale=babel_locale()))


class DateField(Retranslating, QWidget):
    """A date typed or picked; an optional one can be emptied with its clear button.

    While the field has focus it holds the typed form (dd.mm.yyyy); away from it, the date
    as the language writes it. Text that is no date stays as typed with the reason beside
    it (never reverted), and ``is_valid()`` is False until it is corrected or cleared.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self._optional = optional
        self._value: date | None = None if optional else date.today()
        self.edit = QLineEdit(self)
        self.edit.setObjectName("dateText")
        self.edit.installEventFilter(self)
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.edit.editingFinished.connect(self._on_edit_editing_finished)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        # Keyboard users type; Tab goes from the text to the next field, not to the buttons.
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(self._on_calendar_button_clicked)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("✕")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.clear_button.setVisible(optional)
        self.error = QLabel(self)
        self.error.setObjectName("dateError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.calendar: QCalendarWidget | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00.00.00000") + 12)
        self.retranslate_ui()
        self._show_value()

    # -- the value --------------------------------------------------------------------------
    def value(self) -> date | None:
        """The date, or None when empty (or when the typed text is no date)."""
        return self._value

    def day(self) -> date:
        """The date, for a field that cannot be empty (optional=False)."""
        return self._value or date.today()

    def set_value(self, value: date | None) -> None:
        """Show a date, or empty (a required field shows today instead)."""
        if value is None and not self._optional:
            value = date.today()
        self._set(value)
        self._show_value()

    def is_valid(self) -> bool:
        """False while the text is no date, or a required field is empty."""
        return not self.error.text()

    # -- behaviour ---------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.edit.setPlaceholderText(_("dd.mm.yyyy"))
        self.calendar_button.setToolTip(_("Pick a date"))
        self.clear_button.setToolTip(_("Clear the date"))
        if self.error.text():
            self._validate()
        elif not self.edit.hasFocus():
            self._show_value()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit:
            if event.type() == QEvent.Type.FocusIn and not self.error.text():
                self.edit.setText(format_date(self._value))
                self.edit.selectAll()
            elif event.type() == QEvent.Type.FocusOut:
                self._validate()
        return super().eventFilter(watched, event)

    def _set(self, value: date | None) -> None:
        self.error.clear()
        self.error.hide()
        if value != self._value:
            self._value = value
            self.changed.emit()

    def _show_value(self) -> None:
        if self.edit.hasFocus():
            self.edit.setText(format_date(self._value))
        else:
            self.edit.setText(_shown(self._value) if self._value else "")
        self.edit.setToolTip(format_date(self._value))

    def _on_edit_text_edited(self, text: str) -> None:
        parsed = parse_typed_date(text)
        if parsed is not None:
            self._set(parsed)

    def _on_edit_editing_finished(self) -> None:
        self._validate()

    def _validate(self) -> None:
        text = self.edit.text().strip()
        if not text:
            if self._optional:
                self._set(None)
            else:
                self._refuse(_("Enter a date."))
                return
        else:
            parsed = parse_typed_date(text)
            if parsed is None and self._value is not None and text == _shown(self._value):
                parsed = self._value
            if parsed is None:
                self._refuse(_("No such date: {text}").format(text=text))
                return
            self._set(parsed)
        self._show_value()

    def _refuse(self, reason: str) -> None:
        if self._optional and self._value is not None:
            self._value = None
            self.changed.emit()
        self.error.setText(reason)
        self.error.show()

    def _on_clear_button_clicked(self) -> None:
        self.set_value(None)

    def _on_calendar_button_clicked(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._on_calendar_clicked)
            self.calendar.activated.connect(self._on_calendar_clicked)
        # Opens on the date shown, else today: never on the January 1900 of an empty value.
        start = self._value or date.today()
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()

    def _on_calendar_clicked(self, picked: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        self.edit.setFocus()
