"""A Gantt-like timeline of a year: one row per host court or per judge, a bar per internship.

Bars are dragged with the mouse: sideways moves the dates, up or down (rows by host court)
moves the internship to another host. The widget only reports the move; the view checks it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from app.internships.dto import InternshipDTO
from i18n import current_language, format_date

LABEL_WIDTH = 260
ROW_HEIGHT = 24
HEADER_HEIGHT = 22
DAY_WIDTH = 3
MONTHS = {
    "kk": ["Қаң", "Ақп", "Нау", "Сәу", "Мам", "Мау", "Шіл", "Там", "Қыр", "Қаз", "Қар", "Жел"],
    "ru": ["Янв", "Фев", "Мар", "Апр", "Май", "Июн", "Июл", "Авг", "Сен", "Окт", "Ноя", "Дек"],
}


@dataclass(frozen=True)
class Row:
    """One line of the timeline: a host court or a judge."""

    key: uuid.UUID
    label: str


class TimelineWidget(QWidget):
    """Rows of bars over a year; emits moved(internship, new host, new start) on a drop."""

    moved = Signal(object, object, object)  # InternshipDTO, host id, start date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.year = date.today().year
        self.rows: list[Row] = []
        self.items: list[InternshipDTO] = []
        self.by_host = True
        self.flagged: set[uuid.UUID] = set()
        self._drag: InternshipDTO | None = None
        self._drag_from = QPoint()
        self._drag_offset = QPoint()

    def set_data(
        self, year: int, rows: list[Row], items: list[InternshipDTO], *, by_host: bool
    ) -> None:
        """Show a year's internships in rows keyed by host court or by judge."""
        self.year, self.rows, self.items, self.by_host = year, rows, items, by_host
        self._drag = None
        self.updateGeometry()
        self.resize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:
        days = (date(self.year, 12, 31) - date(self.year, 1, 1)).days + 1
        return QSize(
            LABEL_WIDTH + days * DAY_WIDTH + 10,
            HEADER_HEIGHT + max(len(self.rows), 1) * ROW_HEIGHT + 4,
        )

    def _row_key(self, item: InternshipDTO) -> uuid.UUID:
        return item.host_court_id if self.by_host else item.person_id

    def _row_index(self) -> dict[uuid.UUID, int]:
        return {r.key: i for i, r in enumerate(self.rows)}

    def x_of(self, day: date) -> int:
        """Left edge of a day."""
        return LABEL_WIDTH + (day - date(self.year, 1, 1)).days * DAY_WIDTH

    def day_at(self, x: int) -> date:
        """The day under an x position (clamped to the year)."""
        days = (date(self.year, 12, 31) - date(self.year, 1, 1)).days
        n = min(max((x - LABEL_WIDTH) // DAY_WIDTH, 0), days)
        return date(self.year, 1, 1) + timedelta(days=n)

    def bar_rect(self, item: InternshipDTO) -> QRect:
        """Where an internship's bar is drawn (clipped to the year)."""
        row = self._row_index().get(self._row_key(item), -1)
        start = max(item.starts_on, date(self.year, 1, 1))
        end = min(item.ends_on, date(self.year, 12, 31))
        x = self.x_of(start)
        width = max(((end - start).days + 1) * DAY_WIDTH, 2)
        return QRect(x, HEADER_HEIGHT + row * ROW_HEIGHT + 3, width, ROW_HEIGHT - 6)

    def item_at(self, pos: QPoint) -> InternshipDTO | None:
        """The bar under a point, if any."""
        for item in reversed(self.items):
            if self.bar_rect(item).contains(pos):
                return item
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        months = MONTHS.get(current_language(), MONTHS["ru"])
        painter.setPen(QPen(QColor("#9aa5b1")))
        for m in range(1, 13):
            x = self.x_of(date(self.year, m, 1))
            painter.drawLine(x, 0, x, self.height())
            painter.drawText(x + 4, 15, months[m - 1])
        painter.setPen(self.palette().text().color())
        for i, row in enumerate(self.rows):
            y = HEADER_HEIGHT + i * ROW_HEIGHT
            if i % 2:
                painter.fillRect(0, y, self.width(), ROW_HEIGHT, QColor(0, 0, 0, 12))
            painter.drawText(
                QRect(4, y, LABEL_WIDTH - 8, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, row.label
            )
        for item in self.items:
            rect = self.bar_rect(item)
            if item is self._drag:
                rect.translate(self._drag_offset)
            colour = QColor("#c0392b") if item.id in self.flagged else QColor("#2e86c1")
            painter.fillRect(rect, colour)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = self.item_at(event.position().toPoint())
            self._drag_from = event.position().toPoint()
            self._drag_offset = QPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._drag is not None:
            delta = pos - self._drag_from
            rows = delta.y() // ROW_HEIGHT if self.by_host else 0
            self._drag_offset = QPoint(delta.x() // DAY_WIDTH * DAY_WIDTH, rows * ROW_HEIGHT)
            self.update()
        else:
            item = self.item_at(pos)
            if item is not None:
                QToolTip.showText(
                    event.globalPosition().toPoint(),
                    f"{item.person_name}\n{item.host_name}\n"
                    f"{format_date(item.starts_on)} – {format_date(item.ends_on)}",
                    self,
                )
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        item, self._drag = self._drag, None
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            delta = event.position().toPoint() - self._drag_from
            days = round(delta.x() / DAY_WIDTH)
            host = item.host_court_id
            if self.by_host:
                index = self._row_index()[host] + delta.y() // ROW_HEIGHT
                if 0 <= index < len(self.rows):
                    host = self.rows[index].key
            if days or host != item.host_court_id:
                self.moved.emit(item, host, item.starts_on + timedelta(days=days))
        self.update()
        super().mouseReleaseEvent(event)
