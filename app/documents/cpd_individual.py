"""The individual CPD report on the form of seed 004 (C-5), one or many in one long document."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from app.core.errors import DomainError
from app.cpd.dto import ReportLine
from app.documents import styles
from app.documents.fonts import SANS, SERIF, register_fonts
from i18n import N_, format_date, format_date_long, format_number, localized, translator

MARGIN = 18 * mm
BLANK_DATE = "«__» ____________ 20__"

Progress = Callable[[int, int], bool]


class PrintCancelledError(DomainError):
    """The user cancelled a long print run; nothing was written."""


@dataclass(frozen=True)
class IndividualReportData:
    """Everything the printed individual report shows."""

    full_name: str
    iin: str
    position: str
    court_kk: str
    court_ru: str
    since: date | None
    year: int
    lines: tuple[ReportLine, ...]
    required: Decimal
    state: str = "draft"
    filled_on: date | None = None
    accepted_on: date | None = None
    accepted_by: str = ""
    officer_comment: str = ""

    @property
    def total(self) -> Decimal:
        """Sum of the points of the lines."""
        return sum((ln.points for ln in self.lines), Decimal(0))


def _num(value: Decimal, lang: str) -> str:
    return format_number(value.normalize() if value == value.to_integral() else value, lang)


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def report_story(d: IndividualReportData, lang: str) -> list[Flowable]:
    """The flowables of one report: heading, the table of activities, signatures, attachments."""
    tr_ = translator(lang)
    story: list[Flowable] = [
        _p(tr_("CPD report"), styles.TITLE),
        _p(tr_("for {year}").format(year=d.year), styles.SUBTITLE),
    ]
    court = localized(d.court_kk, d.court_ru, lang)
    facts = [
        (tr_("Full name"), d.full_name),
        (tr_("IIN"), d.iin),
        (tr_("Court, position"), ", ".join(x for x in (court, d.position) if x)),
    ]
    if d.since:
        facts.append((tr_("First appointed"), format_date_long(d.since, lang)))
    fact_rows = [[_p(k, styles.CELL_BOLD), _p(v, styles.CELL)] for k, v in facts]
    facts_table = Table(fact_rows, colWidths=[45 * mm, 129 * mm])
    story += [
        facts_table,
        Spacer(1, 3 * mm),
        _p(tr_("Activities completed for professional development:"), styles.BODY),
        Spacer(1, 2 * mm),
    ]
    head = [
        tr_("No."),
        tr_("Form of participation"),
        tr_("Title of the event"),
        tr_("Organiser"),
        tr_("Points"),
    ]
    data: list[list[Any]] = [[_p(h, styles.CELL_HEAD) for h in head]]
    for ln in d.lines:
        data.append(
            [
                _p(str(ln.no), styles.CELL_NUM),
                _p(localized(ln.form_kk, ln.form_ru, lang), styles.CELL),
                _p(ln.event, styles.CELL),
                _p(ln.organiser, styles.CELL),
                _p(_num(ln.points, lang), styles.CELL_NUM),
            ]
        )
    for _blank in range(max(0, 3 - len(d.lines))):
        data.append(["", "", "", "", ""])
    data.append(
        [
            _p(tr_("Total points"), styles.CELL_BOLD),
            "",
            "",
            "",
            _p(_num(d.total, lang), styles.CELL_NUM),
        ]
    )
    table = Table(data, colWidths=[10 * mm, 52 * mm, 58 * mm, 38 * mm, 16 * mm], repeatRows=1)
    table.setStyle(styles.GRID)
    table.setStyle([("SPAN", (0, -1), (3, -1))])
    story += [
        table,
        Spacer(1, 1.5 * mm),
        _p(
            tr_("Required for the year: {required} points.").format(
                required=_num(d.required, lang)
            ),
            styles.SMALL,
        ),
        Spacer(1, 4 * mm),
    ]
    filled = format_date(d.filled_on, lang) if d.filled_on else BLANK_DATE
    accepted = format_date(d.accepted_on, lang) if d.accepted_on else BLANK_DATE
    officer = d.accepted_by or "_" * 30
    sign = [
        _p(tr_("Signature of the person reporting") + ": " + "_" * 24, styles.BODY),
        _p(tr_("Date the report was filled in") + ": " + filled, styles.BODY),
        Spacer(1, 3 * mm),
        _p(
            tr_("Responsible officer (name, signature)") + ": " + officer + "  " + "_" * 16,
            styles.BODY,
        ),
        _p(
            tr_(
                "Signed after checking that the report meets the CPD rules and that the "
                "supporting documents are present."
            ),
            styles.SMALL,
        ),
        _p(tr_("Date the report was accepted") + ": " + accepted, styles.BODY),
        Spacer(1, 3 * mm),
        _p(tr_("Comments of the responsible officer on the report") + ":", styles.BODY),
        _p(d.officer_comment or "_" * 80, styles.BODY),
        _p(
            tr_(
                "Filled in when the officer pointed out mismatches with the rules and the "
                "person did not agree with the remarks."
            ),
            styles.SMALL,
        ),
        Spacer(1, 3 * mm),
        _p(tr_("Attached to the report:"), styles.BODY),
    ]
    files = [f for ln in d.lines for f in ln.attachments]
    sign += [_p(f"{i}. {name}", styles.BODY) for i, name in enumerate(files, start=1)]
    if not files:
        sign += [_p(f"{i}. " + "_" * 40, styles.BODY) for i in (1, 2, 3)]
    sign.append(
        _p(
            tr_(
                "(the programme of the event, the list of materials, documents confirming "
                "participation and results, including copies of certificates and "
                "diplomas)"
            ),
            styles.SMALL,
        )
    )
    # Signatures, the officer's comment and the head of the attachments list each stay whole,
    # so no heading is left alone at the foot of a page.
    story.append(KeepTogether(sign[:6]))
    story.append(KeepTogether(sign[6:10]))
    story.append(KeepTogether(sign[10:14]))
    story += sign[14:]
    return story


class _ReportStart(Flowable):  # type: ignore[misc]
    """Zero-size marker at the start of each report: numbers pages per report, reports progress."""

    def __init__(self, index: int, total: int, progress: Progress | None) -> None:
        super().__init__()
        self.index, self.total, self.progress = index, total, progress
        self.width = self.height = 0

    def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.index < self.total:  # the closing marker only reports the end
            self.canv._report_index = self.index
        if self.progress is not None and not self.progress(self.index, self.total):
            raise PrintCancelledError(N_("Printing was cancelled."))


def _canvas_class(lang: str, printed_on: date | None) -> type[Canvas]:
    tr_ = translator(lang)

    class ReportCanvas(Canvas):  # type: ignore[misc]
        """Defers pages so each footer counts the pages of its own report."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []
            self._report_index = 0

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            totals: dict[int, int] = {}
            for state in self._saved:
                totals[state["_report_index"]] = totals.get(state["_report_index"], 0) + 1
            seen: dict[int, int] = {}
            for state in self._saved:
                index = state["_report_index"]
                seen[index] = seen.get(index, 0) + 1
                self.__dict__.update(state)
                self.setFont(SANS, 8)
                width = self._pagesize[0]
                self.drawRightString(
                    width - MARGIN,
                    10 * mm,
                    tr_("Page {page} of {pages}").format(page=seen[index], pages=totals[index]),
                )
                if printed_on:
                    self.drawString(
                        MARGIN,
                        10 * mm,
                        tr_("Printed {date}").format(date=format_date(printed_on, lang)),
                    )
                super().showPage()
            super().save()

    return ReportCanvas


def build_individual_reports(
    reports: Sequence[IndividualReportData],
    *,
    lang: str,
    centre_name: str = "",
    printed_on: date | None = None,
    progress: Progress | None = None,
) -> bytes:
    """One PDF holding every report, each from a new page with its own page numbers.

    progress(done, total) is called as each report is laid out; returning False cancels with
    PrintCancelledError and nothing is returned.
    """
    register_fonts()
    tr_ = translator(lang)
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title=tr_("CPD report"),
        creator="Tälimger",
        lang=lang,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")

    def header(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFont(SERIF, 9)
        if centre_name:
            canvas.drawCentredString(width / 2, height - 11 * mm, centre_name)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, height - 13 * mm, width - MARGIN, height - 13 * mm)
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=header)])
    story: list[Flowable] = []
    total = len(reports)
    for i, d in enumerate(reports):
        if i:
            story.append(PageBreak())
        story.append(_ReportStart(i, total, progress))
        story += report_story(d, lang)
    if total:
        story.append(_ReportStart(total, total, progress))
    doc.build(story, canvasmaker=_canvas_class(lang, printed_on))
    return buf.getvalue()
