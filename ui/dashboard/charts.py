"""Horizontal bar charts drawn with QPainter: hatched series, so they read in black and white."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPaintEvent, QPen
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
NUMBER_W = 44.0


def label_lines(metrics: QFontMetrics, text: str, width: int) -> list[str]:
    """A category's name on at most two lines, broken between words; only what still does not
    fit is elided, at the end: a name cut in its middle ("Көкшетау қ…андық соты") reads as
    nothing at all.
    """
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < 2:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = f"{lines[-1]} {' '.join(words)}"
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


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
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)  # a narrower chart wraps more names onto two lines
        self.setSizePolicy(policy)

    def set_data(self, data: ChartData) -> None:
        """Show new figures (texts already in the active language)."""
        self.data = data
        self.updateGeometry()
        self.update()

    def _label_width(self, width: int) -> float:
        return min(width * 0.45, 300.0)

    def _row_heights(self, width: int) -> list[float]:
        metrics, label_w = self.fontMetrics(), int(self._label_width(width)) - 6
        spacing = metrics.lineSpacing()
        return [
            max(float(ROW_H), len(label_lines(metrics, c, label_w)) * spacing + 2.0)
            for c in self.data.categories
        ]

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        legend = LEGEND_H if len(self.data.series) > 1 else 0
        return int(sum(h + GAP for h in self._row_heights(width))) + legend + 4

    def sizeHint(self) -> QSize:
        width = max(self.width(), 320)
        return QSize(320, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # One line a name at the least: on a short screen the names give up their second line
        # before the page outgrows the screen.
        legend = LEGEND_H if len(self.data.series) > 1 else 0
        return QSize(220, len(self.data.categories) * (ROW_H + GAP) + legend + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        d = self.data
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        text = self.palette().windowText().color()
        p.setPen(text)
        label_w = self._label_width(self.width())
        bar_w = max(self.width() - label_w - NUMBER_W - 8, 10.0)
        top_total = max((sum(v) for v in d.values), default=0) or 1
        metrics = self.fontMetrics()
        heights = self._row_heights(self.width())
        y = 0.0
        for category, values, row_h in zip(d.categories, d.values, heights, strict=True):
            label = "\n".join(label_lines(metrics, category, int(label_w) - 6))
            p.setPen(text)
            p.drawText(
                QRectF(0, y, label_w - 6, row_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x = label_w
            bar_y = y + (row_h - ROW_H) / 2  # the bar stays level with the middle of its name
            for i, value in enumerate(values):
                w = bar_w * value / top_total
                if w <= 0:
                    continue
                colour, style = PATTERNS[i % len(PATTERNS)]
                p.setPen(QPen(QColor(0, 0, 0), 1))
                p.setBrush(QBrush(QColor(255, 255, 255)))
                p.drawRect(QRectF(x, bar_y + 2, w, ROW_H - 4))
                p.setBrush(QBrush(colour, style))
                p.drawRect(QRectF(x, bar_y + 2, w, ROW_H - 4))
                x += w
            p.setPen(text)
            p.drawText(
                QRectF(x + 4, bar_y, NUMBER_W, ROW_H),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                format_number(sum(values)),
            )
            y += row_h + GAP
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
