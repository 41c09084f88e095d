"""Register the shipped fonts once; DejaVu covers every Kazakh letter and the tenge sign."""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.core.paths import resources_dir

SERIF = "TalimgerSerif"
SERIF_BOLD = "TalimgerSerif-Bold"
SANS = "TalimgerSans"
SANS_BOLD = "TalimgerSans-Bold"

_FILES = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SANS: "DejaVuSansCondensed.ttf",
    SANS_BOLD: "DejaVuSansCondensed-Bold.ttf",
}
_registered: list[bool] = []


def register_fonts() -> None:
    """Register regular and bold faces with ReportLab (idempotent)."""
    if _registered:
        return
    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    for family, regular, bold in ((SERIF, SERIF, SERIF_BOLD), (SANS, SANS, SANS_BOLD)):
        addMapping(family, 0, 0, regular)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, regular)
        addMapping(family, 1, 1, bold)
    _registered.append(True)
