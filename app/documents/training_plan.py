"""Training documents: the yearly plan (T-3), the report of events held (T-2), the sign-in sheet."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.documents import styles
from app.documents.document import DocumentInfo, render
from app.documents.layout import approval, fit_widths
from app.documents.table_pdf import mm_widths, table_document
from app.training.dto import PlanRow, RegistrationRow
from app.training.vocab import AUDIENCES, EVENT_STATUSES, KINDS
from i18n import format_date, format_date_long, format_number, localized, translator


def _dates(r: PlanRow, lang: str) -> str:
    if r.starts_on is None:
        return ""
    if r.ends_on is None or r.ends_on == r.starts_on:
        return format_date(r.starts_on, lang)
    return f"{format_date(r.starts_on, lang)} – {format_date(r.ends_on, lang)}"


def plan_header(lang: str, held: bool) -> list[str]:
    """Column titles of the plan (or of the report of events held)."""
    tr_ = translator(lang)
    head = [
        tr_("No."),
        tr_("Event"),
        tr_("Kind"),
        tr_("Audience"),
        tr_("Dates"),
        tr_("Place"),
        tr_("Trainer"),
    ]
    return head + (
        [tr_("Attended"), tr_("Rating")] if held else [tr_("Seats"), tr_("People in need")]
    )


def plan_cells(n: int, r: PlanRow, lang: str, held: bool) -> list[str]:
    """One event's line as text."""
    tr_ = translator(lang)
    kind = tr_(KINDS.get(r.kind, r.kind))
    if r.status == "cancelled":
        kind += f" ({tr_(EVENT_STATUSES['cancelled'])})"
    cells = [
        str(n),
        r.title,
        kind,
        tr_(AUDIENCES.get(r.audience, r.audience)),
        _dates(r, lang),
        r.place,
        r.trainer,
    ]
    if held:
        rating = format_number(r.rating, lang) if r.rating is not None else ""
        return [*cells, format_number(r.attended, lang), rating]
    return [
        *cells,
        format_number(r.capacity, lang) if r.capacity else "",
        format_number(r.needed, lang) if r.needed else "",
    ]


def plan_values(n: int, r: PlanRow, lang: str, held: bool) -> list[Any]:
    """One event's line for a workbook: the counts and the rating as numbers."""
    cells: list[Any] = plan_cells(n, r, lang, held)
    cells[0] = n
    cells[-2:] = [r.attended, r.rating] if held else [r.capacity or None, r.needed or None]
    return cells


def build_plan_pdf(
    rows: Sequence[PlanRow],
    *,
    year: int,
    lang: str,
    held: bool = False,
    centre_name: str = "",
    due_on: date | None = None,
    today: date | None = None,
) -> bytes:
    """The plan of a year's events, or the report of the events held in it."""
    tr_ = translator(lang)
    today = today or date.today()
    title = (
        tr_("Report of training events held in {year}")
        if held
        else tr_("Plan of training events for {year}")
    ).format(year=year)
    subtitle = tr_("As of {date}").format(date=format_date_long(today, lang, locative=True))
    if due_on and not held:
        subtitle += " · " + tr_("due to the coordinators by {date}").format(
            date=format_date(due_on, lang)
        )
    return table_document(
        # The plan is approved before it goes to the coordinators (T-2, T-3; seed 000).
        before=() if held else approval(lang, tr_("Chairman of the regional court")),
        title=title,
        subtitle=subtitle,
        header=plan_header(lang, held),
        rows=[plan_cells(n, r, lang, held) for n, r in enumerate(rows, start=1)],
        widths=mm_widths(10, 54, 28, 28, 32, 36, 30, 24, 19),
        lang=lang,
        centre_name=centre_name,
        today=today,
        total=tr_("Total: {count}").format(count=len(rows)),
        numeric=(0, 7, 8),
    )


def build_sign_in_sheet(
    rows: Sequence[RegistrationRow],
    *,
    title: str,
    dates: str,
    place: str,
    trainer: str,
    lang: str,
    centre_name: str = "",
    today: date | None = None,
) -> bytes:
    """The printed sign-in sheet; its row numbers are typed back to record attendance."""
    tr_ = translator(lang)
    head = [tr_("No."), tr_("Full name"), tr_("Court"), tr_("Signature")]
    data: list[list[Any]] = [[Paragraph(escape(h), styles.CELL_HEAD) for h in head]]
    for r in rows:
        data.append(
            [
                Paragraph(str(r.no), styles.CELL_NUM),
                Paragraph(escape(r.full_name), styles.CELL),
                Paragraph(escape(localized(r.court_name_kk, r.court_name_ru, lang)), styles.CELL),
                "",
            ]
        )
    widths = fit_widths(data, [12 * mm, 62 * mm, 62 * mm, 38 * mm])
    # Room to sign on every line, more where a long court name wraps (it must stay inside).
    heights: list[float | None] = [None]
    for line in data[1:]:
        text = max(
            (c.wrap(w - 6, 1000)[1] for c, w in zip(line, widths, strict=True) if c != ""),
            default=0,
        )
        heights.append(max(11 * mm, text + 6))
    table = Table(data, colWidths=widths, repeatRows=1, rowHeights=heights)
    table.setStyle(styles.GRID)
    sheet = tr_("Sign-in sheet")
    story: list[Flowable] = [
        Paragraph(escape(sheet), styles.TITLE),
        Paragraph(escape(title), styles.SUBTITLE),
        Paragraph(
            escape(
                f"{tr_('Dates')}: {dates}. {tr_('Place')}: {place}. {tr_('Trainer')}: {trainer}"
            ),
            styles.BODY,
        ),
        Spacer(1, 3 * mm),
        table,
    ]
    return render(
        DocumentInfo(
            title=sheet, lang=lang, centre_name=centre_name, printed_on=today or date.today()
        ),
        story,
    )
