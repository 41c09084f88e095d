"""Quality of judges' work before and after their internships (I-2): per judge and per court."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from app.documents import styles
from app.documents.document import DocumentInfo, render
from app.documents.layout import fit_widths
from app.internships.quality import Comparison, per_court
from app.internships.quality_table import FIELDS, indicator_labels
from i18n import format_change, format_date, format_date_long, format_number, translator

HEAD = ParagraphStyle("quality_head", parent=styles.CELL_HEAD, fontSize=7.5, leading=9)


def _side(q: Any, field: str, lang: str) -> str:
    """One indicator before or after, as the document writes numbers; a dash when unknown."""
    value = None if q is None else getattr(q, field)
    return "—" if value is None else format_number(value, lang)


def _change(value: Decimal | None, lang: str) -> str:
    return "" if value is None else format_change(value, lang)


def build_quality_pdf(
    items: Sequence[Comparison],
    *,
    year: int,
    lang: str,
    centre_name: str = "",
    today: date | None = None,
) -> bytes:
    """Landscape PDF: one line per judge, then the mean change per court."""
    tr_ = translator(lang)
    today = today or date.today()
    head = [tr_("No."), tr_("Judge"), tr_("Court"), tr_("Internship")]
    labels = indicator_labels(lang)
    before, after = tr_("before"), tr_("after")
    head += [f"{label}: {before} → {after}" for label in labels]
    data = [[Paragraph(escape(h), HEAD) for h in head]]
    for n, c in enumerate(items, start=1):
        cells = [
            str(n),
            c.full_name,
            c.court_name(lang),
            f"{format_date(c.starts_on, lang)} – {format_date(c.ends_on, lang)}",
        ]
        for f in FIELDS:
            before, after = _side(c.before, f, lang), _side(c.after, f, lang)
            moved = c.change(f)
            change = format_change(moved, lang) if moved is not None else ""
            cells.append(f"{before} → {after}" + (f" ({change})" if change else ""))
        data.append(
            [
                Paragraph(escape(x), styles.CELL_NUM if i in (0,) else styles.CELL)
                for i, x in enumerate(cells)
            ]
        )
    grid = Table(
        data,
        colWidths=fit_widths(data, [10 * mm, 50 * mm, 50 * mm, 38 * mm, 37 * mm, 38 * mm, 37 * mm]),
        repeatRows=1,
    )
    grid.setStyle(styles.GRID)
    court_head = [tr_("Court"), tr_("Judges compared"), *labels]
    court_data = [[Paragraph(escape(h), HEAD) for h in court_head]]
    for kk, ru, n, means in per_court(list(items)):
        court_data.append(
            [
                Paragraph(escape(kk if lang == "kk" else ru), styles.CELL),
                Paragraph(str(n), styles.CELL_NUM),
                *[Paragraph(_change(means.get(f), lang), styles.CELL_NUM) for f in FIELDS],
            ]
        )
    courts = Table(
        court_data,
        colWidths=fit_widths(court_data, [90 * mm, 30 * mm, 40 * mm, 40 * mm, 40 * mm]),
        repeatRows=1,
    )
    courts.setStyle(styles.GRID)
    title = tr_("Quality of judges' work before and after internships, {year}").format(year=year)
    story = [
        Paragraph(escape(title), styles.TITLE),
        Paragraph(
            escape(tr_("As of {date}").format(date=format_date_long(today, lang, locative=True))),
            styles.SUBTITLE,
        ),
        grid,
        Spacer(1, 5 * mm),
        Paragraph(escape(tr_("Mean change per court")), styles.HEADING),
        courts,
    ]
    return render(
        DocumentInfo(
            title=title, lang=lang, centre_name=centre_name, landscape=True, printed_on=today
        ),
        story,
    )
