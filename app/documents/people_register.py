"""The people register: the filtered list of people as a landscape table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.core.progress import Progress
from app.documents.names import position
from app.documents.table_pdf import mm_widths, table_document
from app.people.dto import PersonRow
from app.people.experience import describe
from app.people.vocab import ROLES, SPECIALISATIONS, STATUSES
from i18n import format_date, format_date_long, localized, translator


def build_people_register(
    rows: Sequence[PersonRow],
    *,
    lang: str,
    centre_name: str = "",
    filter_text: str = "",
    today: date | None = None,
    progress: Progress | None = None,
) -> bytes:
    """PDF of the people register in kk or ru."""
    tr_ = translator(lang)
    today = today or date.today()
    # A selection says so in its title and names what it was selected by (issue 13).
    title = tr_("Register of people: a selection") if filter_text else tr_("Register of people")
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
    rows_text = [
        [
            str(n),
            r.full_name,
            r.iin,
            localized(r.court_name_kk, r.court_name_ru, lang),
            position(r.position, lang),
            tr_(ROLES.get(r.role, r.role)),
            tr_(STATUSES.get(r.status, r.status)),
            format_date(r.first_appointed_on, lang),
            describe(r.experience, lang) if r.experience else "",
        ]
        for n, r in enumerate(rows, start=1)
    ]
    subtitle = tr_("As of {date}").format(date=format_date_long(today, lang, locative=True))
    if filter_text:
        subtitle = filter_text + ". " + subtitle
    return table_document(
        title=title,
        subtitle=subtitle,
        header=head,
        rows=rows_text,
        widths=mm_widths(10, 48, 24, 47, 32, 24, 25, 28, 23),
        lang=lang,
        centre_name=centre_name,
        today=today,
        total=tr_("Total: {count}").format(count=len(rows)),
        progress=progress,
    )


def register_table(rows: Sequence[PersonRow], lang: str) -> tuple[list[str], list[list[object]]]:
    """Header and rows of the register for XLSX and CSV."""
    tr_ = translator(lang)
    header = [
        tr_("IIN"),
        tr_("Surname, name, patronymic"),
        tr_("Role"),
        tr_("Court"),
        tr_("Position"),
        tr_("Specialisation"),
        tr_("First appointed"),
        tr_("Status"),
    ]
    data: list[list[object]] = [
        [
            r.iin,
            r.full_name,
            tr_(ROLES[r.role]),
            localized(r.court_name_kk, r.court_name_ru, lang),
            r.position,
            tr_(SPECIALISATIONS.get(r.specialisation, r.specialisation)),
            r.first_appointed_on,
            tr_(STATUSES[r.status]),
        ]
        for r in rows
    ]
    return header, data
