"""Commands on people: validate, save in one transaction, audit every change."""

from __future__ import annotations

import uuid
from dataclasses import asdict, replace
from datetime import date
from itertools import pairwise
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import ConflictError, FieldError, NotFoundError, ValidationError
from app.core.permissions import PEOPLE_EDIT, require
from app.people.dto import PersonDTO, PersonInput, StatusPeriod
from app.people.iin import iin_problem
from app.people.vocab import ROLES, SPECIALISATIONS, STATUSES
from db.models import Court, Person, PersonStatusPeriod
from i18n import N_
from i18n.collation import sort_key, sort_key_ru
from i18n.search_fold import search_column

NAME_MAX = 120
EARLIEST_APPOINTMENT = date(1991, 12, 16)  # judges of the Republic are appointed since independence


def normalise(data: PersonInput) -> PersonInput:
    """Trim spaces and collapse runs of white space in names."""

    def clean(text: str) -> str:
        return " ".join(text.split())

    return replace(
        data,
        iin=data.iin.strip(),
        surname=clean(data.surname),
        first_name=clean(data.first_name),
        patronymic=clean(data.patronymic),
        position=clean(data.position),
        notes=data.notes.strip(),
    )


# A name is letters and these; str.isalpha of what is left tests every letter in one call
# (a character loop was half the people form's checks on a national exchange import).
_NAME_MARKS = str.maketrans("", "", " -'’.")


def _name_errors(field: str, value: str, required: bool) -> list[FieldError]:
    if required and not value:
        return [FieldError(field, N_("This field is required."))]
    if len(value) > NAME_MAX:
        return [FieldError(field, N_("At most {limit} characters."), {"limit": NAME_MAX})]
    letters = value.translate(_NAME_MARKS)
    if letters and not letters.isalpha():
        return [FieldError(field, N_("Only letters, spaces, hyphens and apostrophes."))]
    return []


def validate(data: PersonInput, today: date) -> list[FieldError]:
    """Every problem of a person's data, each tied to its field (P-2, P-3)."""
    errors: list[FieldError] = []
    problem = iin_problem(data.iin)
    if problem:
        errors.append(FieldError("iin", problem))
    errors += _name_errors("surname", data.surname, True)
    errors += _name_errors("first_name", data.first_name, True)
    errors += _name_errors("patronymic", data.patronymic, False)
    if data.role not in ROLES:
        errors.append(FieldError("role", N_("Choose a role from the list.")))
    if data.specialisation not in SPECIALISATIONS:
        errors.append(FieldError("specialisation", N_("Choose a specialisation from the list.")))
    if len(data.position) > 200:
        errors.append(FieldError("position", N_("At most {limit} characters."), {"limit": 200}))
    if data.role == "judge" and data.court_id is None:
        errors.append(FieldError("court_id", N_("A judge must belong to a court.")))
    appointed = data.first_appointed_on
    if appointed is not None:
        if appointed > today:
            errors.append(
                FieldError(
                    "first_appointed_on", N_("The date of first appointment is in the future.")
                )
            )
        elif appointed < EARLIEST_APPOINTMENT:
            errors.append(
                FieldError(
                    "first_appointed_on", N_("The date of first appointment is before 16.12.1991.")
                )
            )
    errors += _period_errors(data.status_periods, appointed)
    return errors


def _period_errors(periods: tuple[StatusPeriod, ...], appointed: date | None) -> list[FieldError]:
    errors: list[FieldError] = []
    ordered = sorted(periods, key=lambda p: p.starts_on)
    for i, p in enumerate(ordered, start=1):
        if p.status not in STATUSES or p.status == "active":
            errors.append(
                FieldError("status_periods", N_("Period {n}: choose a status."), {"n": i})
            )
        if p.ends_on is not None and p.ends_on < p.starts_on:
            errors.append(
                FieldError("status_periods", N_("Period {n}: it ends before it starts."), {"n": i})
            )
        if appointed is not None and p.starts_on < appointed and p.status != "retired":
            errors.append(
                FieldError(
                    "status_periods",
                    N_("Period {n}: it starts before the first appointment."),
                    {"n": i},
                )
            )
    for i, (a, b) in enumerate(pairwise(ordered), start=1):
        if a.ends_on is None or a.ends_on >= b.starts_on:
            errors.append(
                FieldError(
                    "status_periods", N_("Periods {n} and {m} overlap."), {"n": i, "m": i + 1}
                )
            )
    return errors


def _snapshot(p: Person) -> dict[str, Any]:
    return {
        "iin": p.iin,
        "surname": p.surname,
        "first_name": p.first_name,
        "patronymic": p.patronymic,
        "role": p.role,
        "court_id": p.court_id,
        "position": p.position,
        "specialisation": p.specialisation,
        "first_appointed_on": p.first_appointed_on,
        "notes": p.notes,
        "status_periods": [
            [s.status, s.starts_on.isoformat(), s.ends_on.isoformat() if s.ends_on else None]
            for s in sorted(p.status_periods, key=lambda s: s.starts_on)
        ],
    }


