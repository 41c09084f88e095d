"""The start-up notice: overdue items, once on the first start of a day, until dismissed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.agenda.dto import AgendaItem
from app.agenda.text import title_of
from i18n import _, ngettext

SHOWN_KEY = "agenda/overdue_notice_day"  # the day the notice was last shown
TITLES_SHOWN = 3


class OverdueBanner(QFrame):
    """Hidden unless `offer()` finds overdue items and the day's notice was not shown yet."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overdue_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#overdue_banner { border: 2px solid #333; }")
        self._settings = settings
        self._items: list[AgendaItem] = []
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.dismiss = QPushButton(self)
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.dismiss)
        self.hide()

    def offer(self, on: date, overdue: list[AgendaItem]) -> None:
        """Show the overdue items if this is the day's first look at them."""
        if not overdue or self._settings.value(SHOWN_KEY, "") == on.isoformat():
            return
        self._settings.setValue(SHOWN_KEY, on.isoformat())
        self._items = overdue
        self.retranslate_ui()
        self.show()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.dismiss.setText(_("Dismiss"))
        self.dismiss.setToolTip(_("Hide the notice of overdue items."))
        if not self._items:
            return
        n = len(self._items)
        head = ngettext("Overdue: {n} item.", "Overdue: {n} items.", n).format(n=n)
        titles = "; ".join(title_of(i) for i in self._items[:TITLES_SHOWN])
        self.text.setText(f"<b>{head}</b> {titles}" + ("…" if n > TITLES_SHOWN else ""))
