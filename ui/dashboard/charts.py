"""Horizontal bar charts drawn with QPainter: hatched series, so they read in black and white."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from i18n import format_number

# Fill and hatch per series: grey levels plus patterns tell the series apart without colour.
PATTERNS = (
    (QColor(70, 70, 70), Qt.BrushStyle.SolidPattern),
    (QColor(150, 150, 150), Qt.BrushStyle.BDiagPattern),
    (QColor(40, 40, 40), Qt.BrushStyle.Dense6Pattern),
    (QColor(110, 110, 110), Qt.BrushStyle.CrossPattern),
)
ROW_H, GAP, LEGEND_H = 18, 5, 20


@dataclass(frozen=True)
class ChartData:
    """Categories (rows) by series (stacked segments); values[row][series]. The title is
    shown by the panel in a label, which wraps long Kazakh and Russian titles.
    """

    title: str
    categories: tuple[str, ...]
    series: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]


class BarChart(QWidget):
    """Stacked horizontal bars with the total at each bar's end and a legend under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ChartData("", (), (), ())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, data: ChartData) -> None:
        """Show new figures (texts already in the active language)."""
        self.data = data
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        rows = len(self.data.categories)
        legend = LEGEND_H if len(self.data.series) > 1 else 0
        return QSize(320, rows * (ROW_H + GAP) + legend + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        d = self.data
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        text = self.palette().windowText().color()
        p.setPen(text)
        label_w = min(self.width() * 0.42, 260.0)
        number_w = 44.0
        bar_w = max(self.width() - label_w - number_w - 8, 10.0)
        top_total = max((sum(v) for v in d.values), default=0) or 1
        metrics = self.fontMetrics()
        y = 0.0
        for category, values in zip(d.categories, d.values, strict=True):
            label = metrics.elidedText(category, Qt.TextElideMode.ElideMiddle, int(label_w) - 6)
            p.setPen(text)
            p.drawText(
                QRectF(0, y, label_w - 6, ROW_H),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x = label_w
            for i, value in enumerate(values):
                w = bar_w * value / top_total
                if w <= 0:
                    continue
                colour, style = PATTERNS[i % len(PATTERNS)]
                p.setPen(QPen(QColor(0, 0, 0), 1))
                p.setBrush(QBrush(QColor(255, 255, 255)))
                p.drawRect(QRectF(x, y + 2, w, ROW_H - 4))
                p.setBrush(QBrush(colour, style))
                p.drawRect(QRectF(x, y + 2, w, ROW_H - 4))
                x += w
            p.setPen(text)
            p.drawText(
                QRectF(x + 4, y, number_w, ROW_H),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                format_number(sum(values)),
            )
            y += ROW_H + GAP
        if len(d.series) > 1:
            self._legend(p, y, text)
        p.end()

    def _legend(self, p: QPainter, y: float, text: QColor) -> None:
        x = 4.0
        for i, name in enumerate(self.data.series):
            colour, style = PATTERNS[i % len(PATTERNS)]
            p.setPen(QPen(QColor(0, 0, 0), 1))
            p.setBrush(QBrush(QColor(255, 255, 255)))
            p.drawRect(QRectF(x, y + 4, 14, 12))
            p.setBrush(QBrush(colour, style))
            p.drawRect(QRectF(x, y + 4, 14, 12))
            p.setPen(text)
            width = self.fontMetrics().horizontalAdvance(name)
            p.drawText(QRectF(x + 18, y, width + 4, LEGEND_H), Qt.AlignmentFlag.AlignVCenter, name)
            x += 18 + width + 14