def derived_columns(surname: str, first_name: str, patronymic: str, iin: str) -> dict[str, str]:
    """Sort keys (Kazakh, Russian order) and folded search text, for SQL filters and ORDER BY."""
    return {
        "sort_key": sort_key(surname, first_name, patronymic),
        "sort_key_ru": sort_key_ru(surname, first_name, patronymic),
        "search_text": search_column(surname, first_name, patronymic, iin),
    }


def _apply(person: Person, data: PersonInput, actor: Actor) -> None:
    values = asdict(data)
    values.pop("status_periods")
    for key, value in values.items():
        setattr(person, key, value)
    for key, value in derived_columns(
        data.surname, data.first_name, data.patronymic, data.iin
    ).items():
        setattr(person, key, value)
    person.updated_by = actor.name
    person.status_periods = [
        PersonStatusPeriod(
            status=p.status, starts_on=p.starts_on, ends_on=p.ends_on, updated_by=actor.name
        )
        for p in sorted(data.status_periods, key=lambda p: p.starts_on)
    ]


def _check(session: Session, data: PersonInput, today: date, exclude: uuid.UUID | None) -> None:
    errors = validate(data, today)
    if data.court_id is not None and session.get(Court, data.court_id) is None:
        errors.append(FieldError("court_id", N_("The chosen court no longer exists.")))
    if not any(e.field == "iin" for e in errors):
        clash = session.execute(
            select(Person.id, Person.surname, Person.first_name).where(Person.iin == data.iin)
        ).first()
        if clash is not None and clash.id != exclude:
            errors.append(
                FieldError(
                    "iin",
                    N_("IIN {iin} is already registered to {name}."),
                    {"iin": data.iin, "name": f"{clash.surname} {clash.first_name}"},
                )
            )
    if errors:
        raise ValidationError(errors)


def _load(session: Session, person_id: uuid.UUID) -> Person:
    person = session.scalars(
        select(Person).where(Person.id == person_id).options(selectinload(Person.status_periods))
    ).first()
    if person is None:
        raise NotFoundError(N_("This person was deleted by someone else."))
    return person


def to_dto(person: Person, court: Court | None) -> PersonDTO:
    """DTO of a loaded person (status periods must be loaded)."""
    data = PersonInput(
        iin=person.iin,
        surname=person.surname,
        first_name=person.first_name,
        patronymic=person.patronymic,
        role=person.role,
        court_id=person.court_id,
        position=person.position,
        specialisation=person.specialisation,
        first_appointed_on=person.first_appointed_on,
        notes=person.notes,
        status_periods=tuple(
            StatusPeriod(s.status, s.starts_on, s.ends_on) for s in person.status_periods
        ),
    )
    return PersonDTO(
        id=person.id,
        version=person.version,
        data=data,
        court_name_kk=court.name_kk if court else "",
        court_name_ru=court.name_ru if court else "",
    )


def create_person(
    session: Session, actor: Actor, data: PersonInput, today: date | None = None
) -> PersonDTO:
    """Add a person; refuses invalid data and a duplicate IIN, writing nothing."""
    require(actor, PEOPLE_EDIT)
    data = normalise(data)
    _check(session, data, today or date.today(), exclude=None)
    person = Person()
    person.status_periods = []
    _apply(person, data, actor)
    session.add(person)
    try:
        session.flush()
    except IntegrityError as exc:  # another PC saved the same IIN between check and insert
        raise ValidationError(
            [FieldError("iin", N_("IIN {iin} is already registered."), {"iin": data.iin})]
        ) from exc
    record(session, actor, "create", "person", person.id, diff({}, _snapshot(person)))
    return to_dto(person, session.get(Court, person.court_id) if person.court_id else None)


def update_person(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    data: PersonInput,
    expected_version: int,
    today: date | None = None,
) -> PersonDTO:
    """Change a person; refuses if someone else saved it since it was read."""
    require(actor, PEOPLE_EDIT)
    data = normalise(data)
    person = _load(session, person_id)
    if person.version != expected_version:
        raise ConflictError(
            N_("Someone else changed this record meanwhile. Reload it and try again.")
        )
    _check(session, data, today or date.today(), exclude=person_id)
    before = _snapshot(person)
    _apply(person, data, actor)
    session.flush()
    changes = diff(before, _snapshot(person))
    if changes:
        record(session, actor, "update", "person", person.id, changes)
    return to_dto(person, session.get(Court, person.court_id) if person.court_id else None)


def delete_person(
    session: Session, actor: Actor, person_id: uuid.UUID, expected_version: int
) -> None:
    """Remove a person who has no dependent records."""
    require(actor, PEOPLE_EDIT)
    person = _load(session, person_id)
    if person.version != expected_version:
        raise ConflictError(
            N_("Someone else changed this record meanwhile. Reload it and try again.")
        )
    before = _snapshot(person)
    session.delete(person)
    try:
        session.flush()
    except IntegrityError as exc:
        raise ConflictError(
            N_("This person is referred to by other records and cannot be deleted.")
        ) from exc
    record(session, actor, "delete", "person", person_id, diff(before, {}))


def get_person(session: Session, person_id: uuid.UUID) -> PersonDTO:
    """A person with status periods."""
    person = _load(session, person_id)
    return to_dto(person, session.get(Court, person.court_id) if person.court_id else None)
