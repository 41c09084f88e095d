"""Paragraph and table styles of every printed document."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from app.documents.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, register_fonts

# Paragraph styles resolve their font names when used, so the faces must exist first.
register_fonts()

# splitLongWords=0: lines break only at spaces, never inside a word without a hyphen; tables
# measure their columns from the content (layout.column_widths) so every word fits.
BODY = ParagraphStyle(
    "body", fontName=SERIF, fontSize=11, leading=14.5, alignment=TA_LEFT, splitLongWords=0
)
BODY_CENTER = ParagraphStyle("body_center", parent=BODY, alignment=TA_CENTER)
BODY_RIGHT = ParagraphStyle("body_right", parent=BODY, alignment=TA_RIGHT)
TITLE = ParagraphStyle(
    "title",
    fontName=SERIF_BOLD,
    splitLongWords=0,
    fontSize=14,
    leading=18,
    alignment=TA_CENTER,
    spaceAfter=6,
)
SUBTITLE = ParagraphStyle(
    "subtitle",
    fontName=SERIF,
    splitLongWords=0,
    fontSize=11,
    leading=14,
    alignment=TA_CENTER,
    spaceAfter=10,
)
HEADING = ParagraphStyle(
    "heading",
    fontName=SERIF_BOLD,
    splitLongWords=0,
    fontSize=12,
    leading=15,
    spaceBefore=8,
    spaceAfter=4,
)
SMALL = ParagraphStyle("small", fontName=SANS, fontSize=8.5, leading=10.5, splitLongWords=0)
CELL = ParagraphStyle("cell", fontName=SANS, fontSize=9, leading=11, splitLongWords=0)
CELL_BOLD = ParagraphStyle("cell_bold", parent=CELL, fontName=SANS_BOLD)
CELL_HEAD = ParagraphStyle("cell_head", parent=CELL, fontName=SANS_BOLD, alignment=TA_CENTER)
CELL_NUM = ParagraphStyle("cell_num", parent=CELL, alignment=TA_RIGHT)

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8ECF2")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
)
