"""A Gantt-like timeline of a year: one row per host court or per judge, a bar per internship.

Bars are dragged with the mouse: sideways moves the dates, onto another row (rows by host
court) moves the internship to that host. The widget only reports the move; the view checks it.
Internships that overlap in one row are drawn in separate lanes so that each stays visible.
The keyboard selects a bar too: arrows move between bars and rows, Enter opens the selected one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from app.internships.dto import InternshipDTO
from i18n import current_language, format_date

LABEL_WIDTH = 320
ROW_HEIGHT = 24
LANE_HEIGHT = 14
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
    activated = Signal(object)  # InternshipDTO double-clicked, or Enter on the selected bar
    current_changed = Signal(object)  # the selected InternshipDTO (keyboard or click), or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.current: InternshipDTO | None = None
        self.year = date.today().year
        self.rows: list[Row] = []
        self.items: list[InternshipDTO] = []
        self.by_host = True
        self.flagged: set[uuid.UUID] = set()
        self._drag: InternshipDTO | None = None
        self._drag_from = QPoint()
        self._drag_offset = QPoint()
        self._lane: dict[uuid.UUID, int] = {}
        self._top: dict[uuid.UUID, int] = {}
        self._height: dict[uuid.UUID, int] = {}
        self._bottom = HEADER_HEIGHT + ROW_HEIGHT

    def set_data(
        self, year: int, rows: list[Row], items: list[InternshipDTO], *, by_host: bool
    ) -> None:
        """Show a year's internships in rows keyed by host court or by judge."""
        self.year, self.rows, self.items, self.by_host = year, rows, items, by_host
        self._drag = None
        kept = self.current.id if self.current is not None else None
        self.current = next((i for i in items if i.id == kept), None)
        self.relayout()

    def relayout(self) -> None:
        """Lanes and row heights after the items changed."""
        ends: dict[uuid.UUID, list[date]] = {r.key: [] for r in self.rows}
        self._lane = {}
        for item in sorted(self.items, key=lambda i: (i.starts_on, i.ends_on)):
            lanes = ends.setdefault(self._row_key(item), [])
            lane = next((n for n, end in enumerate(lanes) if end < item.starts_on), len(lanes))
            if lane == len(lanes):
                lanes.append(item.ends_on)
            else:
                lanes[lane] = item.ends_on
            self._lane[item.id] = lane
        self._top, self._height = {}, {}
        y = HEADER_HEIGHT
        for r in self.rows:
            self._top[r.key] = y
            self._height[r.key] = max(ROW_HEIGHT, len(ends[r.key]) * LANE_HEIGHT + 6)
            y += self._height[r.key]
        self._bottom = y
        self.updateGeometry()
        self.resize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:
        days = (date(self.year, 12, 31) - date(self.year, 1, 1)).days + 1
        return QSize(LABEL_WIDTH + days * DAY_WIDTH + 10, self._bottom + 4)

    def _row_key(self, item: InternshipDTO) -> uuid.UUID:
        return item.host_court_id if self.by_host else item.person_id

    def row_at(self, y: int) -> Row | None:
        """The row under a y position."""
        for r in self.rows:
            if self._top[r.key] <= y < self._top[r.key] + self._height[r.key]:
                return r
        return None

    def x_of(self, day: date) -> int:
        """Left edge of a day."""
        return LABEL_WIDTH + (day - date(self.year, 1, 1)).days * DAY_WIDTH

    def bar_rect(self, item: InternshipDTO) -> QRect:
        """Where an internship's bar is drawn (clipped to the year)."""
        key = self._row_key(item)
        if key not in self._top:
            return QRect()
        start = max(item.starts_on, date(self.year, 1, 1))
        end = min(item.ends_on, date(self.year, 12, 31))
        width = max(((end - start).days + 1) * DAY_WIDTH, 2)
        lanes = max((self._height[key] - 6) // LANE_HEIGHT, 1)
        height = LANE_HEIGHT - 3 if lanes > 1 else ROW_HEIGHT - 6
        y = self._top[key] + 3 + self._lane.get(item.id, 0) * LANE_HEIGHT
        return QRect(self.x_of(start), y, width, height)

    def item_at(self, pos: QPoint) -> InternshipDTO | None:
        """The bar under a point, if any."""
        for item in reversed(self.items):
            if self.bar_rect(item).contains(pos):
                return item
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = painter.fontMetrics()
        for i, row in enumerate(self.rows):
            y, height = self._top[row.key], self._height[row.key]
            if i % 2:
                painter.fillRect(0, y, self.width(), height, QColor(0, 0, 0, 12))
            painter.setPen(self.palette().text().color())
            text = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 8)
            painter.drawText(
                QRect(4, y, LABEL_WIDTH - 8, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, text
            )
        months = MONTHS.get(current_language(), MONTHS["ru"])
        painter.setPen(QPen(QColor("#9aa5b1")))
        for m in range(1, 13):
            x = self.x_of(date(self.year, m, 1))
            painter.drawLine(x, 0, x, self.height())
            painter.drawText(x + 4, 15, months[m - 1])
        for item in self.items:
            rect = self.bar_rect(item)
            if item is self._drag:
                rect.translate(self._drag_offset)
            colour = QColor("#c0392b") if item.id in self.flagged else QColor("#2e86c1")
            painter.fillRect(rect, colour)
            painter.setPen(QPen(QColor("#ffffff")))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if self.current is not None:
            # A dark frame around the selected bar: seen in black and white too.
            painter.setPen(QPen(self.palette().text().color(), 2))
            painter.drawRect(self.bar_rect(self.current).adjusted(-2, -2, 1, 1))
        painter.end()

    def select(self, item: InternshipDTO | None) -> None:
        """Make a bar the selected one (what the arrows move from and Enter opens)."""
        self.current = item
        self.current_changed.emit(item)
        self.update()

    def _ordered(self) -> list[InternshipDTO]:
        """Bars in reading order: row by row, then by start."""
        order = {r.key: n for n, r in enumerate(self.rows)}
        placed = [i for i in self.items if self._row_key(i) in order]
        return sorted(placed, key=lambda i: (order[self._row_key(i)], i.starts_on, i.ends_on))

    def _next_in_row(self, step: int) -> InternshipDTO | None:
        bars = self._ordered()
        if self.current not in bars:
            return bars[0] if bars else None
        at = bars.index(self.current) + step
        return bars[at] if 0 <= at < len(bars) else self.current

    def _nearest_in_next_row(self, step: int) -> InternshipDTO | None:
        bars = self._ordered()
        if self.current not in bars:
            return bars[0] if bars else None
        keys = [r.key for r in self.rows]
        row = keys.index(self._row_key(self.current)) + step
        while 0 <= row < len(keys):
            there = [i for i in bars if self._row_key(i) == keys[row]]
            if there:  # the bar closest in time to the one left
                start = self.current.starts_on
                return min(there, key=lambda i: abs((i.starts_on - start).days))
            row += step
        return self.current

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        moves = {
            Qt.Key.Key_Right: lambda: self._next_in_row(1),
            Qt.Key.Key_Left: lambda: self._next_in_row(-1),
            Qt.Key.Key_Down: lambda: self._nearest_in_next_row(1),
            Qt.Key.Key_Up: lambda: self._nearest_in_next_row(-1),
        }
        if key in moves:
            self.select(moves[key]())
            event.accept()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current is not None:
            self.activated.emit(self.current)
            event.accept()
        else:
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position().toPoint())
        self._drag = None
        if item is not None:
            self.activated.emit(item)
        super().mouseDoubleClickEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = self.item_at(event.position().toPoint())
            if self._drag is not None:
                self.select(self._drag)
            self._drag_from = event.position().toPoint()
            self._drag_offset = QPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._drag is not None:
            delta = pos - self._drag_from
            self._drag_offset = QPoint(
                delta.x() // DAY_WIDTH * DAY_WIDTH, delta.y() if self.by_host else 0
            )
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
            pos = event.position().toPoint()
            days = round((pos.x() - self._drag_from.x()) / DAY_WIDTH)
            host = item.host_court_id
            if self.by_host:
                target = self.row_at(pos.y())
                if target is not None:
                    host = target.key
            if days or host != item.host_court_id:
                self.moved.emit(item, host, item.starts_on + timedelta(days=days))
        self.update()
        super().mouseReleaseEvent(event)
