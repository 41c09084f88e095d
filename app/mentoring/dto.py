"""Data carried between the mentoring services and their callers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class NeedRow:
    """A judge who qualifies as a protégé today, and their current guides (M-2, M-6)."""

    person_id: uuid.UUID
    full_name: str
    court_name_kk: str
    court_name_ru: str
    region_code: str
    specialisation: str
    reasons: tuple[tuple[str, date], ...]
    tutor: str = ""
    tutor_since: date | None = None
    mentor: str = ""
    mentor_since: date | None = None


@dataclass(frozen=True)
class RosterEntryInput:
    """A guide to put on a roster; override_reason lets the coordinator overrule M-1."""

    person_id: uuid.UUID
    kind: str
    override_reason: str = ""


@dataclass(frozen=True)
class RosterOrderInput:
    """The regional chairman's order approving or amending a roster (M-3)."""

    region_code: str
    number: str
    signed_on: date
    entries: tuple[RosterEntryInput, ...] = ()
    removals: tuple[uuid.UUID, ...] = ()  # roster entry ids an amendment removes
    amends_id: uuid.UUID | None = None
    attachment_name: str = ""
    attachment: bytes | None = None


@dataclass(frozen=True)
class RosterRow:
    """A guide on the effective roster of a region."""

    entry_id: uuid.UUID
    person_id: uuid.UUID
    full_name: str
    kind: str
    court_name_kk: str
    court_name_ru: str
    specialisation: str
    order_number: str
    order_date: date
    override_reason: str
    load: int


@dataclass(frozen=True)
class RosterOrderDTO:
    """A saved roster order."""

    id: uuid.UUID
    number: str
    signed_on: date
    attachment_sha256: str
    entries: int


@dataclass(frozen=True)
class Suggestion:
    """A ranked candidate guide for a protégé (M-3, M-6) and why."""

    person_id: uuid.UUID
    full_name: str
    score: int
    load: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PairDTO:
    """A pair as everyone may see it: no confidential content (M-9)."""

    id: uuid.UUID
    version: int
    kind: str
    state: str
    protege_id: uuid.UUID
    protege_name: str
    guide_id: uuid.UUID
    guide_name: str
    region_code: str
    starts_on: date
    term_months: int
    extensions_months: int
    ends_on: date
    ended_on: date | None
    end_reason: str
    replaces_id: uuid.UUID | None
    locked_by_id: uuid.UUID | None
    progress: int | None = None


@dataclass(frozen=True)
class ProgrammeItem:
    """One line of an individual programme (M-7)."""

    goal: str
    activity: str
    due_on: date | None = None
    status: str = "planned"  # planned | in_progress | done | dropped
    evidence: str = ""


@dataclass(frozen=True)
class ProgrammeDTO:
    """A programme's current version and approval (M-7)."""

    pair_id: uuid.UUID
    version: int
    items: tuple[ProgrammeItem, ...]
    approved_by: str
    approved_on: date | None
    progress: int
    versions: tuple[tuple[int, str, str, datetime], ...] = ()  # number, reason, author, at


@dataclass(frozen=True)
class MeetingDTO:
    """A confidential meeting of a pair (M-9)."""

    id: uuid.UUID
    held_on: date
    topic: str
    notes: str


@dataclass(frozen=True)
class ReviewDTO:
    """A confidential hearing review (M-8, M-9)."""

    id: uuid.UUID
    case_number: str
    heard_on: date
    criteria: dict[str, bool]
    remarks: str


@dataclass(frozen=True)
class ReportInput:
    """The guide's or the protégé's written report (M-10, cl. 13, 16.8)."""

    author: str  # guide | protege
    submitted_on: date
    work_done: str
    knowledge_gained: str = ""
    effectiveness: str = ""
    proposals: str = ""
    feedback_score: int | None = None


@dataclass(frozen=True)
class PetitionInput:
    """A petition to end early or to replace the guide (M-10)."""

    kind: str  # end_early | replace
    filed_by: str  # guide | protege
    filed_on: date
    reasons: str


@dataclass(frozen=True)
class ProtocolInput:
    """A branch-council meeting (M-11)."""

    region_code: str
    number: str
    held_on: date
    place: str
    chair: str
    secretary: str
    members: tuple[str, ...]
    agenda: str
    amends_id: uuid.UUID | None = None


@dataclass(frozen=True)
class DecisionInput:
    """The council's decision on one pair (M-11)."""

    pair_id: uuid.UUID
    decision: str  # complete | end_early | extend | replace
    text: str
    extend_months: int = 0
    new_guide_id: uuid.UUID | None = None


@dataclass(frozen=True)
class ProtocolDTO:
    """A protocol and its state."""

    id: uuid.UUID
    version: int
    number: str
    held_on: date
    region_code: str
    signed_at: datetime | None
    signed_by: str
    content_hash: str
    decisions: int
    amends_id: uuid.UUID | None = None
    copies: tuple[tuple[str, date], ...] = field(default_factory=tuple)
    scan_name: str = ""  # the signed scan's file name; "" when none is attached
