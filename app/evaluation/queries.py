"""Lists for the evaluation pages: sheets of a round, periods of a template."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from db.models import Court, EvalRound, EvalSheet, EvalTemplate, Person
from i18n import current_language, localized
from i18n.collation import bilingual_key


@dataclass(frozen=True)
class SheetRow:
    """One sheet in a round's list."""

    id: uuid.UUID
    subject_name: str
    court_name_kk: str
    court_name_ru: str
    status: str
    total: Decimal | None
    subject_id: uuid.UUID | None = None

    @property
    def court_name(self) -> str:
        """Court name in the active language."""
        return localized(self.court_name_kk, self.court_name_ru)


CHUNK = 900


def round_sheets(session: Session, round_id: uuid.UUID) -> list[SheetRow]:
    """The sheets of a round, by court then judge, in the language shown."""
    return sheet_rows(session, round_sheet_ids(session, round_id))


def round_sheet_ids(session: Session, round_id: uuid.UUID) -> list[uuid.UUID]:
    """The ids of a round's sheets, by court then judge in the language shown (P-2).

    Only the ids and their sort keys are read: a national round has tens of thousands of
    sheets, and the list shows them a page at a time (issue 11).
    """
    # Each court's key is made once, and ids stay as the driver gives them until the end: a
    # row's own copies of its court's names and a UUID per row were most of the peak.
    courts = {
        cid: bilingual_key(sort_key or "", name_ru or "")
        for cid, sort_key, name_ru in session.execute(
            select(type_coerce(Court.id, String), Court.sort_key, Court.name_ru)
        )
    }
    keyed = sorted(
        (courts.get(cid, ""), name_key or "", sid)
        for sid, cid, name_key in session.execute(
            select(
                type_coerce(EvalSheet.id, String),
                type_coerce(Person.court_id, String),
                Person.name_order(current_language()),
            )
            .join(Person, Person.id == EvalSheet.subject_id)
            .where(EvalSheet.round_id == round_id)
        )
    )
    return [uuid.UUID(hex=str(sid)) for _c, _n, sid in keyed]


def sheet_rows(session: Session, ids: Sequence[uuid.UUID]) -> list[SheetRow]:
    """Sheets as listed, in the order of ``ids``."""
    found: dict[uuid.UUID, SheetRow] = {}
    for start in range(0, len(ids), CHUNK):  # a bound parameter per id: SQLite caps them
        chunk = list(ids[start : start + CHUNK])
        for sid, s, f, p, ckk, cru, st, t, pid in session.execute(
            select(
                EvalSheet.id,
                Person.surname,
                Person.first_name,
                Person.patronymic,
                Court.name_kk,
                Court.name_ru,
                EvalSheet.status,
                EvalSheet.total,
                Person.id,
            )
            .join(Person, Person.id == EvalSheet.subject_id)
            .outerjoin(Court, Court.id == Person.court_id)
            .where(EvalSheet.id.in_(chunk))
        ):
            name = " ".join(x for x in (s, f, p) if x)
            found[sid] = SheetRow(sid, name, ckk or "", cru or "", st, t, pid)
    return [found[i] for i in ids if i in found]


def periods(session: Session, template_code: str) -> list[str]:
    """Periods that have rounds or sheets of a template, newest first."""
    found = set(
        session.scalars(select(EvalRound.period).where(EvalRound.template_code == template_code))
    )
    found |= set(
        session.scalars(  # distinct in SQL: a national period has 36,000 sheets
            select(EvalSheet.period)
            .distinct()
            .join(EvalTemplate, EvalTemplate.id == EvalSheet.template_id)
            .where(EvalTemplate.code == template_code, EvalSheet.period != "")
        )
    )
    return sorted(found, reverse=True)
