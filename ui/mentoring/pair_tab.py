"""What every tab of the pair panel shares: captions that retranslate, one action per click."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

from app.mentoring.dto import PairDTO
from i18n import _
from ui.context import UiContext
from ui.kit.date_field import DateField
from ui.kit.op import Work
from ui.kit.retranslating import Retranslating

if TYPE_CHECKING:
    from app.core.store import Session
    from ui.mentoring.pair_panel import PairPanel

T = TypeVar("T")


def date_field(parent: QWidget) -> DateField:
    """A date that is always filled in, today by default."""
    return DateField(parent, optional=False)


class PairTab(Retranslating, QWidget):
    """A tab working on the panel's pair; subclasses build in _build and add captions."""

    def __init__(self, panel: PairPanel, ctx: UiContext) -> None:
        super().__init__(panel)
        self._panel = panel
        self._ctx = ctx
        self._labels: list[tuple[QLabel, str]] = []
        self._buttons: list[tuple[QPushButton, str, str]] = []
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        raise NotImplementedError

    @property
    def pair(self) -> PairDTO | None:
        """The pair the panel shows."""
        return self._panel.pair

    def _run(self, work: Work[T]) -> T | None:
        return self._panel.run(work)

    def _read(self, query: Callable[[Session], T]) -> T | None:
        return self._panel.read(query)

    def _button(
        self, parent: QWidget, msgid: str, slot: Callable[[], None], tip: str
    ) -> QPushButton:
        """A button whose text and tooltip (catalog ids) follow the language."""
        button = QPushButton(parent)
        button.clicked.connect(slot)
        self._buttons.append((button, msgid, tip))
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

    def retranslate_ui(self) -> None:
        """Labels and buttons in the active language; subclasses add their own captions."""
        for label, msgid in self._labels:
            label.setText(_(msgid))
        for button, msgid, tip in self._buttons:
            button.setText(_(msgid))
            button.setToolTip(_(tip))
