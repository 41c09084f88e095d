"""Lists for the evaluation pages: sheets of a round, periods of a template."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
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


def round_sheets(session: Session, round_id: uuid.UUID) -> list[SheetRow]:
    """The sheets of a round, by court then judge, in the language shown."""
    rows = session.execute(
        select(
            EvalSheet.id,
            Person.surname,
            Person.first_name,
            Person.patronymic,
            Court.name_kk,
            Court.name_ru,
            EvalSheet.status,
            EvalSheet.total,
            Court.sort_key,
            Person.name_order(current_language()),
            Person.id,
        )
        .join(Person, Person.id == EvalSheet.subject_id)
        .outerjoin(Court, Court.id == Person.court_id)
        .where(EvalSheet.round_id == round_id)
    ).all()
    # P-2: courts and names in the alphabet of the language shown
    rows = sorted(rows, key=lambda r: (bilingual_key(r[8] or "", r[5] or ""), r[9]))
    return [
        SheetRow(sid, " ".join(x for x in (s, f, p) if x), ckk or "", cru or "", status, total, pid)
        for sid, s, f, p, ckk, cru, status, total, _a, _b, pid in rows
    ]


def periods(session: Session, template_code: str) -> list[str]:
    """Periods that have rounds or sheets of a template, newest first."""
    found = set(
        session.scalars(select(EvalRound.period).where(EvalRound.template_code == template_code))
    )
    found |= set(
        session.scalars(
            select(EvalSheet.period)
            .join(EvalTemplate, EvalTemplate.id == EvalSheet.template_id)
            .where(EvalTemplate.code == template_code, EvalSheet.period != "")
        )
    )
    return sorted(found, reverse=True)
