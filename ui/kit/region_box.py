"""A region chooser: all regions, then each by its regional court; it opens on the centre's."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QWidget

from app.courts.centre import centre_region_code
from app.courts.service import list_courts
from i18n import _
from ui.context import UiContext
from ui.kit.collated import courts_in_order, set_items
from ui.kit.op import Query


class RegionBox(QComboBox):
    """Item data is the region code ("" for all regions).

    A training centre works its own region, so the box opens there; the whole store is one
    choice away. National lists held at once were the program's memory peak (issue 11).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A court's name can be long in Kazakh: the box keeps a modest width in a row of
        # filters (the list it opens still shows whole names), so the page fits 1366 px.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        courts = Query(self, ctx, list_courts).run() or []
        self._courts = [c for c in courts if c.level == "regional"]
        self.addItem("", "")
        set_items(self, 1, [("", c.region_code) for c in self._courts])
        home = Query(self, ctx, centre_region_code).run() or ""
        self.setCurrentIndex(max(self.findData(home), 0))
        self.retranslate_ui()

    def code(self) -> str:
        """The chosen region's code; "" for all regions."""
        return str(self.currentData() or "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """The choices in the language shown, courts in its alphabet (P-2)."""
        self.setItemText(0, _("All regions"))
        self._courts = courts_in_order(self._courts)
        set_items(self, 1, [(c.name, c.region_code) for c in self._courts])
