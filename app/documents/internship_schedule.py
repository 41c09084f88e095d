"""The internship schedule of a year (I-1) and the due list: landscape PDF and table rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm

from app.documents.layout import approval
from app.documents.table_pdf import AUTO, SMALL_HEAD, table_document
from app.internships.dto import DueRow, InternshipDTO
from i18n import N_, format_date_long, format_number, localized, translator

STATUS_LABELS = {"planned": N_("Planned"), "done": N_("Done"), "cancelled": N_("Cancelled")}


def schedule_table(rows: Sequence[InternshipDTO], lang: str) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the schedule, for XLSX/CSV and the PDF alike."""
    tr_ = translator(lang)
    header = [
        tr_("No."),
        tr_("Host court"),
        tr_("Judge"),
        tr_("From"),
        tr_("To"),
        tr_("Days"),
        tr_("Host tutor"),
        tr_("Status"),
    ]
    body = [
        [
            n,
            localized(r.host_name_kk, r.host_name_ru, lang),
            r.person_name,
            r.starts_on,
            r.ends_on,
            (r.ends_on - r.starts_on).days + 1,
            r.tutor_name,
            tr_(STATUS_LABELS.get(r.status, r.status)),
        ]
        for n, r in enumerate(rows, start=1)
    ]
    return header, body


def _pdf(
    title: str,
    subtitle: str,
    header: list[str],
    body: list[list[Any]],
    *,
    widths: list[float],
    lang: str,
    centre_name: str,
    today: date,
    total: str,
    approved_by: str = "",
) -> bytes:
    return table_document(
        before=approval(lang, approved_by) if approved_by else (),
        title=title,
        subtitle=subtitle,
        header=header,
        rows=body,
        widths=widths,
        lang=lang,
        centre_name=centre_name,
        today=today,
        total=total,
        numeric=AUTO,
        head_style=SMALL_HEAD,
    )


def build_schedule_pdf(
    rows: Sequence[InternshipDTO],
    *,
    year: int,
    lang: str,
    centre_name: str = "",
    today: date | None = None,
) -> bytes:
    """Landscape PDF of the schedule, header row repeated on every page."""
    tr_ = translator(lang)
    today = today or date.today()
    header, body = schedule_table(rows, lang)
    widths = [11 * mm, 54 * mm, 52 * mm, 22 * mm, 22 * mm, 14 * mm, 54 * mm, 31 * mm]
    title = tr_("Schedule of internships of judges at higher courts, {year}").format(year=year)
    subtitle = tr_("As of {date}").format(date=format_date_long(today, lang, locative=True))
    return _pdf(
        title,
        subtitle,
        header,
        body,
        widths=widths,
        lang=lang,
        centre_name=centre_name,
        today=today,
        total=tr_("Total: {count}").format(count=len(rows)),
        # The schedule is the regional court chairman's to approve (seed 000 §5.3.5, I-1).
        approved_by=tr_("Chairman of the regional court"),
    )


def due_table(rows: Sequence[DueRow], lang: str) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the due list."""
    tr_ = translator(lang)
    header = [
        tr_("No."),
        tr_("Judge"),
        tr_("Court"),
        tr_("Last internship ended"),
        tr_("Due on"),
        tr_("Experience, years"),
        tr_("Decisions overturned"),
        tr_("Time limits kept, %"),
        tr_("Complaints"),
        tr_("Priority"),
        tr_("Scheduled"),
    ]
    body = [
        [
            n,
            r.full_name,
            localized(r.court_name_kk, r.court_name_ru, lang),
            r.last_internship_end or tr_("never"),
            r.due_on,
            r.experience_years,
            r.overturned,
            r.time_limits_kept_pct,  # a number, printed as before
            r.complaints,
            Decimal(f"{r.priority:.1f}"),
            tr_("yes") if r.scheduled else tr_("no"),
        ]
        for n, r in enumerate(rows, start=1)
    ]
    return header, body


def build_due_pdf(
    rows: Sequence[DueRow],
    *,
    year: int,
    lang: str,
    centre_name: str = "",
    today: date | None = None,
) -> bytes:
    """Landscape PDF of the judges due for an internship in a year (I-1)."""
    tr_ = translator(lang)
    today = today or date.today()
    header, body = due_table(rows, lang)
    # The shared table writes the share and the priority as plain text; paper writes numbers
    # with the language's decimal comma.
    for line, r in zip(body, rows, strict=True):
        line[7] = (
            "" if r.time_limits_kept_pct is None else format_number(r.time_limits_kept_pct, lang)
        )
        line[9] = format_number(r.priority, lang, decimals=1)
    widths = [
        10 * mm,
        42 * mm,
        42 * mm,
        22 * mm,
        21 * mm,
        18 * mm,
        22 * mm,
        22 * mm,
        20 * mm,
        20 * mm,
        22 * mm,
    ]
    title = tr_("Judges due for an internship at a higher court in {year}").format(year=year)
    subtitle = tr_("At least once every 3 years, for at least 2 weeks. As of {date}").format(
        date=format_date_long(today, lang, locative=True)
    )
    return _pdf(
        title,
        subtitle,
        header,
        body,
        widths=widths,
        lang=lang,
        centre_name=centre_name,
        today=today,
        total=tr_("Total: {count}").format(count=len(rows)),
    )


def candidate_places_table(
    rows: Sequence[tuple[str, str, int, int]], lang: str
) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of candidates' places per court (I-3)."""
    tr_ = translator(lang)
    header = [tr_("No."), tr_("Court"), tr_("Places for candidates"), tr_("Taken"), tr_("Free")]
    body: list[list[Any]] = [
        [n, kk if lang == "kk" else ru, places, taken, max(places - taken, 0)]
        for n, (kk, ru, places, taken) in enumerate(rows, start=1)
    ]
    return header, body


def build_candidate_places_pdf(
    rows: Sequence[tuple[str, str, int, int]],
    *,
    year: int,
    lang: str,
    centre_name: str = "",
    today: date | None = None,
) -> bytes:
    """Paid internships of candidate judges: places allocated per court and taken (I-3)."""
    tr_ = translator(lang)
    today = today or date.today()
    header, body = candidate_places_table(rows, lang)
    title = tr_("Places for paid internships of candidate judges, {year}").format(year=year)
    subtitle = tr_("As of {date}").format(date=format_date_long(today, lang, locative=True))
    return _pdf(
        title,
        subtitle,
        header,
        body,
        widths=[12 * mm, 120 * mm, 40 * mm, 30 * mm, 30 * mm],
        lang=lang,
        centre_name=centre_name,
        today=today,
        total=tr_("Total: {count}").format(count=sum(r[2] for r in rows)),
    )
