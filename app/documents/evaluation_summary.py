"""The summary table by criterion (E-3): landscape PDF and table rows with changes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from app.documents import styles
from app.documents.document import DocumentInfo, render
from app.evaluation.summary import SummaryRow, SummaryTable
from i18n import format_date, format_date_long, localized, translator

USABLE_WIDTH = 261 * mm
# Criterion titles are long Russian and Kazakh words in narrow columns.
HEAD = ParagraphStyle("summary_head", parent=styles.CELL_HEAD, fontSize=7.5, leading=9)


def _num(v: Decimal | None) -> str:
    return "" if v is None else f"{v}"


def _chg(v: Decimal | None) -> str:
    if v is None:
        return ""
    return f"+{v}" if v > 0 else f"{v}"


def summary_rows(table: SummaryTable, lang: str) -> tuple[list[str], list[list[Any]]]:
    """Header and rows for XLSX/CSV: a value and a change column per criterion."""
    tr_ = translator(lang)
    header = [tr_("No."), tr_("Judge"), tr_("Court")]
    for c in table.criteria:
        title = localized(c.title_kk, c.title_ru, lang)
        header += [title, tr_("{criterion}: change").format(criterion=title)]
    header += [tr_("Total"), tr_("Total: change"), tr_("Acquainted on")]

    def line(n: int | str, name: str, r: SummaryRow) -> list[Any]:
        out: list[Any] = [n, name, r.court_name(lang)]
        for v, c in zip(r.values, r.changes, strict=True):
            out += [_num(v), _chg(c)]
        return [*out, _num(r.total), _chg(r.total_change), r.acknowledged_on or ""]

    body: list[list[Any]] = []
    for kind, n, r in grouped(table):
        body.append(line(n, r.name, r) if kind == "judge" else line("", tr_("Court average"), r))
    return header, body


def grouped(table: SummaryTable) -> list[tuple[str, int, SummaryRow]]:
    """Judges court by court, each court followed by its average row."""
    averages = {r.court_id: r for r in table.courts}
    out: list[tuple[str, int, SummaryRow]] = []
    for n, r in enumerate(table.judges, start=1):
        out.append(("judge", n, r))
        following = table.judges[n] if n < len(table.judges) else None
        if following is None or following.court_id != r.court_id:
            out.append(("court", 0, averages[r.court_id]))
    return out


def build_summary_pdf(
    table: SummaryTable, *, lang: str, centre_name: str = "", today: date | None = None
) -> bytes:
    """Landscape PDF: one column per criterion holding the value and, below, the change."""
    tr_ = translator(lang)
    today = today or date.today()
    title = localized(table.title_kk, table.title_ru, lang)
    head = [tr_("No."), tr_("Judge"), tr_("Court")]
    head += [localized(c.title_kk, c.title_ru, lang) for c in table.criteria]
    head.append(tr_("Total"))
    data = [[Paragraph(escape(h), HEAD) for h in head]]

    def acquainted(r: SummaryRow) -> str:
        if r.acknowledged_on is None:
            return ""
        text = tr_("acquainted {date}").format(date=format_date(r.acknowledged_on, lang))
        return f"<br/><font size=7>{escape(text)}</font>"

    def cells(n: str, name: str, r: SummaryRow, bold: bool = False) -> list[Paragraph]:
        style = styles.CELL_BOLD if bold else styles.CELL
        out = [
            Paragraph(n, styles.CELL_NUM),
            Paragraph(escape(name) + acquainted(r), style),
            Paragraph(escape(r.court_name(lang)), style),
        ]
        for v, c in [*zip(r.values, r.changes, strict=True), (r.total, r.total_change)]:
            text = _num(v) + (f"<br/><font size=7>({_chg(c)})</font>" if c is not None else "")
            out.append(Paragraph(text, styles.CELL_NUM))
        return out

    for kind, n, r in grouped(table):
        if kind == "judge":
            data.append(cells(str(n), r.name, r))
        else:
            data.append(cells("", tr_("Court average"), r, bold=True))
    fixed = [10 * mm, 42 * mm, 38 * mm]
    rest = (USABLE_WIDTH - sum(fixed)) / (len(table.criteria) + 1)
    grid = Table(data, colWidths=[*fixed, *[rest] * (len(table.criteria) + 1)], repeatRows=1)
    grid.setStyle(styles.GRID)
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
        Paragraph(
            escape(note + " " + tr_("As of {date}").format(date=format_date_long(today, lang))),
            styles.SMALL,
        ),
        Spacer(1, 2 * mm),
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
