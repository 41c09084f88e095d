"""The courts register: the district courts in the very columns `import courts` takes (issue 15)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.courts.dto import CourtDTO
from app.courts.importer import COLUMNS
from app.courts.service import list_courts
from i18n import localized, translator


def district_courts(session: Session) -> list[tuple[CourtDTO, CourtDTO]]:
    """(regional court, district court) pairs, regions and districts in list order."""
    regional = {c.id: c for c in list_courts(session, level="regional")}
    return [
        (regional[c.parent_id], c)
        for c in list_courts(session, level="district")
        if c.parent_id in regional
    ]


def courts_table(
    pairs: list[tuple[CourtDTO, CourtDTO]], lang: str
) -> tuple[list[str], list[list[object]]]:
    """Header (the import's column titles, translated) and rows for XLSX and CSV."""
    tr_ = translator(lang)
    header = [tr_(text) for _key, text in COLUMNS]
    # The regional court by its name in the file's language: the import accepts either name.
    rows: list[list[object]] = [
        [localized(r.name_kk, r.name_ru, lang), d.name_kk, d.name_ru] for r, d in pairs
    ]
    return header, rows
