"""Data carried between the internship services and their callers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from i18n import localized


@dataclass(frozen=True)
class DueRow:
    """A judge due for an internship in a year (I-1), with the inputs of the priority."""

    person_id: uuid.UUID
    full_name: str
    court_id: uuid.UUID
    court_name_kk: str
    court_name_ru: str
    court_level: str
    region_code: str
    parent_court_id: uuid.UUID | None
    last_internship_end: date | None
    due_on: date
    experience_years: int
    complaints: int
    overturned: int
    time_limits_kept_pct: Decimal | None
    priority: float
    scheduled: bool
    sort_key: str = ""

    @property
    def court_name(self) -> str:
        """Court name in the active language."""
        return localized(self.court_name_kk, self.court_name_ru)


@dataclass(frozen=True)
class DueFilter:
    """What the due list shows; sorting by a key of DueRow."""

    region_code: str = ""
    court_id: uuid.UUID | None = None
    text: str = ""
    only_unscheduled: bool = False
    sort: str = "priority"  # priority | name | due_on | court | experience
    descending: bool = False


@dataclass(frozen=True)
class Placement:
    """One internship the planner proposes."""

    person_id: uuid.UUID
    host_court_id: uuid.UUID
    starts_on: date
    ends_on: date
    priority: float


@dataclass(frozen=True)
class Unplaced:
    """A due judge the planner could not place, and why (a reason code, see REASONS)."""

    person_id: uuid.UUID
    full_name: str
    reason: str
    priority: float


@dataclass(frozen=True)
class PlanResult:
    """A proposed schedule for a year."""

    year: int
    placements: tuple[Placement, ...]
    unplaced: tuple[Unplaced, ...]
    already_scheduled: int = 0


@dataclass(frozen=True)
class Conflict:
    """A rule an internship would break: the rule's ID and a catalog message."""

    rule: str
    code: str
    message_id: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self) -> str:
        """The message in the active language, prefixed by the rule ID (the CLI's line)."""
        return f"{self.rule}: " + self.text()

    def text(self) -> str:
        """The message in the active language without the rule ID (a screen's words)."""
        from i18n import _

        # A status travels as its catalog id and is translated with the message.
        params = {k: _(str(v)) if k == "status" else v for k, v in self.params.items()}
        return _(self.message_id).format(**params)


@dataclass(frozen=True)
class InternshipInput:
    """What a form collects to create or move an internship."""

    person_id: uuid.UUID
    host_court_id: uuid.UUID
    starts_on: date
    ends_on: date
    kind: str = "judge"
    tutor_id: uuid.UUID | None = None
    paid: bool = False


@dataclass(frozen=True)
class InternshipDTO:
    """A saved internship."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    person_name: str
    host_court_id: uuid.UUID
    host_name_kk: str
    host_name_ru: str
    starts_on: date
    ends_on: date
    kind: str
    status: str
    paid: bool
    tutor_id: uuid.UUID | None
    tutor_name: str
    intern_report: str = ""

    @property
    def host_name(self) -> str:
        """Host court name in the active language."""
        return localized(self.host_name_kk, self.host_name_ru)


@dataclass(frozen=True)
class SaveResult:
    """A saved internship and the rules it breaks (saved only when the user accepted them)."""

    internship: InternshipDTO
    conflicts: tuple[Conflict, ...]


@dataclass(frozen=True)
class OfferRow:
    """Places a host court offers over a period."""

    id: uuid.UUID
    court_id: uuid.UUID
    court_name_kk: str
    court_name_ru: str
    starts_on: date
    ends_on: date
    capacity: int
    kind: str

    @property
    def court_name(self) -> str:
        """Court name in the active language."""
        return localized(self.court_name_kk, self.court_name_ru)


@dataclass(frozen=True)
class BlackoutRow:
    """Dates a host court cannot take interns."""

    id: uuid.UUID
    court_id: uuid.UUID
    court_name_kk: str
    court_name_ru: str
    starts_on: date
    ends_on: date
    reason: str

    @property
    def court_name(self) -> str:
        """Court name in the active language."""
        return localized(self.court_name_kk, self.court_name_ru)


@dataclass(frozen=True)
class CandidatePlacesRow:
    """A court's places for candidates' paid internships in a year, and how many are taken (I-3)."""

    court_id: uuid.UUID
    court_name_kk: str
    court_name_ru: str
    places: int
    taken: int

    @property
    def court_name(self) -> str:
        """Court name in the active language."""
        return localized(self.court_name_kk, self.court_name_ru)


@dataclass(frozen=True)
class BusyRow:
    """A period a person is taken by something else, which internship planning avoids."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    person_name: str
    court_name_kk: str
    court_name_ru: str
    starts_on: date
    ends_on: date
    source: str
    note: str

    @property
    def court_name(self) -> str:
        """The person's court in the active language."""
        return localized(self.court_name_kk, self.court_name_ru)
