"""A PDF's pages as images (pdfium), and on a printer one page at a time in its orientation."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from app.core.progress import CancelledError, Progress

# Above this a page's image only costs memory: 300 dpi is already finer than toner on paper,
# and an A4 page at it is 26 MB (at a laser printer's 1200 dpi it would be 400 MB).
MAX_PRINT_DPI = 300


@contextmanager
def opened(pdf: bytes) -> Iterator[Any]:
    """An open pdfium document, closed afterwards."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        yield doc
    finally:
        doc.close()


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's width and height in points (read without rendering the page)."""
    with opened(pdf) as doc:
        return [doc.get_page_size(i) for i in range(len(doc))]


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


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Rasterise every page of a PDF (for small documents and tests)."""
    with opened(pdf) as doc:
        return [render_page(doc, i, dpi) for i in range(len(doc))]


def pages_to_print(printer: QPrinter, count: int) -> list[int]:
    """The page indexes to send, in order: the range chosen in the print dialog (all pages
    when none was), each page as many times as the copies when the driver does not make
    copies itself, collated or not as chosen.
    """
    ranges = printer.pageRanges()
    chosen = [i for i in range(count) if ranges.isEmpty() or ranges.contains(i + 1)]
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    if printer.collateCopies():
        return chosen * copies
    return [i for i in chosen for _copy in range(copies)]


def _orientation(size: tuple[float, float]) -> QPageLayout.Orientation:
    width, height = size
    if width > height:
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def print_pdf(pdf: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Send a PDF's pages to a printer one at a time, each rasterised at the printer's
    resolution and on paper of its own orientation (a landscape schedule stays landscape);
    returns the number of pages sent. Only one page's image is held at any time. A cancelled
    progress aborts the job (a PDF file printer's file is removed) and raises CancelledError.
    """
    sizes = page_sizes(pdf)
    order = pages_to_print(printer, len(sizes))
    if not order:
        return 0
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    printer.setFullPage(True)  # the PDF has its own margins: its page is the paper
    printer.setPageOrientation(_orientation(sizes[order[0]]))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        with opened(pdf) as doc:
            for n, index in enumerate(order):
                if progress is not None:
                    progress.step(n, len(order))
                if n:
                    # a new orientation applies from the next page on
                    printer.setPageOrientation(_orientation(sizes[index]))
                    printer.newPage()
                image = render_page(doc, index, dpi)
                paper = printer.pageLayout().fullRectPixels(printer.resolution())
                fitted = image.size().scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.resetTransform()
                painter.setViewport(paper)
                painter.setWindow(paper)
                painter.drawImage(QRect(paper.topLeft(), fitted), image)
                del image
    except CancelledError:
        printer.abort()
        painter.end()
        if printer.outputFileName():  # a file printer cannot abort: no half document is left
            Path(printer.outputFileName()).unlink(missing_ok=True)
        raise
    finally:
        if painter.isActive():
            painter.end()
    return len(order)
