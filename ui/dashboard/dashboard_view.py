"""Start page: the centre, the database and a few counts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.courts.centre import current_centre
from app.dashboard.queries import DashboardFigures, dashboard_figures
from i18n import _, format_number
from ui.context import UiContext
from ui.kit.op import Query
from ui.kit.retranslating import Retranslating


class _Tile(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value, self.caption = QLabel(self), QLabel(self)
        self.value.setStyleSheet("font-size: 22pt; font-weight: 600;")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.caption)


class DashboardView(Retranslating, QWidget):
    """Counts refresh when the page is shown."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._figures: DashboardFigures | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.location = QLabel(self)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tiles = [_Tile(self) for _i in range(5)]
        grid = QGridLayout()
        for i, tile in enumerate(self.tiles):
            grid.addWidget(tile, i // 3, i % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.location)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Re-read the counts."""
        self._figures = Query(self, self._ctx, dashboard_figures).run()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        centre = Query(self, self._ctx, current_centre).run()
        self.heading.setText(
            centre.name if centre else _("Training centre not chosen yet (Settings)")
        )
        self.location.setText(_("Database: {location}").format(location=self._ctx.store.location))
        f = self._figures
        values = (
            [f.people, f.judges, f.district_courts, f.on_leave_or_suspended, f.changes_today]
            if f
            else [0] * 5
        )
        captions = [
            _("People in the register"),
            _("Judges"),
            _("District courts"),
            _("On leave or suspended today"),
            _("Changes saved today"),
        ]
        for tile, value, caption in zip(self.tiles, values, captions, strict=True):
            tile.value.setText(format_number(value))
            tile.caption.setText(caption)
