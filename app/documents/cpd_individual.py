"""The individual CPD report on the form of seed 004 (C-5), one or many in one long document."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.core.progress import Progress
from app.cpd.dto import IndividualReportData
from app.documents import styles
from app.documents.document import (
    DocumentInfo,
    SectionStart,
    render,
)
from app.documents.layout import fit_widths, table_then
from app.documents.names import position
from i18n import (
    N_,
    blank_date,
    format_date,
    format_date_long,
    format_number,
    localized,
    translator,
)
from i18n.official import blank_since, since

__all__ = [
    "IndividualReportData",
    "build_individual_reports",
    "print_individual_reports",
]

CONSULTANT = "consultant"
# The form's lines below the table: a size smaller than the body, so the form with its usual
# number of activities fits one page (seed 004 is a one-page form).
FORM = ParagraphStyle("cpd_form", parent=styles.BODY, fontSize=10, leading=12.5)


def _num(value: Decimal, lang: str) -> str:
    return format_number(value, lang)


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def _heading(d: IndividualReportData, lang: str, organisation: str) -> list[Flowable]:
    """Title and the person's lines: the seed 004 form for a legal consultant (name, member
    since), the same report with court and position for anyone else the centre asks one of.
    """
    tr_ = translator(lang)
    if d.role != CONSULTANT:
        court = localized(d.court_kk, d.court_ru, lang)
        post = position(d.position, lang)
        facts = [
            (tr_("Full name"), d.full_name),
            (tr_("IIN"), d.iin),
            (tr_("Court, position"), ", ".join(x for x in (court, post) if x)),
        ]
        if d.since:
            facts.append((tr_("First appointed"), format_date_long(d.since, lang)))
        rows = [[_p(k, styles.CELL_BOLD), _p(v, styles.CELL)] for k, v in facts]
        return [
            _p(tr_("CPD report"), styles.TITLE),
            _p(tr_("for {year}").format(year=d.year), styles.SUBTITLE),
            Table(rows, colWidths=fit_widths(rows, [45 * mm, 129 * mm])),
            Spacer(1, 3 * mm),
            _p(tr_("Activities completed for professional development:"), styles.BODY),
        ]
    since_text = since(d.since, lang) if d.since else blank_since(lang)
    member = tr_("Member of «{organisation}» {since}").format(
        organisation=organisation or "_" * 30, since=since_text
    )
    title = tr_("Report on the professional development of a legal consultant for {year}")
    return [
        _p(title.format(year=d.year), styles.TITLE),
        _p(f"{tr_('Full name')}: {d.full_name}", styles.BODY),
        _p(f"{tr_('IIN')}: {d.iin}", styles.BODY),
        _p(member, styles.BODY),
        Spacer(1, 3 * mm),
        _p(
            tr_("Activities completed by the legal consultant for professional development:"),
            styles.BODY,
        ),
    ]


def report_story(d: IndividualReportData, lang: str, organisation: str = "") -> list[Flowable]:
    """The flowables of one report, field by field as the seed 004 form (C-5): heading, the
    table of activities, signatures, the officer's check and comment, attachments.
    """
    tr_ = translator(lang)
    consultant = d.role == CONSULTANT
    story = [*_heading(d, lang, organisation), Spacer(1, 2 * mm)]
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
    # The form's empty lines are numbered on, as on the seed's blank form.
    for n in range(len(d.lines) + 1, 4):
        data.append([_p(str(n), styles.CELL_NUM), "", "", "", ""])
    widths = fit_widths(data, [10 * mm, 62 * mm, 52 * mm, 34 * mm, 16 * mm])
    data.append(
        [
            _p(tr_("Total points"), styles.CELL_BOLD),
            "",
            "",
            "",
            _p(_num(d.total, lang), styles.CELL_NUM),
        ]
    )
    blank = blank_date(lang)
    filled = format_date(d.filled_on, lang) if d.filled_on else blank
    accepted = format_date(d.accepted_on, lang) if d.accepted_on else blank
    officer = d.accepted_by or "_" * 30
    if consultant:
        signer = tr_("Signature of the legal consultant")
        responsible = tr_("Responsible person of «{organisation}» (name, signature)").format(
            organisation=organisation or "_" * 30
        )
    else:
        signer = tr_("Signature of the person reporting")
        responsible = tr_("Responsible officer (name, signature)")
    closing: list[Flowable] = [
        Spacer(1, 3 * mm),
        _p(signer + ": " + "_" * 24, FORM),
        _p(tr_("Date the report was filled in") + ": " + filled, FORM),
        Spacer(1, 2 * mm),
        _p(responsible + ": " + officer + "  " + "_" * 16, FORM),
        _p(
            tr_(
                "Signed after checking that the report meets the CPD rules and that the "
                "supporting documents are present."
            ),
            styles.SMALL,
        ),
        _p(tr_("Date the report was accepted") + ": " + accepted, FORM),
        Spacer(1, 2 * mm),
        _p(tr_("Comments of the responsible officer on the report") + ":", FORM),
        _p(d.officer_comment or "_" * 80, FORM),
        _p(
            tr_(
                "Filled in when the officer pointed out mismatches with the rules and the "
                "person did not agree with the remarks."
            ),
            styles.SMALL,
        ),
        Spacer(1, 2 * mm),
        _p(tr_("Attached to the report:"), FORM),
    ]
    files = [f for ln in d.lines for f in ln.attachments]
    closing += [_p(f"{i}. {name}", FORM) for i, name in enumerate(files, start=1)]
    if not files:
        closing += [_p(f"{i}. " + "_" * 40, FORM) for i in (1, 2, 3)]
    closing.append(
        _p(
            tr_(
                "(the programme of the event, the list of materials, documents confirming "
                "participation and results, including copies of certificates and "
                "diplomas)"
            ),
            styles.SMALL,
        )
    )
    # The closing travels with the table's last lines: one page per person while it fits,
    # and never a signature block or a footnote alone on a following page.
    story += table_then(data, widths, closing, tail_style=[("SPAN", (0, -1), (3, -1))])
    return story


def build_individual_reports(
    reports: Sequence[IndividualReportData],
    *,
    lang: str,
    centre_name: str = "",
    printed_on: date | None = None,
    progress: Progress | None = None,
) -> bytes:
    """One PDF holding every report, each from a new page with its own page numbers.

    progress.step(done, total) is called as each report is laid out; once the user cancelled
    it raises CancelledError and nothing is returned.
    """
    tr_ = translator(lang)
    story: list[Flowable] = []
    total = len(reports)
    for i, d in enumerate(reports):
        if i:
            story.append(PageBreak())
        story.append(SectionStart(i, total, progress))
        story += report_story(d, lang, centre_name)
    if total:
        story.append(SectionStart(total, total, progress))
    info = DocumentInfo(
        title=tr_("CPD report"), lang=lang, centre_name=centre_name, printed_on=printed_on
    )
    return render(info, story)


def print_individual_reports(
    session: Session,
    person_ids: list[uuid.UUID],
    year: int,
    *,
    lang: str,
    today: date | None = None,
    progress: Progress | None = None,
) -> bytes:
    """PDF of the individual reports of the given people (one long document)."""
    from app.cpd.individual import individual_report_data
    from app.documents.output import centre_name

    data = individual_report_data(session, person_ids, year, today)
    if not data:
        raise NotFoundError(N_("Nobody to print."))
    return build_individual_reports(
        data,
        lang=lang,
        centre_name=centre_name(session, lang),
        printed_on=today or date.today(),
        progress=progress,
    )
