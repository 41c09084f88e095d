"""Builders shared by the CPD tests: people, forms, activities."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from app.core.context import Actor
from app.core.store import Store
from app.courts.service import list_courts
from app.cpd.dto import ActivityDTO, ActivityInput
from app.cpd.ledger import add_activity, review_activity
from app.cpd.rules import form_by_code
from app.people.dto import PersonInput, StatusPeriod
from app.people.iin import make_iin
from app.people.service import create_person

TODAY = date(2026, 11, 21)
_issued: set[str] = set()
_serial = [100]


def make_person(
    store: Store,
    actor: Actor,
    *,
    surname: str = "Әбілқасымова",
    role: str = "consultant",
    appointed: date | None = date(2022, 9, 1),
    periods: tuple[StatusPeriod, ...] = (),
) -> tuple[uuid.UUID, str]:
    """A person in the first regional court; returns id and IIN."""
    _serial[0] += 1
    iin = make_iin(date(1980, 5, 17), _serial[0])
    while iin in _issued:  # make_iin moves past a serial with no valid check digit
        _serial[0] += 1
        iin = make_iin(date(1980, 5, 17), _serial[0])
    _issued.add(iin)
    with store.write() as s:
        court = list_courts(s, level="regional")[0]
        p = create_person(
            s,
            actor,
            PersonInput(
                iin=iin,
                surname=surname,
                first_name="Гүлнұр",
                patronymic="Серікқызы",
                role=role,
                court_id=court.id,
                position="судья",
                first_appointed_on=appointed,
                status_periods=periods,
            ),
            today=TODAY,
        )
    return p.id, iin


def form_id(store: Store, code: str) -> uuid.UUID:
    """Id of a catalogue form."""
    with store.read() as s:
        form = form_by_code(s, code)
    assert form is not None
    return form.id


def add(
    store: Store,
    actor: Actor,
    person_id: uuid.UUID,
    code: str,
    on: date,
    *,
    points: Decimal | None = None,
    reason: str = "",
    confirm: bool = True,
    event: str = "Семинар: сот әдебі",
) -> ActivityDTO:
    """Add (and confirm) one ledger line."""
    fid = form_id(store, code)
    with store.write() as s:
        a = add_activity(
            s,
            actor,
            ActivityInput(
                person_id=person_id,
                form_id=fid,
                event=event,
                starts_on=on,
                ends_on=on,
                organiser="Оқу орталығы",
                points=points,
                override_reason=reason,
            ),
            today=TODAY,
        )
        if confirm:
            a = review_activity(s, actor, a.id, confirm=True, today=TODAY)
    return a
