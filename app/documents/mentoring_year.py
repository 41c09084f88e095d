"""The mentoring year in review of a region (M-13) as PDF."""

from __future__ import annotations

from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.documents import styles
from app.documents.charts import bar_chart
from app.documents.document import DocumentInfo, render
from app.documents.layout import fit_widths
from app.mentoring.year import YearReview
from app.mentoring.year_table import figures, guide_header, guide_rows
from i18n import format_date_long, format_number, translator


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
    table = Table(rows, colWidths=fit_widths(rows, [120 * mm, 40 * mm]))
    table.setStyle(styles.GRID)
    pairs = [
        (tr_("Pairs started"), review.started),
        (tr_("Pairs active during the year"), review.active),
        (tr_("Pairs completed"), review.completed),
        (tr_("Pairs ended early"), review.ended_early),
    ]
    chart = bar_chart(
        tr_("Mentoring pairs in {year}").format(year=review.year),
        [label for label, _n in pairs],
        [""],
        [(n,) for _label, n in pairs],
        lang=lang,
    )
    story: list[Flowable] = [
        Paragraph(escape(title), styles.TITLE),
        Paragraph(escape(region_name), styles.SUBTITLE),
        table,
        Spacer(1, 4 * mm),
        chart,
        Spacer(1, 6 * mm),
        Paragraph(
            escape(tr_("Guides with the best results, proposed for recognition")), styles.HEADING
        ),
    ]
    best = guide_rows(review, lang)
    if best:
        data = [[Paragraph(escape(h), styles.CELL_HEAD) for h in guide_header(lang)]]
        data += [[Paragraph(escape(fmt(v)), styles.CELL) for v in r] for r in best]
        guides = Table(
            data,
            colWidths=fit_widths(data, [12 * mm, 78 * mm, 25 * mm, 25 * mm, 28 * mm]),
            repeatRows=1,
        )
        guides.setStyle(styles.GRID)
        story.append(guides)
    else:
        story.append(Paragraph(escape(tr_("No pair was completed this year.")), styles.BODY))
    story += [
        Spacer(1, 4 * mm),
        Paragraph(
            escape(tr_("As of {date}").format(date=format_date_long(today, lang, locative=True))),
            styles.SMALL,
        ),
    ]
    return render(
        DocumentInfo(title=title, lang=lang, centre_name=centre_name, printed_on=today), story
    )
