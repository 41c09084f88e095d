"""Data carried between the people services and their callers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from app.people.experience import Experience


@dataclass(frozen=True)
class StatusPeriod:
    """A non-active status over a period; ends_on None means still ongoing."""

    status: str
    starts_on: date
    ends_on: date | None = None


@dataclass(frozen=True)
class PersonInput:
    """What a form collects to create or change a person."""

    iin: str
    surname: str
    first_name: str
    patronymic: str = ""
    role: str = "judge"
    court_id: uuid.UUID | None = None
    position: str = ""
    specialisation: str = ""
    first_appointed_on: date | None = None
    notes: str = ""
    status_periods: tuple[StatusPeriod, ...] = ()


@dataclass(frozen=True)
class PersonDTO:
    """A saved person."""

    id: uuid.UUID
    version: int
    data: PersonInput
    court_name_kk: str = ""
    court_name_ru: str = ""

    @property
    def full_name(self) -> str:
        """Surname, name and patronymic."""
        d = self.data
        return " ".join(p for p in (d.surname, d.first_name, d.patronymic) if p)


@dataclass(frozen=True)
class PersonRow:
    """One line of the people list."""

    id: uuid.UUID
    iin: str
    full_name: str
    role: str
    court_name_kk: str
    court_name_ru: str
    position: str
    specialisation: str
    first_appointed_on: date | None
    status: str
    experience: Experience | None = None


@dataclass(frozen=True)
class PersonFilter:
    """What the people list shows: search text and filters, applied in SQL."""

    text: str = ""
    court_id: uuid.UUID | None = None
    region_code: str = ""
    role: str = ""
    status: str = ""
    on: date | None = None
    descending: bool = False
    ids: tuple[uuid.UUID, ...] = field(default_factory=tuple)
