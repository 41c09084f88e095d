"""The courts register as a catalogue entry: XLSX/CSV that `import courts` takes back."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.progress import Progress
from app.courts.dto import CourtDTO
from app.courts.export import courts_table, district_courts
from app.documents.spec import Document, Letterhead, Params, Sheet
from i18n import N_, translator

Pairs = list[tuple[CourtDTO, CourtDTO]]


def _gather(session: Session, _actor: Actor, _p: Params, _today: date, _pr: Progress) -> Pairs:
    return district_courts(session)


def _sheets(data: Pairs, lang: str) -> list[Sheet]:
    header, rows = courts_table(data, lang)
    return [Sheet(translator(lang)("District courts"), header, rows)]


def _pdf(data: Pairs, head: Letterhead) -> bytes:
    from app.documents.table_pdf import mm_widths, table_document

    tr_ = translator(head.lang)
    header, rows = courts_table(data, head.lang)
    return table_document(
        title=tr_("Register of district courts"),
        subtitle="",
        header=[tr_("No."), *header],
        rows=[[str(n), *(str(v) for v in row)] for n, row in enumerate(rows, start=1)],
        widths=mm_widths(12, 80, 90, 90),
        lang=head.lang,
        centre_name=head.centre_name,
        today=head.printed_on,
        total=tr_("Total: {count}").format(count=len(rows)),
        progress=head.progress,
    )


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
        pdf=_pdf,
        sheets=_sheets,
        formats=("xlsx", "csv", "pdf"),
        stem=lambda _p: "courts-register",
        count=_count,
        done=N_("{count} district courts exported to {path}"),
    ),
)
