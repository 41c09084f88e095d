"""The needs analysis (M-2, M-6): judges who qualify as protégés, why, and their guides."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from app.documents import styles
from app.documents.document import DocumentInfo, render
from app.mentoring.dto import NeedRow
from app.mentoring.rules import REASONS
from i18n import format_date, format_date_long, localized, translator


def header(lang: str) -> list[str]:
    """Column titles of the needs list."""
    tr_ = translator(lang)
    return [
        tr_("No."),
        tr_("Full name"),
        tr_("Court"),
        tr_("Why a protégé"),
        tr_("Tutor"),
        tr_("Mentor"),
    ]


def rows(needs: Sequence[NeedRow], lang: str) -> list[list[Any]]:
    """The needs list as plain cells, for PDF, XLSX and CSV."""
    tr_ = translator(lang)

    since_text = tr_("since {date}")

    def guide(name: str, since: date | None) -> str:
        if not name:
            return "—"
        return f"{name} ({since_text.format(date=format_date(since, lang))})"

    return [
        [
            n,
            r.full_name,
            localized(r.court_name_kk, r.court_name_ru, lang),
            "; ".join(f"{tr_(REASONS[k])} — {format_date(d, lang)}" for k, d in r.reasons),
            guide(r.tutor, r.tutor_since),
            guide(r.mentor, r.mentor_since),
        ]
        for n, r in enumerate(needs, start=1)
    ]


def build_needs(
    needs: Sequence[NeedRow], *, lang: str, centre_name: str = "", today: date | None = None
) -> bytes:
    """PDF of the needs analysis."""
    tr_ = translator(lang)
    today = today or date.today()
    title = tr_("Need for judicial mentoring")
    data = [[Paragraph(escape(h), styles.CELL_HEAD) for h in header(lang)]]
    data += [[Paragraph(escape(str(c)), styles.CELL) for c in r] for r in rows(needs, lang)]
    table = Table(
        data, colWidths=[11 * mm, 55 * mm, 55 * mm, 60 * mm, 40 * mm, 40 * mm], repeatRows=1
    )
    table.setStyle(styles.GRID)
    story = [
        Paragraph(escape(title), styles.TITLE),
        Paragraph(
            escape(tr_("As of {date}").format(date=format_date_long(today, lang))), styles.SUBTITLE
        ),
        table,
        Spacer(1, 4 * mm),
        Paragraph(escape(tr_("Total: {count}").format(count=len(needs))), styles.BODY),
    ]
    return render(
        DocumentInfo(
            title=title, lang=lang, centre_name=centre_name, landscape=True, printed_on=today
        ),
        story,
    )
