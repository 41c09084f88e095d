"""Preview a ReportLab PDF as page images (pdfium), then print it or save it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRect, Qt
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

ZOOMS = (50, 75, 100, 125, 150)


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Rasterise every page of a PDF at a resolution."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images = []
    try:
        for page in doc:
            # RGB in memory order, straight into a QImage: no Pillow round trip.
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB888,
            )
            images.append(image.copy())  # own the pixels: the bitmap is freed after this loop
            page.close()
    finally:
        doc.close()
    return images


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
        self.images: list[QImage] = []
        self._show_pages()
        self.resize(1000, 800)
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

    def _show_pages(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.images = render_pages(self._pdf, 96 * self.zoom.currentData() / 100)
        for image in self.images:
            label = QLabel(self.pages_box)
            label.setPixmap(QPixmap.fromImage(image))
            self.pages_layout.addWidget(label)

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
        pages = render_pages(self._pdf, min(printer.resolution(), 300))
        painter = QPainter(printer)
        try:
            for i, image in enumerate(pages):
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
