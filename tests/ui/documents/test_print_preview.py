"""The print preview (issue 11): lazy pages, printing one page at a time in each page's own
orientation with the chosen range and copies, the vector PDF saved, a 4,000-page document."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMainWindow, QPushButton
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from ui.kit.print_preview_dialog import KEPT, PrintPreviewDialog

ROOT = Path(__file__).resolve().parents[3]


def _pdf(pages: int, landscape_every: int = 0) -> bytes:
    """Pages saying their number; every n-th page landscape (a schedule among registers)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for i in range(pages):
        size = landscape(A4) if landscape_every and i % landscape_every == 1 else A4
        c.setPageSize(size)
        c.drawString(60, size[1] - 80, f"Page {i + 1} of {pages}")
        c.showPage()
    c.save()
    return buf.getvalue()


def _file_printer(path: Path, dpi: int = 48) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    return printer


def _shapes(path: Path) -> list[str]:
    return [
        "landscape" if p.mediabox.width > p.mediabox.height else "portrait"
        for p in PdfReader(path).pages
    ]


def test_each_page_prints_on_paper_of_its_own_orientation(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PrintPreviewDialog(_pdf(4, landscape_every=2), "mixed.pdf")
    qtbot.addWidget(dialog)
    out = tmp_path / "out.pdf"
    assert dialog.print_to(_file_printer(out)) == 4
    assert _shapes(out) == ["portrait", "landscape", "portrait", "landscape"]
    # and the page fills its paper (it was shrunk onto half a portrait sheet before)
    page = PdfReader(out).pages[1]
    assert abs(float(page.mediabox.width) - landscape(A4)[0]) < 2


def test_the_chosen_page_range_and_copies_are_printed(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PrintPreviewDialog(_pdf(6, landscape_every=3), "six.pdf")
    qtbot.addWidget(dialog)
    out = tmp_path / "range.pdf"
    printer = _file_printer(out)
    ranges = QPageRanges()
    ranges.addRange(2, 4)
    printer.setPageRanges(ranges)
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    sent = dialog.print_to(printer)
    copies = 1 if printer.supportsMultipleCopies() else 2
    assert sent == 3 * copies
    # pages 2-4 (the 2nd and the 5th of six are landscape), as many times as the copies
    assert _shapes(out) == ["landscape", "portrait", "portrait"] * copies


def test_printing_cancels_from_its_progress_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    """Long print jobs show a progress dialog; Cancel stops the job, leaves no half-printed
    file and says so in the status bar."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    dialog = PrintPreviewDialog(_pdf(400), "long.pdf", window)
    dialog.show()
    out = tmp_path / "cancelled.pdf"
    clicked: list[int] = []

    def cancel_when_shown() -> None:
        shown = dialog.printing
        if shown is not None and shown.isVisible():
            clicked.append(shown.value())
            shown.findChild(QPushButton).click()  # what the user clicks
        else:
            QTimer.singleShot(20, cancel_when_shown)

    QTimer.singleShot(0, cancel_when_shown)
    assert dialog.print_to(_file_printer(out, dpi=150)) == 0
    assert clicked and clicked[0] < 400
    assert not out.exists()
    assert window.statusBar().currentMessage() == (
        "Басып шығару тоқтатылды: жіберілген беттер бәрібір басылып шығуы мүмкін."
    )
    dialog.close()


def test_save_as_pdf_writes_the_vector_document(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = _pdf(3)
    dialog = PrintPreviewDialog(pdf, "three.pdf")
    qtbot.addWidget(dialog)
    out = tmp_path / "saved.pdf"
    dialog.save_to(out)
    assert out.read_bytes() == pdf  # the text, not pictures of it
    assert "Page 2 of 3" in PdfReader(out).pages[1].extract_text()


def test_the_preview_holds_a_few_page_images_however_far_it_is_scrolled(qtbot: QtBot) -> None:
    dialog = PrintPreviewDialog(_pdf(300), "long.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    bar = dialog.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    for value in range(0, bar.maximum(), bar.maximum() // 40):
        bar.setValue(value)
    bar.setValue(bar.maximum())
    assert dialog.images[-1] is not None
    assert 0 < sum(image is not None for image in dialog.images) <= KEPT


CHILD = r"""
import json, re, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtPrintSupport import QPrinter
app = QApplication([])
from ui.kit.print_preview_dialog import PrintPreviewDialog

source, target, dpi, last = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
pdf = open(source, "rb").read()
t0 = time.perf_counter()
dialog = PrintPreviewDialog(pdf, "big.pdf")
dialog.show()
app.processEvents()
first = time.perf_counter() - t0
assert dialog.images[0] is not None
printer = QPrinter(QPrinter.PrinterMode.HighResolution)
printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
printer.setOutputFileName(target)
printer.setResolution(dpi)
if last:  # pages 1..last only, as chosen in a print dialog
    from PySide6.QtGui import QPageRanges

    ranges = QPageRanges()
    ranges.addRange(1, last)
    printer.setPageRanges(ranges)
t0 = time.perf_counter()
sent = dialog.print_to(printer)
printed = time.perf_counter() - t0
# VmHWM, not ru_maxrss: Linux carries the parent's resident size into ru_maxrss across exec,
# so a child of a big test run would report the run's memory instead of its own.
status = Path("/proc/self/status").read_text()
peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
print(json.dumps({"first": first, "sent": sent, "printed": printed, "peak": peak}))
"""


def preview_and_print(source: Path, target: Path, dpi: int, last: int = 0) -> dict[str, float]:
    """Open the preview on a PDF file and print it (or its pages 1..last) to a PDF file printer,
    in a child process (so only its own memory counts): first page seconds, pages sent, print
    seconds, peak MiB."""
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(source), str(target), str(dpi), str(last)],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_a_4000_page_document_prints_through_the_preview_in_bounded_memory(
    tmp_path: Path,
) -> None:
    """Issue 11: first page within 1 s, peak memory under 350 MB, every page sent. The printer
    resolution is kept low so the test takes a minute; the bound holds the same at 300 dpi
    (tests/bench/bench_print_preview.py): only one page's image exists at a time."""
    source, target = tmp_path / "big.pdf", tmp_path / "printed.pdf"
    started = time.perf_counter()
    source.write_bytes(_pdf(4000, landscape_every=500))
    assert time.perf_counter() - started < 120
    got = preview_and_print(source, target, dpi=24)
    assert got["first"] < 1.0
    assert got["peak"] < 350
    assert got["sent"] == 4000
    printed = PdfReader(target)
    assert len(printed.pages) == 4000
    first = [printed.pages[i].mediabox for i in range(3)]
    assert [box.width > box.height for box in first] == [False, True, False]
