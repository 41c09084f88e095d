"""The summary table by criterion (E-3) as a landscape PDF."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.core.progress import Progress
from app.documents import styles
from app.documents.charts import bar_chart
from app.documents.cpd_summary import CHART_COURTS
from app.documents.document import DocumentInfo, render
from app.documents.layout import column_widths
from app.documents.table_pdf import Cell, PagedGrid
from app.evaluation.summary import SummaryRow, SummaryTable
from app.evaluation.summary_table import grouped
from i18n import (
    format_change,
    format_date,
    format_date_long,
    format_number,
    localized,
    translator,
)

USABLE_WIDTH = 261 * mm
# Criterion titles are long Russian and Kazakh words in narrow columns.
HEAD = ParagraphStyle("summary_head", parent=styles.CELL_HEAD, fontSize=7.5, leading=9)


def _chart(table: SummaryTable, lang: str) -> list[Flowable]:
    """The courts' average totals as bars on the 100-point scale (issue 12); at national scale
    the courts with the most judges, as a chart of hundreds of courts does not fit a page.
    """
    averages = [r for r in table.courts if r.total is not None]
    if not averages:
        return []
    tr_ = translator(lang)
    note: list[Flowable] = []
    if len(averages) > CHART_COURTS:
        judges = Counter(r.court_id for r in table.judges)
        ranked = sorted(averages, key=lambda r: -judges[r.court_id])[:CHART_COURTS]
        shown = {r.court_id for r in ranked}
        averages = [r for r in averages if r.court_id in shown]
        text = tr_(
            "The chart shows the {count} courts with the most judges; the table lists every court."
        ).format(count=CHART_COURTS)
        note = [Paragraph(escape(text), styles.SMALL)]
    chart = bar_chart(
        tr_("Average total by court, points out of 100"),
        [r.court_name(lang) for r in averages],
        [""],
        [(float(r.total or 0),) for r in averages],
        lang=lang,
        width=USABLE_WIDTH * 0.7,
        full_scale=100,
    )
    return [chart, *note, Spacer(1, 4 * mm)]


def build_summary_pdf(
    table: SummaryTable,
    *,
    lang: str,
    centre_name: str = "",
    today: date | None = None,
    progress: Progress | None = None,
) -> bytes:
    """Landscape PDF: one column per criterion holding the value and, below, the change."""
    tr_ = translator(lang)
    today = today or date.today()
    title = localized(table.title_kk, table.title_ru, lang)
    head = [tr_("No."), tr_("Judge"), tr_("Court")]
    head += [localized(c.title_kk, c.title_ru, lang) for c in table.criteria]
    head.append(tr_("Total"))

    def acquainted(r: SummaryRow) -> str:
        if r.acknowledged_on is None:
            return ""
        text = tr_("acquainted {date}").format(date=format_date(r.acknowledged_on, lang))
        return f"<br/><font size=7>{escape(text)}</font>"

    def cells(n: str, name: str, r: SummaryRow, bold: bool = False) -> list[Flowable]:
        style = styles.CELL_BOLD if bold else styles.CELL
        out = [
            Cell(n, styles.CELL_NUM),
            Cell(escape(name) + acquainted(r), style),
            Cell(escape(r.court_name(lang)), style),
        ]
        for v, c in [*zip(r.values, r.changes, strict=True), (r.total, r.total_change)]:
            moved = format_change(c, lang, decimals=1) if c is not None else ""
            change = f"<br/><font size=7>({moved})</font>" if c is not None else ""
            text = (format_number(v, lang, decimals=1) if v is not None else "") + change
            out.append(Cell(text, styles.CELL_NUM))
        return out

    def line(item: tuple[str, int, SummaryRow]) -> list[Flowable]:
        kind, n, r = item
        if kind == "judge":
            return cells(str(n), r.name, r)
        return cells("", tr_("Court average"), r, bold=True)

    fixed = [10 * mm, 42 * mm, 38 * mm]
    rest = (USABLE_WIDTH - sum(fixed)) / (len(table.criteria) + 1)

    # Every row's texts are held at once to measure the columns: the few hundred distinct
    # numbers are formatted once and shared rather than kept as a string per cell (issue 13).
    numbers: dict[Decimal, str] = {}

    def number(v: Decimal | None) -> str:
        if v is None:
            return ""
        text = numbers.get(v)
        if text is None:
            text = numbers[v] = format_number(v, lang, decimals=1)
        return text

    def texts(item: tuple[str, int, SummaryRow]) -> list[str]:
        kind, n, r = item
        name = r.name if kind == "judge" else tr_("Court average")
        shown = [number(v) for v in (*r.values, r.total)]
        return [str(n) if kind == "judge" else "", name, r.court_name(lang), *shown]

    items = list(grouped(table))
    widths = column_widths(
        head,
        [texts(i) for i in items],
        [*fixed, *[rest] * (len(table.criteria) + 1)],
        head_style=HEAD,
        cell_style=styles.CELL_BOLD,
    )
    grid = PagedGrid(
        lambda: [Cell(escape(h), HEAD) for h in head],
        items,
        line,
        widths,
        progress=progress,
    )
    if table.previous_period:
        note = tr_("Period {period}; in brackets the change from {previous}.").format(
            period=table.period, previous=table.previous_period
        )
    else:
        note = tr_("Period {period}; no earlier period to compare.").format(period=table.period)
    legend = tr_(
        "Criteria rated 1–5 show the mean value; yes/no criteria show the share of "
        "\u201cyes\u201d in percent; the total is in points out of 100."
    )
    story = [
        Paragraph(escape(tr_("Summary table by criterion")), styles.TITLE),
        Paragraph(escape(title), styles.SUBTITLE),
        *(
            [Paragraph(escape(tr_("Region:") + " " + table.region(lang)), styles.SMALL)]
            if table.region(lang)
            else []
        ),
        Paragraph(
            escape(
                note
                + " "
                + tr_("As of {date}").format(date=format_date_long(today, lang, locative=True))
            ),
            styles.SMALL,
        ),
        Spacer(1, 2 * mm),
        *_chart(table, lang),
        grid,
        Spacer(1, 3 * mm),
        Paragraph(escape(legend), styles.SMALL),
    ]
    return render(
        DocumentInfo(
            title=tr_("Summary table by criterion"),
            lang=lang,
            centre_name=centre_name,
            landscape=True,
            printed_on=today,
        ),
        story,
    )
