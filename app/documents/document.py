"""The one document template: A4, centre header, "Бет 1 / 3" footer, fonts embedded."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app.core.progress import Progress
from app.documents.archival import canvas_maker, eol_before_endstream, template_fields
from app.documents.fonts import SERIF, register_fonts
from i18n import format_date, translator

MARGIN = 18 * mm


@dataclass(frozen=True)
class DocumentInfo:
    """What every page shows around the content."""

    title: str
    lang: str
    centre_name: str = ""
    landscape: bool = False
    printed_on: date | None = None
    author: str = ""
    subject: str = ""  # empty: the title
    keywords: str = ""
    extra: tuple[tuple[str, str], ...] = ()  # more entries of the information dictionary
    archival: bool = False  # PDF/A-2b (XMP metadata, sRGB output intent)
    watermark: str = ""  # e.g. "ПРОЕКТ" across every page of a draft


class SectionStart(Flowable):  # type: ignore[misc]
    """Zero-size marker at the start of a section (one report of many): pages are numbered per
    section, and progress is reported as each section is laid out.
    """

    def __init__(self, index: int, total: int, progress: Progress | None = None) -> None:
        super().__init__()
        self.index, self.total, self.progress = index, total, progress
        self.width = self.height = 0

    def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.index < self.total:  # the closing marker only reports the end
            self.canv._section = self.index
        if self.progress is not None:
            self.progress.step(self.index, self.total)  # raises CancelledError once cancelled


def _numbered_canvas(info: DocumentInfo) -> type[Canvas]:
    tr_ = translator(info.lang)

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no types
        """Defers page drawing so each footer can say how many pages its section has."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []
            self._section = 0

        def showPage(self) -> None:
            state = dict(self.__dict__)
            # A page's drawing operations are thousands of small strings; kept compressed until
            # the footers are known, 4,000 table pages take ~40 MB instead of ~400 MB.
            state["_code"] = zlib.compress("\n".join(self._code).encode(), 1)
            self._saved.append(state)
            self._startPage()

        def save(self) -> None:
            totals: dict[int, int] = {}
            for state in self._saved:
                totals[state["_section"]] = totals.get(state["_section"], 0) + 1
            seen: dict[int, int] = {}
            for n, state in enumerate(self._saved):
                self._saved[n] = {}  # each page is held once: here or in ReportLab's document
                section = state["_section"]
                seen[section] = seen.get(section, 0) + 1
                state["_code"] = [zlib.decompress(state["_code"]).decode()]
                self.__dict__.update(state)
                self._footer(seen[section], totals[section])
                super().showPage()
                _compress_last_page(self._doc)
            super().save()

        def _footer(self, page: int, total: int) -> None:
            width, _height = self._pagesize
            self.setFont(SERIF, 8)
            text = tr_("Page {page} of {pages}").format(page=page, pages=total)
            self.drawRightString(width - MARGIN, 10 * mm, text)
            if info.printed_on:
                printed = tr_("Printed {date}").format(date=format_date(info.printed_on, info.lang))
                self.drawString(MARGIN, 10 * mm, printed)

    return NumberedCanvas


def _compress_last_page(pdf: pdfdoc.PDFDocument) -> None:
    """Compress the page just finished now rather than when the file is written.

    ReportLab keeps every page's drawing operations as text until the end: ~50 KB a table page,
    200 MB for 4,000 pages.
    """
    page = pdf.Pages.pages[-1]
    if page.compression and page.stream and not page.Contents:
        contents = pdfdoc.PDFStream(
            pdfdoc.PDFDictionary({"Filter": pdfdoc.PDFName("FlateDecode")}),
            zlib.compress(page.stream.encode("utf8")),
        )
        page.Contents, page.stream = contents, None


def _header(info: DocumentInfo) -> Callable[[Canvas, BaseDocTemplate], None]:
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = doc.pagesize
        canvas.saveState()
        canvas.setFont(SERIF, 9)
        if info.centre_name:
            canvas.drawCentredString(width / 2, height - 11 * mm, info.centre_name)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, height - 13 * mm, width - MARGIN, height - 13 * mm)
        if info.watermark:
            # Drawn before the page's content, in light grey, so the text stays readable.
            canvas.setFillGray(0.85)
            canvas.setFont(SERIF, 72)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -24, info.watermark)
        canvas.restoreState()

    return draw


def render(info: DocumentInfo, story: Sequence[Flowable]) -> bytes:
    """Lay out a story on the house template and return the PDF bytes."""
    register_fonts()
    pagesize = landscape(A4) if info.landscape else A4
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        **template_fields(
            title=info.title,
            lang=info.lang,
            author=info.author or info.centre_name,
            subject=info.subject,
            keywords=info.keywords,
        ),
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_header(info))])
    maker = canvas_maker(
        _numbered_canvas(info),
        lang=info.lang,
        extra=dict(info.extra),
        archival=(info.printed_on or date.today()) if info.archival else None,
    )
    doc.build(list(story), canvasmaker=maker)
    return eol_before_endstream(buf.getvalue()) if info.archival else buf.getvalue()
