"""Bar charts for the printed summaries, drawn with ReportLab's own graphics: grey levels,
outlines and a number at each bar's end, so they read in black and white.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.colors import Color, black, white
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.documents.fonts import SANS, SANS_BOLD, register_fonts
from i18n import format_number

# Fills of the stacked series: black, mid grey, white (each outlined in black).
FILLS = (Color(0.15, 0.15, 0.15), Color(0.6, 0.6, 0.6), white, Color(0.82, 0.82, 0.82))
ROW, BAR, SIZE = 5.2 * mm, 3.6 * mm, 8


def _fit(text: str, width: float, font: str = SANS) -> str:
    """Cut in the middle: long court names differ at their ends ("… города Есиль")."""
    if stringWidth(text, font, SIZE) <= width:
        return text
    head, tail = len(text) // 2, len(text) // 2
    while head > 1 and stringWidth(text[:head] + "…" + text[-tail:], font, SIZE) > width:
        head, tail = head - 1, max(tail - 1, 1)
    return text[:head] + "…" + text[-tail:]


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[str],
    values: Sequence[Sequence[float]],
    *,
    lang: str,
    width: float = 170 * mm,
    full_scale: float = 0,
) -> Drawing:
    """Stacked horizontal bars: one row per category, one segment per series, a legend under
    them when there is more than one series.
    """
    register_fonts()
    legend = 6 * mm if len(series) > 1 else 0
    height = 7 * mm + ROW * len(categories) + legend
    d = Drawing(width, height)
    d.add(String(0, height - 4 * mm, title, fontName=SANS_BOLD, fontSize=SIZE + 1))
    label_w, number_w = width * 0.38, 16 * mm
    bar_w = width - label_w - number_w
    top = full_scale or max((sum(v) for v in values), default=0) or 1
    y = height - 7 * mm - ROW
    for category, row in zip(categories, values, strict=True):
        label = _fit(category, label_w - 2 * mm)
        d.add(
            String(
                label_w - 2 * mm,
                y + 1.3 * mm,
                label,
                fontName=SANS,
                fontSize=SIZE,
                textAnchor="end",
            )
        )
        x = label_w
        for i, value in enumerate(row):
            w = bar_w * value / top
            if w > 0:
                d.add(
                    Rect(
                        x,
                        y + (ROW - BAR) / 2,
                        w,
                        BAR,
                        fillColor=FILLS[i % len(FILLS)],
                        strokeColor=black,
                        strokeWidth=0.5,
                    )
                )
                x += w
        d.add(
            String(
                x + 1.5 * mm,
                y + 1.3 * mm,
                format_number(sum(row), lang),
                fontName=SANS,
                fontSize=SIZE,
            )
        )
        y -= ROW
    if legend:
        x = 0.0
        for i, name in enumerate(series):
            d.add(
                Rect(
                    x,
                    1 * mm,
                    3 * mm,
                    3 * mm,
                    fillColor=FILLS[i % len(FILLS)],
                    strokeColor=black,
                    strokeWidth=0.5,
                )
            )
            d.add(String(x + 4 * mm, 1.4 * mm, name, fontName=SANS, fontSize=SIZE))
            x += 4 * mm + stringWidth(name, SANS, SIZE) + 5 * mm
    return d
