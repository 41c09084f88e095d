"""Small builders shared by the security, exchange and import tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.core.context import Actor
from app.courts.service import list_courts
from app.people.dto import PersonDTO, PersonInput
from app.people.iin import make_iin
from app.people.service import create_person


def judge_input(
    session: Session, serial: int, surname: str = "Әбілова", **changes: object
) -> PersonInput:
    """A valid judge of the first regional court."""
    court = list_courts(session, level="regional")[0]
    values: dict[str, object] = {
        "iin": make_iin(date(1980, 3, 4), serial),
        "surname": surname,
        "first_name": "Айгүл",
        "patronymic": "Серікқызы",
        "role": "judge",
        "court_id": court.id,
        "position": "судья",
        "specialisation": "civil",
        "first_appointed_on": date(2010, 5, 6),
    }
    values.update(changes)
    return PersonInput(**values)  # type: ignore[arg-type]


def add_judge(
    session: Session, actor: Actor, serial: int, surname: str = "Әбілова", **changes: object
) -> PersonDTO:
    """Create a valid judge."""
    return create_person(session, actor, judge_input(session, serial, surname, **changes))
