"""The people register (P-2) as a catalogue entry: filtered like the people list."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.progress import Progress
from app.courts.service import list_courts
from app.documents.entries.common import court
from app.documents.spec import CHOICE, TEXT, Document, Letterhead, Param, Params, Sheet
from app.people.dto import PersonFilter, PersonRow
from app.people.queries import all_people
from app.people.vocab import ROLES, STATUSES
from i18n import N_, localized, translator


@dataclass(frozen=True)
class Register:
    """The filtered people and the filter, named under the title of a selection."""

    rows: list[PersonRow]
    search: str
    court: tuple[str, str] = ("", "")  # kk, ru
    role: str = ""
    status: str = ""

    def filter_text(self, lang: str) -> str:
        """What the selection was made by, in the document's language ("" for everyone)."""
        tr_ = translator(lang)
        parts = []
        if self.court[0] or self.court[1]:
            parts.append(f"{tr_('Court')}: {localized(*self.court, lang)}")
        if self.role:
            parts.append(f"{tr_('Role')}: {tr_(ROLES.get(self.role, self.role))}")
        if self.status:
            parts.append(f"{tr_('Status')}: {tr_(STATUSES.get(self.status, self.status))}")
        if self.search:
            parts.append(f"{tr_('Search')}: «{self.search}»")
        return " · ".join(parts)


def person_filter(params: Params) -> PersonFilter:
    """The people list's filter from the document's parameters."""
    court_id = params.get("court")
    return PersonFilter(
        text=params.get("search", ""),
        court_id=uuid.UUID(court_id) if court_id else None,
        role=params.get("role", ""),
        status=params.get("status", ""),
    )


def _gather(session: Session, _actor: Actor, p: Params, _today: date, _pr: Progress) -> Register:
    wanted = person_filter(p)
    court_names = ("", "")
    if wanted.court_id is not None:
        found = [c for c in list_courts(session) if c.id == wanted.court_id]
        court_names = (found[0].name_kk, found[0].name_ru) if found else court_names
    return Register(
        all_people(session, wanted), p["search"], court_names, wanted.role, wanted.status
    )


def _pdf(data: Register, head: Letterhead) -> bytes:
    from app.documents.people_register import build_people_register

    return build_people_register(
        data.rows,
        lang=head.lang,
        centre_name=head.centre_name,
        filter_text=data.filter_text(head.lang),
        today=head.printed_on,
        progress=head.progress,
    )


def _sheets(data: Register, lang: str) -> list[Sheet]:
    from app.documents.people_register import register_table

    header, rows = register_table(data.rows, lang)
    return [Sheet(translator(lang)("People"), header, rows)]


def _count(data: Any) -> int:
    return len(data.rows)


DOCUMENTS = (
    Document(
        id="people-register",
        title=N_("Register of people"),
        description=N_("Everyone in the register with court, position, role and status."),
        page="people",
        params=(
            Param("search", TEXT, N_("Search"), help=N_("search text, as in the people list")),
            court(),
            Param("role", CHOICE, N_("Role"), choices=tuple(ROLES.items())),
            Param("status", CHOICE, N_("Status"), choices=tuple(STATUSES.items())),
        ),
        gather=_gather,
        pdf=_pdf,
        sheets=_sheets,
        stem=lambda _p: "people-register",
        count=_count,
        done=N_("{count} people exported to {path}"),
    ),
)
