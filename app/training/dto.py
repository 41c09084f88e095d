"""Data carried between the training services and their callers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class EventInput:
    """What the event form collects (T-2, T-4, T-5)."""

    title: str
    kind: str
    plan_year: int
    form_id: uuid.UUID | None = None  # None: the usual form of the kind
    level: str = "regional"
    audience: str = "judges"
    organiser: str = ""
    points: Decimal | None = None
    topic: str = ""
    court_id: uuid.UUID | None = None
    description: str = ""


@dataclass(frozen=True)
class EventDTO:
    """A saved event."""

    id: uuid.UUID
    version: int
    data: EventInput
    status: str
    form_id: uuid.UUID


@dataclass(frozen=True)
class SessionInput:
    """One run of an event."""

    event_id: uuid.UUID
    starts_on: date
    ends_on: date
    place: str = ""
    trainer: str = ""
    capacity: int = 0


@dataclass(frozen=True)
class SessionDTO:
    """A saved session with its seat counts."""

    id: uuid.UUID
    data: SessionInput
    registered: int = 0
    waiting: int = 0
    attended: int = 0


@dataclass(frozen=True)
class RegistrationOutcome:
    """Who got a seat, who waits, who was already there."""

    registered: tuple[uuid.UUID, ...]
    waiting: tuple[uuid.UUID, ...]
    already: tuple[uuid.UUID, ...]


@dataclass(frozen=True)
class RegistrationRow:
    """A line of the session's list and of the printed sign-in sheet."""

    no: int
    id: uuid.UUID
    person_id: uuid.UUID
    full_name: str
    iin: str
    court_name_kk: str
    court_name_ru: str
    state: str
    queue_no: int
    attended: bool
    rating: int | None
    feedback: str


@dataclass(frozen=True)
class AttendanceResult:
    """Ledger lines made and removed by an attendance change."""

    created: int
    removed: int


@dataclass(frozen=True)
class NeedInput:
    """A court's answer to the yearly needs survey (T-2)."""

    plan_year: int
    court_id: uuid.UUID
    topic: str
    people: int
    audience: str = "judges"
    note: str = ""


@dataclass(frozen=True)
class PlanRow:
    """A line of the yearly plan or of the report of events held."""

    event_id: uuid.UUID
    title: str
    kind: str
    level: str
    audience: str
    topic: str
    status: str
    starts_on: date | None
    ends_on: date | None
    place: str
    trainer: str
    capacity: int
    registered: int
    attended: int
    needed: int
    rating: Decimal | None


@dataclass(frozen=True)
class RegionalCheck:
    """T-4: regional conferences, seminars and round tables held in a year."""

    year: int
    held: int
    required: int

    @property
    def ok(self) -> bool:
        """At least the required number were held."""
        return self.held >= self.required


@dataclass(frozen=True)
class SignInSheet:
    """What the printed sign-in sheet of a session shows: the registered people, numbered."""

    title: str
    starts_on: date
    ends_on: date
    place: str
    trainer: str
    rows: tuple[RegistrationRow, ...]
