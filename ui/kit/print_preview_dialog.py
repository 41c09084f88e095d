"""Preview a ReportLab PDF as page images (pdfium), then print it or save it.

Pages are rasterised as they scroll into view and only a few are kept: the view draws the
pages in sight over a scroll range as tall as the whole document, so a register of thousands
of pages opens as fast as one page and holds a few images, not thousands. Printing sends the
pages one at a time (ui/kit/pdf_pages.py).
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.progress import CancelledError, Progress
from i18n import _
from ui.kit.op import show_status
from ui.kit.pdf_pages import opened, page_sizes, print_pdf, render_page, render_pages
from ui.kit.screen_fit import fit_to_screen

__all__ = ["PrintPreviewDialog", "render_page", "render_pages"]

ZOOMS = (50, 75, 100, 125, 150)
GAP = 10  # grey between pages, in pixels
KEPT = 12  # page images held at once: a screenful at the smallest zoom, and a little more


class PagesView(QAbstractScrollArea):
    """The pages one under another, each drawn from its image once it is in sight."""

    def __init__(self, dialog: PrintPreviewDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self.tops: list[int] = []  # each page's top edge in the scrolled content
        self.content = (0, 0)  # the content's width and height
        self.verticalScrollBar().setSingleStep(40)

    def lay_out(self, sizes: list[tuple[int, int]]) -> None:
        """Place pages of these pixel sizes; the scroll bars span them all."""
        self.tops, top = [], GAP
        for _width, height in sizes:
            self.tops.append(top)
            top += height + GAP
        self.content = (max((w for w, _h in sizes), default=0) + 2 * GAP, top)
        self._update_bars()

    def visible(self) -> range:
        """The indexes of the pages in sight."""
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = max(bisect_right(self.tops, top) - 1, 0)
        last = bisect_right(self.tops, bottom)
        return range(first, min(last, len(self.tops)))

    def page_rect(self, index: int) -> QRect:
        """Where a page is drawn on the viewport now."""
        width, height = self._dialog.sizes[index]
        x = max((self.viewport().width() - width) // 2, GAP) - self.horizontalScrollBar().value()
        return QRect(x, self.tops[index] - self.verticalScrollBar().value(), width, height)

    def _update_bars(self) -> None:
        width, height = self.content
        area = self.viewport().size()
        self.verticalScrollBar().setRange(0, max(height - area.height(), 0))
        self.verticalScrollBar().setPageStep(area.height())
        self.horizontalScrollBar().setRange(0, max(width - area.width(), 0))
        self.horizontalScrollBar().setPageStep(area.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._update_bars()
        super().resizeEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._dialog.render_visible()
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._dialog.render_visible()
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), QColor("#7a7a7a"))
        for index in self.visible():
            rect = self.page_rect(index)
            image = self._dialog.images[index]
            if image is None:
                painter.fillRect(rect, Qt.GlobalColor.white)
            else:
                painter.drawImage(rect, image)
        painter.end()


class PrintPreviewDialog(QDialog):
    """What the paper will look like, with Print and Save as PDF."""

    def __init__(self, pdf: bytes, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._name = suggested_name
        self._points = page_sizes(pdf)  # read once: the page sizes, not the pages
        self.sizes: list[tuple[int, int]] = []  # each page's size on screen at the zoom
        # One slot per page; a page is rasterised when it first comes into view and dropped
        # again when KEPT others have been drawn since.
        self.images: list[QImage | None] = [None] * len(self._points)
        self._drawn: list[int] = []  # the pages holding an image, the latest last
        self.printing: QProgressDialog | None = None  # while pages go to the printer
        self.scroll_area = PagesView(self)
        self.zoom = QComboBox(self)
        for z in ZOOMS:
            self.zoom.addItem(f"{z} %", z)
        self.zoom.setCurrentIndex(ZOOMS.index(75))
        self.zoom.currentIndexChanged.connect(self._on_zoom_current_index_changed)
        self.print_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.page_count = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.zoom)
        bar.addWidget(self.page_count)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area)
        self._show_pages()
        fit_to_screen(self, 1000, 800)
        self.retranslate_ui()

    @property
    def pdf(self) -> bytes:
        """The document shown."""
        return self._pdf

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("Print preview"))
        self.print_button.setText(_("Print…"))
        self.save_button.setText(_("Save as PDF…"))
        self.close_button.setText(_("Close"))
        self.page_count.setText(_("Pages: {count}").format(count=len(self.images)))

    def _dpi(self) -> float:
        return float(96 * self.zoom.currentData() / 100)

    def _show_pages(self) -> None:
        scale = self._dpi() / 72
        self.sizes = [(int(w * scale), int(h * scale)) for w, h in self._points]
        self.images = [None] * len(self.sizes)
        self._drawn = []
        self.scroll_area.lay_out(self.sizes)
        if self.images:
            self._render(0)  # the first page at once; the rest as they come into view
        self.scroll_area.viewport().update()
        QTimer.singleShot(0, self.render_visible)

    def _render(self, index: int) -> None:
        # Opened per page: parsing is cheap, and nothing is left open when the dialog goes.
        with opened(self._pdf) as doc:
            self.images[index] = render_page(doc, index, self._dpi())
        self._drawn.append(index)
        while len(self._drawn) > KEPT:
            self.images[self._drawn.pop(0)] = None

    def render_visible(self) -> None:
        """Rasterise the pages in sight that have no image yet."""
        for index in self.scroll_area.visible():
            if self.images[index] is None:
                self._render(index)
            else:  # in sight again: the latest drawn, kept longest
                self._drawn.remove(index)
                self._drawn.append(index)

    def _on_zoom_current_index_changed(self, _index: int) -> None:
        self._show_pages()

    def _on_save_button_clicked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF…"), self._name, "PDF (*.pdf)"
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Write the document as it is: the vector PDF, not the page images."""
        try:
            path.write_bytes(self._pdf)
        except OSError as exc:
            QMessageBox.warning(self, _("Not saved"), str(exc))

    def _on_print_button_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
        dialog.setMinMax(1, max(len(self.images), 1))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Send the pages to a printer one at a time (see pdf_pages.print_pdf), behind a
        progress dialog when it takes long; the number of pages sent, 0 when cancelled.
        """
        dialog = QProgressDialog(_("Printing…"), _("Cancel"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoReset(False)
        progress = Progress(lambda done, total: _show_progress(dialog, done, total))
        dialog.canceled.connect(progress.cancel)
        self.printing = dialog
        try:
            return print_pdf(self._pdf, printer, progress)
        except CancelledError:
            show_status(self, _("Printing cancelled: the pages already sent may still print."))
            return 0
        finally:
            self.printing = None
            dialog.reset()
            dialog.close()
            dialog.deleteLater()


def _show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    dialog.setMaximum(total)
    dialog.setValue(done)  # a modal dialog lets the events through here: Cancel is heard
