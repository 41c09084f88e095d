"""The people register: the filtered list of people as a landscape table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from app.documents import styles
from app.documents.document import DocumentInfo, render
from app.people.dto import PersonRow
from app.people.experience import describe
from app.people.vocab import ROLES, STATUSES
from i18n import format_date, format_date_long, localized, translator


def build_people_register(
    rows: Sequence[PersonRow],
    *,
    lang: str,
    centre_name: str = "",
    filter_text: str = "",
    today: date | None = None,
) -> bytes:
    """PDF of the people register in kk or ru."""
    tr_ = translator(lang)
    today = today or date.today()
    title = tr_("Register of people")
    head = [
        tr_("No."),
        tr_("Full name"),
        tr_("IIN"),
        tr_("Court"),
        tr_("Position"),
        tr_("Role"),
        tr_("Status"),
        tr_("First appointed"),
        tr_("Judicial experience"),
    ]
    data: list[list[Paragraph]] = [[Paragraph(escape(h), styles.CELL_HEAD) for h in head]]
    for n, r in enumerate(rows, start=1):
        cells = [
            str(n),
            r.full_name,
            r.iin,
            localized(r.court_name_kk, r.court_name_ru, lang),
            r.position,
            tr_(ROLES.get(r.role, r.role)),
            tr_(STATUSES.get(r.status, r.status)),
            format_date(r.first_appointed_on, lang),
            describe(r.experience, lang) if r.experience else "",
        ]
        data.append(
            [
                Paragraph(escape(c), styles.CELL_NUM if i == 0 else styles.CELL)
                for i, c in enumerate(cells)
            ]
        )
    widths = [10 * mm, 48 * mm, 24 * mm, 47 * mm, 32 * mm, 24 * mm, 25 * mm, 28 * mm, 23 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(styles.GRID)
    subtitle = tr_("As of {date}").format(date=format_date_long(today, lang))
    if filter_text:
        subtitle += " · " + escape(filter_text)
    story = [
        Paragraph(escape(title), styles.TITLE),
        Paragraph(subtitle, styles.SUBTITLE),
        table,
        Spacer(1, 4 * mm),
        Paragraph(escape(tr_("Total: {count}").format(count=len(rows))), styles.BODY),
    ]
    info = DocumentInfo(
        title=title, lang=lang, centre_name=centre_name, landscape=True, printed_on=today
    )
    return render(info, story)
