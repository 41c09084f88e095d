"""The one table document: title, subtitle, a grid whose header repeats on every page, notes."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.documents import styles
from app.documents.document import DocumentInfo, render
from app.documents.layout import column_widths, keep_last_rows
from i18n import format_date, format_number

# Narrow numeric columns carry long Kazakh words in their headings.
SMALL_HEAD = ParagraphStyle("cell_head_small", parent=styles.CELL_HEAD, fontSize=7.5, leading=9)
AUTO = "auto"  # numeric columns: the first, and every int or float cell


def cell_text(value: Any, lang: str) -> str:
    """A cell value as printed: dates in the document's language, None as empty."""
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, float | Decimal):
        return format_number(value, lang)  # a decimal comma in kk and ru, never "-0"
    return str(value)


def grid(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    lang: str,
    numeric: Collection[int] | str = (0,),
    head_style: ParagraphStyle = styles.CELL_HEAD,
) -> Table:
    """A bordered table of paragraphs, its header row repeated on every page."""
    data: list[list[Any]] = [[Paragraph(escape(h), head_style) for h in header]]
    texts = [[cell_text(v, lang) for v in row] for row in rows]
    for row, row_text in zip(rows, texts, strict=True):
        cells = []
        for i, (v, text) in enumerate(zip(row, row_text, strict=True)):
            if numeric == AUTO:
                right = i == 0 or (isinstance(v, int | float) and not isinstance(v, bool))
            else:
                right = i in numeric
            cells.append(Paragraph(escape(text), styles.CELL_NUM if right else styles.CELL))
        data.append(cells)
    widths = column_widths(header, texts, widths, head_style=head_style)
    table = Table(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(styles.GRID)
    return table


def table_document(
    *,
    title: str,
    subtitle: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    lang: str,
    centre_name: str,
    today: date,
    total: str = "",
    notes: Sequence[str] = (),
    numeric: Collection[int] | str = (0,),
    head_style: ParagraphStyle = styles.CELL_HEAD,
    landscape: bool = True,
    subtitle_markup: bool = False,
    before: Sequence[Flowable] = (),
) -> bytes:
    """A whole document that is one table: landscape A4 unless told otherwise; `before` goes
    above the title (an approval block).
    """
    story: list[Flowable] = [
        *before,
        Paragraph(escape(title), styles.TITLE),
        Paragraph(subtitle if subtitle_markup else escape(subtitle), styles.SUBTITLE),
    ]
    closing: list[Flowable] = [Spacer(1, 4 * mm)]
    if total:
        closing.append(Paragraph(escape(total), styles.BODY))
    closing += [Paragraph(escape(n), styles.SMALL) for n in notes]
    table = grid(header, rows, widths, lang=lang, numeric=numeric, head_style=head_style)
    # The total and the notes take the last rows with them: never alone on a last page.
    story += keep_last_rows(table, closing) if len(closing) > 1 else [table]
    info = DocumentInfo(
        title=title, lang=lang, centre_name=centre_name, landscape=landscape, printed_on=today
    )
    return render(info, story)


def mm_widths(*values: float) -> list[float]:
    """Column widths given in millimetres."""
    return [v * mm for v in values]
