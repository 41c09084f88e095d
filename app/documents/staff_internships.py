"""The year's schedule of civil servants' internships (S-2, seed 003 §7.1.6), approved."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from app.documents.layout import approval
from app.documents.table_pdf import mm_widths, table_document
from app.staff.dto import InternshipDTO
from app.staff.vocab import INTERNSHIP_LABELS
from i18n import translator


def schedule_table(rows: Sequence[InternshipDTO], lang: str) -> tuple[list[str], list[list[Any]]]:
    """Header and rows shared by the PDF and the spreadsheets."""
    tr_ = translator(lang)
    header = [
        tr_("No."), tr_("Staff member"), tr_("Place"), tr_("From"), tr_("To"), tr_("Status")
    ]  # fmt: skip
    body = [
        [n, r.person_name, r.place, r.starts_on, r.ends_on,
         tr_(INTERNSHIP_LABELS.get(r.status, r.status)) + (f": {r.reason}" if r.reason else "")]
        for n, r in enumerate(rows, start=1)
    ]  # fmt: skip
    return header, body


def build_staff_internships(
    rows: Sequence[InternshipDTO],
    year: int,
    *,
    lang: str,
    centre_name: str = "",
    today: date | None = None,
) -> bytes:
    """PDF of the schedule with the head of the apparatus's approval block."""
    tr_ = translator(lang)
    header, body = schedule_table(rows, lang)
    return table_document(
        before=approval(lang, tr_("Head of the court's apparatus")),
        title=tr_("Schedule of internships of civil servants for {year}").format(year=year),
        subtitle="",
        header=header,
        rows=body,
        widths=mm_widths(10, 70, 75, 25, 25, 50),
        lang=lang,
        centre_name=centre_name,
        today=today or date.today(),
        empty=tr_("Nobody is scheduled."),
    )
