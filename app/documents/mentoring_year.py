"""The mentoring year in review of a region (M-13) as PDF and as XLSX rows."""

from __future__ import annotations

from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.documents import styles
from app.documents.document import DocumentInfo, render
from app.mentoring.year import YearReview
from i18n import N_, format_date_long, format_number, translator

END_REASONS = {
    "petition": N_("On a petition"),
    "replaced": N_("Guide replaced"),
    "goals_reached": N_("Goals reached"),
}


def figures(review: YearReview, lang: str) -> list[tuple[str, Any]]:
    """The review as (label, value) lines, shared by the PDF and the spreadsheet."""
    tr_ = translator(lang)
    lines: list[tuple[str, Any]] = [
        (tr_("Pairs started"), review.started),
        (tr_("Pairs active during the year"), review.active),
        (tr_("Pairs completed"), review.completed),
        (tr_("Pairs ended early"), review.ended_early),
    ]
    lines += [
        (
            "  "
            + tr_("ended early: {reason}").format(reason=tr_(END_REASONS.get(k, k)) if k else "—"),
            v,
        )
        for k, v in review.ended_reasons
    ]
    lines += [
        (
            tr_("Average programme completion, %"),
            review.average_progress if review.average_progress is not None else "—",
        ),
        (
            tr_("Average feedback score (1–5)"),
            review.average_feedback if review.average_feedback is not None else "—",
        ),
        (tr_("Feedback given"), review.feedback_count),
    ]
    return lines


def guide_rows(review: YearReview, lang: str) -> list[list[Any]]:
    """The best guides proposed for recognition (M-13)."""
    return [
        [
            n,
            g.name,
            g.completed,
            g.average_progress,
            g.average_feedback if g.average_feedback is not None else "—",
        ]
        for n, g in enumerate(review.best_guides, start=1)
    ]


def guide_header(lang: str) -> list[str]:
    """Column titles of the best-guides table."""
    tr_ = translator(lang)
    return [
        tr_("No."),
        tr_("Guide"),
        tr_("Pairs completed"),
        tr_("Completion, %"),
        tr_("Feedback score"),
    ]


def build_year_review(
    review: YearReview,
    *,
    lang: str,
    region_name: str,
    centre_name: str = "",
    today: date | None = None,
) -> bytes:
    """PDF of the year in review."""
    tr_ = translator(lang)
    today = today or date.today()
    title = tr_("Judicial mentoring: results of {year}").format(year=review.year)

    def fmt(v: Any) -> str:
        return format_number(v, lang) if isinstance(v, int | float) else str(v)

    rows = [
        [Paragraph(escape(label), styles.CELL), Paragraph(escape(fmt(v)), styles.CELL_NUM)]
        for label, v in figures(review, lang)
    ]
    table = Table(rows, colWidths=[120 * mm, 40 * mm])
    table.setStyle(styles.GRID)
    story: list[Flowable] = [
        Paragraph(escape(title), styles.TITLE),
        Paragraph(escape(region_name), styles.SUBTITLE),
        table,
        Spacer(1, 6 * mm),
        Paragraph(
            escape(tr_("Guides with the best results, proposed for recognition")), styles.HEADING
        ),
    ]
    best = guide_rows(review, lang)
    if best:
        data = [[Paragraph(escape(h), styles.CELL_HEAD) for h in guide_header(lang)]]
        data += [[Paragraph(escape(fmt(v)), styles.CELL) for v in r] for r in best]
        guides = Table(data, colWidths=[12 * mm, 78 * mm, 25 * mm, 25 * mm, 28 * mm], repeatRows=1)
        guides.setStyle(styles.GRID)
        story.append(guides)
    else:
        story.append(Paragraph(escape(tr_("No pair was completed this year.")), styles.BODY))
    story += [
        Spacer(1, 4 * mm),
        Paragraph(
            escape(tr_("As of {date}").format(date=format_date_long(today, lang))), styles.SMALL
        ),
    ]
    return render(
        DocumentInfo(title=title, lang=lang, centre_name=centre_name, printed_on=today), story
    )
