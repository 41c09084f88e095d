"""Data passed between the staff services and their callers (S-1, S-2)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class AdaptationInput:
    """A newly hired staff member, their tutor and the adaptation's term (S-1)."""

    person_id: uuid.UUID | None
    tutor_id: uuid.UUID | None
    hired_on: date
    starts_on: date
    ends_on: date
    note: str = ""


@dataclass(frozen=True)
class PlanItem:
    """One item of an adaptation plan."""

    title: str
    due_on: date
    done: bool = False


@dataclass(frozen=True)
class ResultInput:
    """The recorded result: adapted or not, when and by whom it was decided."""

    adapted: bool
    decided_on: date
    decided_by: str


@dataclass(frozen=True)
class AdaptationDTO:
    """An adaptation with its plan, as lists and documents show it."""

    id: uuid.UUID
    person_id: uuid.UUID
    person_name: str
    tutor_id: uuid.UUID
    tutor_name: str
    court_id: uuid.UUID | None
    hired_on: date
    starts_on: date
    ends_on: date
    plan_due_on: date
    result: str
    decided_on: date | None
    decided_by: str
    note: str
    version: int
    items: tuple[PlanItem, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class InternshipInput:
    """A line of a year's schedule of civil servants' internships (S-2)."""

    person_id: uuid.UUID | None
    year: int
    place: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class InternshipDTO:
    """A scheduled internship and whether it was held."""

    id: uuid.UUID
    person_id: uuid.UUID
    person_name: str
    year: int
    place: str
    starts_on: date
    ends_on: date
    status: str
    reason: str
    version: int
