"""A table header whose long captions wrap onto up to four lines instead of being cut."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QTreeView,
    QWidget,
)

MAX_LINES = 4
PADDING = 8  # the style's section margins, both sides


class WrappingHeader(QHeaderView):
    """Horizontal header: each caption wraps between words within its column's width.

    Qt draws a header label wrapped when its alignment carries TextWordWrap, but sizes the
    header for one line; this header asks for the height of the tallest wrapped caption
    (four lines at most, the rest elided by the style) and again when a column is resized.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.sectionResized.connect(self._on_section_resized)

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:  # noqa: N803 (Qt)
        size = super().sectionSizeFromContents(logicalIndex)
        model = self.model()
        if model is None:
            return size
        text = str(model.headerData(logicalIndex, self.orientation()) or "")
        width = max(self.sectionSize(logicalIndex), self.minimumSectionSize()) - PADDING
        metrics = self.fontMetrics()
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        needed = metrics.boundingRect(QRect(0, 0, max(width, 10), 10_000), flags, text).height()
        lines = min(MAX_LINES, max(1, round(needed / max(metrics.lineSpacing(), 1))))
        height = lines * metrics.lineSpacing() + PADDING
        return QSize(size.width(), max(size.height(), height))

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:  # noqa: N803
        # The style draws the section (frame, sort arrow, pressed state) without its text; the
        # caption is drawn here, wrapped between words and elided on its last line, so a
        # four-line criterion is never cut at both its top and bottom.
        option = QStyleOptionHeader()
        self.initStyleOptionForIndex(option, logicalIndex)
        option.rect = rect
        text = option.text
        option.text = ""
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()
        inner = rect.adjusted(PADDING // 2, 2, -(PADDING // 2), -2)
        lines = wrapped(
            self.fontMetrics(),
            text,
            inner.width(),
            max(1, inner.height() // max(self.fontMetrics().lineSpacing(), 1)),
        )
        painter.save()
        painter.setPen(option.palette.buttonText().color())
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignCenter), "\n".join(lines))
        painter.restore()

    def _on_section_resized(self, logical: int, old: int, new: int) -> None:
        del logical, old, new
        # The header caches its height: say its data changed so it measures again.
        count = self.count()
        if count:
            self.headerDataChanged(self.orientation(), 0, count - 1)


def wrap_headers(view: QTableView | QTreeView) -> WrappingHeader:
    """Give a table (or tree) a wrapping horizontal header, keeping its stretch setting."""
    header = WrappingHeader(view)
    old = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    header.setStretchLastSection(old.stretchLastSection())
    if isinstance(view, QTableView):
        view.setHorizontalHeader(header)
    else:
        view.setHeader(header)
    return header


def wrapped(metrics: QFontMetrics, text: str, width: int, max_lines: int) -> list[str]:
    """Words on lines no wider than `width`, at most `max_lines`; the last one elided."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words and lines:
        lines[-1] = f"{lines[-1]} {' '.join(words)}"
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]
