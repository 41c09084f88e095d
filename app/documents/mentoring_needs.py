"""The needs analysis (M-2, M-6): judges who qualify as protégés, why, and their guides."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from app.documents.table_pdf import mm_widths, table_document
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
    return table_document(
        title=title,
        subtitle=tr_("As of {date}").format(date=format_date_long(today, lang, locative=True)),
        header=header(lang),
        rows=rows(needs, lang),
        widths=mm_widths(11, 55, 55, 60, 40, 40),
        lang=lang,
        centre_name=centre_name,
        today=today,
        total=tr_("Total: {count}").format(count=len(needs)),
        numeric=(),
    )
