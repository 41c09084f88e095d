"""The one way to print: fill in parameters, gather, render in a format, write the file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.errors import DomainError
from app.core.progress import Progress
from app.courts.centre import current_centre
from app.documents.spec import Document, Letterhead, Params, Sheet
from i18n import N_, localized


class FormatError(DomainError):
    """The document is not made in the asked format."""


@dataclass(frozen=True)
class Output:
    """A rendered document: PDF bytes, or spreadsheet tables ready to write."""

    document: Document
    params: Params
    fmt: str
    data: Any
    pdf: bytes | None = None
    sheets: tuple[Sheet, ...] = ()
    centre: str = ""  # the centre's name: the workbook's author and its pages' header

    @property
    def count(self) -> int | None:
        """How many lines the document holds, when it says."""
        return self.document.count(self.data) if self.document.count else None

    def file_name(self) -> str:
        """The default file name of this output."""
        return self.document.file_name(self.params, self.fmt)


def centre_name(session: Session, lang: str) -> str:
    """The header of every printed page: the name of this installation's training centre."""
    centre = current_centre(session)
    return localized(centre.name_kk, centre.name_ru, lang) if centre else ""


def with_defaults(doc: Document, params: Params, today: date) -> dict[str, Any]:
    """The parameters with every missing one set to its default."""
    full = {p.name: p.default_on(today) for p in doc.params}
    full.update({k: v for k, v in params.items() if k in full})
    return full


def produce(
    session: Session,
    actor: Actor,
    doc: Document | str,
    params: Params,
    *,
    lang: str,
    fmt: str | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> Output:
    """Gather a document's data through its feature's queries and render it in one format."""
    if isinstance(doc, str):
        from app.documents.catalogue import find

        doc = find(doc)
    fmt = fmt or doc.formats[0]
    if fmt not in doc.formats:
        raise FormatError(N_("This document is not made as {format}."), format=fmt.upper())
    today = today or date.today()
    full = with_defaults(doc, params, today)
    for p in doc.params:
        # A choice that cannot be left open (a protocol, a period) defaults to the first one.
        if p.options is not None and not p.blank and not full[p.name]:
            first = p.options(session, actor, full)
            full[p.name] = first[0][0] if first else ""
    data = doc.gather(session, actor, full, today, progress or Progress())
    if fmt == "pdf":
        assert doc.pdf is not None
        head = Letterhead(lang, centre_name(session, lang), today, progress)
        return Output(doc, full, fmt, data, pdf=doc.pdf(data, head))
    assert doc.sheets is not None
    sheets = tuple(doc.sheets(data, lang))
    return Output(doc, full, fmt, data, sheets=sheets, centre=centre_name(session, lang))


def write(output: Output, path: Path) -> None:
    """Write a rendered document to a file (whole or not at all)."""
    from app.core.owner_only import write_private
    from app.core.spreadsheet.writer import SheetData, write_csv, write_workbook

    if output.pdf is not None:
        tmp = path.with_name(path.name + ".partial")
        write_private(tmp, output.pdf)  # owner only (issue 15, 11)
        tmp.replace(path)
    elif output.fmt == "csv":
        first = output.sheets[0]
        write_csv(path, first.header, first.rows)
    else:
        sheets = [
            SheetData(t.title, t.header, t.rows, header_row=t.header_row) for t in output.sheets
        ]
        write_workbook(path, sheets, centre=output.centre)
