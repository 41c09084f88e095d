"""The official print style's pieces: widths from content, approval and signature blocks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.documents import styles
from app.documents.document import MARGIN
from i18n import blank_date, translator

# The grid's left and right cell padding (styles.GRID) plus a hair for rounding.
PADDING = 3 + 3 + 1.5
# The grid of the rows that travel with a closing block: no header band.
TAIL_GRID = TableStyle([c for c in styles.GRID.getCommands() if c[0] != "BACKGROUND"])
PLAIN = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
)


def _longest_word(texts: Sequence[str], style: ParagraphStyle) -> float:
    # Measuring every word of a national register is slow; the widest word is among the
    # longest by letters (DejaVu's widest letter is under twice its narrowest).
    words = {w for t in texts for w in t.split()}
    if not words:
        return 0.0
    most = max(len(w) for w in words)
    candidates = (w for w in words if 2 * len(w) >= most)
    return float(max(stringWidth(w, style.fontName, style.fontSize) for w in candidates))


def column_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    head_style: ParagraphStyle = styles.CELL_HEAD,
    cell_style: ParagraphStyle = styles.CELL,
) -> list[float]:
    """The preferred widths, widened so every column holds its longest word (and row number)
    whole, the extra taken from columns with room to spare; the total stays the same.

    Cells wrap only at spaces (styles set splitLongWords=0), so a word that did not fit would
    run over the cell's border instead of being cut without a hyphen.
    """
    need = []
    for i, title in enumerate(header):
        column = [str(r[i]) for r in rows if i < len(r) and r[i] not in (None, "")]
        need.append(
            max(_longest_word([title], head_style), _longest_word(column, cell_style)) + PADDING
        )
    return _widen(widths, need)


def fit_widths(data: Sequence[Sequence[Any]], widths: Sequence[float]) -> list[float]:
    """column_widths() for a table already made of paragraphs, each measured in its style."""
    need = [0.0] * len(widths)
    for i in range(len(widths)):
        by_style: dict[int, tuple[ParagraphStyle, list[str]]] = {}
        for row in data:
            cell = row[i] if i < len(row) else None
            if isinstance(cell, Paragraph):
                entry = by_style.setdefault(id(cell.style), (cell.style, []))
                entry[1].append(cell.getPlainText())
        for style, texts in by_style.values():
            need[i] = max(need[i], _longest_word(texts, style) + PADDING)
    return _widen(widths, need)


def _widen(widths: Sequence[float], need: Sequence[float]) -> list[float]:
    out = [max(w, n) for w, n in zip(widths, need, strict=True)]
    excess = sum(out) - sum(widths)
    if excess <= 0:
        return out
    spare = [w - n for w, n in zip(out, need, strict=True)]
    room = sum(x for x in spare if x > 0)
    if room <= 0:
        return out
    share = min(1.0, excess / room)
    return [w - x * share if x > 0 else w for w, x in zip(out, spare, strict=True)]


def keep_with_last(story: list[Flowable], closing: Sequence[Flowable], keep: int = 1) -> None:
    """Append a closing block (signatures, approval) so it never stands alone on a page: the
    last `keep` flowables of the story move with it when it does not fit.
    """
    tail = story[-keep:] if keep else []
    del story[len(story) - len(tail) :]
    story.append(KeepTogether([*tail, *closing]))


def table_then(
    data: Sequence[Sequence[Any]],
    widths: Sequence[float],
    closing: Sequence[Flowable],
    *,
    tail_rows: int = 2,
    tail_style: Sequence[tuple[Any, ...]] = (),
) -> list[Flowable]:
    """A grid followed by a closing block (total, signatures) that takes the grid's last rows
    with it to the next page rather than standing there alone. The header repeats on every
    page; tail_style commands (spans of a total row) apply to the last rows.
    """
    keep = max(1, min(tail_rows, len(data) - 1))
    body = Table([list(r) for r in data[:-keep]], colWidths=list(widths), repeatRows=1)
    body.setStyle(styles.GRID)
    tail = Table([list(r) for r in data[-keep:]], colWidths=list(widths))
    tail.setStyle(TAIL_GRID)
    tail.setStyle(TableStyle(list(tail_style)))
    return [body, KeepTogether([tail, *closing])]


def signature_lines(
    rows: Sequence[tuple[str, str]], width: float, style: ParagraphStyle = styles.BODY
) -> Table:
    """Position — line for the signature — name, one row per signatory."""
    table = Table(
        [
            [
                Paragraph(escape(post), style),
                Paragraph("_" * 18, style),
                Paragraph(escape(name), style),
            ]
            for post, name in rows
        ],
        colWidths=[width * 0.38, width * 0.26, width * 0.36],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def frame_width(landscape: bool) -> float:
    """The width of the page's text frame (the house template's margins and padding)."""
    return float((A4[1] if landscape else A4[0]) - 2 * MARGIN - 12)


def approval(lang: str, post: str, *, landscape: bool = True) -> list[Flowable]:
    """An approval block to fill in by hand, above a document's title, and a little room."""
    return [approval_block(lang, frame_width(landscape), post=post), Spacer(1, 4 * mm)]


def approval_block(
    lang: str,
    width: float,
    *,
    post: str,
    name: str = "",
    signed_on: str = "",
) -> Table:
    """The "APPROVED" corner at the top right: post, signature line and name, date."""
    tr_ = translator(lang)
    approved = tr_("APPROVED")
    lines: list[Any] = [Paragraph(f"<b>{escape(approved)}</b>", styles.BODY)]
    lines.append(Paragraph(escape(post), styles.BODY))
    lines.append(Paragraph(escape(f"{'_' * 14} {name}" if name else "_" * 30), styles.BODY))
    lines.append(Paragraph(escape(signed_on or blank_date(lang)), styles.BODY))
    block_width = min(82 * mm, width * 0.5)
    table = Table([["", lines]], colWidths=[width - block_width, block_width])
    table.setStyle(PLAIN)
    return table


def room_for(height: float) -> CondPageBreak:
    """Start a new page unless this much room is left (a heading with its first lines)."""
    return CondPageBreak(height)
