"""The document catalogue: every printable document, found by id or by page."""

from __future__ import annotations

from app.core.errors import NotFoundError
from app.documents.entries import (
    courts,
    cpd,
    evaluation,
    internships,
    mentoring,
    people,
    staff,
    training,
)
from app.documents.spec import Document
from i18n import N_

CATALOGUE: tuple[Document, ...] = (
    *people.DOCUMENTS,
    *courts.DOCUMENTS,
    *mentoring.DOCUMENTS,
    *internships.DOCUMENTS,
    *cpd.DOCUMENTS,
    *training.DOCUMENTS,
    *evaluation.DOCUMENTS,
    *staff.DOCUMENTS,
)
_BY_ID = {d.id: d for d in CATALOGUE}
assert len(_BY_ID) == len(CATALOGUE), "document ids are unique"


def find(doc_id: str) -> Document:
    """A document by id."""
    doc = _BY_ID.get(doc_id)
    if doc is None:
        raise NotFoundError(N_("There is no document {name}."), name=doc_id)
    return doc


def for_page(page: str) -> list[Document]:
    """The documents of a page of the main window, in catalogue order."""
    return [d for d in CATALOGUE if d.page == page]
