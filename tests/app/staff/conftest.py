"""People for the staff tests: newcomers and tutors of one court's apparatus, and a judge."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from app.core.context import Actor
from app.core.store import Store
from app.courts.service import list_courts
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person


def add_person(
    store: Store, actor: Actor, surname: str, serial: int, role: str = "staff", court: int = 0
) -> uuid.UUID:
    """A person of the given role at the `court`-th regional court."""
    with store.read() as s:
        court_id = list_courts(s, "regional")[court].id
    data = PersonInput(
        iin=make_iin(date(1990, 1, 1), serial),
        surname=surname,
        first_name="Әлия",
        patronymic="",
        role=role,
        court_id=court_id,
        first_appointed_on=date(2015, 5, 5) if role == "judge" else None,
    )
    with store.write() as s:
        return create_person(s, actor, data).id


@pytest.fixture
def people(store: Store, actor: Actor) -> dict[str, uuid.UUID]:
    """newcomer, tutor (same court's apparatus), far (staff elsewhere), judge (same court)."""
    return {
        "newcomer": add_person(store, actor, "Жаңабаева", 11),
        "tutor": add_person(store, actor, "Тәжібаев", 12),
        "far": add_person(store, actor, "Өмірбеков", 13, court=1),
        "judge": add_person(store, actor, "Құрманова", 14, role="judge"),
    }
