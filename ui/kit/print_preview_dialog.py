"""Preview a ReportLab PDF as page images (pdfium), then print it or save it.

Pages are rasterised one at a time, as they scroll into view and as they go to the printer:
a register of thousands of pages must not become thousands of images at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from i18n import _
from ui.kit.screen_fit import fit_to_screen

ZOOMS = (50, 75, 100, 125, 150)


def render_page(doc: Any, index: int, dpi: float) -> QImage:
    """Rasterise one page of an open pdfium document at a resolution."""
    page = doc[index]
    try:
        # RGB in memory order, straight into a QImage: no Pillow round trip.
        bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
        image = QImage(
            bytes(bitmap.buffer),
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB888,
        )
        return image.copy()  # own the pixels: the bitmap is freed with the page
    finally:
        page.close()


@contextmanager
def _opened(pdf: bytes) -> Iterator[Any]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        yield doc
    finally:
        doc.close()


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Rasterise every page of a PDF (for small documents and tests)."""
    with _opened(pdf) as doc:
        return [render_page(doc, i, dpi) for i in range(len(doc))]


class PrintPreviewDialog(QDialog):
    """What the paper will look like, with Print and Save as PDF."""

    def __init__(self, pdf: bytes, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._name = suggested_name
        self.pages_box = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages_box)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea(self)
        self.scroll_area = scroll
        scroll.setWidget(self.pages_box)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("background: #7a7a7a;")
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
        layout.addWidget(scroll)
        self.labels: list[QLabel] = []
        # One slot per page; a page is rasterised when it first scrolls into view.
        self.images: list[QImage | None] = []
        scroll.verticalScrollBar().valueChanged.connect(self._render_visible)
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
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        scale = self._dpi() / 72
        with _opened(self._pdf) as doc:
            sizes = [doc.get_page_size(i) for i in range(len(doc))]
        self.labels = []
        self.images = [None] * len(sizes)
        for width, height in sizes:
            label = QLabel(self.pages_box)
            label.setFixedSize(int(width * scale), int(height * scale))
            label.setStyleSheet("background: white;")
            self.pages_layout.addWidget(label)
            self.labels.append(label)
        if self.labels:
            self._render(0)  # the first page at once; the rest as they come into view
        QTimer.singleShot(0, self._render_visible)

    def _render(self, index: int) -> None:
        # Opened per page: parsing is cheap, and nothing is left open when the dialog goes.
        with _opened(self._pdf) as doc:
            image = render_page(doc, index, self._dpi())
        self.images[index] = image
        self.labels[index].setPixmap(QPixmap.fromImage(image))

    def _render_visible(self) -> None:
        top = self.scroll_area.verticalScrollBar().value()
        bottom = top + self.scroll_area.viewport().height()
        for i, label in enumerate(self.labels):
            if self.images[i] is None and label.y() < bottom and label.y() + label.height() > top:
                self._render(i)

    def _on_zoom_current_index_changed(self, _index: int) -> None:
        self._show_pages()

    def _on_save_button_clicked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF…"), self._name, "PDF (*.pdf)"
        )
        if path:
            try:
                Path(path).write_bytes(self._pdf)
            except OSError as exc:
                QMessageBox.warning(self, _("Not saved"), str(exc))

    def _on_print_button_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Draw every page on a printer at its resolution."""
        painter = QPainter(printer)
        try:
            with _opened(self._pdf) as doc:
                count = len(doc)
            for i in range(count):
                with _opened(self._pdf) as doc:
                    image = render_page(doc, i, min(printer.resolution(), 300))
                if i:
                    printer.newPage()
                rect = painter.viewport()
                size = image.size()
                size.scale(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(QRect(rect.x(), rect.y(), size.width(), size.height()))
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
