"""What every tab of the pair panel shares: captions that retranslate, one action per click."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

from app.core.store import Session
from app.mentoring.dto import PairDTO
from i18n import _
from ui.context import UiContext
from ui.kit.date_field import DateField

if TYPE_CHECKING:
    from ui.mentoring.pair_panel import PairPanel


def date_edit(parent: QWidget) -> DateField:
    """A date field in the document format, today by default: ui/kit's one DateField."""
    return DateField(parent, optional=False)


def picked_date(edit: DateField) -> date:
    """The date a date field shows."""
    return edit.day()


class PairTab(QWidget):
    """A tab working on the panel's pair; subclasses build in _build and add captions."""

    def __init__(self, panel: PairPanel, ctx: UiContext) -> None:
        super().__init__(panel)
        self._panel = panel
        self._ctx = ctx
        self._labels: list[tuple[QLabel, str]] = []
        self._buttons: list[tuple[QPushButton, str]] = []
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        raise NotImplementedError

    @property
    def pair(self) -> PairDTO | None:
        """The pair the panel shows."""
        return self._panel.pair

    def _run(self, action: Callable[[Session], Any]) -> Any:
        return self._panel.run(action)

    def _button(self, parent: QWidget, msgid: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(parent)
        button.clicked.connect(slot)
        self._buttons.append((button, msgid))
        return button

    def _form(self, page: QWidget, rows: list[tuple[str, QWidget]]) -> QFormLayout:
        form = QFormLayout()
        for msgid, widget in rows:
            label = QLabel(page)
            self._labels.append((label, msgid))
            form.addRow(label, widget)
        return form

    def refresh(self) -> None:
        """Show the current pair's data (tabs that show data override this)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Labels and buttons in the active language; subclasses add their own captions."""
        for label, msgid in self._labels:
            label.setText(_(msgid))
        for button, msgid in self._buttons:
            button.setText(_(msgid))
