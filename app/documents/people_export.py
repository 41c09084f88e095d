"""Export the people register as CSV, XLSX or PDF."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.core.sheet_writer import write_csv, write_xlsx
from app.courts.centre import current_centre
from app.people.dto import PersonFilter
from app.people.queries import all_people
from app.people.vocab import ROLES, SPECIALISATIONS, STATUSES
from i18n import localized, translator

FORMATS = ("xlsx", "csv", "pdf")


def export_people(session: Session, flt: PersonFilter, fmt: str, out: Path, lang: str) -> int:
    """Write the filtered register to a file; return how many people it holds."""
    rows = all_people(session, flt)
    tr_ = translator(lang)
    if fmt == "pdf":
        from app.documents.people_register import build_people_register

        centre = current_centre(session)
        pdf = build_people_register(
            rows,
            lang=lang,
            centre_name=localized(centre.name_kk, centre.name_ru, lang) if centre else "",
        )
        tmp = out.with_name(out.name + ".partial")
        tmp.write_bytes(pdf)
        tmp.replace(out)
        return len(rows)
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
    data = [
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
    if fmt == "csv":
        write_csv(out, header, data)
    elif fmt == "xlsx":
        write_xlsx(out, tr_("People"), header, data)
    else:
        raise ValueError(fmt)
    return len(rows)
