"""The courts register as a catalogue entry: XLSX/CSV that `import courts` takes back."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.progress import Progress
from app.courts.dto import CourtDTO
from app.courts.export import courts_table, district_courts
from app.documents.spec import Document, Params, Sheet
from i18n import N_, translator

Pairs = list[tuple[CourtDTO, CourtDTO]]


def _gather(session: Session, _actor: Actor, _p: Params, _today: date, _pr: Progress) -> Pairs:
    return district_courts(session)


def _sheets(data: Pairs, lang: str) -> list[Sheet]:
    header, rows = courts_table(data, lang)
    return [Sheet(translator(lang)("District courts"), header, rows)]


def _count(data: Any) -> int:
    return len(data)


DOCUMENTS = (
    Document(
        id="courts-register",
        title=N_("Register of district courts"),
        description=N_(
            "District courts with their regional court, in the columns the courts import takes."
        ),
        page="people",
        params=(),
        gather=_gather,
        sheets=_sheets,
        formats=("xlsx", "csv"),
        stem=lambda _p: "courts-register",
        count=_count,
        done=N_("{count} district courts exported to {path}"),
    ),
)
