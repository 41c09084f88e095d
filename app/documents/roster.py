"""The roster of tutors and mentors of a region as approved by order (M-3)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from app.documents.layout import approval
from app.documents.protocol import KIND_LABELS
from app.documents.table_pdf import mm_widths, table_document
from app.mentoring.dto import RosterRow
from app.people.vocab import SPECIALISATIONS
from i18n import format_date, format_date_long, localized, translator


def header(lang: str) -> list[str]:
    """Column titles of the roster."""
    tr_ = translator(lang)
    return [
        tr_("No."),
        tr_("Full name"),
        tr_("Kind"),
        tr_("Court"),
        tr_("Specialisation"),
        tr_("Order"),
        tr_("Protégés now"),
    ]


def rows(roster: Sequence[RosterRow], lang: str) -> list[list[Any]]:
    """The roster as plain cells (an overridden entry names the coordinator's reason, M-1)."""
    tr_ = translator(lang)
    out: list[list[Any]] = []
    for n, r in enumerate(roster, start=1):
        kind = tr_(KIND_LABELS[r.kind])
        if r.override_reason:
            kind += " *"
        out.append(
            [
                n,
                r.full_name,
                kind,
                localized(r.court_name_kk, r.court_name_ru, lang),
                tr_(SPECIALISATIONS.get(r.specialisation, r.specialisation)),
                f"№ {r.order_number}, {format_date(r.order_date, lang)}",
                r.load,
            ]
        )
    return out


def build_roster(
    roster: Sequence[RosterRow],
    *,
    lang: str,
    region_name: str,
    centre_name: str = "",
    today: date | None = None,
    coordinator: str = "",
) -> bytes:
    """PDF of a region's effective roster; `coordinator` is the region's (M-6, cl. 9)."""
    tr_ = translator(lang)
    today = today or date.today()
    title = tr_("Roster of tutors and mentors")
    notes = []
    if any(r.override_reason for r in roster):
        notes.append(tr_("* admitted by the coordinator's decision, with the reason recorded"))
    if coordinator:
        notes.append(tr_("Coordinator of judicial mentoring: {name}").format(name=coordinator))
    notes.append(tr_("As of {date}").format(date=format_date_long(today, lang, locative=True)))
    return table_document(
        # M-3, seed 002 cl. 8: the roster is approved by the regional court chairman's order.
        before=approval(lang, tr_("Chairman of the regional court")),
        title=title,
        subtitle=region_name,
        header=header(lang),
        rows=rows(roster, lang),
        widths=mm_widths(11, 60, 25, 62, 35, 40, 22),
        lang=lang,
        centre_name=centre_name,
        today=today,
        notes=notes,
        numeric=(),
    )
